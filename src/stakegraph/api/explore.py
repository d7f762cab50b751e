"""Exploring the graph in GraphQL (SPEC 9): `neighbourhood` and `search`.

Each resolver makes one call into graph/explore.py and maps its result to plain-attribute
types; every stakeholder object is built once per response (NodeCache).
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from stakegraph.api.context import Info
from stakegraph.api.types import NodeCache, Relation, Stakeholder
from stakegraph.graph import explore
from stakegraph.records import RelationType, StakeholderKind


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


Depth = Annotated[int, strawberry.argument(description="How many hops from the centre, 1 to 3.")]
Types = Annotated[
    list[RelationType] | None,
    strawberry.argument(description="Relationship types to follow; absent = all."),
]
Limit = Annotated[
    int,
    strawberry.argument(description="At most this many nodes, the centre included (1 to 1000)."),
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
        depth: Depth = 1,
        types: Types = None,
        limit: Limit = 200,
    ) -> Subgraph:
        found = await explore.neighbourhood(
            info.context.graph,
            str(id),
            depth,
            [t.value for t in types] if types is not None else None,
            limit,
        )
        nodes = NodeCache()
        built = {node.element_id: nodes.get(node) for node in found.nodes}
        relations = [
            Relation(
                id=strawberry.ID(rel.get("id") or rel.element_id),
                type=RelationType(rel.type),
                from_=built[rel.start_node.element_id],  # type: ignore[union-attr]
                to=built[rel.end_node.element_id],  # type: ignore[union-attr]
            )
            for rel in found.relations
        ]
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
            SearchHit(stakeholder=nodes.get(h.node), score=h.score, matched=h.matched)
            for h in hits
        ]
