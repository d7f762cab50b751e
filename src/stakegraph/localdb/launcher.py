"""Build, start, stop and inspect the local embedded Neo4j."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock
from platformdirs import user_cache_path, user_data_path

from stakegraph.config import DEFAULT_PASSWORD, LOCAL_BOLT_PORT
from stakegraph.resources import package_files

MAIN_CLASS = "stakegraph.LocalNeo4j"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"  # neo4j-admin: its commands are on the same classpath
START_TIMEOUT = 180.0
STOP_TIMEOUT = 120.0

# Neo4j 5 reaches into JDK internals; these are the flags its own launcher passes on Java 17.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
]


class LocalNeo4jError(Exception):
    """A problem with the local Neo4j, stated in one line a person can act on."""


class ImportFailed(LocalNeo4jError):
    """Neo4j's offline importer, run by `start(..., importing=...)`, failed."""


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    port: int | None
    data_dir: Path

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.port}" if self.port else None


def default_data_dir() -> Path:
    return user_data_path("stakegraph") / "neo4j"


def _sources() -> dict[str, bytes]:
    """The Maven project shipped in the package: relative path -> content."""
    return {
        path: file.read_bytes()
        for path, file in package_files("stakegraph.localdb", "java")
        if path == "pom.xml" or path.endswith(".java")
    }


def _require(tool: str, advice: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise LocalNeo4jError(f"`{tool}` was not found on PATH: {advice}")
    return path


def _build_home(sources: dict[str, bytes]) -> Path:
    """The cache directory of the build of these sources: keyed by a hash of the pom and the
    Java sources, so a changed launcher is rebuilt and an unchanged one never is."""
    digest = hashlib.sha256()
    for name, content in sources.items():
        digest.update(name.encode() + b"\0" + content + b"\0")
    return user_cache_path("stakegraph") / f"local-neo4j-{digest.hexdigest()[:16]}"


def is_built() -> bool:
    """Whether the launcher's build is cached, with its class-data archive tried (a start then
    runs no Maven and no extra start)."""
    home = _build_home(_sources())
    return (home / "BUILT").exists() and (home / ARCHIVE_TRIED).exists()


def build(*, quiet: bool = True) -> Path:
    """Build the launcher with Maven unless an identical build is cached, then its class-data
    archive (`_archive_classes`) unless made; return its dir."""
    sources = _sources()
    home = _build_home(sources)
    done = home / "BUILT"
    if done.exists() and (home / ARCHIVE_TRIED).exists():
        return home
    java = "install a Java 17 JDK (Debian: apt-get install openjdk-17-jdk-headless)"
    _require("java", java)
    home.mkdir(parents=True, exist_ok=True)
    with FileLock(str(home) + ".lock"):
        if not done.exists():
            mvn = _require("mvn", "install Apache Maven (Debian: apt-get install maven)")
            for name, content in sources.items():
                target = home / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            command = [mvn, "-B", "package", "-DskipTests"] + (["-q"] if quiet else [])
            result = subprocess.run(command, cwd=home, capture_output=quiet, text=True)
            if result.returncode != 0:
                tail = (result.stdout or "")[-2000:] + (result.stderr or "")[-2000:]
                raise LocalNeo4jError(
                    f"the Maven build of the local Neo4j failed in {home}:\n{tail}"
                )
            done.write_text("ok\n")
        if not (home / ARCHIVE_TRIED).exists():
            made = _archive_classes(home)
            (home / ARCHIVE_TRIED).write_text("ok\n" if made else "failed: see classes.log\n")
    return home


# Class-data sharing (AppCDS): the classes a start loads, parsed and verified once into an
# archive that later JVMs of the build (the server, the importer) map instead of reading
# them from 200 jars: a start's CPU time to READY about 10.5 -> 7 s (load 4, 2 cores).
CLASS_ARCHIVE = "classes.jsa"
ARCHIVE_TRIED = "CLASSES"  # the archive was tried (its content says whether it was made)


def _archive_classes(home: Path) -> bool:
    """Start the server once on a scratch data dir with -XX:ArchiveClassesAtExit and stop it:
    the JVM writes the archive as it exits. False (and the JVMs run without it) when that
    fails; its output is in home/classes.log."""
    archive, partial = home / CLASS_ARCHIVE, home / (CLASS_ARCHIVE + ".part")
    partial.unlink(missing_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="stakegraph-classes-") as scratch:
        command = _server_command(
            home, "1g", Path(scratch) / "store", port, f"-XX:ArchiveClassesAtExit={partial}"
        )
        env = {**os.environ, "NEO4J_PASSWORD": DEFAULT_PASSWORD}
        log_path = home / "classes.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env
            )
        try:
            if not _await_ready(process, log_path, 0, port):
                return False
            process.terminate()
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            return False
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    if not partial.exists() or partial.stat().st_size == 0:
        return False
    os.replace(partial, archive)
    return True


