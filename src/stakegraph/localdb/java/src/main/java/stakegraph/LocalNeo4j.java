package stakegraph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * An embedded Neo4j with its Bolt connector on 127.0.0.1.
 *
 * Usage: LocalNeo4j HOME_DIR BOLT_PORT [--import IMPORT_LOG IMPORT_ARGUMENT...]
 * Environment: NEO4J_PASSWORD sets the password of the user "neo4j" at every start (empty:
 * authentication off); STAKEGRAPH_NEO4J_PAGECACHE sets the page cache size (default 512m).
 *
 * With --import, first builds the database `neo4j` with Neo4j's offline importer
 * (BulkImport: the arguments of `neo4j-admin database import full`, its output to
 * IMPORT_LOG) in this JVM, then starts it with a page cache that holds the new store
 * (PAGECACHE_PER_STORE, at most FIRST_PAGECACHE_MAX, never less than the configured one).
 * Prints "IMPORTED" when the import is done, or "IMPORT FAILED EXIT" and exits with 3.
 *
 * Prints "READY bolt://127.0.0.1:PORT" once the database accepts work, and shuts the
 * database down cleanly on SIGTERM/SIGINT so that the next start finds an intact store.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    /** The page cache of the start after an import: the new store's size times this... */
    static final double PAGECACHE_PER_STORE = 1.25;
    /** ...but at most this (the 1M world's store is 2.2 GB). */
    static final long FIRST_PAGECACHE_MAX = 4096L << 20;

    public static void main(String[] args) throws IOException {
        boolean importing = args.length > 2 && args[2].equals("--import") && args.length > 4;
        if (args.length != 2 && !importing) {
            System.err.println("usage: LocalNeo4j HOME_DIR BOLT_PORT [--import IMPORT_LOG IMPORT_ARGUMENT...]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        long pagecache = ByteUnit.parse(System.getenv().getOrDefault("STAKEGRAPH_NEO4J_PAGECACHE", "512m"));

        if (importing) {
            int code = BulkImport.run(home, Path.of(args[3]), Arrays.copyOfRange(args, 4, args.length));
            if (code != 0) {
                System.out.println("IMPORT FAILED " + code);
                System.out.flush();
                System.exit(3);
            }
            System.out.println("IMPORTED");
            System.out.flush();
            long wanted = Math.min(FIRST_PAGECACHE_MAX,
                    (long) Math.ceil(size(home.resolve("data/databases/neo4j")) * PAGECACHE_PER_STORE));
            pagecache = Math.max(pagecache, wanted);
        }

        if (!password.isEmpty() && !Files.exists(home.resolve("data/databases/system"))) {
            setInitialPassword(home, password);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, !password.isEmpty())
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(0))
                // Bolt's event loops are shut down after the databases (checkpointed and
                // closed by then) with a quiet period of 5 s, twice: 10 s of every stop
                // spent waiting for connections that are already gone.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (!password.isEmpty() && !passwordIs(system, password)) {
            setPassword(system, password);
        }
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
    }

    /** The bytes of the files under `dir`. */
    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /**
     * Before the first start (no system database yet): the password of "neo4j" as
     * `neo4j-admin dbms set-initial-password` gives it, in a file the new system database
     * reads, with no password change required. The Cypher of `setPassword` costs a cold JVM
     * seconds of CPU (its commands are compiled into several queries on the system graph).
     */
    private static void setInitialPassword(Path home, String password) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), quiet, System.err,
                new org.neo4j.io.fs.DefaultFileSystemAbstraction());
        int code = AdminTool.execute(context, "dbms", "set-initial-password", "--", password);
        if (code != 0) {
            throw new IllegalStateException("set-initial-password failed (exit " + code + ")");
        }
    }

    /** Whether "neo4j" logs in with this password (a look-up in the system graph, no Cypher). */
    private static boolean passwordIs(GraphDatabaseService system, String password) {
        AuthManager auth = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(AuthManager.class);
        try {
            Map<String, Object> token = Map.of(
                    "scheme", "basic", "principal", "neo4j", "credentials", password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return auth.login(token, ClientConnectionInfo.EMBEDDED_CONNECTION).subject().getAuthenticationResult()
                    == AuthenticationResult.SUCCESS;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Sets the password of "neo4j" and clears any pending password change. Neo4j refuses a
     * new password equal to the old one in some states and leaves the change flag alone
     * when the password is unchanged, so the flag is cleared by a statement of its own.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
        system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
    }
}
