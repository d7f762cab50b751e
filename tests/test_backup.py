"""`stakegraph neo4j dump` and `neo4j load` on the local Neo4j: a real store round trip."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import neo4j
import pytest

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD
from stakegraph.localdb import free_port
from stakegraph.localdb.backup import dump, load

GRAPH = "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, r.amount AS x, b.id AS b"


def _run(uri: str, cypher: str) -> list[dict[str, object]]:
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", DEFAULT_PASSWORD)) as driver:
        records, _, _ = driver.execute_query(cypher)
        return [r.data() for r in records]


def _files(store: Path) -> list[str]:
    return sorted(str(p.relative_to(store)) for p in store.rglob("*"))


def test_dump_wipe_load_gives_the_same_graph_and_refusals_protect_data(tmp_path: Path) -> None:
    first, second, backup = tmp_path / "a", tmp_path / "b", tmp_path / "backup.dump"
    started = localdb.start(free_port(), first, password=DEFAULT_PASSWORD)
    try:
        assert started.uri
        _run(
            started.uri,
            "CREATE (:Stakeholder:Person {id: 'ann', name: 'Ann'})"
            "-[:BUYS {id: 'b1', amount: 3.0}]->(:Stakeholder:Organization {id: 'shop'})",
        )
        with pytest.raises(localdb.LocalNeo4jError, match="stop it first"):
            dump(backup, first)
    finally:
        localdb.stop(first)
    dump(backup, first)
    assert backup.read_bytes()[:4] == b"DZV1"  # neo4j-admin 5's dump: zstd, format 1

    load(backup, second)  # a fresh data dir, as after a wipe
    with pytest.raises(localdb.LocalNeo4jError, match="--overwrite"):
        load(backup, second)
    again = localdb.start(free_port(), second, password=DEFAULT_PASSWORD)
    try:
        assert again.uri
        assert _run(again.uri, GRAPH) == [{"a": "ann", "t": "BUYS", "x": 3.0, "b": "shop"}]
        _run(again.uri, "CREATE (:Stakeholder:Person {id: 'bob'})-[:USES]->(:Product {id: 'p'})")
        with pytest.raises(localdb.LocalNeo4jError, match="stop it first"):
            load(backup, second, overwrite=True)
    finally:
        localdb.stop(second)

    store = second / "store"
    before = _files(store)
    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(backup.read_bytes()[:3000])
    with pytest.raises(localdb.LocalNeo4jError, match="cannot be read as a dump"):
        load(truncated, second, overwrite=True)
    assert _files(store) == before  # the failed load left the database as it was

    load(backup, second, overwrite=True)  # over a database that has been started
    last = localdb.start(free_port(), second, password=DEFAULT_PASSWORD)
    try:
        assert last.uri
        assert _run(last.uri, GRAPH) == [{"a": "ann", "t": "BUYS", "x": 3.0, "b": "shop"}]
    finally:
        localdb.stop(second)


def test_load_still_reads_a_backup_of_the_old_tar_format(tmp_path: Path) -> None:
    store = tmp_path / "old" / "store"
    (store / "data" / "databases" / "neo4j").mkdir(parents=True)
    (store / "data" / "databases" / "neo4j" / "neostore").write_bytes(b"store file")
    manifest = tmp_path / "stakegraph-dump.json"
    manifest.write_text(json.dumps({"format": "stakegraph-local-store/1", "neo4j": "5.26"}))
    backup = tmp_path / "old.tar.gz"
    with tarfile.open(backup, "w:gz") as archive:
        archive.add(manifest, arcname=manifest.name)
        archive.add(store, arcname="store")

    load(backup, tmp_path / "d")
    restored = tmp_path / "d" / "store" / "data" / "databases" / "neo4j" / "neostore"
    assert restored.read_bytes() == b"store file"


def test_load_refuses_a_file_that_is_not_a_dump(tmp_path: Path) -> None:
    bogus = tmp_path / "x.dump"
    bogus.write_bytes(b"not a dump")
    with pytest.raises(localdb.LocalNeo4jError, match="cannot be read as a dump"):
        load(bogus, tmp_path / "d")
    assert not (tmp_path / "d" / "store").exists()
    assert not (tmp_path / "d" / "store.loading").exists()
