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
from typing import Any

from neo4j import AsyncManagedTransaction

from stakegraph import errors
from stakegraph.graph.cypher import load
from stakegraph.records import (
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


async def missing_ids(tx: AsyncManagedTransaction, ids: Iterable[str]) -> set[str]:
    """Those of `ids` that name no stakeholder."""
    rows = await _run(tx, "writes/missing_ids", ids=sorted(set(ids)))
    return set(rows[0]["missing"]) if rows else set()


# ------------------------------------------------------------------------- stakeholders


async def upsert_stakeholders(
    tx: AsyncManagedTransaction, records: Sequence[StakeholderRecord]
) -> list[str]:
    """Create or update stakeholders; returns their ids (generated ones included).

    Raises BadUserInput (field `kind`) when a record would change an existing node's kind.
    """
    existing = await stakeholder_kinds(tx, (r.id for r in records))
    for record in records:
        kind = existing.get(record.id)
        if kind is not None and kind != record.kind:
            raise errors.BadUserInput(
                f"stakeholder {record.id!r} is a {kind}; its kind cannot change to {record.kind}",
                field="kind",
            )
    await write_stakeholder_rows(tx, [r.row() for r in records])
    return [r.id for r in records]


async def write_stakeholder_rows(tx: AsyncManagedTransaction, rows: list[dict[str, Any]]) -> int:
    """Write rows already checked (see `StakeholderRecord.row`); returns how many."""
    if not rows:
        return 0
    result = await _run(tx, "writes/upsert_stakeholders", rows=rows)
    return int(result[0]["written"])


# ------------------------------------------------------------------------- relations


async def merge_relations(
    tx: AsyncManagedTransaction,
    records: Sequence[RelationRecord],
    *,
    end_fields: tuple[str, str] = ("from", "to"),
) -> list[str]:
    """Create or update relations and refresh the roles of their ends; returns their ids.

    Both ends must exist: NotFound names the field (`end_fields`, e.g. ("buyerId",
    "sellerId") for a mutation's input) and the id. Structural relations must join the
    kinds SPEC 2 says (MEMBER_OF: Person -> Organization or Department, ...): BadUserInput.
    """
    kinds = await stakeholder_kinds(tx, (i for r in records for i in (r.from_id, r.to_id)))
    for record in records:
        for end, field, id_ in (
            ("from", end_fields[0], record.from_id),
            ("to", end_fields[1], record.to_id),
        ):
            kind = kinds.get(id_)
            if kind is None:
                raise errors.NotFound(f"no stakeholder with id {id_!r}", field=field)
            problem = end_kind_problem(record.relation_type, end, kind)
            if problem:
                raise errors.BadUserInput(f"{problem} ({id_!r})", field=field)
    await _refuse_taken_ids(tx, records)
    by_type: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_type[record.relation_type].append(record.row())
    await write_relation_rows(tx, by_type)
    await refresh_roles(tx, {r.from_id for r in records})
    return [r.relation_id for r in records]


async def _refuse_taken_ids(tx: AsyncManagedTransaction, records: Sequence[RelationRecord]) -> None:
    """BadUserInput (field `id`) when an id is held by another type or other ends."""
    rows = [
        {"id": r.relation_id, "type": r.relation_type.value, "from": r.from_id, "to": r.to_id}
        for r in records
    ]
    taken = await _run(tx, "writes/relation_id_conflicts", rows=rows)
    if taken:
        first = taken[0]
        raise errors.BadUserInput(
            f"relation id {first['id']!r} is already taken by {first['held']}", field="id"
        )


async def write_relation_rows(
    tx: AsyncManagedTransaction, rows_by_type: Mapping[RelationType, list[dict[str, Any]]]
) -> int:
    """Write rows already checked (see `RelationRecord.row`); returns how many.

    Does not refresh role labels: the caller does, in the same transaction.
    """
    written = 0
    for kind, rows in rows_by_type.items():
        if rows:
            result = await _run(tx, f"writes/merge_{kind.value.lower()}", rows=rows)
            written += int(result[0]["written"])
    return written


async def refresh_roles(tx: AsyncManagedTransaction, ids: Iterable[str]) -> int:
    """Recompute the role labels of these stakeholders from their relationships."""
    unique = sorted(set(ids))
    if not unique:
        return 0
    result = await _run(tx, "writes/refresh_roles", ids=unique)
    return int(result[0]["refreshed"])


# ------------------------------------------------------------------------- removal


async def remove_relation(tx: AsyncManagedTransaction, id: str) -> bool:
    """Delete the relation with this id (any type); False when there is none."""
    rows = await _run(tx, "writes/delete_relation", id=id)
    await refresh_roles(tx, {end for row in rows for end in (row["fromId"], row["toId"])})
    return bool(rows)


async def remove_stakeholder(tx: AsyncManagedTransaction, id: str) -> bool:
    """Delete a stakeholder with its relationships; False when there is none."""
    rows = await _run(tx, "writes/delete_stakeholder", id=id)
    if not rows:
        return False
    await refresh_roles(tx, rows[0]["neighbours"])
    return True
