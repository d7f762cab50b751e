"""Backups of the local database: `stakegraph neo4j dump PATH` and `neo4j load PATH`.

Neo4j's own dump format is written by neo4j-admin (`database dump`), whose classes are
not among the embedded Neo4j's Maven dependencies here; the closest real thing is used
instead: a gzipped tar of the stopped store (`DATA_DIR/store`, every database in it, the
system database with its users included) with a small manifest. A dump is taken only
from a stopped database (a running store's files are not consistent), and loaded only
into a stopped one that holds no store unless `overwrite` says it may go.
"""

from __future__ import annotations

import json
import shutil
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from stakegraph.localdb.launcher import LocalNeo4jError, default_data_dir, status

MANIFEST = "stakegraph-dump.json"
FORMAT = "stakegraph-local-store/1"


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
    """Write the stopped local store to `path` (a .tar.gz); returns the data dir dumped."""
    data_dir = _stopped(data_dir)
    if not _has_store(data_dir):
        raise LocalNeo4jError(f"no database in {data_dir}: nothing to dump")
    partial = path.with_name(path.name + ".partial")
    manifest = partial.with_name(MANIFEST)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            manifest.write_text(
                json.dumps({"format": FORMAT, "neo4j": "5.26", "at": datetime.now(UTC).isoformat()})
            )
            archive.add(manifest, arcname=MANIFEST)
            archive.add(data_dir / "store", arcname="store")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        manifest.unlink(missing_ok=True)
    partial.replace(path)
    return data_dir


def load(path: Path, data_dir: Path | None = None, *, overwrite: bool = False) -> Path:
    """Restore a dump into the stopped local data dir; returns the data dir loaded into.

    Refuses a data dir that holds a store unless `overwrite`; the old store is removed only
    once the dump has been read whole.
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
        with tarfile.open(path, "r:gz") as archive:
            names = archive.getnames()
            if MANIFEST not in names:
                raise LocalNeo4jError(f"{path} is not a stakegraph dump (no {MANIFEST})")
            manifest = json.loads(archive.extractfile(MANIFEST).read())  # type: ignore[union-attr]
            if manifest.get("format") != FORMAT:
                raise LocalNeo4jError(f"{path}: unknown dump format {manifest.get('format')!r}")
            members = [m for m in archive.getmembers() if m.name.startswith("store")]
            archive.extractall(loading, members=members, filter="data")
    except (tarfile.TarError, OSError, ValueError) as exc:
        shutil.rmtree(loading, ignore_errors=True)
        raise LocalNeo4jError(f"{path} cannot be read as a dump: {exc}") from exc
    except BaseException:
        shutil.rmtree(loading, ignore_errors=True)
        raise
    shutil.rmtree(data_dir / "store", ignore_errors=True)
    (loading / "store").replace(data_dir / "store")
    loading.rmdir()
    return data_dir
