"""Relations as GraphQL types: the `Relation` interface, one concrete type per relationship
type (SPEC 9), and the connection that pages through a stakeholder's relations.

`RELATION_CLASSES` is the one table from relationship type to GraphQL type: a new
relationship type is one line there (and its class; and a branch of
cypher/reads/relation.cypher, which looks an id up in each type's index). The interface
resolves an object's type from its `type` field, never by trying each type.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from neo4j.time import DateTime as Neo4jDateTime

from stakegraph.graph.relations import BOTH, IN, OUT
from stakegraph.graph.values import GraphRelationship
from stakegraph.records import (
    BuyingRole,
    Consideration,
    EngagementStage,
    PurchaseKind,
    RelationType,
)

if TYPE_CHECKING:
    from stakegraph.api.types import PageInfo, Stakeholder

StakeholderRef = Annotated["Stakeholder", strawberry.lazy("stakegraph.api.types")]
PageInfoRef = Annotated["PageInfo", strawberry.lazy("stakegraph.api.types")]


def native(value: Any) -> Any:
    """Neo4j temporal values as Python ones."""
    return value.to_native() if isinstance(value, Neo4jDateTime) else value


@strawberry.enum(description="Which way a relationship points, seen from one stakeholder.")
class Direction(Enum):
    OUT = strawberry.enum_value(OUT, description="Relationships that start at the stakeholder.")
    IN = strawberry.enum_value(IN, description="Relationships that end at the stakeholder.")
    BOTH = strawberry.enum_value(BOTH, description="Relationships in either direction.")


@strawberry.interface(
    description="One relationship of the graph, with its properties on its concrete type."
)
class Relation:
    id: strawberry.ID = strawberry.field(description="The relationship's unique id.")
    type: RelationType = strawberry.field(description="The relationship type in Neo4j.")
    from_: StakeholderRef = strawberry.field(
        name="from", description="The stakeholder the relationship starts at."
    )
    to: StakeholderRef = strawberry.field(description="The stakeholder the relationship ends at.")
    created_at: datetime | None = strawberry.field(description="When it was first written.")

    @classmethod
    def resolve_type(cls, obj: Any, info: Any, abstract_type: Any) -> str:
        """The GraphQL type from the relation's own `type`: one look-up in the table."""
        return RELATION_CLASSES[obj.type].__name__


Get = Callable[[str], Any]


@strawberry.type(description="BUYS: one transaction, buyer (from) -> seller (to).")
class Purchase(Relation):
    offering: str = strawberry.field(description="What was bought.")
    amount: float = strawberry.field(description="How much was paid (0 or more).")
    currency: str = strawberry.field(description="ISO 4217 code of the amount, e.g. USD.")
    at: datetime | None = strawberry.field(description="When the purchase happened.")
    kind: PurchaseKind = strawberry.field(description="ONE_OFF unless stored otherwise.")
    consideration: Consideration = strawberry.field(
        description="What was paid with; a purchase stored without one reads MONEY."
    )

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {
            "offering": p("offering") or "",
            "amount": float(p("amount") or 0),
            "currency": p("currency") or "",
            "at": p("at"),
            "kind": PurchaseKind(p("kind") or PurchaseKind.ONE_OFF),
            "consideration": Consideration(p("consideration") or Consideration.MONEY),
        }


@strawberry.type(description="USES: a user (from) uses a provider's (to) offering.")
class Use(Relation):
    offering: str | None = strawberry.field(description="What is used, when known.")
    since: datetime | None = strawberry.field(description="When the use began, when known.")

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {"offering": p("offering"), "since": p("since")}


@strawberry.type(description="SERVES: a provider (from) serves a recipient (to).")
class Service(Relation):
    offering: str | None = strawberry.field(description="What is provided, when known.")
    since: datetime | None = strawberry.field(description="When the service began, when known.")
    ongoing: bool = strawberry.field(description="Whether it is an ongoing arrangement.")

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {"offering": p("offering"), "since": p("since"), "ongoing": bool(p("ongoing"))}


@strawberry.type(description="CONTRIBUTES: a contributor (from) to a platform (to).")
class Contribution(Relation):
    what: str | None = strawberry.field(description="What was contributed, when known.")
    at: datetime | None = strawberry.field(description="When, when known.")

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {"what": p("what"), "at": p("at")}


@strawberry.type(description="ENGAGES: a prospect (from) engages with a provider (to).")
class Engagement(Relation):
    stage: EngagementStage = strawberry.field(description="How far the prospect has come.")
    channel: str | None = strawberry.field(description="Where it happened, e.g. webinar.")
    at: datetime | None = strawberry.field(description="When it happened.")

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        stage = EngagementStage(p("stage") or EngagementStage.AWARENESS)
        return {"stage": stage, "channel": p("channel"), "at": p("at")}


