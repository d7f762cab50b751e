"""The GraphQL object types, built from Neo4j nodes and the graph layer's results.

Hot types (stakeholders, relations, evidence) are answered by views (api/lazy.py) made by
a `from_*` function: plain attributes, each read from the graph's value when first asked
for; no per-field resolvers and no further queries while serialising.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import datetime
from enum import Enum, StrEnum
from typing import Annotated, Any

import strawberry
from pydantic.alias_generators import to_camel

from stakegraph import evidence as sentences
from stakegraph import records
from stakegraph.api import lazy
from stakegraph.api.context import Info
from stakegraph.api.relations import (
    Direction,
    Relation,
    RelationConnection,
    RelationCount,
    RelationEdge,
    from_relationship,
)
from stakegraph.graph import lens_query, paging
from stakegraph.graph import relations as graph_relations
from stakegraph.graph.values import GraphNode, GraphRelationship
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

    @strawberry.field(
        description="Its relations (either end), newest first by `at` or `since`, undated "
        "last, then by id. In a window, a relation dated by `at` counts when since <= at < "
        "until, one dated by `since` (USES, SERVES) when it began before `until`, an "
        "undated one (MEMBER_OF, PART_OF, PARENT_OF) always."
    )
    async def relations(
        self,
        info: Info,
        types: Annotated[
            list[RelationType] | None,
            strawberry.argument(description="Only these relationship types; absent = all."),
        ] = None,
        direction: Annotated[
            Direction | None,
            strawberry.argument(description="Which ends to list, seen from here; null = BOTH."),
        ] = Direction.BOTH,
        since: Annotated[
            datetime | None, strawberry.argument(description="The window's start (inclusive).")
        ] = None,
        until: Annotated[
            datetime | None, strawberry.argument(description="The window's end (exclusive).")
        ] = None,
        first: Annotated[
            int | None, strawberry.argument(description="Page size, 0 to 500.")
        ] = paging.DEFAULT_PAGE,
        after: Annotated[
            str | None, strawberry.argument(description="The cursor of the previous page's end.")
        ] = None,
    ) -> RelationConnection:
        asked = graph_relations.relation_filter(
            [t.value for t in types] if types is not None else None,
            (direction or Direction.BOTH).name,
            since,
            until,
            first,
            after,
        )
        page = await info.context.loaders.relations.load((str(self.id), asked))
        nodes = NodeCache()
        edges = [RelationEdge(cursor=d.cursor, node=nodes.link(d.link)) for d in page.relations]
        return RelationConnection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
            ),
            total_count=page.total,
        )

    @strawberry.field(description="Its relations counted per (type, direction) present.")
    async def relation_counts(self, info: Info) -> list[RelationCount]:
        counts = await info.context.loaders.relation_counts.load(str(self.id))
        order = list(RelationType)
        return sorted(
            (
                RelationCount(
                    type=RelationType(c.type), direction=Direction(c.direction), count=c.count
                )
                for c in counts
            ),
            key=lambda c: (order.index(c.type), c.direction != Direction.OUT),
        )


async def _linked(info: Info, id_: str, kind: RelationType, direction: str) -> list[Any]:
    """The direct structural links of one stakeholder, batched across stakeholders."""
    links = await info.context.loaders.linked.load((id_, kind.value, direction))
    nodes = NodeCache()
    return [(nodes.get(link.start), nodes.get(link.end), link.relationship) for link in links]


def _membership(start: Any, end: Any, rel: GraphRelationship) -> Membership:
    role = rel.get("buyingRole")
    return Membership(
        person=start,
        of=end,
        title=rel.get("title"),
        buying_role=records.BuyingRole(role) if role else None,
    )


# The fields an organisation and a department share: what a unit holds directly.


async def _departments(root: Stakeholder, info: Info) -> list[Department]:
    """Its departments (direct PART_OF only), by name then id."""
    links = await _linked(info, str(root.id), RelationType.PART_OF, graph_relations.IN)
    return [start for start, _, _ in links]


async def _members(root: Stakeholder, info: Info) -> list[Membership]:
    """Who is MEMBER_OF it directly, by name then id."""
    links = await _linked(info, str(root.id), RelationType.MEMBER_OF, graph_relations.IN)
    return [_membership(*link) for link in links]


def _unit_field(resolver: Callable[..., Any]) -> Any:
    """A field of both Organization and Department, described by its resolver's docstring."""
    return strawberry.field(resolver=resolver, description=resolver.__doc__)


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

    departments = _unit_field(_departments)
    members = _unit_field(_members)


