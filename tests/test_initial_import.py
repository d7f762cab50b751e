"""`stakegraph import PATH --initial` (SPEC 12): a new local database built by Neo4j's
offline importer is exactly the graph `import` gives, after the same validation."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j
import pytest

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD, Neo4jSettings
from stakegraph.exporter import export_path
from stakegraph.graph.driver import Graph
from stakegraph.importer import InvalidInput, import_path
from stakegraph.initial import import_initial
from tests.test_import_export import WORLD, exported, snapshot, write_json
from tests.test_linejson import generated


def write_lines(path: Path, data: dict[str, Any]) -> Path:
    """`data` laid out one record per line, as `generate` writes it (stakegraph.linejson:
    each process then parses only its own share; write_json's one line is read by ijson)."""
    path.write_text(generated(data["stakeholders"], data["relations"]), encoding="utf-8")
    return path


pytestmark = pytest.mark.anyio

T0 = "2025-01-02T03:04:05Z"

# Rows the offline importer's CSV cannot say, or says for the first record only: they are
# written at the first start through import's own write path, and must end the same.
AWKWARD: dict[str, list[dict[str, Any]]] = {
    "stakeholders": [
        {
            "id": "odd",
            "kind": "PERSON",
            "name": "Odd",
            "tags": [],
            "city": "",
            "interests": ["a;b", "c"],
            "createdAt": T0,
            "updatedAt": T0,
        },
        # the same node again: properties merge, the later wins, null removes
        {
            "id": "odd",
            "kind": "PERSON",
            "name": "Odd Again",
            "city": None,
            "updatedAt": "2025-02-01T00:00:00Z",
        },
        {
            "id": "big",
            "kind": "ORGANIZATION",
            "name": "Big\nCo",
            "employees": 12,
            "annualRevenue": 1e300,
            "createdAt": T0,
            "updatedAt": T0,
        },
    ],
    "relations": [
        {
            "id": "fb1",
            "type": "GIVES_FEEDBACK",
            "from": "odd",
            "to": "big",
            "nps": 9,
            "comment": 'line one\nline two, "quoted"',
            "createdAt": T0,
        },
        {
            "id": "m1",
            "type": "MEMBER_OF",
            "from": "odd",
            "to": "big",
            "buyingRole": "DECIDER",
            "scope": [],
            "createdAt": T0,
        },
        # the same pair under another id: one relationship, the later id and buyingRole
        {
            "id": "m2",
            "type": "MEMBER_OF",
            "from": "odd",
            "to": "big",
            "buyingRole": None,
            "title": "CTO",
            "createdAt": T0,
        },
        {"id": "u1", "type": "USES", "from": "odd", "to": "big", "createdAt": T0},
        {
            "id": "u1",
            "type": "USES",
            "from": "odd",
            "to": "big",
            "offering": "Suite",
            "createdAt": T0,
        },
        {"id": "c1", "type": "CONTRIBUTES", "from": "odd", "to": "big", "createdAt": T0},
    ],
}


def _env_without_a_server() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "NEO4J_PASSWORD": DEFAULT_PASSWORD, "COLUMNS": "200"}


def stakegraph(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stakegraph", *args],
        capture_output=True,
        text=True,
        env={**_env_without_a_server(), **env},
        timeout=900,
    )


