"""What every resolver gets: the request, the process's Graph and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from graphql import FieldNode, FragmentSpreadNode
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from stakegraph.api.loaders import Loaders
from stakegraph.api.per_operation import kept_for
from stakegraph.graph.driver import Graph


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    graph: Graph

    @cached_property
    def loaders(self) -> Loaders:
        """The request's loaders, made when a resolver first asks (most requests never do)."""
        return Loaders(self.graph)


Info = StrawberryInfo[Context, None]


def selects(info: Info, name: str) -> bool:
    """Whether the client's selection below this field asks, at any depth and through any
    fragment, for a field called `name` (its GraphQL name, e.g. "evidence"): the one place
    resolvers read the selection set to shape their Cypher (SPEC 14). Erring towards True
    is safe: it only means work that may not be needed (directives are not read, and a
    fragment called `name` counts). The answer depends only on the parsed operation, so it
    is kept with it (api/per_operation.py)."""
    return selects_any(info, frozenset((name,)))


def selects_any(info: Info, names: frozenset[str]) -> bool:
    """Whether the selection below this field asks for any field called one of `names`,
    as `selects` answers for one."""
    raw = info._raw_info
    answers = kept_for(raw.schema, raw.operation, raw.fragments).selections
    key = (names, *map(id, raw.field_nodes))
    found = answers.get(key)
    if found is None:
        found = answers[key] = _walk(raw.field_nodes, raw.fragments, names)
    return found


def _walk(nodes: list[Any], fragments: dict[str, Any], names: frozenset[str]) -> bool:
    pending: list[Any] = [
        selection
        for node in nodes
        if node.selection_set is not None
        for selection in node.selection_set.selections
    ]
    seen: set[str] = set()
    while pending:
        selection = pending.pop()
        if isinstance(selection, FragmentSpreadNode):
            spread = selection.name.value
            if spread in names:
                return True
            if spread in seen or spread not in fragments:
                continue
            seen.add(spread)
            selection = fragments[spread]
        elif isinstance(selection, FieldNode) and selection.name.value in names:
            return True
        if selection.selection_set is not None:
            pending.extend(selection.selection_set.selections)
    return False
