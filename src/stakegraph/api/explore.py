"""Exploring the graph in GraphQL (SPEC 9): `neighbourhood`, `search`, and the filter and
orders of `stakeholders` (its resolver is in api/queries.py).

Each resolver makes one call into graph/explore.py and maps its result to plain-attribute
types; every stakeholder object is built once per response (NodeCache).
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from pydantic import TypeAdapter, ValidationError

from stakegraph import errors
from stakegraph.api.context import Info
from stakegraph.api.relations import Relation
from stakegraph.api.types import NodeCache, Role, Stakeholder
from stakegraph.graph import explore, reads
from stakegraph.records import Country, OrgType, RelationType, StakeholderKind


@strawberry.input(
    description="Which stakeholders to list: every given condition holds; inside one list, "
    "any of its values (an empty list matches nothing)."
)
class StakeholderFilter:
    kinds: list[StakeholderKind] | None = strawberry.field(
        default=None, description="Any of these kinds."
    )
    roles: list[Role] | None = strawberry.field(
        default=None, description="Holding any of these role labels."
    )
    org_types: list[OrgType] | None = strawberry.field(
        default=None, description="Organisations of any of these types."
    )
    countries: list[str] | None = strawberry.field(
        default=None, description="In any of these countries (ISO 3166-1 alpha-2, e.g. DE)."
    )
    tags: list[str] | None = strawberry.field(
        default=None, description="Carrying any of these tags (exact text)."
    )
    industries: list[str] | None = strawberry.field(
        default=None, description="Organisations in any of these industries (exact text)."
    )


@strawberry.enum(description="The order of a `stakeholders` list; ties by id.")
class StakeholderOrder(Enum):
    NAME = strawberry.enum_value("NAME", description="By name (A to Z), then id.")
    CREATED_AT = strawberry.enum_value(
        "CREATED_AT", description="Oldest first by creation time, then id; undated last."
    )
    UPDATED_AT = strawberry.enum_value(
        "UPDATED_AT", description="Least recently updated first, then id; undated last."
    )


_COUNTRY: TypeAdapter[str] = TypeAdapter(Country)


def _texts(values: list[str] | None, field: str) -> list[str] | None:
    if values is None:
        return None
    if any(not v.strip() for v in values):
        raise errors.BadUserInput("values must not be empty", field=field)
    return values


def _countries(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    try:
        return [_COUNTRY.validate_python(v) for v in values]
    except ValidationError:
        raise errors.BadUserInput(
            "countries are ISO 3166-1 alpha-2 codes, e.g. DE", field="filter.countries"
        ) from None


def stakeholder_filter(
    kind: StakeholderKind | None, search: str | None, where: StakeholderFilter | None
) -> reads.StakeholderFilter:
    """The graph layer's filter from the arguments of `stakeholders`, checked: a wrong
    value is BAD_USER_INPUT naming its input field. `kind` and `filter.kinds` both hold."""
    where = where or StakeholderFilter()
    kinds = [k.value for k in where.kinds] if where.kinds is not None else None
    if kind is not None:
        kinds = [kind.value] if kinds is None or kind.value in kinds else []
    return reads.StakeholderFilter(
        kinds=kinds,
        roles=[r.value for r in where.roles] if where.roles is not None else None,
        org_types=[t.value for t in where.org_types] if where.org_types is not None else None,
        countries=_countries(where.countries),
        tags=_texts(where.tags, "filter.tags"),
        industries=_texts(where.industries, "filter.industries"),
        # names are stored stripped: "  acme " finds Acme, and a blank search is no search
        search=search.strip() if search is not None else None,
    )


@strawberry.type(description="A stakeholder's surroundings: nodes and the relations between them.")
class Subgraph:
    nodes: list[Stakeholder] = strawberry.field(
        description="The centre first, then the others nearer first (in the order found "
        "within one distance)."
    )
    relations: list[Relation] = strawberry.field(
        description="The relations of the asked types between the returned nodes "
        "(at most 2 x limit)."
    )
    truncated: bool = strawberry.field(
        description="True when more nodes, or more than 2 x limit relations, existed."
    )


@strawberry.type(description="One stakeholder found by `search`, with how well and where.")
class SearchHit:
    stakeholder: Stakeholder = strawberry.field(description="The stakeholder found.")
    score: float = strawberry.field(
        description="The full-text index's relevance score; higher is better."
    )
    matched: list[str] = strawberry.field(
        description="The properties a word of the text matched: name, tags, city, industry, "
        "country."
    )


Depth = Annotated[
    int | None,
    strawberry.argument(description="How many hops from the centre, 1 to 3; null = 1."),
]
Types = Annotated[
    list[RelationType] | None,
    strawberry.argument(description="Relationship types to follow; absent = all."),
]
Limit = Annotated[
    int | None,
    strawberry.argument(
        description="At most this many nodes, the centre included (1 to 1000); null = 200."
    ),
]


@strawberry.type
class ExploreQuery:
    @strawberry.field(
        description="The stakeholders within `depth` hops of one, nearest first, with the "
        "relations between them; its cost is bounded by `limit`, however large a hub."
    )
    async def neighbourhood(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The centre's id.")],
        depth: Depth = explore.DEFAULT_DEPTH,
        types: Types = None,
        limit: Limit = explore.DEFAULT_LIMIT,
    ) -> Subgraph:
        found = await explore.neighbourhood(
            info.context.graph,
            str(id),
            depth if depth is not None else explore.DEFAULT_DEPTH,
            [t.value for t in types] if types is not None else None,
            limit if limit is not None else explore.DEFAULT_LIMIT,
        )
        nodes = NodeCache()
        built = {node.element_id: nodes.get(node) for node in found.nodes}
        relations = []
        for rel in found.relations:  # between returned nodes: their objects are in `nodes`
            assert rel.start_node is not None and rel.end_node is not None
            relations.append(nodes.relation(rel, rel.start_node, rel.end_node))
        return Subgraph(nodes=list(built.values()), relations=relations, truncated=found.truncated)

    @strawberry.field(
        description="Stakeholders whose name, tags, city, industry or country match every "
        "word of the text (exactly, as a prefix, or within one typo for words of 4+ "
        "characters; country codes exactly), best first, then by name and id."
    )
    async def search(
        self,
        info: Info,
        text: Annotated[
            str,
            strawberry.argument(
                description="Words to look for; any punctuation or Lucene syntax in it is "
                "searched as text."
            ),
        ],
        kinds: Annotated[
            list[StakeholderKind] | None,
            strawberry.argument(description="Only stakeholders of these kinds; absent = all."),
        ] = None,
        first: Annotated[
            int | None, strawberry.argument(description="How many hits, at most 100.")
        ] = 20,
    ) -> list[SearchHit]:
        hits = await explore.search(
            info.context.graph,
            text,
            [k.value for k in kinds] if kinds is not None else None,
            first,
        )
        nodes = NodeCache()
        return [
            SearchHit(stakeholder=nodes.get(h.node), score=h.score, matched=h.matched) for h in hits
        ]
