"""graph/driver.py `Graph.read`: one statement in a read transaction (execute_query, BEGIN
sent with the statement), its records, the project's errors; `Graph.read_together`: several
statements in one read transaction."""

from __future__ import annotations

import neo4j
import pytest

from stakegraph import errors
from stakegraph.graph.driver import Graph, Reader


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


@pytest.mark.anyio
async def test_reads_together_are_statements_of_one_read_transaction(graph: Graph) -> None:
    def this_transaction(marker: str) -> str:
        return (
            "SHOW TRANSACTIONS YIELD transactionId, currentQuery"
            f" WHERE currentQuery CONTAINS '{marker}' RETURN transactionId"
        )

    async def two(reader: Reader) -> list[str]:
        first = await reader.read(this_transaction("first statement"))
        second = await reader.read(this_transaction("second statement"))
        return [first[0]["transactionId"], second[0]["transactionId"]]

    statements, begun = graph.statements, graph.transactions
    ids = await graph.read_together(two)
    assert ids[0] == ids[1]
    assert (graph.statements - statements, graph.transactions - begun) == (2, 1)
    apart = [
        (await graph.read(this_transaction(marker)))[0]["transactionId"]
        for marker in ("first apart", "second apart")
    ]
    assert apart[0] != apart[1]  # the same two statements through `read`: two transactions


@pytest.mark.anyio
async def test_reads_together_write_nothing_and_raise_the_projects_errors(
    graph: Graph, db: neo4j.Driver
) -> None:
    async def writes(reader: Reader) -> None:
        await reader.read("CREATE (:Stakeholder {id: 'written'}) RETURN 1 AS one")

    with pytest.raises(errors.StakegraphError):
        await graph.read_together(writes)
    found, _, _ = db.execute_query("MATCH (s:Stakeholder {id: 'written'}) RETURN s")
    assert found == []

    async def refuses(reader: Reader) -> None:
        await reader.read("RETURN 1 AS one")
        raise errors.NotFound("no stakeholder with id 'x'", field="providerId")

    with pytest.raises(errors.NotFound):  # the project's own errors pass as they are
        await graph.read_together(refuses)