def _server_command(home: Path, heap: str, store: Path, port: int, *flags: str) -> list[str]:
    """The java command line of the launcher serving `store` with Bolt on `port`."""
    return [
        _require("java", "install a Java 17 JDK"),
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        *flags,
        "-cp",
        _classpath(home),
        MAIN_CLASS,
        str(store),
        str(port),
    ]


def _await_ready(process: subprocess.Popen[bytes], log_path: Path, began: int, port: int) -> bool:
    """Wait until the launcher says READY in its log (after offset `began`) and Bolt answers:
    True; False when it exits first or START_TIMEOUT passes."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        if _port_open(port) and f"READY bolt://127.0.0.1:{port}" in _since(log_path, began):
            return True
        time.sleep(0.2)
    return False


def _class_data(home: Path) -> list[str]:
    """The JVM flag that maps the build's class-data archive, when it was made."""
    archive = home / CLASS_ARCHIVE
    return [f"-XX:SharedArchiveFile={archive}"] if archive.exists() else []


def _classpath(home: Path) -> str:
    jars = sorted((home / "target").glob("*.jar"))
    return os.pathsep.join([str(j) for j in jars] + [str(home / "target" / "lib" / "*")])


def admin(
    store: Path, arguments: list[str], log_path: Path, *, heap: str, stdin: Path | None = None
) -> int:
    """Run `neo4j-admin ARGUMENTS` (Neo4j's own AdminTool, the same version as the server)
    with NEO4J_HOME set to `store`, where the embedded server keeps its databases (`data/`);
    its output goes to `log_path`, `stdin` (a file) to its input. Returns the exit code."""
    command = [
        _require("java", "install a Java 17 JDK"),
        f"-Xmx{heap}",
        *JVM_FLAGS,
        *_class_data(home := build()),
        "-cp",
        _classpath(home),
        ADMIN_TOOL,
        *arguments,
    ]
    env = {**os.environ, "NEO4J_HOME": str(store), "NEO4J_CONF": str(store / "conf")}
    with open(log_path, "wb") as log, open(stdin or os.devnull, "rb") as source:
        done = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, stdin=source, env=env)
    return done.returncode


def _state_file(data_dir: Path) -> Path:
    return data_dir / "neo4j.json"


