"""Import and export (SPEC 8) against the real Neo4j."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import neo4j
import pytest

from stakegraph import importer
from stakegraph.errors import StakegraphError
from stakegraph.exporter import export_path
from stakegraph.graph import writes
from stakegraph.graph.driver import Graph
from stakegraph.importer import InvalidInput, import_path, import_records
from stakegraph.inputs import read_section
from stakegraph.records import RelationType

pytestmark = pytest.mark.anyio

WORLD: dict[str, list[dict[str, Any]]] = {
    "stakeholders": [
        {
            "id": "toyco",
            "kind": "ORGANIZATION",
            "name": "ToyCo",
            "orgType": "BUSINESS",
            "country": "de",
            "technologies": ["shopify"],
            "employees": 40,
        },
        {"id": "globex", "kind": "ORGANIZATION", "name": "Globex", "orgType": "BUSINESS"},
        {"id": "initech", "kind": "ORGANIZATION", "name": "Initech", "grossMargin": 0.7},
        {"id": "globex-it", "kind": "DEPARTMENT", "name": "Globex IT"},
        {
            "id": "mia",
            "kind": "PERSON",
            "name": "Mia",
            "birthYear": 1988,
            "interests": ["toys", "music"],
        },
        {"id": "leo", "kind": "PERSON", "name": "Leo", "birthYear": 2018},
        {"id": "dana", "kind": "PERSON", "name": "Dana", "city": "Springfield"},
    ],
    "relations": [
        {
            "id": "r1",
            "type": "BUYS",
            "from": "globex",
            "to": "initech",
            "offering": "CRM",
            "amount": 1200.0,
            "currency": "USD",
            "at": "2024-03-01T00:00:00Z",
            "kind": "CONTRACT",
        },
        {
            "type": "BUYS",
            "from": "mia",
            "to": "toyco",
            "offering": "Robot kit",
            "amount": 49.9,
            "currency": "EUR",
            "at": "2025-12-01T10:00:00+01:00",
        },
        {"type": "USES", "from": "leo", "to": "toyco", "offering": "Robot kit"},
        {"type": "PARENT_OF", "from": "mia", "to": "leo"},
        {
            "type": "MEMBER_OF",
            "from": "dana",
            "to": "globex-it",
            "title": "CTO",
            "buyingRole": "DECIDER",
            "scope": ["initech"],
        },
        {"type": "PART_OF", "from": "globex-it", "to": "globex"},
        {
            "type": "ENGAGES",
            "from": "dana",
            "to": "toyco",
            "stage": "AWARENESS",
            "at": "2025-11-01T00:00:00Z",
        },
        {"type": "CONTRIBUTES", "from": "leo", "to": "toyco", "what": "reviews"},
    ],
}


def write_json(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def snapshot(db: neo4j.Driver, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every node (labels, properties) and relationship (type, ends, properties)."""
    nodes, _, _ = db.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels, _, _ = db.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p"
    )
    return {
        "nodes": sorted(
            (
                r["p"]["id"],
                sorted(r["l"]),
                sorted((k, str(v)) for k, v in r["p"].items() if k not in skip),
            )
            for r in nodes
        ),
        "relations": sorted(
            (
                r["t"],
                r["a"],
                r["b"],
                sorted((k, str(v)) for k, v in r["p"].items() if k not in skip),
            )
            for r in rels
        ),
    }


def count(db: neo4j.Driver, cypher: str) -> int:
    records, _, _ = db.execute_query(cypher)
    return int(records[0][0])


