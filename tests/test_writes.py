"""The write path (graph/writes.py and cypher/writes/) against the real Neo4j."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

import neo4j
import pytest
from neo4j import AsyncManagedTransaction

from stakegraph import errors
from stakegraph.graph import writes
from stakegraph.graph.driver import Graph
from stakegraph.records import (
    RELATION,
    STAKEHOLDER,
    DepartmentRecord,
    MemberOfRecord,
    OrganizationRecord,
    PersonRecord,
    RelationRecord,
    RelationType,
    StakeholderRecord,
)

pytestmark = pytest.mark.anyio
T = TypeVar("T")


async def write(graph: Graph, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
    return await graph.execute(work, write=True)


def people(*records: dict[str, Any]) -> list[StakeholderRecord]:
    return [STAKEHOLDER.validate_python(r) for r in records]


def relations(*records: dict[str, Any]) -> list[RelationRecord]:
    return [RELATION.validate_python(r) for r in records]


def labels(db: neo4j.Driver, id: str) -> set[str]:
    records, _, _ = db.execute_query("MATCH (n:Stakeholder {id: $id}) RETURN labels(n) AS l", id=id)
    return set(records[0]["l"])


async def seed(graph: Graph) -> None:
    world = people(
        {"kind": "ORGANIZATION", "id": "toyco", "name": "ToyCo", "orgType": "BUSINESS"},
        {"kind": "ORGANIZATION", "id": "globex", "name": "Globex"},
        {"kind": "DEPARTMENT", "id": "globex-it", "name": "Globex IT"},
        {"kind": "PERSON", "id": "mia", "name": "Mia"},
        {"kind": "PERSON", "id": "leo", "name": "Leo"},
        {"kind": "PERSON", "id": "dana", "name": "Dana"},
    )
    await write(graph, lambda tx: writes.upsert_stakeholders(tx, world))


async def test_upsert_sets_kind_label_timestamps_and_properties(
    graph: Graph, db: neo4j.Driver
) -> None:
    await seed(graph)
    records, _, _ = db.execute_query("MATCH (n:Stakeholder {id: 'toyco'}) RETURN n, labels(n) AS l")
    node = records[0]["n"]
    assert set(records[0]["l"]) == {"Stakeholder", "Organization"}
    assert node["orgType"] == "BUSINESS" and node["name"] == "ToyCo"
    assert isinstance(node["createdAt"], neo4j.time.DateTime)
    assert isinstance(node["updatedAt"], neo4j.time.DateTime)
    assert labels(db, "globex-it") == {"Stakeholder", "Department"}
    assert labels(db, "mia") == {"Stakeholder", "Person"}


async def test_upsert_updates_given_fields_keeps_absent_ones_and_keeps_created_at(
    graph: Graph, db: neo4j.Driver
) -> None:
    first = [PersonRecord(id="mia", name="Mia", city="Berlin", country="DE")]
    await write(graph, lambda tx: writes.upsert_stakeholders(tx, first))
    before, _, _ = db.execute_query("MATCH (n {id: 'mia'}) RETURN n.createdAt AS c")
    second = people({"kind": "PERSON", "id": "mia", "name": "Mia B.", "city": None})
    await write(graph, lambda tx: writes.upsert_stakeholders(tx, second))
    after, _, _ = db.execute_query("MATCH (n {id: 'mia'}) RETURN n, n.createdAt AS c")
    node = after[0]["n"]
    assert node["name"] == "Mia B." and node["country"] == "DE" and "city" not in node
    assert after[0]["c"] == before[0]["c"]


def updated_at(db: neo4j.Driver, id: str) -> Any:
    records, _, _ = db.execute_query("MATCH (n {id: $id}) RETURN n.updatedAt AS u", id=id)
    return records[0]["u"]


async def test_upsert_moves_updated_at_only_when_a_property_changes(
    graph: Graph, db: neo4j.Driver
) -> None:
    mia = people({"kind": "PERSON", "id": "mia", "name": "Mia", "city": "Berlin", "tags": ["a"]})
    await write(graph, lambda tx: writes.upsert_stakeholders(tx, mia))
    first = updated_at(db, "mia")
    same = people(
        {"kind": "PERSON", "id": "mia", "name": "Mia", "tags": ["a"], "country": None},
        {"kind": "PERSON", "id": "mia", "name": "Mia"},
    )
    await write(graph, lambda tx: writes.upsert_stakeholders(tx, same))
    assert updated_at(db, "mia") == first  # same values; null for an absent property

    for change in (
        {"name": "Mia B."},
        {"city": None},  # removing a property is a change
        {"tags": ["a", "b"]},
    ):
        before = updated_at(db, "mia")
        again = people({"kind": "PERSON", "id": "mia", "name": "Mia B.", **change})
        await graph.execute(partial(writes.upsert_stakeholders, records=again), write=True)
        assert updated_at(db, "mia") > before, change

    given = people({"kind": "PERSON", "id": "mia", "name": "Mia B.", "updatedAt": "2020-01-01"})
    await write(graph, lambda tx: writes.upsert_stakeholders(tx, given))
    assert updated_at(db, "mia").to_native().isoformat() == "2020-01-01T00:00:00+00:00"


async def test_changing_the_kind_of_an_existing_id_is_refused_and_writes_nothing(
    graph: Graph, db: neo4j.Driver
) -> None:
    await seed(graph)
    change = [PersonRecord(id="newbie", name="New"), PersonRecord(id="globex", name="G")]
    with pytest.raises(errors.BadUserInput) as caught:
        await write(graph, lambda tx: writes.upsert_stakeholders(tx, change))
    assert caught.value.field == "kind" and "globex" in caught.value.message
    assert labels(db, "globex") == {"Stakeholder", "Organization"}
    records, _, _ = db.execute_query("MATCH (n {id: 'newbie'}) RETURN n")
    assert records == []


async def test_relation_to_a_missing_stakeholder_is_not_found_naming_the_field(
    graph: Graph, db: neo4j.Driver
) -> None:
    await seed(graph)
    buy = relations(
        {
            "type": "BUYS",
            "from": "mia",
            "to": "nobody",
            "offering": "Robot",
            "amount": 30,
            "currency": "EUR",
            "at": "2025-12-01",
        }
    )
    with pytest.raises(errors.NotFound) as caught:
        await write(graph, lambda tx: writes.merge_relations(tx, buy))
    assert caught.value.field == "to" and "nobody" in caught.value.message
    with pytest.raises(errors.NotFound) as caught:
        await write(
            graph,
            lambda tx: writes.merge_relations(tx, buy, end_fields=("buyerId", "sellerId")),
        )
    assert caught.value.field == "sellerId"


async def test_structural_relation_between_wrong_kinds_is_bad_input(graph: Graph) -> None:
    await seed(graph)
    wrong = [MemberOfRecord(from_id="globex", to_id="toyco")]
    with pytest.raises(errors.BadUserInput) as caught:
        await write(graph, lambda tx: writes.merge_relations(tx, wrong))
    assert caught.value.field == "from"


async def test_relation_id_held_by_another_relationship_is_refused_and_writes_nothing(
    graph: Graph, db: neo4j.Driver
) -> None:
    await seed(graph)
    uses = relations({"type": "USES", "id": "u1", "from": "leo", "to": "toyco"})
    await write(graph, lambda tx: writes.merge_relations(tx, uses))
    for clash in (
        {"type": "CONTRIBUTES", "id": "u1", "from": "leo", "to": "toyco"},  # another type
        {"type": "USES", "id": "u1", "from": "mia", "to": "toyco"},  # other ends
    ):
        taken = relations(clash)
        with pytest.raises(errors.BadUserInput) as caught:
            await graph.execute(partial(writes.merge_relations, records=taken), write=True)
        assert caught.value.field == "id"
        assert caught.value.message == "relation id 'u1' is already taken by USES leo->toyco"
    records, _, _ = db.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    assert records[0]["n"] == 1
    same = relations({"type": "USES", "id": "u1", "from": "leo", "to": "toyco", "offering": "X"})
    await write(graph, lambda tx: writes.merge_relations(tx, same))  # itself: an update


async def test_relation_refusals_lists_every_problem_with_its_position(graph: Graph) -> None:
    await seed(graph)
    uses = relations({"type": "USES", "id": "u1", "from": "leo", "to": "toyco"})
    await write(graph, lambda tx: writes.merge_relations(tx, uses))
    Ends, kind = writes.RelationEnds, RelationType
    checked = [
        Ends("ok", kind.USES, "mia", "toyco"),
        Ends("m", kind.MEMBER_OF, "globex", "nobody"),  # wrong kind, missing end
        Ends("u1", kind.BUYS, "leo", "toyco"),  # id taken
        Ends("p", kind.PART_OF, "new-dept", "globex"),  # new-dept is known: about to be written
    ]

    async def check(tx: AsyncManagedTransaction) -> list[writes.Refusal]:
        return await writes.relation_refusals(tx, checked, known={"new-dept": "DEPARTMENT"})

    refusals = await graph.execute(check, write=False)
    assert [(r.index, r.field, r.value, r.missing) for r in refusals] == [
        (1, "from", "globex", False),
        (1, "to", "nobody", True),
        (2, "id", "u1", False),
    ]


async def test_role_labels_follow_the_relationships(graph: Graph, db: neo4j.Driver) -> None:
    await seed(graph)
    rels = relations(
        {"type": "PARENT_OF", "from": "mia", "to": "leo"},
        {"type": "USES", "id": "u1", "from": "leo", "to": "toyco", "offering": "Robot"},
        {"type": "MEMBER_OF", "from": "dana", "to": "globex", "buyingRole": "DECIDER"},
        {"type": "PART_OF", "from": "globex-it", "to": "globex"},
        {"type": "CONTRIBUTES", "id": "c1", "from": "leo", "to": "toyco", "what": "reviews"},
    )
    await write(graph, lambda tx: writes.merge_relations(tx, rels))
    assert labels(db, "mia") == {"Stakeholder", "Person", "Parent"}
    assert labels(db, "leo") == {"Stakeholder", "Person", "EndUser", "Prosumer"}
    assert labels(db, "dana") == {"Stakeholder", "Person", "BuyingCenterMember"}

    # Dana's role is taken away, Leo stops using: labels go too.
    no_role = relations({"type": "MEMBER_OF", "from": "dana", "to": "globex", "buyingRole": None})
    await write(graph, lambda tx: writes.merge_relations(tx, no_role))
    assert labels(db, "dana") == {"Stakeholder", "Person"}
    assert await write(graph, lambda tx: writes.remove_relation(tx, "u1"))
    assert labels(db, "leo") == {"Stakeholder", "Person"}


async def test_merging_the_same_relations_twice_writes_them_once(
    graph: Graph, db: neo4j.Driver
) -> None:
    await seed(graph)
    rels = relations(
        {
            "type": "BUYS",
            "from": "mia",
            "to": "toyco",
            "offering": "Robot",
            "amount": 30,
            "currency": "EUR",
            "at": "2025-12-01",
        },
        {"type": "MEMBER_OF", "from": "dana", "to": "globex", "title": "CTO"},
    )
    ids = await write(graph, lambda tx: writes.merge_relations(tx, rels))
    again = await write(graph, lambda tx: writes.merge_relations(tx, rels))
    assert ids == again
    records, _, _ = db.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, r.id AS id")
    assert sorted((r["t"], r["id"]) for r in records) == sorted(
        zip(["BUYS", "MEMBER_OF"], ids, strict=True)
    )


async def test_removing_a_stakeholder_detaches_it_and_refreshes_its_neighbours(
    graph: Graph, db: neo4j.Driver
) -> None:
    await seed(graph)
    rels = relations({"type": "PARENT_OF", "from": "mia", "to": "leo"})
    await write(graph, lambda tx: writes.merge_relations(tx, rels))
    assert "Parent" in labels(db, "mia")
    assert await write(graph, lambda tx: writes.remove_stakeholder(tx, "leo"))
    assert labels(db, "mia") == {"Stakeholder", "Person"}
    assert not await write(graph, lambda tx: writes.remove_stakeholder(tx, "leo"))
    assert not await write(graph, lambda tx: writes.remove_relation(tx, "no-such-id"))


async def test_missing_ids_and_kinds(graph: Graph) -> None:
    await seed(graph)
    await write(
        graph, lambda tx: writes.upsert_stakeholders(tx, [DepartmentRecord(id="hr", name="HR")])
    )
    missing = await write(graph, lambda tx: writes.missing_ids(tx, ["mia", "x", "y"]))
    assert missing == {"x", "y"}
    kinds = await write(graph, lambda tx: writes.stakeholder_kinds(tx, ["hr", "toyco", "x"]))
    assert kinds == {"hr": "DEPARTMENT", "toyco": "ORGANIZATION"}
    assert isinstance(OrganizationRecord(name="x").id, str)
