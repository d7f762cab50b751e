"""GIVES_FEEDBACK and REFERS (SPEC 13): validated like every relation, written by the one
write path, refused whole on bad input, carried by import and export."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from stakegraph.config import Neo4jSettings
from stakegraph.exporter import export_path
from stakegraph.graph.driver import Graph
from stakegraph.importer import InvalidInput, import_path, import_records
from stakegraph.inputs import read_section
from tests.gql import GQL, serve

PEOPLE = ["omar", "lucia", "ms-park", "toyco"]

FEEDBACK = """
mutation($input: FeedbackInput!) { recordFeedback(input: $input) { id type from { id } to { id } } }
"""
REFERRAL = """
mutation($input: ReferralInput!) { recordReferral(input: $input) { id type from { id } to { id } } }
"""


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    with serve(neo4j_settings) as client:
        for id_ in PEOPLE:
            client.query(
                "mutation($id: ID, $name: String!) { upsertPerson(input: {id: $id, name: $name}) "
                "{ id } }",
                id=id_,
                name=id_,
            )
        yield client


def _relations(db: neo4j.Driver, type_: str) -> list[dict[str, Any]]:
    records, _, _ = db.execute_query(
        f"MATCH (a)-[r:{type_}]->(b) RETURN a.id AS from, b.id AS to, properties(r) AS props "
        "ORDER BY r.id"
    )
    return [r.data() for r in records]


def test_feedback_is_stored_with_its_scores_and_answers_its_ends(
    gql: GQL, db: neo4j.Driver
) -> None:
    data = gql.query(
        FEEDBACK,
        input={
            "id": "fb1",
            "customerId": "omar",
            "providerId": "ms-park",
            "nps": 10,
            "csat": 5,
            "comment": "Clear reports",
            "channel": "survey",
            "offering": "Progress reports",
            "at": "2025-06-01T00:00:00Z",
        },
    )

    assert data["recordFeedback"] == {
        "id": "fb1",
        "type": "GIVES_FEEDBACK",
        "from": {"id": "omar"},
        "to": {"id": "ms-park"},
    }
    (stored,) = _relations(db, "GIVES_FEEDBACK")
    props = stored["props"]
    assert (props["nps"], props["csat"], props["comment"], props["channel"]) == (
        10,
        5,
        "Clear reports",
        "survey",
    )
    assert props["offering"] == "Progress reports"


def test_a_referral_names_its_provider_and_defaults_at_to_now(gql: GQL, db: neo4j.Driver) -> None:
    data = gql.query(
        REFERRAL,
        input={"referrerId": "omar", "referredId": "lucia", "providerId": "ms-park"},
    )

    assert data["recordReferral"]["type"] == "REFERS"
    (stored,) = _relations(db, "REFERS")
    assert (stored["from"], stored["to"], stored["props"]["providerId"]) == (
        "omar",
        "lucia",
        "ms-park",
    )
    assert stored["props"]["at"] is not None


def _fb(code: str, field: str, **given: Any) -> Any:
    return pytest.param(
        FEEDBACK, {"customerId": "omar", "providerId": "ms-park", **given}, code, field
    )


def _ref(code: str, field: str, **given: Any) -> Any:
    ends = {"referrerId": "omar", "referredId": "lucia", "providerId": "ms-park", **given}
    return pytest.param(REFERRAL, ends, code, field)


BAD = "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("document", "input", "code", "field"),
    [
        _fb(BAD, "input.nps", nps=11),
        _fb(BAD, "input.nps", nps=-1),
        _fb(BAD, "input.csat", csat=0),
        _fb(BAD, "input.csat", csat=6),
        _fb(BAD, "input.comment", channel="x"),
        _fb(BAD, "input.providerId", providerId="omar", nps=5),
        _fb("NOT_FOUND", "input.customerId", customerId="ghost", nps=5),
        _fb("NOT_FOUND", "input.providerId", providerId="ghost", nps=5),
        _ref(BAD, "input.referredId", referredId="omar"),
        _ref(BAD, "input.providerId", referredId="ms-park"),
        _ref("NOT_FOUND", "input.providerId", providerId="ghost"),
        _ref("NOT_FOUND", "input.referrerId", referrerId="ghost"),
        _ref("NOT_FOUND", "input.referredId", referredId="ghost"),
    ],
)
def test_bad_feedback_and_referrals_are_refused_with_nothing_written(
    gql: GQL, db: neo4j.Driver, document: str, input: dict[str, Any], code: str, field: str
) -> None:
    (error,) = gql.errors(document, input=input)

    assert error["extensions"] == {"code": code, "field": field}, error
    assert _relations(db, "GIVES_FEEDBACK") == []
    assert _relations(db, "REFERS") == []


def test_removing_a_provider_removes_the_referrals_made_for_it(gql: GQL, db: neo4j.Driver) -> None:
    for provider in ("ms-park", "toyco"):
        gql.query(
            REFERRAL,
            input={"referrerId": "omar", "referredId": "lucia", "providerId": provider},
        )

    assert gql.query('mutation { removeStakeholder(id: "ms-park") }') == {"removeStakeholder": True}

    assert [r["props"]["providerId"] for r in _relations(db, "REFERS")] == ["toyco"]


def test_removing_feedback_and_referrals_by_id(gql: GQL, db: neo4j.Driver) -> None:
    gql.query(FEEDBACK, input={"id": "f1", "customerId": "omar", "providerId": "toyco", "csat": 2})
    gql.query(
        REFERRAL,
        input={"id": "r1", "referrerId": "omar", "referredId": "lucia", "providerId": "toyco"},
    )

    removed = gql.query('mutation { a: removeRelation(id: "f1") b: removeRelation(id: "r1") }')

    assert removed == {"a": True, "b": True}
    assert _relations(db, "GIVES_FEEDBACK") == _relations(db, "REFERS") == []


# ----------------------------------------------------------------------- import / export

WORLD: dict[str, list[dict[str, Any]]] = {
    "stakeholders": [
        {"id": pid, "kind": "PERSON", "name": pid} for pid in ("omar", "lucia", "ms-park")
    ],
    "relations": [
        {
            "id": "f1",
            "type": "GIVES_FEEDBACK",
            "from": "omar",
            "to": "ms-park",
            "nps": 9,
            "comment": "Helpful",
            "at": "2025-05-01T00:00:00Z",
        },
        {
            "id": "f2",
            "type": "GIVES_FEEDBACK",
            "from": "lucia",
            "to": "ms-park",
            "csat": 4,
        },
        {
            "id": "r1",
            "type": "REFERS",
            "from": "omar",
            "to": "lucia",
            "providerId": "ms-park",
            "channel": "school gate",
            "at": "2025-05-02T00:00:00Z",
        },
    ],
}


@pytest.mark.anyio
async def test_feedback_and_referrals_survive_an_export_and_reimport(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    source = tmp_path / "world.json"
    source.write_text(json.dumps(WORLD))
    await import_path(graph, source)
    first = tmp_path / "first.json"
    await export_path(graph, first)
    db.execute_query("MATCH (n) DETACH DELETE n")

    await import_path(graph, first)
    second = tmp_path / "second.json"
    await export_path(graph, second)

    exported = json.loads(first.read_text())["relations"]
    assert json.loads(second.read_text())["relations"] == exported
    by_id = {r["id"]: r for r in exported}
    assert by_id["f1"]["nps"] == 9 and by_id["f1"]["comment"] == "Helpful"
    assert by_id["f2"]["csat"] == 4
    assert by_id["r1"]["providerId"] == "ms-park"


@pytest.mark.anyio
async def test_csv_import_reads_scores_and_the_referral_provider(
    graph: Graph, db: neo4j.Driver, tmp_path: Path
) -> None:
    with (tmp_path / "stakeholders.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "kind", "name"])
        for pid in ("omar", "lucia", "ms-park"):
            writer.writerow([pid, "PERSON", pid])
    with (tmp_path / "relations.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "type", "from", "to", "nps", "csat", "providerId"])
        writer.writerow(["f1", "GIVES_FEEDBACK", "omar", "ms-park", "7", "", ""])
        writer.writerow(["r1", "REFERS", "omar", "lucia", "", "", "ms-park"])

    await import_path(graph, tmp_path)

    (feedback,) = _relations(db, "GIVES_FEEDBACK")
    (referral,) = _relations(db, "REFERS")
    assert feedback["props"]["nps"] == 7 and "csat" not in feedback["props"]
    assert referral["props"]["providerId"] == "ms-park"


@pytest.mark.anyio
async def test_import_refuses_a_referral_for_an_unknown_provider_and_writes_nothing(
    graph: Graph, db: neo4j.Driver
) -> None:
    relations = [
        *WORLD["relations"][:2],
        {"type": "REFERS", "from": "omar", "to": "lucia", "providerId": "ghost"},
        {"type": "GIVES_FEEDBACK", "from": "omar", "to": "ms-park", "nps": 12},
    ]
    stakeholders = [(f"stakeholders[{i}]", s) for i, s in enumerate(WORLD["stakeholders"])]
    rels = [(f"relations[{i}]", r) for i, r in enumerate(relations)]

    with pytest.raises(InvalidInput) as refused:
        await import_records(graph, iter(stakeholders), iter(rels))

    fields = {(p.where, p.field) for p in refused.value.problems}
    assert ("relations[2]", "providerId") in fields
    assert ("relations[3]", "nps") in fields
    records, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0


def test_csv_columns_include_the_new_properties(tmp_path: Path) -> None:
    (tmp_path / "relations.csv").write_text(
        "type,from,to,nps,csat,comment,providerId,channel\nREFERS,a,b,,,,p,mail\n"
    )

    ((where, record),) = list(read_section(tmp_path, "relations"))

    expected = {"type": "REFERS", "from": "a", "to": "b", "providerId": "p", "channel": "mail"}
    assert record == expected