async def test_json_import_writes_nodes_relations_and_role_labels(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    summary = await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    assert (summary.stakeholders, summary.relations) == (7, 8)
    assert count(db, "MATCH (n:Stakeholder) RETURN count(n)") == 7
    assert count(db, "MATCH ()-[r]->() RETURN count(r)") == 8
    records, _, _ = db.execute_query(
        "MATCH (n:Stakeholder) RETURN n.id AS id, labels(n) AS l ORDER BY id"
    )
    labels = {r["id"]: set(r["l"]) - {"Stakeholder"} for r in records}
    assert labels["mia"] == {"Person", "Parent"}
    assert labels["leo"] == {"Person", "EndUser", "Prosumer"}
    assert labels["dana"] == {"Person", "BuyingCenterMember"}
    assert labels["globex-it"] == {"Department"}
    records, _, _ = db.execute_query(
        "MATCH (:Person {id: 'mia'})-[r:BUYS]->() RETURN r.at AS at, r.kind AS kind, "
        "r.consideration AS c, r.id AS id"
    )
    assert records[0]["at"].to_native().isoformat() == "2025-12-01T09:00:00+00:00"
    assert (records[0]["kind"], records[0]["c"]) == ("ONE_OFF", "MONEY")
    assert records[0]["id"].startswith("BUYS:")
    records, _, _ = db.execute_query("MATCH (n {id: 'toyco'}) RETURN n")
    assert records[0]["n"]["country"] == "DE" and records[0]["n"]["technologies"] == ["shopify"]


async def test_importing_the_same_input_twice_gives_the_same_graph(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    path = write_json(tmp_path / "w.json", WORLD)
    await import_path(graph, path)
    once = snapshot(db)  # updatedAt included: a write that changes nothing keeps it
    await import_path(graph, path)
    assert snapshot(db) == once
    assert count(db, "MATCH ()-[r]->() RETURN count(r)") == 8


# One relation of each type with every property it takes, between stakeholders of the
# kinds its ends must be, and a change that the second write makes to it (structural
# relations are unique per pair: a new id replaces the old).
EVERY_KIND_OF_END = [
    {"id": "acme", "kind": "ORGANIZATION", "name": "Acme"},
    {"id": "acme-lab", "kind": "DEPARTMENT", "name": "Acme Lab"},
    {"id": "ann", "kind": "PERSON", "name": "Ann"},
    {"id": "ben", "kind": "PERSON", "name": "Ben"},
]
AT = {"at": "2025-12-01T09:00:00Z"}
ONE_OF_EACH_TYPE: dict[RelationType, tuple[dict[str, Any], dict[str, Any]]] = {
    RelationType.BUYS: (
        {"from": "ann", "to": "acme", "offering": "Robot", "amount": 30.5, "currency": "EUR"}
        | AT
        | {"kind": "SUBSCRIPTION", "consideration": "DATA"},
        {"amount": 31.0},
    ),
    RelationType.USES: (
        {"from": "ann", "to": "acme", "offering": "Robot", "since": "2025-01-02T00:00:00Z"},
        {"offering": "Robot 2"},
    ),
    RelationType.SERVES: (
        {"from": "acme", "to": "ann", "offering": "Care", "since": "2025-01-02T00:00:00Z"}
        | {"ongoing": True},
        {"ongoing": False},
    ),
    RelationType.CONTRIBUTES: (
        {"from": "ann", "to": "acme", "what": "videos"} | AT,
        {"what": "code"},
    ),
    RelationType.ENGAGES: (
        {"from": "ann", "to": "acme", "stage": "INTENT", "channel": "webinar"} | AT,
        {"stage": "ADVOCACY"},
    ),
    RelationType.GIVES_FEEDBACK: (
        {"from": "ann", "to": "acme", "nps": 9, "csat": 4, "comment": "Clear", "offering": "Robot"}
        | AT
        | {"channel": "survey"},
        {"nps": 10},
    ),
    RelationType.REFERS: (
        {"from": "ann", "to": "ben", "providerId": "acme", "channel": "word of mouth"} | AT,
        {"channel": "email"},
    ),
    RelationType.MEMBER_OF: (
        {
            "from": "ann",
            "to": "acme-lab",
            "title": "CTO",
            "buyingRole": "DECIDER",
            "scope": ["acme"],
        },
        {"title": "CEO"},
    ),
    RelationType.PART_OF: ({"from": "acme-lab", "to": "acme"}, {"id": "part-of-2"}),
    RelationType.PARENT_OF: ({"from": "ann", "to": "ben"}, {"id": "parent-of-2"}),
}
DATETIMES = ("at", "since")


def stored_relations(db: neo4j.Driver) -> list[tuple[str, dict[str, Any]]]:
    """Every relationship as (type, properties), datetimes as ISO text in UTC."""
    records, _, _ = db.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, properties(r) AS p")
    return [
        (
            r["t"],
            {
                k: v.to_native().isoformat() if isinstance(v, neo4j.time.DateTime) else v
                for k, v in r["p"].items()
            },
        )
        for r in records
    ]


def test_one_relation_of_every_type_is_in_the_table() -> None:
    assert set(ONE_OF_EACH_TYPE) == set(RelationType)


@pytest.mark.parametrize("kind", list(RelationType), ids=str)
async def test_every_relation_type_is_written_with_its_properties_once_however_often_imported(
    graph: Graph, db: neo4j.Driver, kind: RelationType
) -> None:
    """Into the empty database (interactions by writes/create_interactions), then the same
    again and then changed into one that holds something (writes/merge_<type>)."""
    given, change = ONE_OF_EACH_TYPE[kind]
    raw = {"type": kind.value, "id": f"{kind.value.lower()}-1"} | given

    def expected(raw: dict[str, Any]) -> dict[str, Any]:
        properties = {k: v for k, v in raw.items() if k not in ("type", "from", "to")}
        for key in DATETIMES:
            if key in properties:
                properties[key] = properties[key].replace("Z", "+00:00")
        return properties

    created_at = None
    for record in (raw, raw, raw | change):
        stakeholders = [(s["id"], s) for s in EVERY_KIND_OF_END]
        await import_records(graph, stakeholders, [("relations[0]", record)])
        ((stored_type, stored),) = stored_relations(db)  # one relationship, not two
        assert stored_type == kind.value
        assert created_at in (None, stored["createdAt"])  # created once, then updated
        created_at = stored.pop("createdAt")
        assert stored == expected(record)


async def test_stakeholder_without_id_imported_twice_is_one_node(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    anonymous = {
        "stakeholders": [
            {"kind": "PERSON", "name": "Ada", "birthYear": 1990, "tags": ["vip"]},
            {"kind": "ORGANIZATION", "name": "Nameless Ltd", "country": "fr"},
        ]
    }
    path = write_json(tmp_path / "anonymous.json", anonymous)
    await import_path(graph, path)
    once = snapshot(db)
    await import_path(graph, path)
    assert snapshot(db) == once
    records, _, _ = db.execute_query("MATCH (n:Stakeholder) RETURN n.id AS id ORDER BY id")
    ids = [r["id"] for r in records]
    assert len(ids) == 2
    assert ids[0].startswith("ORGANIZATION:") and ids[1].startswith("PERSON:")
    # The id follows the content after validation: the same person written differently
    # (CSV text, a null field, another key order) is the same node.
    write_csv(
        tmp_path,
        "stakeholders.csv",
        ["tags", "name", "kind", "birthYear", "city"],
        [["vip", "Ada", "PERSON", "1990", ""]],
    )
    await import_path(graph, tmp_path)
    assert count(db, "MATCH (n:Person) RETURN count(n)") == 1
    # Another content is another node.
    other = {"stakeholders": [{"kind": "PERSON", "name": "Ada", "birthYear": 1991}]}
    await import_path(graph, write_json(tmp_path / "other.json", other))
    assert count(db, "MATCH (n:Person) RETURN count(n)") == 2


async def test_every_problem_is_reported_and_nothing_is_written(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    bad = {
        "stakeholders": [
            *WORLD["stakeholders"],
            {"id": "x y", "kind": "PERSON", "name": "Bad id"},
            {"id": "acme", "kind": "ORGANIZATION", "name": "", "country": "XX"},
            {"id": "mia", "kind": "ORGANIZATION", "name": "Mia Inc"},
        ],
        "relations": [
            *WORLD["relations"],
            {
                "type": "BUYS",
                "from": "mia",
                "to": "toyco",
                "offering": "Robot",
                "amount": -5,
                "currency": "EURO",
                "at": "2025-01-01",
            },
            {"type": "USES", "from": "leo", "to": "nobody"},
            {"type": "MEMBER_OF", "from": "toyco", "to": "globex"},
            {"type": "HUGS", "from": "leo", "to": "mia"},
        ],
    }
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, write_json(tmp_path / "bad.json", bad))
    found = {(p.where, p.field) for p in caught.value.problems}
    assert found == {
        ("stakeholders[7]", "id"),
        ("stakeholders[8]", "name"),
        ("stakeholders[8]", "country"),
        ("stakeholders[9]", "kind"),
        ("relations[8]", "amount"),
        ("relations[8]", "currency"),
        ("relations[9]", "to"),
        ("relations[10]", "from"),
        ("relations[11]", "type"),
    }
    assert "relations[9], to: no stakeholder 'nobody'" in caught.value.message
    assert caught.value.code == "BAD_USER_INPUT"
    assert count(db, "MATCH (n) RETURN count(n)") == 0


async def test_relation_ends_may_already_exist_in_the_database(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    more = {
        "stakeholders": [{"id": "sam", "kind": "PERSON", "name": "Sam"}],
        "relations": [
            {"type": "USES", "from": "sam", "to": "toyco"},
            {"type": "PARENT_OF", "from": "dana", "to": "sam"},
        ],
    }
    summary = await import_path(graph, write_json(tmp_path / "more.json", more))
    assert (summary.stakeholders, summary.relations) == (1, 2)
    assert count(db, "MATCH (n:Parent {id: 'dana'}) RETURN count(n)") == 1

    changed_kind = {"stakeholders": [{"id": "toyco", "kind": "PERSON", "name": "Toy"}]}
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, write_json(tmp_path / "kind.json", changed_kind))
    assert [(p.where, p.field) for p in caught.value.problems] == [("stakeholders[0]", "kind")]
    wrong_end = {"relations": [{"type": "PART_OF", "from": "mia", "to": "globex"}]}
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, write_json(tmp_path / "end.json", wrong_end))
    assert [(p.where, p.field) for p in caught.value.problems] == [("relations[0]", "from")]


def graph_counts(db: neo4j.Driver) -> tuple[int, int, str]:
    """Nodes, relationships and a fingerprint of every property, to see that nothing moved."""
    return (
        count(db, "MATCH (n) RETURN count(n)"),
        count(db, "MATCH ()-[r]->() RETURN count(r)"),
        str(snapshot(db)),
    )


USE = {"type": "USES", "from": "leo", "to": "toyco", "offering": "Robot kit"}


async def test_a_relation_id_used_by_two_different_relations_in_the_input_is_refused(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    before = graph_counts(db)
    clash = {
        "stakeholders": [{"id": "sam", "kind": "PERSON", "name": "Sam"}],
        "relations": [
            {**USE, "id": "dup"},
            {"type": "CONTRIBUTES", "id": "dup", "from": "leo", "to": "toyco"},  # another type
            {**USE, "id": "dup", "from": "mia"},  # other ends
            {**USE, "id": "dup", "offering": "Robot kit 2"},  # the same relation again: fine
        ],
    }
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, write_json(tmp_path / "clash.json", clash))
    assert [(p.where, p.field) for p in caught.value.problems] == [
        ("relations[1]", "id"),
        ("relations[2]", "id"),
    ]
    assert "used by USES leo->toyco at relations[0]" in caught.value.problems[0].message
    assert graph_counts(db) == before

    write_csv(
        tmp_path,
        "relations.csv",
        ["id", "type", "from", "to"],
        [["p1", "PARENT_OF", "mia", "leo"], ["p1", "PARENT_OF", "dana", "leo"]],
    )
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, tmp_path)
    assert [(p.where, p.field) for p in caught.value.problems] == [("relations.csv line 3", "id")]
    assert graph_counts(db) == before


async def test_the_same_relation_repeated_in_the_input_is_written_once_last_wins(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    again = {
        "stakeholders": WORLD["stakeholders"],
        "relations": [{**USE, "id": "u1"}, {**USE, "id": "u1", "offering": "Robot kit 2"}],
    }
    await import_path(graph, write_json(tmp_path / "again.json", again), progress=False)
    records, _, _ = db.execute_query("MATCH ()-[r:USES]->() RETURN r.id AS id, r.offering AS o")
    assert [(r["id"], r["o"]) for r in records] == [("u1", "Robot kit 2")]


async def test_a_relation_id_held_in_the_database_by_another_relation_is_refused(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    uses = {"relations": [{**USE, "id": "u1"}, {**USE, "id": "u2", "from": "mia"}]}
    await import_path(graph, write_json(tmp_path / "u.json", uses))
    before = graph_counts(db)
    taken = {
        "stakeholders": [{"id": "sam", "kind": "PERSON", "name": "Sam"}],
        "relations": [
            {"type": "CONTRIBUTES", "id": "u1", "from": "leo", "to": "toyco"},  # another type
            {**USE, "id": "u2", "from": "dana"},  # u2 is mia USES toyco: other ends
            {**WORLD["relations"][0], "amount": 1.0},  # r1 itself, updated: fine
            {"type": "USES", "id": "fresh", "from": "sam", "to": "toyco"},
        ],
    }
    with pytest.raises(InvalidInput) as caught:
        await import_records(
            graph,
            read_section(write_json(tmp_path / "taken.json", taken), "stakeholders"),
            read_section(tmp_path / "taken.json", "relations"),
            batch_size=1,  # the database is checked batch by batch
        )
    assert [(p.where, p.field) for p in caught.value.problems] == [
        ("relations[0]", "id"),
        ("relations[1]", "id"),
    ]
    assert "'u1' is already taken by USES leo->toyco" in caught.value.problems[0].message
    assert graph_counts(db) == before

    del taken["relations"][:2]
    summary = await import_path(graph, write_json(tmp_path / "fine.json", taken))
    assert (summary.stakeholders, summary.relations) == (1, 2)
    records, _, _ = db.execute_query("MATCH ()-[r:BUYS {id: 'r1'}]->() RETURN r.amount AS a")
    assert [r["a"] for r in records] == [1.0]


def write_csv(folder: Path, name: str, header: list[str], rows: list[list[str]]) -> None:
    with (folder / name).open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows(rows)


async def test_csv_folder_imports_with_lists_and_empty_cells_as_absent(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    write_csv(
        tmp_path,
        "stakeholders.csv",
        ["id", "kind", "name", "country", "tags", "orgType"],
        [
            ["toyco", "ORGANIZATION", "ToyCo", "DE", "toys;kids", "BUSINESS"],
            ["mia", "PERSON", "Mia", "", "", ""],
        ],
    )
    write_csv(
        tmp_path,
        "relations.csv",
        ["id", "type", "from", "to", "offering", "amount", "currency", "at", "ongoing"],
        [
            ["", "BUYS", "mia", "toyco", "Robot", "49.9", "EUR", "2025-12-01", ""],
            ["s1", "SERVES", "toyco", "mia", "Support", "", "", "", "true"],
        ],
    )
    summary = await import_path(graph, tmp_path)
    assert (summary.stakeholders, summary.relations) == (2, 2)
    records, _, _ = db.execute_query("MATCH (t {id: 'toyco'}), (m {id: 'mia'}) RETURN t, m")
    assert records[0]["t"]["tags"] == ["toys", "kids"]
    assert "country" not in records[0]["m"] and "tags" not in records[0]["m"]
    records, _, _ = db.execute_query("MATCH ()-[r:BUYS]->() RETURN r.amount AS a")
    assert records[0]["a"] == 49.9
    records, _, _ = db.execute_query("MATCH ()-[r:SERVES]->() RETURN r.ongoing AS o")
    assert records[0]["o"] is True


async def test_csv_problems_name_the_file_line_and_field(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    write_csv(
        tmp_path,
        "stakeholders.csv",
        ["id", "kind", "name", "country", "colour"],
        [["toyco", "ORGANIZATION", "ToyCo", "DE", ""], ["mia", "PERSON", "Mia", "Germany", ""]],
    )
    write_csv(
        tmp_path,
        "relations.csv",
        ["type", "from", "to", "amount"],
        [["BUYS", "mia", "toyco", "lots"]],
    )
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, tmp_path)
    found = {(p.where, p.field) for p in caught.value.problems}
    assert found == {
        ("stakeholders.csv line 1", "colour"),
        ("stakeholders.csv line 3", "country"),
        ("relations.csv line 2", "amount"),
        ("relations.csv line 2", "offering"),
        ("relations.csv line 2", "currency"),
        ("relations.csv line 2", "at"),
    }
    assert count(db, "MATCH (n) RETURN count(n)") == 0


async def test_unreadable_json_is_one_problem(graph: Graph, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"stakeholders": [{"id": "a", ', encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        await import_path(graph, broken)
    assert caught.value.problems[0].where == "broken.json"
    with pytest.raises(InvalidInput):
        await import_path(graph, tmp_path / "missing.json")


async def test_small_batches_write_everything(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    path = write_json(tmp_path / "w.json", WORLD)
    summary = await import_records(
        graph, read_section(path, "stakeholders"), read_section(path, "relations"), batch_size=3
    )
    assert (summary.stakeholders, summary.relations) == (7, 8)
    assert count(db, "MATCH ()-[r]->() RETURN count(r)") == 8


async def test_an_empty_database_gets_by_create_what_merge_writes(
    graph: Graph, db: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into an empty database the batches are created without looking up their ids; the
    graph is the one the merging path writes into a database that held something."""
    creates: list[str] = []
    for name in ("create_stakeholder_rows", "create_relation_rows"):
        real = getattr(writes, name)

        async def spy(tx: Any, rows: Any, real: Any = real, name: str = name) -> int:
            creates.append(name)
            return int(await real(tx, rows))

        monkeypatch.setattr(writes, name, spy)
    path = write_json(tmp_path / "w.json", WORLD)
    await import_path(graph, path)
    assert creates == ["create_stakeholder_rows", "create_relation_rows"]
    created = snapshot(db, skip=frozenset({"createdAt", "updatedAt"}))
    db.execute_query("MATCH (n) DETACH DELETE n")
    db.execute_query("CREATE (:Stakeholder:Person {id: 'someone', name: 'Someone'})")
    creates.clear()
    await import_path(graph, path)
    assert creates == []
    db.execute_query("MATCH (n {id: 'someone'}) DETACH DELETE n")
    assert snapshot(db, skip=frozenset({"createdAt", "updatedAt"})) == created
    times, _, _ = db.execute_query(
        "MATCH (n:Stakeholder) WHERE n.createdAt IS NULL OR n.updatedAt IS NULL RETURN n.id"
    )
    assert times == []


async def test_an_empty_database_finds_the_problems_the_database_checks_find(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    """Into an empty database the checks ask it nothing (`fresh`); the problems are the
    ones its statements find when it holds something, and a referral's provider named by
    the input is no problem."""
    world = {
        "stakeholders": WORLD["stakeholders"],
        "relations": [
            *WORLD["relations"],
            {"type": "REFERS", "from": "mia", "to": "dana", "providerId": "toyco"},
            {"type": "REFERS", "from": "mia", "to": "dana", "providerId": "nowhere"},
            {"type": "USES", "from": "leo", "to": "nobody"},
            {"type": "PART_OF", "from": "mia", "to": "globex"},
        ],
    }
    path = write_json(tmp_path / "w.json", world)
    with pytest.raises(InvalidInput) as fresh:
        await import_path(graph, path)
    assert count(db, "MATCH (n) RETURN count(n)") == 0
    db.execute_query("CREATE (:Stakeholder:Person {id: 'someone', name: 'Someone'})")
    with pytest.raises(InvalidInput) as checked:
        await import_path(graph, path)
    assert fresh.value.problems == checked.value.problems
    assert [(p.where, p.field) for p in fresh.value.problems] == [
        ("relations[9]", "providerId"),
        ("relations[10]", "to"),
        ("relations[11]", "from"),
    ]


async def test_the_last_record_of_an_id_wins_across_batches(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    """Records of one id in many batches (each repeat fails its batch's CREATE, which is
    then merged): the last one wins, and the role labels follow the relations."""
    people = [f"p{i}" for i in range(40)]
    world = {
        "stakeholders": [{"id": "toyco", "kind": "ORGANIZATION", "name": "ToyCo"}]
        + [
            {"id": id_, "kind": "PERSON", "name": f"{id_} v{round_}"}
            for round_ in (1, 2, 3)
            for id_ in people
        ],
        "relations": [
            {"id": f"u-{id_}", "type": "USES", "from": id_, "to": "toyco", "offering": f"o{round_}"}
            for round_ in (1, 2, 3)
            for id_ in people
        ],
    }
    path = write_json(tmp_path / "w.json", world)
    summary = await import_records(
        graph, read_section(path, "stakeholders"), read_section(path, "relations"), batch_size=7
    )
    assert (summary.stakeholders, summary.relations) == (121, 120)
    records, _, _ = db.execute_query(
        "MATCH (p:Person)-[u:USES]->(:Organization {id: 'toyco'}) "
        "RETURN p.id AS id, p.name AS name, u.offering AS offering, p:EndUser AS endUser"
    )
    assert sorted((r["id"], r["name"], r["offering"], r["endUser"]) for r in records) == sorted(
        (id_, f"{id_} v3", "o3", True) for id_ in people
    )
    assert count(db, "MATCH ()-[r]->() RETURN count(r)") == 40


async def test_export_imported_into_an_empty_database_reproduces_the_graph(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    before = snapshot(db)
    exported = tmp_path / "export.json"
    summary = await export_path(graph, exported)
    assert (summary.stakeholders, summary.relations) == (7, 8)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert {s["id"] for s in data["stakeholders"]} == {s["id"] for s in WORLD["stakeholders"]}
    assert all({"id", "type", "from", "to"} <= set(r) for r in data["relations"])
    db.execute_query("MATCH (n) DETACH DELETE n")
    await import_path(graph, exported)
    assert snapshot(db) == before


async def test_export_pages_through_a_graph_larger_than_a_page(
    graph: Graph, db: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stakegraph import exporter

    monkeypatch.setattr(exporter, "PAGE_SIZE", 2)
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    summary = await exporter.export_path(graph, tmp_path / "out.json")
    assert (summary.stakeholders, summary.relations) == (7, 8)
    assert importer.BATCH_SIZE == 10_000


async def test_export_pages_a_hub_by_relations_each_relation_once_in_the_same_order(
    graph: Graph, db: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page holds at most RELATION_PAGE_SIZE relations even when one stakeholder has more:
    the pages still give every relation once, in (from, type, to, id) order, so the export is
    the same whatever the page size. Ties of (from, type, to) are broken by the id, id-less
    relations (written by hand) by the element id."""
    from stakegraph import exporter
    from stakegraph.graph import reads

    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    db.execute_query(
        "MATCH (h:Stakeholder {id: 'globex'}), (t:Stakeholder {id: 'initech'}) "
        "UNWIND ['u3', 'u1', 'u2'] AS id CREATE (h)-[:USES {id: id}]->(t) "
        "WITH DISTINCT h, t UNWIND range(1, 3) AS i CREATE (h)-[:ENGAGES]->(t)"
    )
    total = count(db, "MATCH ()-[r]->() RETURN count(r)")
    hub = count(db, "MATCH (:Stakeholder {id: 'globex'})-[r]->() RETURN count(r)")
    assert hub > 2 * 3

    pages, after = [], None
    while True:
        page = (await reads.rows(graph, "export/relations_page", after=after, limit=3))[0]
        pages.append(page["relations"])
        if len(page["relations"]) < 3:
            break
        after = page["after"]
    assert max(len(page) for page in pages) == 3 and len(pages) > hub / 3
    assert sum(len(page) for page in pages) == total

    whole = {form: tmp_path / f"whole.{form}" for form in ("json", "csv")}
    paged = {form: tmp_path / f"paged.{form}" for form in ("json", "csv")}
    for form in whole:
        await export_path(graph, whole[form], form)
    monkeypatch.setattr(exporter, "RELATION_PAGE_SIZE", 2)
    for form in paged:
        summary = await export_path(graph, paged[form], form)
        assert summary.relations == total
        assert exported(paged[form]) == exported(whole[form])
    relations = json.loads(whole["json"].read_text(encoding="utf-8"))["relations"]
    ids = [r["id"] for r in relations if "id" in r]
    held, _, _ = db.execute_query("MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN r.id AS id")
    assert sorted(ids) == sorted(r["id"] for r in held)  # each relation once
    assert len(relations) - len(ids) == 3  # and each id-less one
    order = [(r["from"], r["type"], r["to"], "id" not in r, r.get("id", "")) for r in relations]
    assert order == sorted(order)
    assert [r.get("id") for r in relations if r["from"] == "globex" and r["type"] == "USES"] == [
        "u1",
        "u2",
        "u3",
    ]


STORY_IDS = {
    "toyco",
    "mia",
    "leo",
    "brookside",
    "ms-park",
    "omar",
    "lucia",
    "initech",
    "initech-hr",
    "initech-it",
    "initech-helpdesk",
    "globex",
    "globex-procurement",
    "dana",
    "bea",
    "nora",
    "vidly",
    "vera",
    "cole",
    "chatly",
    "umbrella",
    "hooli",
    "stark",
    "springfield",
    "state-uni",
    "appmart",
}


async def test_demo_loads_the_story_nodes_and_their_roles(graph: Graph, db: neo4j.Driver) -> None:
    from stakegraph.demo import load_demo, world

    summary = await load_demo(graph)
    assert 200 <= summary.stakeholders <= 1000
    records, _, _ = db.execute_query(
        "MATCH (n:Stakeholder) WHERE n.id IN $ids RETURN n.id AS id, labels(n) AS l",
        ids=sorted(STORY_IDS),
    )
    labels = {r["id"]: set(r["l"]) for r in records}
    assert set(labels) == STORY_IDS
    assert "Parent" in labels["mia"] and "EndUser" in labels["leo"]
    assert "Prosumer" in labels["vera"] and "Prosumer" in labels["initech"]
    assert "BuyingCenterMember" in labels["bea"] and "BuyingCenterMember" not in labels["nora"]
    roles, _, _ = db.execute_query(
        "MATCH (p:Person)-[m:MEMBER_OF]->()-[:PART_OF*0..]->(:Organization {id: 'globex'}) "
        "RETURN collect(DISTINCT m.buyingRole) AS roles"
    )
    assert set(roles[0]["roles"]) == {
        "INITIATOR",
        "USER",
        "INFLUENCER",
        "DECIDER",
        "APPROVER",
        "BUYER",
        "GATEKEEPER",
        "CHAMPION",
    }
    assert count(db, "MATCH (:Person {id: 'bea'})-[:MEMBER_OF]->(:Department) RETURN count(*)")
    assert count(
        db,
        "MATCH ()-[r:BUYS {consideration: 'DATA'}]->(:Organization {id: 'chatly'}) RETURN count(r)",
    )
    assert count(db, "MATCH (:Person {id: 'ms-park'})-[:SERVES]->(:Parent) RETURN count(*)") == 2
    assert world() == world()  # deterministic


async def test_loading_the_demo_twice_changes_nothing(graph: Graph, db: neo4j.Driver) -> None:
    from stakegraph.demo import load_demo

    await load_demo(graph)
    once = snapshot(db)
    await load_demo(graph)
    assert snapshot(db) == once


async def test_import_applies_the_schema_to_a_fresh_database(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    from stakegraph.graph.schema import missing_schema

    names, _, _ = db.execute_query("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    for name in names[0]["names"]:
        db.execute_query(f"DROP CONSTRAINT {name}")
    names, _, _ = db.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN collect(name) AS names"
    )
    for name in names[0]["names"]:
        db.execute_query(f"DROP INDEX {name}")
    assert "stakeholder_id" in await missing_schema(graph)
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    assert await missing_schema(graph) == set()


def exported(path: Path) -> str:
    """An export's text: the JSON file, or the CSV folder's two files."""
    if path.is_dir():
        return "".join((path / n).read_text(encoding="utf-8") for n in sorted(FILES))
    return path.read_text(encoding="utf-8")


FILES = ("stakeholders.csv", "relations.csv")


@pytest.mark.parametrize("form", ["json", "csv"])
async def test_export_wipe_import_export_gives_the_same_export(
    graph: Graph, db: neo4j.Driver, tmp_path: Path, form: str
) -> None:
    from stakegraph.generate import generate

    world = tmp_path / "world.json"
    generate(300, 7, world)
    await import_path(graph, world)
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    before = snapshot(db)
    first = tmp_path / f"first.{form}"
    summary = await export_path(graph, first, form)
    assert summary.relations == count(db, "MATCH ()-[r]->() RETURN count(r)")
    if form == "csv":
        assert sorted(p.name for p in first.iterdir()) == sorted(FILES)
    db.execute_query("MATCH ()-[r]->() DELETE r")
    db.execute_query("MATCH (n) DELETE n")
    await import_path(graph, first)
    assert snapshot(db) == before
    second = tmp_path / f"second.{form}"
    await export_path(graph, second, form)
    assert exported(second) == exported(first)


async def test_csv_export_names_what_it_cannot_write(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    db.execute_query(
        "CREATE (:Stakeholder:Person {id: 'p', name: 'P', tags: ['a;b'],"
        " createdAt: datetime(), updatedAt: datetime()})"
    )
    with pytest.raises(StakegraphError, match="'p', tags"):
        await export_path(graph, tmp_path / "out", "csv")
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.partial").exists()


async def test_a_failing_database_check_ends_validation_and_writes_nothing(
    graph: Graph, db: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(graph: Graph, item: Any, fresh: bool) -> list[Any]:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importer, "_check_batch", broken)
    path = write_json(tmp_path / "w.json", WORLD)
    with pytest.raises(RuntimeError, match="went away"):
        await import_records(
            graph, read_section(path, "stakeholders"), read_section(path, "relations"), batch_size=1
        )
    assert count(db, "MATCH (n) RETURN count(n)") == 0


async def test_export_pages_are_not_held_to_the_api_timeout(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    """A page of a large graph on a busy machine can take longer than the API's timeout
    (5 s by default): export gives each page its own, as import does its batches."""
    await import_path(graph, write_json(tmp_path / "w.json", WORLD))
    hurried = Graph(graph.driver, graph.database, timeout=0.001)
    summary = await export_path(hurried, tmp_path / "out.json")
    assert (summary.stakeholders, summary.relations) == (7, 8)


def test_import_freezes_what_start_up_built_and_unfreezes_it() -> None:
    import gc

    # An app built earlier in this test process froze its start-up (`settle_memory`):
    # start from nothing frozen, and leave the process as it was.
    earlier = gc.get_freeze_count()
    gc.unfreeze()
    try:
        with importer._start_up_frozen():
            frozen = gc.get_freeze_count()
            assert frozen > 0
            with importer._start_up_frozen():  # frozen already (a server): left as it is
                assert gc.get_freeze_count() == frozen
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == 0
    finally:
        if earlier:
            gc.freeze()