@strawberry.type(description="MEMBER_OF: a person (from) in an organisation or department (to).")
class MemberOf(Relation):
    title: str | None = strawberry.field(description="The person's title there.")
    buying_role: BuyingRole | None = strawberry.field(
        description="The person's role in the buying center, or null."
    )
    scope: list[strawberry.ID] = strawberry.field(
        description="The providers the buying role is limited to (empty: all purchases)."
    )

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        role = p("buyingRole")
        return {
            "title": p("title"),
            "buying_role": BuyingRole(role) if role else None,
            "scope": [strawberry.ID(s) for s in p("scope") or []],
        }


@strawberry.type(description="PART_OF: a department (from) belongs to a unit (to).")
class PartOf(Relation):
    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {}


@strawberry.type(description="PARENT_OF: a parent (from) of a child (to).")
class ParentOf(Relation):
    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {}


@strawberry.type(description="GIVES_FEEDBACK: a customer (from) to a provider (to).")
class Feedback(Relation):
    customer: StakeholderRef = strawberry.field(description="Who gave it (the `from` end).")
    provider: StakeholderRef = strawberry.field(description="Who it is about (the `to` end).")
    nps: int | None = strawberry.field(description="Net Promoter score 0-10, when given.")
    csat: int | None = strawberry.field(description="Satisfaction 1-5, when given.")
    comment: str | None = strawberry.field(description="What the customer said, when given.")
    offering: str | None = strawberry.field(description="The offering it is about, when known.")
    channel: str | None = strawberry.field(description="Where it was given, e.g. survey.")
    at: datetime | None = strawberry.field(description="When it was given.")

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        keys = ("nps", "csat", "comment", "offering", "channel", "at")
        return {key: p(key) for key in keys}


@strawberry.type(description="REFERS: a referrer (from) pointed someone (to) to a provider.")
class Referral(Relation):
    at: datetime | None = strawberry.field(description="When the referral was made.")
    channel: str | None = strawberry.field(description="How it was made, e.g. word of mouth.")
    provider_id: strawberry.Private[str]

    @strawberry.field(description="The provider the referral was for.")
    async def provider(self, info: strawberry.Info) -> StakeholderRef:
        from stakegraph.api.types import from_node  # types.py imports this module

        node = await info.context.loaders.stakeholders.load(self.provider_id)
        assert node is not None, "a referral's provider exists (checked when written)"
        return from_node(node)

    @staticmethod
    def properties(p: Get) -> dict[str, Any]:
        return {"at": p("at"), "channel": p("channel"), "provider_id": str(p("providerId"))}


# The one table from relationship type to GraphQL type.
RELATION_CLASSES: dict[RelationType, type[Any]] = {
    RelationType.BUYS: Purchase,
    RelationType.USES: Use,
    RelationType.SERVES: Service,
    RelationType.CONTRIBUTES: Contribution,
    RelationType.ENGAGES: Engagement,
    RelationType.MEMBER_OF: MemberOf,
    RelationType.PART_OF: PartOf,
    RelationType.PARENT_OF: ParentOf,
    RelationType.GIVES_FEEDBACK: Feedback,
    RelationType.REFERS: Referral,
}


def from_relationship(rel: GraphRelationship, start: Stakeholder, end: Stakeholder) -> Any:
    """The concrete Relation of a relationship whose ends are already built."""
    kind = RelationType(rel.type)

    def p(name: str) -> Any:
        return native(rel.get(name))

    rel_id = rel.get("id")
    ends = {"customer": start, "provider": end} if kind is RelationType.GIVES_FEEDBACK else {}
    return RELATION_CLASSES[kind](
        **ends,
        id=strawberry.ID(str(rel_id) if rel_id is not None else rel.element_id),
        type=kind,
        from_=start,
        to=end,
        created_at=p("createdAt"),
        **RELATION_CLASSES[kind].properties(p),
    )


@strawberry.type(description="One relation on a page, with the cursor to continue after it.")
class RelationEdge:
    cursor: str = strawberry.field(description="Opaque; pass as `after` for the next page.")
    node: Relation = strawberry.field(description="The relation.")


@strawberry.type(description="A page of a stakeholder's relations, newest first.")
class RelationConnection:
    edges: list[RelationEdge] = strawberry.field(description="The relations of this page.")
    page_info: PageInfoRef = strawberry.field(description="Whether more pages follow.")
    total_count: int = strawberry.field(description="How many relations match, on every page.")


@strawberry.type(description="How many relations of one type in one direction.")
class RelationCount:
    type: RelationType = strawberry.field(description="The relationship type.")
    direction: Direction = strawberry.field(description="OUT or IN, seen from the stakeholder.")
    count: int = strawberry.field(description="How many.")
