"""Writing stakeholders and relations: the one write path of import, demo and mutations.

Each function takes an `AsyncManagedTransaction`, so the caller decides what one
transaction holds, e.g. a mutation:

    await graph.execute(lambda tx: writes.merge_relations(tx, [record]), write=True)

Checks come before any write (a failing call writes nothing of its own), and role labels
are refreshed in the same transaction as the relationships they follow from. The Cypher
lives in `cypher/writes/`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from neo4j import AsyncManagedTransaction

from stakegraph import errors
from stakegraph.graph import values
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph
from stakegraph.records import (
    PartOfRecord,
    RelationRecord,
    RelationType,
    StakeholderRecord,
    end_kind_problem,
)


async def _run(tx: AsyncManagedTransaction, name: str, **params: Any) -> list[dict[str, Any]]:
    result = await tx.run(load(name).body, params)
    return [record.data() async for record in result]


async def stakeholder_kinds(tx: AsyncManagedTransaction, ids: Iterable[str]) -> dict[str, str]:
    """The kind (ORGANIZATION, DEPARTMENT, PERSON) of each of `ids` that exists."""
    rows = await _run(tx, "writes/stakeholder_kinds", ids=sorted(set(ids)))
    return {row["id"]: row["kind"] for row in rows}


async def check_scope(tx: AsyncManagedTransaction, scope: Sequence[str] | None, field: str) -> None:
    """NotFound naming `field[i]` for the first id of a membership's scope that names no
    stakeholder (a scope lists the providers a buying role covers)."""
    missing = await missing_ids(tx, scope or ())
    for index, id_ in enumerate(scope or ()):
        if id_ in missing:
            raise errors.NotFound(f"no stakeholder with id {id_!r}", field=f"{field}[{index}]")


async def missing_ids(tx: AsyncManagedTransaction, ids: Iterable[str]) -> set[str]:
    """Those of `ids` that name no stakeholder."""
    rows = await _run(tx, "reads/missing_ids", ids=sorted(set(ids)))
    return set(rows[0]["missing"]) if rows else set()


# ------------------------------------------------------------------------- checks
#
# The checks every writer runs before writing, written once: the mutations raise the
# first refusal, the importer reports them all with where each record came from.


@dataclass(frozen=True)
class Refusal:
    """Why one of the checked items cannot be written."""

    index: int  # its position in the sequence checked
    field: str  # "kind", "from", "to" or "id"
    message: str
    value: str  # the offending id
    missing: bool = False  # an end that names no stakeholder (NotFound, not BadUserInput)


class RelationEnds(NamedTuple):
    """What the checks need of a relation: its id, type and ends (and, for a REFERS, the
    provider the referral was for, which must exist too)."""

    id: str
    type: RelationType
    from_id: str
    to_id: str
    provider_id: str | None = None

    def named(self) -> tuple[str, ...]:
        """The stakeholder ids the relation names: its ends, and a referral's provider."""
        if self.provider_id is None:
            return (self.from_id, self.to_id)
        return (self.from_id, self.to_id, self.provider_id)

    @classmethod
    def of(cls, record: RelationRecord) -> RelationEnds:
        provider = getattr(record, "providerId", None)
        return cls(record.relation_id, record.relation_type, record.from_id, record.to_id, provider)

    def describe(self) -> str:
        """As `writes/relation_id_conflicts.cypher` names a relationship: 'BUYS mia->toyco'."""
        return f"{self.type.value} {self.from_id}->{self.to_id}"


async def kind_change_refusals(
    tx: AsyncManagedTransaction, stakeholders: Sequence[tuple[str, str]]
) -> list[Refusal]:
    """(id, kind) pairs whose id exists with another kind (field `kind`): a kind never changes."""
    existing = await stakeholder_kinds(tx, (id_ for id_, _ in stakeholders))
    refusals = []
    for index, (id_, given) in enumerate(stakeholders):
        kind = existing.get(id_)
        if kind is not None and kind != given:
            message = f"stakeholder {id_!r} is a {kind}; its kind cannot change to {given}"
            refusals.append(Refusal(index, "kind", message, id_))
    return refusals


