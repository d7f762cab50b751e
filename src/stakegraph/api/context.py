"""What every resolver gets: the request, the process's Graph and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from stakegraph.api.loaders import Loaders
from stakegraph.graph.driver import Graph


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    graph: Graph
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.graph)


Info = StrawberryInfo[Context, None]


def selects(info: Info, name: str) -> bool:
    """Whether the client's selection below this field asks, at any depth and through any
    fragment, for a field called `name` (its GraphQL name, e.g. "evidence"): the one place
    resolvers read the selection set to shape their Cypher (SPEC 14). Erring towards True
    is safe: it only means work that may not be needed."""
    pending: list[Any] = list(info.selected_fields)
    while pending:
        selection = pending.pop()
        if getattr(selection, "name", None) == name:
            return True
        pending.extend(getattr(selection, "selections", None) or ())
    return False
