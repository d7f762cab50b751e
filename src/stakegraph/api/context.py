"""What every resolver gets: the request, the process's Graph and the request's loaders."""

from __future__ import annotations

from dataclasses import dataclass, field

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
