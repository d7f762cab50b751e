"""DataLoaders, one set per request: a field asked on every stakeholder of a list is
answered for all of them by one Cypher statement (per distinct set of arguments), not one
statement per stakeholder (the N+1 problem).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from stakegraph.graph import relations
from stakegraph.graph.driver import Graph
from stakegraph.graph.relations import Link, RelationCount, RelationFilter, RelationPage
from stakegraph.graph.values import GraphNode

LinkKey = tuple[str, str, str]  # stakeholder id, relationship type, direction


class Loaders:
    """The request's loaders; each caches its answers for the request's lifetime."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.relations = DataLoader[tuple[str, RelationFilter], RelationPage](self._relations)
        self.relation_counts = DataLoader[str, list[RelationCount]](self._relation_counts)
        self.linked = DataLoader[LinkKey, list[Link]](self._linked)
        self.stakeholders = DataLoader[str, GraphNode | None](self._stakeholders)

    async def _relations(self, keys: list[tuple[str, RelationFilter]]) -> Sequence[RelationPage]:
        """One statement per distinct arguments, with every stakeholder that asked them."""
        by_filter: dict[RelationFilter, list[str]] = defaultdict(list)
        for id_, asked in keys:
            by_filter[asked].append(id_)
        found = {
            asked: await relations.relation_pages(self.graph, ids, asked)
            for asked, ids in by_filter.items()
        }
        return [found[asked].get(id_, relations.EMPTY_PAGE) for id_, asked in keys]

    async def _relation_counts(self, keys: list[str]) -> Sequence[list[RelationCount]]:
        found = await relations.relation_counts(self.graph, keys)
        return [found.get(id_, []) for id_ in keys]

    async def _linked(self, keys: list[LinkKey]) -> Sequence[list[Link]]:
        """One statement per (type, direction), with every stakeholder that asked it."""
        by_kind: dict[tuple[str, str], list[str]] = defaultdict(list)
        for id_, type_, direction in keys:
            by_kind[(type_, direction)].append(id_)
        found = {
            kind: await relations.linked(self.graph, ids, *kind) for kind, ids in by_kind.items()
        }
        return [found[(type_, direction)].get(id_, []) for id_, type_, direction in keys]

    async def _stakeholders(self, keys: list[str]) -> Sequence[GraphNode | None]:
        found = await relations.stakeholders(self.graph, keys)
        return [found.get(id_) for id_ in keys]