@strawberry.type
class Department(Stakeholder):
    @strawberry.field(description="The organisation or department it is PART_OF, or null.")
    async def part_of(self, info: Info) -> Stakeholder | None:
        links = await _linked(info, str(self.id), RelationType.PART_OF, graph_relations.OUT)
        return links[0][1] if links else None

    departments = _unit_field(_departments)
    members = _unit_field(_members)


@strawberry.type
class Person(Stakeholder):
    birth_year: int | None
    interests: list[str]
    values: list[str]
    needs: list[str]

    @strawberry.field(description="Where the person is MEMBER_OF, by name then id.")
    async def memberships(self, info: Info) -> list[Membership]:
        links = await _linked(info, str(self.id), RelationType.MEMBER_OF, graph_relations.OUT)
        return [_membership(*link) for link in links]

    @strawberry.field(description="The person's parents (PARENT_OF towards them).")
    async def parents(self, info: Info) -> list[Person]:
        links = await _linked(info, str(self.id), RelationType.PARENT_OF, graph_relations.IN)
        return [start for start, _, _ in links]

    @strawberry.field(description="The person's children (PARENT_OF from them).")
    async def children(self, info: Info) -> list[Person]:
        links = await _linked(info, str(self.id), RelationType.PARENT_OF, graph_relations.OUT)
        return [end for _, end, _ in links]


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


def _stakeholder_view(cls: type[Any], kind: StakeholderKind) -> type[Any]:
    """The view (api/lazy.py) of a stakeholder type: each field read from the node when
    first asked for, as the readers say; `kind` is the type's own."""

    def init(self: Any, node: GraphNode) -> None:
        self.node = node

    def field(prop: str, read: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda view: read(view.node.get(prop))

    fields: dict[str, Callable[[Any], Any]] = {
        "id": lambda view: strawberry.ID(view.node.get("id")),
        "name": lambda view: view.node.get("name") or "",
        "roles": lambda view: [r for label, r in ROLE_LABELS.items() if label in view.node.labels],
    }
    fields.update((name, field(prop, read)) for name, prop, read in _readers(cls))
    return lazy.view(cls, init, fields, {"kind": kind})


_KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("Organization", _stakeholder_view(Organization, StakeholderKind.ORGANIZATION)),
    ("Department", _stakeholder_view(Department, StakeholderKind.DEPARTMENT)),
    ("Person", _stakeholder_view(Person, StakeholderKind.PERSON)),
)


# The GraphQL names of the stakeholder fields read from node properties other than id and
# name: a page whose selection asks for none of them needs only ids and names from Neo4j
# (lens_query's `names_only`); the resolver fields read nothing but the id.
NODE_PROPERTY_FIELDS = frozenset(
    to_camel(name) for cls in (Organization, Department, Person) for name, _, _ in _readers(cls)
)


def from_node(node: GraphNode) -> Organization | Department | Person:
    """The GraphQL type of a stakeholder node, chosen by its kind label (else Person): a
    view that reads each field from the node when first asked for."""
    labels = node.labels
    for label, view in _KINDS:
        if label in labels:
            return view(node)  # type: ignore[no-any-return]
    return _KINDS[2][1](node)  # type: ignore[no-any-return]


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
    # What every field is read from (PathStep.view): the step's relationship, and the
    # response's stakeholders.
    relationship: strawberry.Private[GraphRelationship]
    cache: strawberry.Private[NodeCache]

    @strawberry.field(description="The step's relationship, with its properties.")
    def relation(self) -> Relation | None:
        rel = self.relationship
        return self.cache.relation(rel, rel.start_node, rel.end_node)  # type: ignore[arg-type]


