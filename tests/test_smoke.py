import neo4j
import pytest

from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import expected_names, missing_schema


def test_database_is_a_real_neo4j_5_26(db: neo4j.Driver) -> None:
    records, _, _ = db.execute_query(
        "CALL dbms.components() YIELD versions RETURN versions[0] AS v"
    )
    assert records[0]["v"].startswith("5.26")


@pytest.mark.anyio
async def test_schema_is_applied_and_complete(graph: Graph) -> None:
    assert {"stakeholder_id", "buys_id"} <= expected_names()
    assert await missing_schema(graph) == set()


def test_each_test_starts_from_an_empty_database(db: neo4j.Driver) -> None:
    records, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
    db.execute_query("CREATE (:Stakeholder:Person {id: 'left-behind', name: 'X'})")


def test_the_previous_tests_data_is_gone(db: neo4j.Driver) -> None:
    records, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