def _alive(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True
    return MAIN_CLASS.encode() in cmdline


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def status(data_dir: Path | None = None) -> Status:
    data_dir = (data_dir or default_data_dir()).resolve()
    try:
        state = json.loads(_state_file(data_dir).read_text())
        pid, port = int(state["pid"]), int(state["port"])
    except (OSError, ValueError, KeyError):
        return Status(False, None, None, data_dir)
    if not _alive(pid):
        return Status(False, None, None, data_dir)
    return Status(True, pid, port, data_dir)


def start(
    port: int = LOCAL_BOLT_PORT,
    data_dir: Path | None = None,
    *,
    password: str = DEFAULT_PASSWORD,
    heap: str | None = None,
    pagecache: str | None = None,
    importing: list[str] | None = None,
    imported: Callable[[], None] | None = None,
) -> Status:
    """Start Neo4j in the background and return once Bolt answers (`heap` and `pagecache`:
    as the JVM's -Xmx and Neo4j's page cache take them, e.g. "1g"; default from the
    environment, STAKEGRAPH_NEO4J_HEAP and STAKEGRAPH_NEO4J_PAGECACHE).

    `importing`: the arguments of `neo4j-admin database import full` (localdb.bulk): the
    same JVM first builds the database with Neo4j's offline importer, its output in
    DATA_DIR/import.log, however long that takes (then `imported` is called), and starts
    it with a page cache that holds the new store (up to 4 GiB). ImportFailed when the
    importer fails.

    Raises LocalNeo4jError when it is already running (the message says where), when the
    port is taken, or when the database does not come up (the message ends with its log).
    """
    data_dir = (data_dir or default_data_dir()).resolve()
    current = status(data_dir)
    if current.running:
        raise LocalNeo4jError(f"already running: {current.uri} (pid {current.pid}, {data_dir})")
    if _port_open(port):
        raise LocalNeo4jError(f"port {port} on 127.0.0.1 is already in use; choose --port")
    home = build()
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / "neo4j.log"
    heap = heap or os.environ.get("STAKEGRAPH_NEO4J_HEAP", "1g")
    command = _server_command(home, heap, data_dir / "store", port, *_class_data(home))
    import_log = data_dir / "import.log"
    if importing is not None:
        command += ["--import", str(import_log), *importing]
    env = {**os.environ, "NEO4J_PASSWORD": password}
    if pagecache:
        env["STAKEGRAPH_NEO4J_PAGECACHE"] = pagecache
    with open(log_path, "ab") as log:
        began = log.tell()  # the log is appended to: only this start's lines count
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
    _state_file(data_dir).write_text(json.dumps({"pid": process.pid, "port": port}))
    if importing is not None:
        while process.poll() is None and not _imported(log_path, began):
            time.sleep(0.2)
        if not _imported(log_path, began):  # it exited first
            _state_file(data_dir).unlink(missing_ok=True)
            raise ImportFailed(
                f"Neo4j's importer failed (exit {process.wait()}); see {import_log}:\n"
                + log_tail(import_log)
                + f"\nand {log_path}:\n"
                + log_tail(log_path, 1000)
            )
        if imported is not None:
            imported()
    if _await_ready(process, log_path, began, port):
        return Status(True, process.pid, port, data_dir)
    if process.poll() is not None:
        _state_file(data_dir).unlink(missing_ok=True)
        raise LocalNeo4jError(f"Neo4j exited during start; see {log_path}:\n{log_tail(log_path)}")
    process.terminate()
    raise LocalNeo4jError(f"Neo4j did not answer within {START_TIMEOUT:.0f}s; see {log_path}")


def stop(data_dir: Path | None = None) -> bool:
    """Shut Neo4j down cleanly (SIGTERM runs its shutdown hook); False if it was not running."""
    current = status(data_dir)
    if not current.running or current.pid is None:
        _state_file(current.data_dir).unlink(missing_ok=True)
        return False
    os.kill(current.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and _alive(current.pid):
        _reap(current.pid)
        time.sleep(0.2)
    if _alive(current.pid):
        raise LocalNeo4jError(f"Neo4j (pid {current.pid}) did not stop within {STOP_TIMEOUT:.0f}s")
    _state_file(current.data_dir).unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status when the database is our own child, so it leaves no zombie."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _imported(log_path: Path, began: int) -> bool:
    """Whether the launcher says IMPORTED in its log (after offset `began`)."""
    return "IMPORTED" in _since(log_path, began).splitlines()


def _since(path: Path, offset: int) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def log_tail(path: Path, size: int = 3000) -> str:
    """The last `size` bytes of a log, for an error message ("" when it cannot be read)."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - size))
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""
