"""Reads other than the lenses: stakeholders and buying centers, and `rows`, the way the
other modules read a named Cypher file (analytics, summaries, voice, export); the CLI and
the query library run theirs through graph/runner.py.

Nodes come back as `values.Node`, datetimes as Python ones (values.record).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stakegraph import errors
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph, Reader
from stakegraph.graph.paging import (
    check_first,
    decode_cursor,
    decode_keyed_cursor,
    encode_cursor,
    encode_keyed_cursor,
)
from stakegraph.graph.values import Node, record
from stakegraph.records import BuyingRole


async def rows(graph: Reader, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of the named read-only Cypher file (e.g. "analytics/rfm"), as dicts."""
    return [record(r) for r in await graph.read(load(name).body, **params)]


async def is_empty(graph: Graph) -> bool:
    """Whether the database holds no stakeholder."""
    found = await rows(graph, "reads/is_empty")
    return bool(found[0]["empty"])


async def stakeholder(graph: Graph, id_: str) -> Node | None:
    found = await rows(graph, "reads/stakeholder", id=id_)
    return found[0]["n"] if found else None


async def require(graph: Graph, id_: str, field: str) -> Node:
    node = await stakeholder(graph, id_)
    if node is None:
        raise errors.NotFound(f"no stakeholder with id {id_!r}", field=field)
    return node


@dataclass
class StakeholderPage:
    """One page of `stakeholders`: the nodes with their cursors, and the total."""

    nodes: list[Node]
    cursors: list[str]
    total: int
    has_next: bool


@dataclass(frozen=True)
class StakeholderFilter:
    """What `stakeholders` lists: every given condition holds; inside one list, any value
    (an empty list matches nothing). Values are checked by the API."""

    kinds: list[str] | None = None
    roles: list[str] | None = None
    org_types: list[str] | None = None
    countries: list[str] | None = None
    tags: list[str] | None = None
    industries: list[str] | None = None
    search: str | None = None


ORDERS = ("NAME", "CREATED_AT", "UPDATED_AT")


def _distinct(values: list[str] | None) -> list[str] | None:
    return list(dict.fromkeys(values)) if values is not None else None


async def stakeholders(
    graph: Graph,
    where: StakeholderFilter,
    order: str,
    first: int | None,
    after: str | None,
) -> StakeholderPage:
    """A keyset page in (order key, id) order, with the total, in one statement. NAME
    cursors are the (name, id) cursors of every other list."""
    assert order in ORDERS, order
    first = check_first(first)
    if order == "NAME":
        after_key, after_id = decode_cursor(after)
    else:
        after_key, after_id = decode_keyed_cursor(after, order)
    records = await rows(
        graph,
        "reads/stakeholders",
        kinds=_distinct(where.kinds),
        roles=_distinct(where.roles),
        orgTypes=_distinct(where.org_types),
        countries=_distinct(where.countries),
        tags=_distinct(where.tags),
        industries=_distinct(where.industries),
        search=where.search,
        orderBy=order,
        afterKey=after_key,
        afterId=after_id,
        first=first + 1,
    )
    page = records[0]["page"]
    nodes = [row["n"] for row in page[:first]]
    if order == "NAME":
        cursors = [encode_cursor(row["key"], row["n"]["id"]) for row in page[:first]]
    else:
        cursors = [encode_keyed_cursor(order, row["key"], row["n"]["id"]) for row in page[:first]]
    return StakeholderPage(nodes, cursors, records[0]["total"], len(page) > first)


@dataclass
class Member:
    person: Node
    of: Node
    title: str | None
    buying_role: BuyingRole | None


@dataclass
class BuyingCenter:
    organization: Node
    members: list[Member]

    @property
    def covered_roles(self) -> list[BuyingRole]:
        held = {m.buying_role for m in self.members}
        return [role for role in BuyingRole if role in held]

    @property
    def missing_roles(self) -> list[BuyingRole]:
        held = set(self.covered_roles)
        return [role for role in BuyingRole if role not in held]

    @property
    def single_threaded(self) -> bool:
        """At most one person holds a buying role."""
        return len({m.person.element_id for m in self.members if m.buying_role}) <= 1


async def buying_center(
    graph: Graph, organization_id: str, provider_id: str | None
) -> BuyingCenter:
    records = await rows(
        graph, "reads/buying_center", organizationId=organization_id, providerId=provider_id
    )
    if not records:
        raise errors.NotFound(f"no stakeholder with id {organization_id!r}", field="organizationId")
    if "Organization" not in records[0]["organization"].labels:
        raise errors.BadUserInput(
            f"{organization_id!r} is not an organisation", field="organizationId"
        )
    if provider_id is not None:
        await require(graph, provider_id, "providerId")
    members = [
        Member(
            m["person"],
            m["of"],
            m["title"],
            BuyingRole(m["buyingRole"]) if m["buyingRole"] else None,
        )
        for m in records[0]["members"]
    ]
    return BuyingCenter(records[0]["organization"], members)
