"""Relations as GraphQL types: the `Relation` interface, one concrete type per relationship
type (SPEC 9), and the connection that pages through a stakeholder's relations.

`RELATION_CLASSES` is the one table from relationship type to GraphQL type: a new
relationship type is one line there (and its class; and a branch of
cypher/reads/relation.cypher, which looks an id up in each type's index). The interface
resolves an object's type from its `type` field, never by trying each type.

A class names each of its fields once: `from_relationship` answers a view of the class
(api/lazy.py) that reads a field, when first asked for, from the relationship property of
the same name in camelCase, or gives the field's declared default when the graph has no
such property (a purchase stored without `kind` reads ONE_OFF).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from neo4j.time import DateTime as Neo4jDateTime
from strawberry.types import get_object_definition
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition
from strawberry.utils.str_converters import to_camel_case

from stakegraph.api import lazy
from stakegraph.graph.relations import BOTH, IN, OUT
from stakegraph.graph.values import GraphRelationship
from stakegraph.records import (
    BuyingRole,
    Consideration,
    EngagementStage,
    PurchaseKind,
    RelationType,
    relation_type,
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


@strawberry.type(description="BUYS: one transaction, buyer (from) -> seller (to).")
class Purchase(Relation):
    offering: str = strawberry.field(default="", description="What was bought.")
    amount: float = strawberry.field(default=0.0, description="How much was paid (0 or more).")
    currency: str = strawberry.field(
        default="", description="ISO 4217 code of the amount, e.g. USD."
    )
    at: datetime | None = strawberry.field(description="When the purchase happened.")
    kind: PurchaseKind = strawberry.field(
        default=PurchaseKind.ONE_OFF, description="ONE_OFF unless stored otherwise."
    )
    consideration: Consideration = strawberry.field(
        default=Consideration.MONEY,
        description="What was paid with; a purchase stored without one reads MONEY.",
    )


@strawberry.type(description="USES: a user (from) uses a provider's (to) offering.")
class Use(Relation):
    offering: str | None = strawberry.field(description="What is used, when known.")
    since: datetime | None = strawberry.field(description="When the use began, when known.")


@strawberry.type(description="SERVES: a provider (from) serves a recipient (to).")
class Service(Relation):
    offering: str | None = strawberry.field(description="What is provided, when known.")
    since: datetime | None = strawberry.field(description="When the service began, when known.")
    ongoing: bool = strawberry.field(
        default=False, description="Whether it is an ongoing arrangement."
    )


@strawberry.type(description="CONTRIBUTES: a contributor (from) to a platform (to).")
class Contribution(Relation):
    what: str | None = strawberry.field(description="What was contributed, when known.")
    at: datetime | None = strawberry.field(description="When, when known.")


@strawberry.type(description="ENGAGES: a prospect (from) engages with a provider (to).")
class Engagement(Relation):
    stage: EngagementStage = strawberry.field(
        default=EngagementStage.AWARENESS, description="How far the prospect has come."
    )
    channel: str | None = strawberry.field(description="Where it happened, e.g. webinar.")
    at: datetime | None = strawberry.field(description="When it happened.")


@strawberry.type(description="MEMBER_OF: a person (from) in an organisation or department (to).")
class MemberOf(Relation):
    title: str | None = strawberry.field(description="The person's title there.")
    buying_role: BuyingRole | None = strawberry.field(
        description="The person's role in the buying center, or null."
    )
    scope: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="The providers the buying role is limited to (empty: all purchases).",
    )


@strawberry.type(description="PART_OF: a department (from) belongs to a unit (to).")
class PartOf(Relation):
    pass


@strawberry.type(description="PARENT_OF: a parent (from) of a child (to).")
class ParentOf(Relation):
    pass


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
    """The concrete Relation of a relationship whose ends are already built: a view
    (api/lazy.py) that reads each property when it is first asked for."""
    return _VIEWS[relation_type(rel.type)](rel, start, end)


@dataclass(frozen=True, slots=True)
class _StoredProperty:
    """One field of a Relation class read from the relationship property of the same name
    in camelCase (`buying_role` from `buyingRole`); a property the graph leaves out reads
    as the field's default (declared on the field), or null."""

    field: str
    key: str
    default: Callable[[], Any]
    convert: Callable[[Any], Any]

    def read(self, value: Any) -> Any:
        return self.default() if value is None else self.convert(native(value))