async def relation_refusals(
    tx: AsyncManagedTransaction,
    relations: Sequence[RelationEnds],
    known: Mapping[str, str] | None = None,
) -> list[Refusal]:
    """Every reason these relations cannot be written, in order: the ends of each relation
    (missing, or the wrong kind for a structural relation, SPEC 2), then ids taken.

    `known` gives the kinds of stakeholders about to be written with the relations (an
    import's own); they stand in for the database's. An id is taken when the database holds
    it on a relationship of another type or between other ends (ids are unique across all
    types; a uniqueness constraint covers one type only).
    """
    known = known or {}
    ends = {id_ for r in relations for id_ in r.named() if id_ not in known}
    looked_up = await stakeholder_kinds(tx, ends)
    refusals = end_refusals(relations, {**looked_up, **known})
    refusals.extend(await taken_id_refusals(tx, relations))
    return refusals


def end_refusals(relations: Sequence[RelationEnds], kinds: Mapping[str, str]) -> list[Refusal]:
    """Ends (and a referral's provider) that name no stakeholder in `kinds` (id -> kind),
    and structural relations between the wrong kinds (SPEC 2): the checks that need no
    database once the kinds are known (an import into a new database knows them all)."""
    refusals = []
    for index, relation in enumerate(relations):
        named = [("from", relation.from_id), ("to", relation.to_id)]
        if relation.provider_id is not None:
            named.append(("providerId", relation.provider_id))
        for end, id_ in named:
            kind = kinds.get(id_)
            if kind is None:
                message = f"no stakeholder with id {id_!r}"
                refusals.append(Refusal(index, end, message, id_, missing=True))
            elif problem := end_kind_problem(relation.type, end, kind):
                refusals.append(Refusal(index, end, f"{problem} ({id_!r})", id_))
    return refusals


async def taken_id_refusals(
    tx: AsyncManagedTransaction, relations: Sequence[RelationEnds]
) -> list[Refusal]:
    """Relations whose id the database holds on another relationship (field `id`)."""
    rows = [{"id": r.id, "type": r.type.value, "from": r.from_id, "to": r.to_id} for r in relations]
    held: dict[str, set[str]] = defaultdict(set)
    for row in await _run(tx, "writes/relation_id_conflicts", rows=rows):
        held[row["id"]].add(row["held"])
    refusals = []
    for index, relation in enumerate(relations):
        other = sorted(held.get(relation.id, set()) - {relation.describe()})
        if other:
            message = f"relation id {relation.id!r} is already taken by {other[0]}"
            refusals.append(Refusal(index, "id", message, relation.id))
    return refusals


# ------------------------------------------------------------------------- stakeholders


async def upsert_stakeholders(
    tx: AsyncManagedTransaction, records: Sequence[StakeholderRecord], *, kind_field: str = "kind"
) -> list[str]:
    """Create or update stakeholders; returns their ids (generated ones included).

    Raises BadUserInput (field `kind_field`: a mutation, which has no `kind`, names its
    `input.id`) when a record would change an existing node's kind.
    """
    refusals = await kind_change_refusals(tx, [(r.id, r.kind) for r in records])
    if refusals:
        raise errors.BadUserInput(refusals[0].message, field=kind_field)
    await write_stakeholder_rows(tx, [r.row() for r in records])
    return [r.id for r in records]


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# Datetimes travel as ISO 8601 text and the write files turn them back with datetime(): the
# driver packs a Python datetime in Python, about a hundred times slower than a string (the
# largest cost of a bulk import before this).


def _stakeholder_wire(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "createdAt": _iso(row["createdAt"]), "updatedAt": _iso(row["updatedAt"])}