async def test_initial_import_builds_the_graph_import_gives_and_refuses_a_used_data_dir(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    from stakegraph.generate import generate

    # A file with every timestamp given (an export), so the two graphs can be compared
    # whole; plus the awkward rows, with theirs.
    world = tmp_path / "world.json"
    generate(300, 7, world)
    await import_path(graph, world)
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    await export_path(graph, tmp_path / "exported.json")
    data = json.loads((tmp_path / "exported.json").read_text(encoding="utf-8"))
    for section in ("stakeholders", "relations"):
        data[section] += AWKWARD[section]
    source = write_json(tmp_path / "source.json", data)

    db.execute_query("MATCH ()-[r]->() DELETE r")
    db.execute_query("MATCH (n) DELETE n")
    await import_path(graph, source)
    expected = snapshot(db)
    await export_path(graph, tmp_path / "import.json")  # not CSV: it cannot say 'a;b'

    data_dir = tmp_path / "new"
    done = stakegraph("import", str(source), "--initial", "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr + done.stdout
    assert "stakegraph neo4j start" in done.stdout
    assert not localdb.status(data_dir).running, "stopped after its first start"

    started = localdb.start(localdb.free_port(), data_dir, password=DEFAULT_PASSWORD)
    try:
        assert started.uri
        settings = Neo4jSettings(uri=started.uri, password=DEFAULT_PASSWORD)
        with neo4j.GraphDatabase.driver(started.uri, auth=("neo4j", DEFAULT_PASSWORD)) as new:
            assert snapshot(new) == expected
        initial = Graph.from_settings(settings)
        try:
            from stakegraph.graph.schema import missing_schema

            assert await missing_schema(initial) == set()
            await export_path(initial, tmp_path / "initial.json")
        finally:
            await initial.close()
        with pytest.raises(localdb.LocalNeo4jError, match="is running"):
            import_initial(source, data_dir)
    finally:
        localdb.stop(data_dir)
    assert exported(tmp_path / "initial.json") == exported(tmp_path / "import.json")
    with pytest.raises(localdb.LocalNeo4jError, match="already holds a database"):
        import_initial(source, data_dir)


def test_empty_lists_read_back_as_empty_lists(tmp_path: Path) -> None:
    """A list given as [] cannot be a CSV cell: the importer's input (BulkImport.java) writes
    it from the column `_emptyLists`, on nodes and relationships, and leaves no column."""
    data = {
        "stakeholders": [
            {"id": "ann", "kind": "PERSON", "name": "Ann", "tags": [], "needs": []},
            {"id": "bo", "kind": "PERSON", "name": "Bo", "tags": ["x"]},
            {"id": "org", "kind": "ORGANIZATION", "name": "Org"},
        ],
        "relations": [
            {"id": "m1", "type": "MEMBER_OF", "from": "ann", "to": "org", "scope": []},
            {"id": "m2", "type": "MEMBER_OF", "from": "bo", "to": "org", "scope": ["org"]},
        ],
    }
    data_dir = tmp_path / "new"
    import_initial(write_json(tmp_path / "lists.json", data), data_dir)
    started = localdb.start(localdb.free_port(), data_dir, password=DEFAULT_PASSWORD)
    try:
        assert started.uri
        with neo4j.GraphDatabase.driver(started.uri, auth=("neo4j", DEFAULT_PASSWORD)) as new:
            rows, _, _ = new.execute_query(
                "MATCH (p:Person)-[m:MEMBER_OF]->(:Organization) "
                "RETURN p.id AS id, p.tags AS tags, p.needs AS needs, m.scope AS scope, "
                "keys(p) + keys(m) AS keys ORDER BY id"
            )
            left, _, _ = new.execute_query(
                "CALL db.propertyKeys() YIELD propertyKey "
                "WHERE propertyKey = '_emptyLists' RETURN propertyKey"
            )
    finally:
        localdb.stop(data_dir)
    assert [(r["id"], r["tags"], r["needs"], r["scope"]) for r in rows] == [
        ("ann", [], [], []),
        ("bo", ["x"], None, ["org"]),
    ]
    assert all("_emptyLists" not in r["keys"] for r in rows)
    assert left == [], "not even as a property key"


def test_a_failing_importer_removes_the_store_and_leaves_no_process(tmp_path: Path) -> None:
    """The importer runs in the JVM that then serves the database (LocalNeo4j --import):
    when it fails, the JVM exits, the half-written store is removed, the error points to
    the importer's log."""
    from stakegraph.localdb.bulk import import_and_start
    from stakegraph.localdb.launcher import ImportFailed

    nodes = tmp_path / "nodes.csv"
    nodes.write_text("id:ID,:LABEL\nann,Stakeholder\n", encoding="utf-8")
    uses = tmp_path / "USES.csv"
    uses.write_text(":START_ID,:END_ID\nann,nobody\n", encoding="utf-8")
    data_dir = tmp_path / "new"
    with pytest.raises(ImportFailed, match="importer failed") as caught:
        import_and_start(data_dir, nodes, {"USES": [uses]}, password=DEFAULT_PASSWORD)
    assert str(data_dir / "import.log") in str(caught.value)
    assert "Error in input data" in str(caught.value), "the tail of the importer's log"
    assert not (data_dir / "store").exists()
    assert not localdb.status(data_dir).running


def test_bad_input_names_record_and_field_and_creates_no_database(tmp_path: Path) -> None:
    bad = {
        "stakeholders": [*WORLD["stakeholders"], {"id": "x", "kind": "PERSON"}],
        "relations": [
            *WORLD["relations"],
            {"type": "USES", "from": "mia", "to": "nobody"},
            {"type": "MEMBER_OF", "from": "toyco", "to": "globex"},
            {"type": "BUYS", "from": "mia", "to": "toyco", "offering": "X", "currency": "EUR"},
        ],
    }
    data_dir = tmp_path / "new"
    with pytest.raises(InvalidInput) as caught:
        import_initial(write_json(tmp_path / "bad.json", bad), data_dir)
    shown = [str(p) for p in caught.value.problems]
    assert shown == [
        "stakeholders[7], name: required",
        "relations[10], at: required",
        "relations[8], to: no stakeholder 'nobody' in the input",
        "relations[9], from: MEMBER_OF from must be PERSON, not ORGANIZATION ('toyco')",
    ]
    assert not (data_dir / "store").exists()


def test_initial_refuses_when_neo4j_uri_names_a_server(tmp_path: Path) -> None:
    path = write_json(tmp_path / "w.json", WORLD)
    data_dir = tmp_path / "new"
    done = stakegraph(
        "import",
        str(path),
        "--initial",
        "--data-dir",
        str(data_dir),
        NEO4J_URI="bolt://db.example.com:7687",
    )
    assert done.returncode == 1
    assert "NEO4J_URI names a server (bolt://db.example.com:7687)" in done.stderr
    assert not data_dir.exists()


def _files(files: Any) -> tuple[list[str], dict[str, list[str]]]:
    """The importer's files, as sorted lines (the order of rows does not matter to it)."""
    nodes = sorted(files.nodes.read_text(encoding="utf-8").splitlines())
    relationships = {
        kind: [paths[0].read_text(encoding="utf-8")]
        + sorted(line for p in paths[1:] for line in p.read_text(encoding="utf-8").splitlines())
        for kind, paths in files.relationships.items()
    }
    return nodes, relationships


def _passes(path: Path, tmp_path: Path, **options: Any) -> Any:
    """The CSV files and what is left for the first start, from one validation pass."""
    from contextlib import ExitStack

    from stakegraph.initial import _validated
    from stakegraph.inputs import read_section

    folder = tmp_path / f"csv-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    with ExitStack() as stack:
        found, files, rest = _validated(
            lambda section: read_section(path, section), folder, stack, None, **options
        )
        # in input order, but the two processes' rewritten relations each their own (all the
        # records of one relationship are in one of them: else one process does all)
        rewritten = [row for batch in rest.rewrites.stakeholders.batches() for _, row in batch]
        relations = sorted(repr(r) for b in rest.rewrites.relations.batches() for _, r in b)
        counts = (found.stakeholders, found.relations)
        return counts, _files(files), rewritten, relations


@pytest.mark.parametrize("awkward", [False, True], ids=["plain", "repeated ids and pairs"])
def test_two_processes_write_the_files_one_process_writes(tmp_path: Path, awkward: bool) -> None:
    from stakegraph.generate import generate

    generate(300, 3, tmp_path / "world.json")
    world = json.loads((tmp_path / "world.json").read_text(encoding="utf-8"))
    for section, times in (
        ("stakeholders", ("createdAt", "updatedAt")),
        ("relations", ("createdAt",)),
    ):
        for record in world[section] + AWKWARD[section]:
            for name in times:
                record.setdefault(name, T0)  # the time of the run differs between runs
    # Repeated ids and pairs (the awkward rows) at each place in a round of shares: with
    # chunks of 1, the two records of m1/m2's pair, or of u1, go to the two processes
    # (one process then does all), or to one of them.
    for at in range(4) if awkward else [0]:
        data = copy.deepcopy(world)
        if awkward:
            data["stakeholders"] += AWKWARD["stakeholders"]
            data["relations"][at:at] = AWKWARD["relations"]
        source = write_json(tmp_path / "source.json", data)
        one = _passes(source, tmp_path, source=None)
        lines = write_lines(tmp_path / "lines.json", data)
        assert _passes(lines, tmp_path, source=None) == one
        for chunk in (1, 7, 1000):
            assert _passes(source, tmp_path, source=source, chunk=chunk) == one, (at, chunk)
            assert _passes(lines, tmp_path, source=lines, chunk=chunk) == one, (at, chunk)
        assert one[0] == (len(data["stakeholders"]), len(data["relations"]))
        assert "EndUser" in "".join(one[1][0])


def test_two_processes_report_what_one_process_reports(tmp_path: Path) -> None:
    bad = {
        "stakeholders": WORLD["stakeholders"],
        "relations": [
            *WORLD["relations"],
            {"type": "USES", "from": "mia", "to": "nobody"},
            {"type": "MEMBER_OF", "from": "toyco", "to": "globex"},
            {"id": "same", "type": "USES", "from": "mia", "to": "toyco"},
            {"id": "same", "type": "USES", "from": "mia", "to": "globex"},
        ],
    }
    source = write_json(tmp_path / "bad.json", bad)
    with pytest.raises(InvalidInput) as serial:
        _passes(source, tmp_path, source=None)
    lines = write_lines(tmp_path / "lines.json", bad)
    for shared_source in (source, lines):
        with pytest.raises(InvalidInput) as shared:
            _passes(shared_source, tmp_path, source=shared_source, chunk=1)
        assert shared.value.problems == serial.value.problems
    assert len(serial.value.problems) == 3


@pytest.mark.parametrize("broken", ["stakeholders", "relations"])
def test_two_processes_report_unreadable_json_as_one_process(tmp_path: Path, broken: str) -> None:
    """A broken line is parsed by one of the two processes only (the other skips it): the
    error is the one a single process (and ijson) gives."""
    lines = generated(WORLD["stakeholders"], WORLD["relations"]).splitlines(keepends=True)
    header = lines.index('"relations":[\n')
    at = header - 2 if broken == "stakeholders" else len(lines) - 2  # each section's last
    assert lines[at].startswith("{") and lines[at].count("}") == 1
    lines[at] = lines[at].replace("}", ",}")
    source = tmp_path / "broken.json"
    source.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InvalidInput) as serial:
        _passes(source, tmp_path, source=None)
    for chunk in (1, 2):
        with pytest.raises(InvalidInput) as shared:
            _passes(source, tmp_path, source=source, chunk=chunk)
        assert shared.value.problems == serial.value.problems
    ((problem),) = serial.value.problems
    assert "not valid JSON" in problem.message


def test_rows_are_written_as_csv_writer_writes_them(tmp_path: Path) -> None:
    import csv
    import io

    from stakegraph.initial import _write_rows

    rows = [
        ["a", "b", "", "2025-01-02T03:04:05+00:00", "1.5"],
        ["a", "Acme, Inc", 'say "hi"', "x"],
        ["a", "one\ntwo", "cr\rlf", ""],
        ["", "", ""],
        ["é", "ü;ö", " spaced "],
    ]
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\n").writerows(rows)
    written = io.StringIO()
    _write_rows(written, rows)
    assert written.getvalue() == expected.getvalue()
