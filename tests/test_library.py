"""The query library: every header under cypher/queries/ parses, and parameters are checked
against it before any Cypher runs."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import neo4j
import pytest

from stakegraph import errors
from stakegraph.graph import library, runner
from stakegraph.graph.cypher import CypherFile, all_files
from stakegraph.graph.driver import Graph
from stakegraph.graph.library import ParameterType
from stakegraph.graph.plain import plain

QUERY_FILES = [file for name, file in all_files().items() if name.startswith("queries/")]


@pytest.mark.parametrize("file", QUERY_FILES, ids=[f.name for f in QUERY_FILES])
def test_every_library_header_parses_and_names_exactly_the_parameters_used(
    file: CypherFile,
) -> None:
    query = library.parse(file)
    assert query.name == file.name.removeprefix("queries/")
    assert len(query.description) > 40 and "Parameters" not in query.description
    used = set(re.findall(r"\$([A-Za-z_]\w*)", file.body))
    assert {p.name for p in query.parameters} == used
    for parameter in query.parameters:
        assert parameter.description and parameter.example is not None


def test_the_library_is_exactly_the_files_under_queries() -> None:
    assert set(library.library()) == {f.name.removeprefix("queries/") for f in QUERY_FILES}
    stalled = library.library()["stalled_prospects"]
    assert [(p.name, p.type, p.required) for p in stalled.parameters] == [
        ("providerId", ParameterType.STRING, True),
        ("asOf", ParameterType.DATETIME, False),
        ("days", ParameterType.INTEGER, True),
    ]
    assert stalled.parameters[2].example == 30


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ("// Answers something long enough to count as a description here.\n", "Parameters"),
        ("// x\n// Parameters:\n//   $id  text, required: the id   e.g. 'a'\n", "type 'text'"),
        ("// x\n// Parameters:\n//   $id  string, required: the id\n", "no example"),
        ("// x\n// Parameters:\n//   $n  integer, required: how many  e.g. 'ten'\n", "$n"),
        ("// x\n// Parameters:\n// Returns rows\n", "lists no"),
    ],
)
def test_a_header_that_does_not_parse_says_what_is_wrong(header: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        library.parse(CypherFile("queries/broken", header + "RETURN 1"))


def test_an_example_may_sit_on_the_next_line() -> None:
    file = CypherFile(
        "queries/x",
        "// x\n// Parameters:\n//   $asOf  datetime, optional: when\n"
        "//                                e.g. '2024-01-01T00:00:00Z'\n// Returns\nRETURN $asOf",
    )
    [parameter] = library.parse(file).parameters
    assert parameter.example == "2024-01-01T00:00:00Z" and not parameter.required


def test_parameters_are_checked_against_the_header() -> None:
    stalled = library.library()["stalled_prospects"]
    bound = library.bind(stalled, {"providerId": "acme", "days": 30, "asOf": "2024-09-01"})
    assert bound == {"providerId": "acme", "days": 30, "asOf": datetime(2024, 9, 1, tzinfo=UTC)}
    assert library.bind(stalled, {"providerId": "acme", "days": 3})["asOf"] is None

    def refusal(params: object) -> str | None:
        with pytest.raises(errors.BadUserInput) as caught:
            library.bind(stalled, params)
        return caught.value.field

    assert refusal({"days": 30}) == "params.providerId"
    assert refusal({"providerId": "acme", "days": "30"}) == "params.days"
    assert refusal({"providerId": "acme", "days": True}) == "params.days"
    assert refusal({"providerId": 7, "days": 30}) == "params.providerId"
    assert refusal({"providerId": "a", "days": 1, "asOf": "last week"}) == "params.asOf"
    assert refusal({"providerId": "a", "days": 1, "limit": 3}) == "params.limit"
    assert refusal(["acme"]) == "params"


@pytest.mark.parametrize("name", ["../writes/delete_stakeholder", "queries/prosumer_share", "a/b"])
def test_a_path_is_bad_input(name: str) -> None:
    with pytest.raises(errors.BadUserInput):
        library.find(name)


@pytest.mark.parametrize("name", ["nope", "delete_stakeholder", "schema", "", "PROSUMER_SHARE"])
def test_any_other_name_is_not_found(name: str) -> None:
    with pytest.raises(errors.NotFound, match="prosumer_share"):
        library.find(name)


@pytest.mark.anyio
async def test_rows_hold_driver_values_that_plain_makes_json(
    graph: Graph, db: neo4j.Driver
) -> None:
    db.execute_query(
        "CREATE (:Stakeholder:Person {id: 'ann', name: 'Ann'})"
        "-[:USES {since: datetime('2025-01-02T03:04:05Z')}]->(:Stakeholder {id: 'app'})"
    )
    rows = await runner.run(
        graph, "MATCH p = (a {id: 'ann'})-[u]->(b) RETURN a, u, p, u.since AS since"
    )
    a, u, p, since = (plain(v) for v in rows.rows[0])
    assert a["labels"] == ["Person", "Stakeholder"] and a["properties"]["name"] == "Ann"
    assert u["type"] == "USES" and u["properties"]["since"] == "2025-01-02T03:04:05+00:00"
    assert u["startNodeElementId"] == a["elementId"]
    assert [n["properties"]["id"] for n in p["nodes"]] == ["ann", "app"]
    assert since == "2025-01-02T03:04:05+00:00"


@pytest.mark.anyio
async def test_the_runner_stops_after_its_limit_and_refuses_writes_in_a_read(
    graph: Graph, db: neo4j.Driver
) -> None:
    rows = await runner.run(graph, "UNWIND range(1, 10) AS i RETURN i", limit=3)
    assert rows.rows == [[1], [2], [3]] and rows.truncated
    whole = await runner.run(graph, "UNWIND range(1, 3) AS i RETURN i", limit=3)
    assert not whole.truncated

    with pytest.raises(errors.WriteRefused):
        await runner.run(graph, "CREATE (:Stakeholder {id: 'no'})")
    records, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