@strawberry.type(description="Why a lens holds: the path and one plain-English sentence.")
class Evidence:
    lens: Lens
    summary: str = strawberry.field(resolver=lambda root: root.sentence())
    path: list[PathStep]
    # What the summary is written from, only when a client asks for it.
    paths: strawberry.Private[list[Any]]

    def sentence(self) -> str:
        return sentences.summarize(self.lens, self.paths)


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


def _step_init(self: Any, rel: GraphRelationship, nodes: NodeCache) -> None:
    self.relationship = rel
    self.cache = nodes


def _relation_id(step: Any) -> strawberry.ID | None:
    rel_id = step.relationship.get("id")
    text = None if rel_id is None else str(rel_id)
    return strawberry.ID(text) if text else None


# A step of a path, in the relationship's own direction (a path's relationships always
# come with their nodes).
_PathStep = lazy.view(
    PathStep,
    _step_init,
    {
        "from_": lambda step: step.cache.get(step.relationship.start_node),
        "to": lambda step: step.cache.get(step.relationship.end_node),
        "type": lambda step: records.relation_type(step.relationship.type),
        "relation_id": _relation_id,
    },
)


def _evidence_init(self: Any, found: lens_query.Found, nodes: NodeCache) -> None:
    self.lens = found.lens
    self.paths = found.evidence
    self.cache = nodes


_Evidence = lazy.view(
    Evidence,
    _evidence_init,
    {
        "path": lambda evidence: [
            _PathStep(rel, evidence.cache) for path in evidence.paths for rel in path.relationships
        ]
    },
)


def evidence_from(found: lens_query.Found, nodes: NodeCache) -> Evidence:
    """A lens's evidence: its steps (every relationship of its paths, in path order) and
    its sentence, each made when first asked for."""
    return _Evidence(found, nodes)  # type: ignore[no-any-return]


def _customer_relation_init(
    self: Any, relation: lens_query.Relation, nodes: NodeCache, evidence: bool
) -> None:
    self.relation = relation
    self.cache = nodes
    self.with_evidence = evidence


_CustomerRelation = lazy.view(
    CustomerRelation,
    _customer_relation_init,
    {
        "customer": lambda r: r.cache.get(r.relation.customer),
        "provider": lambda r: r.cache.get(r.relation.provider),
        "lenses": lambda r: r.relation.lenses,
        "evidence": lambda r: (
            [evidence_from(found, r.cache) for found in r.relation.found] if r.with_evidence else []
        ),
    },
)


def relation_from(
    relation: lens_query.Relation, nodes: NodeCache, evidence: bool = True
) -> CustomerRelation:
    """`evidence=False` when the client selected none: no Evidence objects or sentences.
    Each field is made when first asked for."""
    return _CustomerRelation(relation, nodes, evidence)  # type: ignore[no-any-return]


class NodeCache:
    """Builds each stakeholder's GraphQL object once per response, however often it appears."""

    def __init__(self) -> None:
        self._built: dict[str, Organization | Department | Person] = {}
        self._relations: dict[str, Relation] = {}

    def get(self, node: GraphNode) -> Organization | Department | Person:
        built = self._built.get(node.element_id)
        if built is None:
            built = self._built[node.element_id] = from_node(node)
        return built

    def relation(self, rel: GraphRelationship, start: GraphNode, end: GraphNode) -> Relation:
        """The concrete Relation of a relationship from `start` to `end`, built once."""
        built = self._relations.get(rel.element_id)
        if built is None:
            built = from_relationship(rel, self.get(start), self.get(end))
            self._relations[rel.element_id] = built
        return built

    def link(self, link: graph_relations.Link) -> Relation:
        return self.relation(link.relationship, link.start, link.end)
