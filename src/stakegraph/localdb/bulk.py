"""Neo4j's offline bulk importer on a new local store (`stakegraph import PATH --initial`).

`neo4j-admin database import full` is a command of org.neo4j:neo4j-import-tool, the same
Neo4j version as the embedded server; the launcher's Maven build carries it (java/pom.xml).
It runs as `stakegraph.BulkImport` (java/.../BulkImport.java): Neo4j's own command with
its options, checks and report, whose input also turns the column EMPTY_LISTS (the list
properties that are [], which a CSV cell cannot say) into empty lists; the launcher runs
it in the JVM that then serves the new database (`LocalNeo4j --import`), with NEO4J_HOME
set to the data dir's store (where the embedded server keeps its databases). It writes
the store files directly, with no transactions, so it refuses anything but a new store:
`require_new` says why a data dir cannot take one.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from stakegraph.localdb.launcher import (
    ImportFailed,
    LocalNeo4jError,
    Status,
    default_data_dir,
    free_port,
    start,
    status,
)

ARRAY_DELIMITER = ";"  # between the elements of a list property, and between labels
# The column (a string[]) naming the list properties of a row that are []: BulkImport.java
# writes each as an empty list, and not the column itself.
EMPTY_LISTS = "_emptyLists"
# The heap of the JVM that imports and then serves (the importer's caches are off-heap, at
# most 2G): at 1g the importer warned on the 1M world that its heap "may be too small" (it
# suggested 1.001GiB).
IMPORT_HEAP = "2g"


def require_new(data_dir: Path | None) -> Path:
    """The data dir, resolved, when it can take a new database; else LocalNeo4jError."""
    current = status(data_dir or default_data_dir())
    if current.running:
        raise LocalNeo4jError(
            f"Neo4j is running in {current.data_dir} (pid {current.pid}): --initial builds a "
            "new database; stop it (`stakegraph neo4j stop`) and choose an empty --data-dir"
        )
    store = current.data_dir / "store"
    if store.is_dir() and any(store.iterdir()):
        raise LocalNeo4jError(
            f"{current.data_dir} already holds a database: --initial builds a new one; "
            "choose an empty --data-dir, or add to this one with `stakegraph import PATH`"
        )
    return current.data_dir


def import_and_start(
    data_dir: Path,
    nodes: Path,
    relationships: Mapping[str, Sequence[Path]],
    *,
    password: str,
    imported: Callable[[], None] | None = None,
) -> Status:
    """Run the offline importer on CSV files into DATA_DIR/store (the database `neo4j`),
    then serve it from the same JVM on a free port (`launcher.start`: one JVM start less
    than the importer's own and then the server's); `imported` is called in between.

    `relationships` maps a relationship type to its files (the first with the header; the
    importer reads them as one); a column EMPTY_LISTS names a row's empty lists. The files
    must be fault-free: one bad entry aborts the import (--bad-tolerance=0), the
    half-written store is removed and ImportFailed raised. The importer's own output goes
    to DATA_DIR/import.log.
    """
    store = data_dir / "store"
    store.mkdir(parents=True, exist_ok=True)
    arguments = [  # of `neo4j-admin database import full`
        f"--nodes={nodes}",
        *(
            f"--relationships={kind}={','.join(str(p) for p in paths)}"
            for kind, paths in relationships.items()
        ),
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--bad-tolerance=0",
        f"--report-file={data_dir / 'import.report'}",
        "--max-off-heap-memory=2G",
        "--",  # the rest is the database's name, not a file of the options above
        "neo4j",
    ]
    try:
        return start(
            free_port(),
            data_dir,
            password=password,
            heap=IMPORT_HEAP,
            importing=arguments,
            imported=imported,
        )
    except ImportFailed:
        shutil.rmtree(store, ignore_errors=True)
        raise
