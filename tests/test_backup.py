"""`stakegraph neo4j dump` and `neo4j load` on the local Neo4j: a real store round trip."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD
from stakegraph.localdb import free_port
from stakegraph.localdb.backup import dump, load


def _run(uri: str, cypher: str) -> list[dict[str, object]]:
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", DEFAULT_PASSWORD)) as driver:
        records, _, _ = driver.execute_query(cypher)
        return [r.data() for r in records]


def test_dump_wipe_load_gives_the_same_graph_and_refusals_protect_data(tmp_path: Path) -> None:
    first, second, backup = tmp_path / "a", tmp_path / "b", tmp_path / "backup.tar.gz"
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
    assert backup.is_file()

    load(backup, second)  # a fresh data dir, as after a wipe
    with pytest.raises(localdb.LocalNeo4jError, match="--overwrite"):
        load(backup, second)
    load(backup, second, overwrite=True)
    again = localdb.start(free_port(), second, password=DEFAULT_PASSWORD)
    try:
        assert again.uri
        rows = _run(
            again.uri,
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, r.amount AS x, b.id AS b",
        )
        assert rows == [{"a": "ann", "t": "BUYS", "x": 3.0, "b": "shop"}]
        with pytest.raises(localdb.LocalNeo4jError, match="stop it first"):
            load(backup, second, overwrite=True)
    finally:
        localdb.stop(second)


def test_load_refuses_a_file_that_is_not_a_dump(tmp_path: Path) -> None:
    bogus = tmp_path / "x.tar.gz"
    bogus.write_bytes(b"not a tar")
    with pytest.raises(localdb.LocalNeo4jError, match="cannot be read as a dump"):
        load(bogus, tmp_path / "d")
    assert not (tmp_path / "d" / "store").exists()
