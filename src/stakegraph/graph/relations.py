"""Relationships read as themselves: one by id, a stakeholder's page of them, their counts,
and the structural links (members, departments, parents, children).

Every function taking `ids` answers for many stakeholders in one statement, so that a
field asked on every item of a list costs one round trip (api/loaders.py batches them).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j import AsyncManagedTransaction

from stakegraph import errors
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph
from stakegraph.graph.paging import DEFAULT_PAGE, MAX_PAGE
from stakegraph.graph.values import GraphNode, GraphRelationship

OUT, IN, BOTH = "OUT", "IN", "BOTH"


@dataclass(frozen=True)
class Link:
    """One relationship with both its ends: `start` -[relationship]-> `end`."""

    relationship: GraphRelationship
    start: GraphNode
    end: GraphNode


def _link(row: dict[str, Any] | Any, n: GraphNode, out: bool) -> Link:
    """A row {relation, other} seen from n: n is the start when `out`."""
    other = row["other"]
    return Link(row["relation"], n if out else other, other if out else n)


# ------------------------------------------------------------------------- one by id


async def relation(graph: Graph, id_: str) -> Link | None:
    """The relationship with this id (any type), or None."""
    records = await graph.read(load("reads/relation").body, id=id_)
    return Link(records[0]["r"], records[0]["a"], records[0]["b"]) if records else None


async def relation_in(tx: AsyncManagedTransaction, id_: str) -> Link:
    """The relationship with this id, read inside a write transaction that just wrote it."""
    result = await tx.run(load("reads/relation").body, id=id_)
    record = await result.single()
    assert record is not None, "read back in the transaction that wrote it"
    return Link(record["r"], record["a"], record["b"])


# ------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class RelationFilter:
    """What `relations(...)` asks, checked (see `relation_filter`); hashable, so that
    stakeholders asking the same are answered by one statement."""

    types: tuple[str, ...] | None = None
    direction: str = BOTH
    since: datetime | None = None
    until: datetime | None = None
    first: int = DEFAULT_PAGE
    after_date: datetime | None = None
    after_id: str | None = None


def relation_filter(
    types: Sequence[str] | None,
    direction: str,
    since: datetime | None,
    until: datetime | None,
    first: int | None,
    after: str | None,
) -> RelationFilter:
    """The arguments checked: BAD_USER_INPUT names the argument, before anything runs."""
    since, until = _utc(since), _utc(until)
    if since is not None and until is not None and since >= until:
        raise errors.BadUserInput("since must be before until", field="since")
    size = DEFAULT_PAGE if first is None else first
    if not 0 <= size <= MAX_PAGE:
        raise errors.BadUserInput(f"first must be between 0 and {MAX_PAGE}", field="first")
    after_date, after_id = decode_cursor(after)
    return RelationFilter(
        tuple(sorted(set(types))) if types is not None else None,
        direction,
        since,
        until,
        size,
        after_date,
        after_id,
    )


def _utc(value: datetime | None) -> datetime | None:
    """A datetime without a zone is UTC, as everywhere in stakegraph (records.Timestamp)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def encode_cursor(date: str | None, id_: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([date, id_]).encode()).decode()


def decode_cursor(cursor: str | None) -> tuple[datetime | None, str | None]:
    """(date, id) of the row a page ends with; the date as a datetime, never as text that
    Neo4j would have to parse."""
    if cursor is None:
        return None, None
    try:
        date, id_ = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if isinstance(date, str | None) and isinstance(id_, str):
            if date is None:
                return None, id_
            return _utc(datetime.fromisoformat(date.split("[", 1)[0])), id_
    except (ValueError, TypeError, AttributeError):
        pass
    raise errors.BadUserInput("not a cursor this server gave out", field="after")


@dataclass(frozen=True)
class Dated:
    """A relation on a page, with its date as Neo4j writes it (the cursor's first half)."""

    link: Link
    date: str | None

    @property
    def cursor(self) -> str:
        return encode_cursor(self.date, str(self.link.relationship.get("id")))


@dataclass(frozen=True)
class RelationPage:
    relations: list[Dated]
    total: int
    has_next: bool


EMPTY_PAGE = RelationPage([], 0, False)


async def relation_pages(
    graph: Graph, ids: Sequence[str], asked: RelationFilter
) -> dict[str, RelationPage]:
    """A page of relations of each of `ids` (reads/relations.cypher); absent ids are left out."""
    records = await graph.read(
        load("reads/relations").body,
        ids=list(ids),
        types=list(asked.types) if asked.types is not None else None,
        direction=asked.direction,
        since=asked.since,
        until=asked.until,
        afterDate=asked.after_date,
        afterId=asked.after_id,
        first=asked.first,
    )
    pages = {}
    for record in records:
        n = record["n"]
        rows = record["page"]
        dated = [Dated(_link(row, n, row["out"]), row["date"]) for row in rows[: asked.first]]
        pages[n.get("id")] = RelationPage(dated, record["total"], len(rows) > asked.first)
    return pages


@dataclass(frozen=True)
class RelationCount:
    type: str
    direction: str
    count: int


async def relation_counts(graph: Graph, ids: Sequence[str]) -> dict[str, list[RelationCount]]:
    """Per stakeholder, its relations counted per (type, direction) present."""
    records = await graph.read(load("reads/relation_counts").body, ids=list(ids))
    counts: dict[str, list[RelationCount]] = {}
    for r in records:
        counts.setdefault(r["id"], []).append(RelationCount(r["type"], r["direction"], r["count"]))
    return counts


async def linked(
    graph: Graph, ids: Sequence[str], type_: str, direction: str
) -> dict[str, list[Link]]:
    """Per stakeholder, its direct structural links of one type and direction
    (reads/linked.cypher), by the other end's name, then id."""
    records = await graph.read(
        load("reads/linked").body, ids=list(ids), type=type_, direction=direction
    )
    return {r["id"]: [_link(row, r["n"], direction == OUT) for row in r["linked"]] for r in records}


async def stakeholders(graph: Graph, ids: Sequence[str]) -> dict[str, GraphNode]:
    """The stakeholders of `ids` that exist, by id."""
    records = await graph.read(load("reads/stakeholders_by_id").body, ids=list(ids))
    return {r["n"].get("id"): r["n"] for r in records}
