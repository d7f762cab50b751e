"""What every resolver gets: the request and the process's Graph."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from stakegraph.graph.driver import Graph


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    graph: Graph


Info = StrawberryInfo[Context, None]
