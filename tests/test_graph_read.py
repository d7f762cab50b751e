"""graph/driver.py `Graph.read`: one statement in a read transaction (execute_query, BEGIN
sent with the statement), its records, the project's errors."""

from __future__ import annotations

import neo4j
import pytest

from stakegraph import errors
from stakegraph.graph.driver import Graph


@pytest.mark.anyio
async def test_a_read_returns_every_record_and_counts_its_statement(
    graph: Graph, db: neo4j.Driver
) -> None:
    db.execute_query("UNWIND range(1, 2500) AS i CREATE (:Stakeholder {id: 's' + i, n: i})")
    before = graph.statements
    records = await graph.read(
        "MATCH (s:Stakeholder) WHERE s.n > $least RETURN s.n AS n ORDER BY n", least=500
    )
    assert [r["n"] for r in records] == list(range(501, 2501))  # more than one batch
    assert graph.statements == before + 1


@pytest.mark.anyio
async def test_a_read_runs_in_a_read_transaction_and_writes_nothing(
    graph: Graph, db: neo4j.Driver
) -> None:
    with pytest.raises(errors.StakegraphError):
        await graph.read("CREATE (:Stakeholder {id: 'written'}) RETURN 1 AS one")
    found, _, _ = db.execute_query("MATCH (s:Stakeholder {id: 'written'}) RETURN s")
    assert found == []
    with pytest.raises(errors.StakegraphError):  # a missing parameter: no crash
        await graph.read("RETURN $missing AS x")
