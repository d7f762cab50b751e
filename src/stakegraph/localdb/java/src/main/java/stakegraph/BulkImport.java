package stakegraph;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import picocli.CommandLine;

/**
 * `neo4j-admin database import full` (Neo4j's own command: the same options, checks, report
 * file and output) whose input also writes empty lists.
 *
 * The CSV importer reads an empty cell, and an array of no elements, as no value, so a list
 * property that is [] cannot be a cell. `stakegraph import PATH --initial` names such
 * properties in the column `_emptyLists` (a string[]); here each name becomes a property of
 * the node or relationship holding an empty String[] (what Cypher's `SET n.x = []` stores),
 * and `_emptyLists` itself is not written.
 *
 * Run by LocalNeo4j (--import) in the JVM that then serves the new database.
 */
public final class BulkImport {
    /** The column naming a row's empty list properties (initial.EMPTY_LISTS). */
    public static final String EMPTY_LISTS = "_emptyLists";

    private static final String[] EMPTY = new String[0];

    private BulkImport() {}

    /**
     * `neo4j-admin database import full ARGS` with NEO4J_HOME at `home` (its configuration
     * in home/conf), its output and errors written to `log`; returns its exit code.
     */
    public static int run(Path home, Path log, String... args) throws IOException {
        try (PrintStream out = new PrintStream(new FileOutputStream(log.toFile()), true, "UTF-8")) {
            ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), out, out,
                    new DefaultFileSystemAbstraction());
            // ImportCommand's own command line, with `full` built as WithEmptyLists
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    if (cls == ImportCommand.Full.class) {
                        return cls.cast(new Full(ctx));
                    }
                    return CommandLine.defaultFactory().create(cls);
                }
            };
            CommandLine command = new CommandLine(new ImportCommand(), factory)
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(out, true))
                    .setCaseInsensitiveEnumValuesAllowed(true);
            String[] full = new String[args.length + 1];
            full[0] = "full";
            System.arraycopy(args, 0, full, 1, args.length);
            return command.execute(full);
        }
    }

    /** `import full`, its input wrapped in WithEmptyLists. */
    @CommandLine.Command(name = "full")
    static final class Full extends ImportCommand.Full {
        Full(ExecutionContext ctx) {
            super(ctx);
        }

        @Override
        protected void doImport(
                FileSystemAbstraction fileSystem,
                DatabaseLayout databaseLayout,
                Config databaseConfig,
                JobScheduler jobScheduler,
                InternalLogProvider logProvider,
                PageCacheTracer pageCacheTracer,
                CursorContextFactory contextFactory,
                Configuration importConfig,
                LogService logService,
                PrintStream stdOut,
                PrintStream stdErr,
                boolean verbose,
                Collector badCollector,
                MemoryTracker memoryTracker,
                Input input)
                throws IOException {
            super.doImport(
                    fileSystem,
                    databaseLayout,
                    databaseConfig,
                    jobScheduler,
                    logProvider,
                    pageCacheTracer,
                    contextFactory,
                    importConfig,
                    logService,
                    stdOut,
                    stdErr,
                    verbose,
                    badCollector,
                    memoryTracker,
                    new WithEmptyLists(input));
        }
    }

    /** An input whose nodes and relationships pass through EmptyLists on their way in. */
    static final class WithEmptyLists extends Input.Delegate {
        WithEmptyLists(Input input) {
            super(input);
        }

        @Override
        public InputIterable nodes(Collector badCollector) {
            return wrap(delegate.nodes(badCollector));
        }

        @Override
        public InputIterable relationships(Collector badCollector) {
            return wrap(delegate.relationships(badCollector));
        }

        private static InputIterable wrap(InputIterable entities) {
            return () -> new Entities(entities.iterator());
        }
    }

    private static final class Entities implements InputIterator {
        private final InputIterator inner;

        Entities(InputIterator inner) {
            this.inner = inner;
        }

        @Override
        public InputChunk newChunk() {
            return new Chunk(inner.newChunk());
        }

        @Override
        public boolean next(InputChunk chunk) throws IOException {
            return inner.next(((Chunk) chunk).inner);
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    /** A chunk of one reading thread: its entities are visited through EmptyLists. */
    private static final class Chunk implements InputChunk {
        private final InputChunk inner;
        private InputEntityVisitor visitor; // the importer's (one per thread, reused)
        private InputEntityVisitor wrapped;

        Chunk(InputChunk inner) {
            this.inner = inner;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            if (visitor != this.visitor) {
                this.visitor = visitor;
                this.wrapped = new EmptyLists(visitor);
            }
            return inner.next(wrapped);
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    /** Turns the property `_emptyLists` into the empty list properties it names. */
    static final class EmptyLists extends InputEntityVisitor.Delegate {
        EmptyLists(InputEntityVisitor actual) {
            super(actual);
        }

        @Override
        public boolean property(String key, Object value) {
            if (!EMPTY_LISTS.equals(key)) {
                return super.property(key, value);
            }
            if (value instanceof String[] names) {
                for (String name : names) {
                    super.property(name, EMPTY);
                }
                return true;
            }
            if (value instanceof String name) {
                return super.property(name, EMPTY);
            }
            throw new IllegalArgumentException(EMPTY_LISTS + " holds " + value + ", not property names");
        }
    }
}
