"""Backups of the local database: `stakegraph neo4j dump PATH` and `neo4j load PATH`.

The file is Neo4j's own dump of the database `neo4j` (the graph; the system database
with its users is not in it, and the launcher sets the password at every start): written
and read by `neo4j-admin database dump` / `database load` of the same Neo4j version, the
classes of org.neo4j:neo4j-dbms run through `launcher.admin`. So `neo4j-admin database
load` of a Neo4j 5.26 server takes it, and this loads a dump of one.

A dump is taken only from a stopped database (Neo4j refuses a store in use), and loaded
only into a stopped data dir that holds no store unless `overwrite` says it may go. The
dump is loaded into a side directory first; the old database is replaced only once that
has worked, so a truncated or foreign file leaves the data dir as it was.

Backups written before the switch (a gzipped tar of the whole store with a manifest,
`stakegraph-local-store/1`) are still read: `load` tells them by their gzip header.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from stakegraph.localdb.launcher import LocalNeo4jError, admin, default_data_dir, log_tail, status

DATABASE = "neo4j"
ADMIN_HEAP = "512m"  # dump and load stream the store files; the heap holds no data
LOG = "admin.log"  # in the data dir: neo4j-admin's output of the last dump or load
GZIP = b"\x1f\x8b"
OLD_MANIFEST = "stakegraph-dump.json"
OLD_FORMAT = "stakegraph-local-store/1"


def _stopped(data_dir: Path | None) -> Path:
    current = status(data_dir)
    if current.running:
        raise LocalNeo4jError(
            f"Neo4j is running in {current.data_dir} (pid {current.pid}); "
            "stop it first: stakegraph neo4j stop"
        )
    return current.data_dir


def _has_store(data_dir: Path) -> bool:
    store = data_dir / "store"
    return store.is_dir() and any(store.iterdir())


def dump(path: Path, data_dir: Path | None = None) -> Path:
    """Write the stopped local database to `path` (a Neo4j .dump); returns the data dir."""
    data_dir = _stopped(data_dir)
    if not (data_dir / "store" / "data" / "databases" / DATABASE).is_dir():
        raise LocalNeo4jError(f"no database in {data_dir}: nothing to dump")
    path = path.resolve()
    if not path.parent.is_dir():
        raise LocalNeo4jError(f"{path.parent} does not exist: create it, or dump elsewhere")
    log_path = data_dir / LOG
    # neo4j-admin writes DIR/neo4j.dump: a directory beside the target, then one rename
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.", dir=path.parent) as partial:
        code = admin(
            data_dir / "store",
            ["database", "dump", f"--to-path={partial}", DATABASE],
            log_path,
            heap=ADMIN_HEAP,
        )
        written = Path(partial) / f"{DATABASE}.dump"
        if code != 0 or not written.is_file():
            raise LocalNeo4jError(
                f"neo4j-admin database dump failed (exit {code}); see {log_path}:\n"
                + log_tail(log_path)
            )
        written.replace(path)
    return data_dir


def load(path: Path, data_dir: Path | None = None, *, overwrite: bool = False) -> Path:
    """Restore a dump into the stopped local data dir; returns the data dir loaded into.

    Refuses a data dir that holds a store unless `overwrite`; the old database is removed
    only once the dump has been loaded whole.
    """
    data_dir = _stopped(data_dir or default_data_dir())
    if _has_store(data_dir) and not overwrite:
        raise LocalNeo4jError(
            f"{data_dir} already holds a database; pass --overwrite to replace it"
        )
    if not path.is_file():
        raise LocalNeo4jError(f"{path} does not exist")
    data_dir.mkdir(parents=True, exist_ok=True)
    loading = data_dir / "store.loading"
    shutil.rmtree(loading, ignore_errors=True)
    loading.mkdir()
    try:
        with open(path, "rb") as file:
            old = file.read(2) == GZIP
        if old:
            _extract_old(path, loading)
        else:
            _load_dump(path.resolve(), loading, data_dir / LOG)
    except BaseException:
        shutil.rmtree(loading, ignore_errors=True)
        raise
    if old or not _has_store(data_dir):
        shutil.rmtree(data_dir / "store", ignore_errors=True)
        (loading / "store").replace(data_dir / "store")
    else:  # as neo4j-admin's --overwrite-destination: the system database stays
        for part in ("databases", "transactions"):
            target = data_dir / "store" / "data" / part / DATABASE
            shutil.rmtree(target, ignore_errors=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            (loading / "store" / "data" / part / DATABASE).replace(target)
    shutil.rmtree(loading)
    return data_dir


def _load_dump(path: Path, loading: Path, log_path: Path) -> None:
    """`neo4j-admin database load` of the file into LOADING/store (a new, empty home)."""
    store = loading / "store"
    store.mkdir()
    code = admin(
        store, ["database", "load", "--from-stdin", DATABASE], log_path, heap=ADMIN_HEAP, stdin=path
    )
    if code != 0:
        raise LocalNeo4jError(
            f"{path} cannot be read as a dump: neo4j-admin database load failed "
            f"(exit {code}); see {log_path}:\n" + log_tail(log_path)
        )


def _extract_old(path: Path, loading: Path) -> None:
    """A backup of the first format (a gzipped tar of the store) into LOADING/store."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            if OLD_MANIFEST not in archive.getnames():
                raise LocalNeo4jError(f"{path} is not a stakegraph dump (no {OLD_MANIFEST})")
            manifest = json.loads(archive.extractfile(OLD_MANIFEST).read())  # type: ignore[union-attr]
            if manifest.get("format") != OLD_FORMAT:
                raise LocalNeo4jError(f"{path}: unknown dump format {manifest.get('format')!r}")
            members = [m for m in archive.getmembers() if m.name.startswith("store")]
            archive.extractall(loading, members=members, filter="data")
    except (tarfile.TarError, OSError, ValueError) as exc:
        raise LocalNeo4jError(f"{path} cannot be read as a dump: {exc}") from exc
