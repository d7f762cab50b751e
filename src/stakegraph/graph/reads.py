"""Reads other than the lenses: stakeholders and buying centers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j.graph import Node

from stakegraph import errors
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph
from stakegraph.graph.paging import check_first, decode_cursor, encode_cursor
from stakegraph.records import BuyingRole


async def stakeholder(graph: Graph, id_: str) -> Node | None:
    records = await graph.read(load("reads/stakeholder").text, id=id_)
    return records[0]["n"] if records else None


async def require(graph: Graph, id_: str, field: str) -> Node:
    node = await stakeholder(graph, id_)
    if node is None:
        raise errors.NotFound(f"no stakeholder with id {id_!r}", field=field)
    return node


@dataclass
class StakeholderPage:
    nodes: list[Node]
    total: int
    has_next: bool

    @staticmethod
    def cursor(node: Node) -> str:
        return encode_cursor(node.get("name"), node.get("id"))


async def stakeholders(
    graph: Graph, kind: str | None, search: str | None, first: int | None, after: str | None
) -> StakeholderPage:
    first = check_first(first)
    after_name, after_id = decode_cursor(after)
    filters: dict[str, Any] = {"kind": kind, "search": search}
    records = await graph.read(
        load("reads/stakeholders").text,
        **filters,
        afterName=after_name,
        afterId=after_id,
        first=first + 1,
    )
    total = await graph.read(load("reads/stakeholder_count").text, **filters)
    nodes = [r["n"] for r in records]
    return StakeholderPage(nodes[:first], total[0]["total"], len(nodes) > first)


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
    records = await graph.read(
        load("reads/buying_center").text, organizationId=organization_id, providerId=provider_id
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
