"""The GraphQL object types, built from Neo4j nodes and the graph layer's results.

Hot types (stakeholders, relations, evidence) hold plain attributes, filled once by a
`from_*` function: no per-field resolvers and no further queries while serialising.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import datetime
from enum import Enum, StrEnum
from typing import Any

import strawberry
from pydantic.alias_generators import to_camel

from stakegraph import evidence as sentences
from stakegraph import records
from stakegraph.graph import lens_query
from stakegraph.graph.values import GraphNode
from stakegraph.lenses import Lens
from stakegraph.records import (
    BuyingRole,
    Consideration,
    EngagementStage,
    OrgType,
    PurchaseKind,
    RelationType,
    StakeholderKind,
)

# The domain's enums are the GraphQL enums: registered here, used under their own names.
strawberry.enum(
    Lens,
    description="One meaning of 'x is a customer of provider p': every answer names its lenses.",
)
for _enum in (
    StakeholderKind,
    RelationType,
    OrgType,
    BuyingRole,
    PurchaseKind,
    Consideration,
    EngagementStage,
):
    strawberry.enum(_enum)


@strawberry.enum(description="Role labels, kept true to the relationships by every write.")
class Role(StrEnum):
    BUYING_CENTER_MEMBER = "BUYING_CENTER_MEMBER"
    END_USER = "END_USER"
    PARENT = "PARENT"
    PROSUMER = "PROSUMER"


ROLE_LABELS = {
    "BuyingCenterMember": Role.BUYING_CENTER_MEMBER,
    "EndUser": Role.END_USER,
    "Parent": Role.PARENT,
    "Prosumer": Role.PROSUMER,
}


@strawberry.interface(description="A person, organisation or department around the business.")
class Stakeholder:
    id: strawberry.ID
    name: str
    kind: StakeholderKind
    roles: list[Role]
    country: str | None
    region: str | None
    city: str | None
    tags: list[str]
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def resolve_type(cls, obj: Any, info: Any, abstract_type: Any) -> str:
        """The GraphQL type is the Python class: no search through the schema per object."""
        return type(obj).__name__


@strawberry.type
class Organization(Stakeholder):
    org_type: OrgType | None
    industry: str | None
    employees: int | None
    annual_revenue: float | None
    technologies: list[str]
    gross_margin: float | None
    expected_lifespan_years: float | None
    icp_industries: list[str]
    icp_size_bands: list[str]
    icp_countries: list[str]
    icp_technologies: list[str]


@strawberry.type
class Department(Stakeholder):
    pass


@strawberry.type
class Person(Stakeholder):
    birth_year: int | None
    interests: list[str]
    values: list[str]
    needs: list[str]


# How a stakeholder type's fields are read from a node, computed once per type from the
# type's own annotations: the GraphQL field `org_type` is the property `orgType`, a list is
# [] when absent, an enum is built from its name. The field list lives in the types above.
Reader = tuple[str, str, Callable[[Any], Any]]
_SET_HERE = frozenset({"id", "name", "kind", "roles"})


def _reader(annotation: Any) -> Callable[[Any], Any]:
    kind = annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):  # X | None
        kind = next(k for k in typing.get_args(annotation) if k is not type(None))
    if typing.get_origin(kind) is list:
        return lambda value: list(value or [])
    if isinstance(kind, type) and issubclass(kind, Enum):
        return lambda value: kind(value) if value else None
    return lambda value: value


_READERS: dict[type, tuple[Reader, ...]] = {}


def _readers(cls: type) -> tuple[Reader, ...]:
    found = _READERS.get(cls)
    if found is None:
        found = _READERS[cls] = tuple(
            (name, to_camel(name), _reader(hint))
            for name, hint in typing.get_type_hints(cls).items()
            if name not in _SET_HERE and not name.startswith("_")
        )
    return found


_KINDS: tuple[tuple[str, type[Organization | Department | Person], StakeholderKind], ...] = (
    ("Organization", Organization, StakeholderKind.ORGANIZATION),
    ("Department", Department, StakeholderKind.DEPARTMENT),
    ("Person", Person, StakeholderKind.PERSON),
)


def from_node(node: GraphNode) -> Organization | Department | Person:
    """The GraphQL type of a stakeholder node, chosen by its kind label (else Person)."""
    cls, kind = next(((c, k) for label, c, k in _KINDS if label in node.labels), _KINDS[2][1:])
    p = node.get
    fields = {name: read(p(prop)) for name, prop, read in _readers(cls)}
    return cls(
        id=strawberry.ID(p("id")),
        name=p("name") or "",
        kind=kind,
        roles=[role for label, role in ROLE_LABELS.items() if label in node.labels],
        **fields,
    )


def person_from_node(node: GraphNode) -> Person:
    person = from_node(node)
    assert isinstance(person, Person), "a MEMBER_OF always starts at a Person"
    return person


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class StakeholderEdge:
    cursor: str
    node: Stakeholder


@strawberry.type
class StakeholderConnection:
    edges: list[StakeholderEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="One relationship walked by a piece of evidence.")
class PathStep:
    from_: Stakeholder = strawberry.field(name="from")
    type: RelationType
    to: Stakeholder
    relation_id: strawberry.ID | None


@strawberry.type(description="Why a lens holds: the path and one plain-English sentence.")
class Evidence:
    lens: Lens
    summary: str
    path: list[PathStep]


@strawberry.type
class CustomerRelation:
    customer: Stakeholder
    provider: Stakeholder
    lenses: list[Lens]
    evidence: list[Evidence]


@strawberry.type
class CustomerEdge:
    cursor: str
    node: CustomerRelation


@strawberry.type
class CustomerConnection:
    edges: list[CustomerEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class LensVerdict:
    lens: Lens
    holds: bool
    evidence: list[Evidence]


@strawberry.type
class Verdict:
    customer: Stakeholder
    provider: Stakeholder
    is_customer: bool
    lenses: list[LensVerdict]


@strawberry.type
class Membership:
    person: Person
    of: Stakeholder
    title: str | None
    buying_role: BuyingRole | None


@strawberry.type
class BuyingCenter:
    organization: Stakeholder
    members: list[Membership]
    covered_roles: list[BuyingRole]
    missing_roles: list[BuyingRole]
    single_threaded: bool


@strawberry.type
class CustomerMap:
    provider: Stakeholder
    current: list[CustomerRelation]
    potential: list[CustomerRelation]


@strawberry.type
class Relation:
    id: strawberry.ID
    type: RelationType
    from_: Stakeholder = strawberry.field(name="from")
    to: Stakeholder


def evidence_from(found: lens_query.Found, nodes: NodeCache) -> Evidence:
    return Evidence(
        lens=found.lens,
        summary=sentences.summarize(found.lens, found.evidence),
        path=[
            PathStep(
                from_=nodes.get(start),
                type=records.RelationType(rel_type),
                to=nodes.get(end),
                relation_id=strawberry.ID(rel_id) if rel_id else None,
            )
            for start, rel_type, end, rel_id in sentences.steps(found.evidence)
        ],
    )


def relation_from(relation: lens_query.Relation, nodes: NodeCache) -> CustomerRelation:
    return CustomerRelation(
        customer=nodes.get(relation.customer),
        provider=nodes.get(relation.provider),
        lenses=relation.lenses,
        evidence=[evidence_from(found, nodes) for found in relation.found],
    )


class NodeCache:
    """Builds each stakeholder's GraphQL object once per response, however often it appears."""

    def __init__(self) -> None:
        self._built: dict[str, Organization | Department | Person] = {}

    def get(self, node: GraphNode) -> Organization | Department | Person:
        built = self._built.get(node.element_id)
        if built is None:
            built = self._built[node.element_id] = from_node(node)
        return built
