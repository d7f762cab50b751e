"""The query library over GraphQL (SPEC 11), asked with a reader key: `libraryQueries` and
`runLibraryQuery`, including its refusals (nothing deleted, nothing else runs)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from starlette.testclient import TestClient

from stakegraph.api.app import create_app
from stakegraph.config import Neo4jSettings, ServerSettings
from stakegraph.demo import load_demo
from stakegraph.graph.driver import Graph
from stakegraph.graph.library import library
from tests.gql import GQL

READER_KEY = "r-library-0123456789"

LIST = """
{ libraryQueries { name description parameters { name description example type required } } }
"""
RUN = """
query($name: String!, $params: JSON) {
  runLibraryQuery(name: $name, params: $params) { columns rows truncated }
}
"""


class ReaderGQL(GQL):
    def post(self, text: str, **variables: Any) -> dict[str, Any]:
        response = self.client.post(
            "/graphql",
            json={"query": text, "variables": variables},
            headers={"Authorization": f"Bearer {READER_KEY}"},
        )
        assert response.status_code == 200, (response.status_code, response.text)
        body: dict[str, Any] = response.json()
        return body


@pytest.fixture
def reader(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    """The app with API keys, asked with a reader's key."""
    settings = ServerSettings(api_keys=f"{READER_KEY}:reader")
    with TestClient(create_app(neo4j_settings, settings)) as client:
        yield ReaderGQL(client)


def stakeholders(db: neo4j.Driver) -> int:
    records, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n")
    return int(records[0]["n"])


def test_library_queries_lists_every_file_with_its_parameters(reader: GQL) -> None:
    listed = {q["name"]: q for q in reader.query(LIST)["libraryQueries"]}
    assert set(listed) == set(library())
    accounts = listed["single_threaded_accounts"]
    assert accounts["description"].startswith("Single-threaded accounts of provider p")
    assert accounts["parameters"] == [
        {
            "name": "providerId",
            "description": "the provider p",
            "example": "initech",
            "type": "STRING",
            "required": True,
        }
    ]
    stalled = {p["name"]: p for p in listed["stalled_prospects"]["parameters"]}
    assert stalled["asOf"]["type"] == "DATETIME" and stalled["asOf"]["required"] is False
    assert stalled["days"]["example"] == 30 and stalled["days"]["type"] == "INTEGER"
    assert listed["prosumer_share"]["parameters"] == []


def test_every_library_query_runs_with_its_examples_on_the_demo_world(
    reader: GQL, neo4j_settings: Neo4jSettings
) -> None:
    async def demo() -> None:
        graph = Graph.from_settings(neo4j_settings)
        try:
            await load_demo(graph)
        finally:
            await graph.close()

    asyncio.run(demo())
    answered = {}
    for query in reader.query(LIST)["libraryQueries"]:
        params = {p["name"]: p["example"] for p in query["parameters"]}
        result = reader.query(RUN, name=query["name"], params=params)["runLibraryQuery"]
        assert result["columns"] and result["truncated"] is False
        assert all(len(row) == len(result["columns"]) for row in result["rows"])
        answered[query["name"]] = result
    accounts = answered["single_threaded_accounts"]
    assert accounts["columns"][:2] == ["account", "accountId"] and accounts["rows"]
    stalled = answered["stalled_prospects"]
    at = stalled["columns"].index("lastEngagedAt")
    assert all(isinstance(row[at], str) and row[at][:2] == "20" for row in stalled["rows"])


def test_at_most_500_rows_and_truncated_says_so(reader: GQL, db: neo4j.Driver) -> None:
    db.execute_query(
        "CREATE (p:Stakeholder:Organization {id: 'app', name: 'App'}) WITH p "
        "UNWIND range(1, 501) AS i "
        "CREATE (:Stakeholder:Person {id: 'u' + i, name: 'User ' + i})-[:USES {id: 'x' + i}]->(p)"
    )
    result = reader.query(RUN, name="consumers_not_customers", params={"providerId": "app"})
    assert len(result["runLibraryQuery"]["rows"]) == 500
    assert result["runLibraryQuery"]["truncated"] is True


@pytest.mark.parametrize(
    ("name", "params", "code", "field"),
    [
        ("../writes/delete_stakeholder", {"id": "acme"}, "BAD_USER_INPUT", "name"),
        ("../x", None, "BAD_USER_INPUT", "name"),
        ("writes/delete_stakeholder", {"id": "acme"}, "BAD_USER_INPUT", "name"),
        ("delete_stakeholder", {"id": "acme"}, "NOT_FOUND", "name"),
        ("no_such_query", None, "NOT_FOUND", "name"),
        ("single_threaded_accounts", None, "BAD_USER_INPUT", "params.providerId"),
        ("stalled_prospects", {"providerId": "acme", "days": "30"}, "BAD_USER_INPUT",
         "params.days"),
        ("stalled_prospects", {"providerId": "acme", "days": 3, "asOf": "soon"},
         "BAD_USER_INPUT", "params.asOf"),
        ("prosumer_share", {"cypher": "MATCH (n) DETACH DELETE n"}, "BAD_USER_INPUT",
         "params.cypher"),
        ("prosumer_share", [1], "BAD_USER_INPUT", "params"),
    ],
)  # fmt: skip
def test_refusals_name_what_is_wrong_and_delete_nothing(
    reader: GQL, db: neo4j.Driver, name: str, params: Any, code: str, field: str
) -> None:
    db.execute_query("CREATE (:Stakeholder:Organization {id: 'acme', name: 'Acme'})")
    error = reader.error(RUN, name=name, params=params)
    assert error["extensions"]["code"] == code, error
    assert error["extensions"].get("field") == field, error
    if field.startswith("params."):
        assert field.removeprefix("params.") in error["message"]
    assert stakeholders(db) == 1


def test_no_cypher_text_is_accepted_over_http(reader: GQL) -> None:
    error = reader.error(
        '{ runLibraryQuery(name: "prosumer_share", cypher: "RETURN 1") { columns } }'
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
