"""`stakegraph cypher`: any statement, run as an analyst runs it, against the real Neo4j."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import neo4j
import pytest

from stakegraph.config import Neo4jSettings
from tests.test_cli import stakegraph

WORLD = (
    "CREATE (shop:Stakeholder:Organization {id: 'shop', name: 'Shop'})"
    "<-[:BUYS {id: 'b1', offering: 'Tea', amount: 3.0, currency: 'EUR',"
    " at: datetime('2025-01-01T00:00:00Z')}]-"
    "(ann:Stakeholder:Person {id: 'ann', name: 'Ann', tags: ['vip', 'early']})"
)
PATH = (
    "MATCH path = (a:Person {id: 'ann'})-[b:BUYS]->(s) "
    "RETURN a, b, path, b.at AS at, a.tags AS tags, date('2025-02-03') AS day, "
    "{n: 1} AS map, null AS nothing ORDER BY a.id"
)


@pytest.fixture
def world(db: neo4j.Driver, neo4j_env: Neo4jSettings) -> neo4j.Driver:
    db.execute_query(WORLD)
    return db


def count(db: neo4j.Driver) -> int:
    records, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n")
    return int(records[0]["n"])


def test_a_table_shows_nodes_relationships_paths_dates_and_lists_readably(
    world: neo4j.Driver,
) -> None:
    result = stakegraph("cypher", PATH)
    assert result.returncode == 0, result.stderr
    shown = result.stdout
    assert "(Ann #ann)" in shown
    assert "[:BUYS {amount: 3.0, at: 2025-01-01T00:00:00+00:00" in shown
    assert "(Ann #ann)-[:BUYS]->(Shop #shop)" in shown
    assert "[vip, early]" in shown and "2025-02-03" in shown and "{n: 1}" in shown
    assert "null" in shown


def test_json_gives_row_objects_with_nodes_in_the_query_api_shape(world: neo4j.Driver) -> None:
    result = stakegraph("cypher", PATH, "--format", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert list(row) == ["a", "b", "path", "at", "tags", "day", "map", "nothing"]
    assert row["a"]["labels"] == ["Person", "Stakeholder"]
    assert row["a"]["properties"] == {"id": "ann", "name": "Ann", "tags": ["vip", "early"]}
    assert row["b"]["type"] == "BUYS"
    assert row["b"]["startNodeElementId"] == row["a"]["elementId"]
    assert row["b"]["properties"]["at"] == "2025-01-01T00:00:00+00:00"
    assert [n["properties"]["id"] for n in row["path"]["nodes"]] == ["ann", "shop"]
    assert row["path"]["relationships"][0]["elementId"] == row["b"]["elementId"]
    assert row["at"] == "2025-01-01T00:00:00+00:00" and row["day"] == "2025-02-03"
    assert row["tags"] == ["vip", "early"] and row["map"] == {"n": 1} and row["nothing"] is None


def test_csv_has_a_header_and_json_in_cells_that_hold_structures(world: neo4j.Driver) -> None:
    result = stakegraph("cypher", PATH, "--format", "csv")
    assert result.returncode == 0, result.stderr
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    cells = dict(zip(header, row, strict=True))
    assert json.loads(cells["a"])["properties"]["name"] == "Ann"
    assert json.loads(cells["tags"]) == ["vip", "early"]
    assert cells["at"] == "2025-01-01T00:00:00+00:00" and cells["nothing"] == ""


def test_the_statement_comes_from_a_file_or_standard_input_with_parameters(
    world: neo4j.Driver, tmp_path: Path
) -> None:
    statement = "MATCH (n {id: $id}) WHERE n.name STARTS WITH $prefix RETURN n.name AS name;"
    file = tmp_path / "q.cypher"
    file.write_text("// who is it\n" + statement)
    from_file = stakegraph("cypher", "-f", str(file), "-p", "id=ann", "-p", "prefix=A")
    assert from_file.returncode == 0, from_file.stderr
    assert "Ann" in from_file.stdout

    from tests.test_cli import stakegraph_input

    piped = stakegraph_input(statement, "cypher", "-p", "id=shop", "-p", "prefix=S", "--format=csv")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == "name\nShop\n"


def test_a_write_without_write_is_refused_in_one_line_and_writes_nothing(
    world: neo4j.Driver,
) -> None:
    before = count(world)
    for statement in (
        "CREATE (:Stakeholder:Person {id: 'eve', name: 'Eve'})",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n {id: 'ann'}) SET n.name = 'Changed'",
    ):
        refused = stakegraph("cypher", statement)
        assert refused.returncode == 1
        assert "nothing was written" in refused.stderr and "--write" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert count(world) == before
    records, _, _ = world.execute_query("MATCH (n {id: 'ann'}) RETURN n.name AS name")
    assert records[0]["name"] == "Ann"

    written = stakegraph("cypher", "--write", "CREATE (:Stakeholder:Person {id: 'eve'})")
    assert written.returncode == 0, written.stderr
    assert "nodes created: 1" in written.stderr
    assert count(world) == before + 1


def test_call_in_transactions_runs_with_write_and_is_refused_without(world: neo4j.Driver) -> None:
    batches = "UNWIND range(1, 5) AS i CALL (i) { CREATE (:Tmp {i: i}) } IN TRANSACTIONS OF 2 ROWS"
    refused = stakegraph("cypher", batches)
    assert refused.returncode == 1 and "nothing was written" in refused.stderr
    assert count(world) == 2

    written = stakegraph("cypher", "--write", batches)
    assert written.returncode == 0, written.stderr
    assert "nodes created: 5" in written.stderr
    assert count(world) == 7


@pytest.mark.parametrize(
    ("statement", "says"),
    [
        ("MATCH (n) RETRUN n", "Invalid input 'RETRUN'"),
        ("RETURN 1 / 0 AS x", "/ by zero"),
        ("RETURN $missing AS x", "missing"),
        ("RETURN nosuchfunction(1)", "nosuchfunction"),
    ],
)
def test_syntax_and_runtime_errors_are_one_line_and_exit_non_zero(
    statement: str, says: str, db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    result = stakegraph("cypher", statement)
    assert result.returncode == 1
    assert says in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_timeout_stops_a_long_statement(db: neo4j.Driver, neo4j_env: Neo4jSettings) -> None:
    slow = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n"
    result = stakegraph("cypher", slow, "--timeout", "0.5")
    assert result.returncode == 1
    assert "time limit (0.5 s; see --timeout)" in result.stderr


def test_query_and_cypher_share_the_runner_and_its_formats(world: neo4j.Driver) -> None:
    result = stakegraph(
        "query", "lenses/transactional", "-p", "providerId=shop", "-p", "customerId=null",
        "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["customer"]["properties"]["id"] for row in rows} == {"ann"}


def test_query_leaves_a_library_files_optional_parameters_null(world: neo4j.Driver) -> None:
    result = stakegraph(
        "query", "queries/stalled_prospects", "-p", "providerId=shop", "-p", "days=0",
        "--format", "csv",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("prospect,prospectId,furthestStage")


def test_a_table_stops_at_1000_rows_and_says_so_while_csv_prints_all(
    db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    many = "UNWIND range(1, 1001) AS i RETURN i"
    shown = stakegraph("cypher", many)
    assert shown.returncode == 0, shown.stderr
    assert "│ 1000 │" in shown.stdout and "│ 1001 │" not in shown.stdout
    assert "only the first 1000 rows are shown" in shown.stderr
    every = stakegraph("cypher", many, "--format", "csv")
    assert every.stdout.splitlines()[-1] == "1001" and every.stderr == ""
    none = stakegraph("cypher", "UNWIND [] AS i RETURN i")
    assert none.returncode == 0 and "(no rows)" in none.stderr