def _stored_properties(cls: type[Any]) -> tuple[_StoredProperty, ...]:
    """The fields of `cls` that can hold relationship properties: every data field (a
    field with a resolver computes its value; `from_relationship` gives the id and ends)."""
    defaults = {f.name: _default(f) for f in dataclasses.fields(cls)}
    return tuple(
        _StoredProperty(
            f.python_name, to_camel_case(f.python_name), defaults[f.python_name], _converter(f.type)
        )
        for f in get_object_definition(cls, strict=True).fields
        if f.base_resolver is None
    )


def _default(field: dataclasses.Field[Any]) -> Callable[[], Any]:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory
    value = None if field.default is dataclasses.MISSING else field.default
    return lambda: value


def _converter(annotation: Any) -> Callable[[Any], Any]:
    """How a stored value becomes the field's Python value: enums from their names, lists
    as lists, numbers and flags as their types; anything else (text, datetimes) as it is."""
    if isinstance(annotation, StrawberryOptional):
        annotation = annotation.of_type
    if isinstance(annotation, StrawberryEnumDefinition):
        return _enum_member(annotation.wrapped_cls)
    if isinstance(annotation, StrawberryList):
        return list
    if annotation in (float, bool):
        return annotation  # type: ignore[no-any-return]
    return _as_is


def _as_is(value: Any) -> Any:
    return value


def _enum_member(enum: Any) -> Callable[[Any], Any]:
    """`enum(value)` for a stored name: a dict look-up for a known one (the enum's own
    call costs a microsecond), the enum's own call (and its error) for anything else."""
    members: dict[Any, Any] = {member.value: member for member in enum}

    def member(value: Any) -> Any:
        found = members.get(value) if value.__class__ is str else None
        return found if found is not None else enum(value)

    return member


def _relation_id(view: Any) -> str:
    rel_id = view.relationship.get("id")
    return str(rel_id) if rel_id is not None else str(view.relationship.element_id)


def _all_properties(props: tuple[_StoredProperty, ...]) -> Callable[[Any], None]:
    """Reads every stored property of a view into its `__dict__` at once, as
    `_StoredProperty.read` reads each: the first property a client selects reads them all
    (a relation selected at all is mostly selected with its properties, and one pass
    costs less than a call per field)."""
    table = [(p.field, p.key, p.default, None if p.convert is _as_is else p.convert) for p in props]

    def read_all(view: Any) -> None:
        get = view.relationship.get
        into = view.__dict__
        for field, key, default, convert in table:
            value = get(key)
            if value is None:
                into[field] = default()
                continue
            if isinstance(value, Neo4jDateTime):
                value = value.to_native()
            into[field] = value if convert is None else convert(value)

    return read_all


def _property(name: str, read_all: Callable[[Any], None]) -> Callable[[Any], Any]:
    def read(view: Any) -> Any:
        read_all(view)
        return view.__dict__[name]

    return read


def _relation_view(kind: RelationType, cls: type[Any]) -> type[Any]:
    """The view of `cls`: `type` is the class's own, `id`, `from` and `to` (and a
    feedback's `customer` and `provider`) come from the relationship and its built ends,
    every other field from the property of the same name in camelCase."""
    ends = ("customer", "provider") if kind is RelationType.GIVES_FEEDBACK else ()

    def init(self: Any, rel: GraphRelationship, start: Stakeholder, end: Stakeholder) -> None:
        self.relationship = rel
        self.from_ = start
        self.to = end
        if ends:
            self.customer = start
            self.provider = end

    given = {"id", "type", "from_", "to", *ends}
    stored = tuple(prop for prop in _stored_properties(cls) if prop.field not in given)
    read_all = _all_properties(stored)
    fields: dict[str, Callable[[Any], Any]] = {"id": _relation_id}
    fields.update((prop.field, _property(prop.field, read_all)) for prop in stored)
    return lazy.view(cls, init, fields, {"type": kind})


_VIEWS = {kind: _relation_view(kind, cls) for kind, cls in RELATION_CLASSES.items()}


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