def _relation_wire(row: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    times: dict[str, str] = {}
    for key, value in row["properties"].items():
        if isinstance(value, datetime):
            times[key] = value.isoformat()
        else:
            properties[key] = value
    return {**row, "properties": properties, "times": times, "createdAt": _iso(row["createdAt"])}


async def write_stakeholder_rows(tx: AsyncManagedTransaction, rows: list[dict[str, Any]]) -> int:
    """Write rows already checked (see `StakeholderRecord.row`); returns how many."""
    if not rows:
        return 0
    wire = [_stakeholder_wire(row) for row in rows]
    result = await _run(tx, "writes/upsert_stakeholders", rows=wire)
    return int(result[0]["written"])


async def create_stakeholder_rows(tx: AsyncManagedTransaction, rows: list[dict[str, Any]]) -> int:
    """Create stakeholders whose ids do not exist (writes/create_stakeholders); returns how
    many. Raises BadUserInput (field `id`) and writes nothing if one does."""
    if not rows:
        return 0
    wire = [_stakeholder_wire(row) for row in rows]
    result = await _run(tx, "writes/create_stakeholders", rows=wire)
    return int(result[0]["written"])


# ------------------------------------------------------------------------- relations


async def merge_relations(
    tx: AsyncManagedTransaction,
    records: Sequence[RelationRecord],
    *,
    end_fields: tuple[str, str] = ("from", "to"),
) -> list[str]:
    """Create or update relations and refresh the roles of their ends; returns their ids.

    Both ends (and a referral's providerId) must exist: NotFound names the field
    (`end_fields`, e.g. ("input.buyerId", "input.sellerId") for a mutation's input, the
    provider as `providerId` beside them) and the id. Structural relations must join the
    kinds SPEC 2 says (MEMBER_OF: Person -> Organization or Department, ...), and an id
    held by another relationship is refused (field `id` beside the ends): BadUserInput.
    """
    refusals = await relation_refusals(tx, [RelationEnds.of(r) for r in records])
    if refusals:
        first = refusals[0]
        prefix = end_fields[0].rpartition(".")[0]
        fields = {
            "from": end_fields[0],
            "to": end_fields[1],
            "providerId": f"{prefix}.providerId" if prefix else "providerId",
            "id": f"{prefix}.id" if prefix else "id",
        }
        field = fields.get(first.field, first.field)
        error = errors.NotFound if first.missing else errors.BadUserInput
        raise error(first.message, field=field)
    by_type: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_type[record.relation_type].append(record.row())
    await write_relation_rows(tx, by_type)
    await refresh_roles(tx, {r.from_id for r in records})
    return [r.relation_id for r in records]


async def write_relation_rows(
    tx: AsyncManagedTransaction, rows_by_type: Mapping[RelationType, list[dict[str, Any]]]
) -> int:
    """Write rows already checked (see `RelationRecord.row`); returns how many.

    Does not refresh role labels: the caller does, in the same transaction.
    """
    written = 0
    for kind, rows in rows_by_type.items():
        if rows:
            wire = [_relation_wire(row) for row in rows]
            result = await _run(tx, f"writes/merge_{kind.value.lower()}", rows=wire)
            written += int(result[0]["written"])
    return written


async def create_relation_rows(
    tx: AsyncManagedTransaction, rows_by_type: Mapping[RelationType, list[dict[str, Any]]]
) -> int:
    """As `write_relation_rows`, but the interaction relations (their ids under a uniqueness
    constraint) are created without looking for them first (writes/create_interactions);
    structural ones are merged on their ends as ever. Raises BadUserInput (field `id`) if an
    interaction relation's id exists: the caller writes the rows with
    `write_relation_rows` instead."""
    created = [
        _relation_wire(row)
        for kind, rows in rows_by_type.items()
        if not kind.structural
        for row in rows
    ]
    written = 0
    if created:
        result = await _run(tx, "writes/create_interactions", rows=created)
        written = int(result[0]["written"])
    structural = {kind: rows for kind, rows in rows_by_type.items() if kind.structural}
    return written + await write_relation_rows(tx, structural)


async def refresh_roles(tx: AsyncManagedTransaction, ids: Iterable[str]) -> int:
    """Recompute the role labels of these stakeholders from their relationships."""
    unique = sorted(set(ids))
    if not unique:
        return 0
    result = await _run(tx, "writes/refresh_roles", ids=unique)
    return int(result[0]["refreshed"])


async def label_prosumers(graph: Graph) -> None:
    """Set the :Prosumer label of every stakeholder that has the role (writes/label_prosumers):
    once, on a database built by the offline importer. Commits in batches of its own."""
    for statement in load("writes/label_prosumers").statements():
        await graph.run_unmanaged(statement)


async def place_department(
    tx: AsyncManagedTransaction, id_: str, part_of: str, end_fields: tuple[str, str]
) -> None:
    """Put a department PART_OF `part_of`, and under no other parent: a department has one
    parent, so placing it elsewhere moves it (`end_fields` as for `merge_relations`).
    Placing it under one of its own sub-departments is BadUserInput (`end_fields[1]`): the
    two would form a cycle with no home organisation."""
    link = PartOfRecord.model_validate({"from": id_, "to": part_of})
    (row,) = await _run(tx, "writes/part_of_cycle", id=id_, partOfId=part_of)
    if row["cycle"]:
        raise errors.BadUserInput(
            f"{part_of!r} is part of {id_!r}: a department cannot be part of its own part",
            field=end_fields[1],
        )
    await merge_relations(tx, [link], end_fields=end_fields)
    await _run(tx, "writes/leave_other_parents", id=id_, partOfId=part_of)


# ------------------------------------------------------------------------- read-backs
#
# What a mutation answers with, read in the transaction that wrote it.


async def _read_back(tx: AsyncManagedTransaction, name: str, **params: Any) -> dict[str, Any]:
    result = await tx.run(load(name).body, params)
    record = await result.single()
    assert record is not None, "read back in the transaction that wrote it"
    return values.record(record)


async def stakeholder(tx: AsyncManagedTransaction, id_: str) -> values.Node:
    """A stakeholder just written."""
    node: values.Node = (await _read_back(tx, "reads/stakeholder", id=id_))["n"]
    return node


async def membership(tx: AsyncManagedTransaction, person_id: str, of_id: str) -> dict[str, Any]:
    """A MEMBER_OF just written: its title, buyingRole and scope (reads/membership)."""
    return await _read_back(tx, "reads/membership", personId=person_id, ofId=of_id)


# ------------------------------------------------------------------------- removal


async def remove_relation(tx: AsyncManagedTransaction, id: str) -> bool:
    """Delete the relation with this id (any type); False when there is none."""
    rows = await _run(tx, "writes/delete_relation", id=id)
    await refresh_roles(tx, {end for row in rows for end in (row["fromId"], row["toId"])})
    return bool(rows)


async def remove_stakeholder(tx: AsyncManagedTransaction, id: str) -> bool:
    """Delete a stakeholder with its relationships, and the referrals made for it (REFERS
    whose providerId is this stakeholder); False when there is none."""
    rows = await _run(tx, "writes/delete_stakeholder", id=id)
    if not rows:
        return False
    await refresh_roles(tx, rows[0]["neighbours"])
    return True


async def remove_link(
    tx: AsyncManagedTransaction,
    kind: RelationType,
    from_id: str,
    to_id: str,
    end_fields: tuple[str, str],
) -> bool:
    """Delete the structural relation `kind` from one stakeholder to another and refresh the
    `from` end's role labels; False when the two exist but are not so linked.

    An id that names no stakeholder is NotFound, naming its field (`end_fields`).
    """
    missing = await missing_ids(tx, (from_id, to_id))
    for id_, field in zip((from_id, to_id), end_fields, strict=True):
        if id_ in missing:
            raise errors.NotFound(f"no stakeholder with id {id_!r}", field=field)
    rows = await _run(tx, "writes/delete_link", type=kind.value, fromId=from_id, toId=to_id)
    await refresh_roles(tx, {from_id})
    return bool(rows)
