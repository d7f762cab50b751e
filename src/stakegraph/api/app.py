"""The Starlette app: /graphql (POST; GET from a browser opens GraphiQL), /health, /ready,
and the explorer page: every /explore and /explore/... path answers with the same page
(static/explore/index.html, built from web/), which reads the route itself.

/graphql follows the GraphQL-over-HTTP specification (api/over_http.py): the media type
application/graphql-response+json when the client accepts it, application/json otherwise.

One Graph (one async driver) per process, created at start-up and closed at shutdown.
The schema is applied at start-up when Neo4j answers, and again by /ready when it did not.
Then the hot statements are planned in the background (api/warmup.py lists them,
graph/warmup.py plans them); /ready answers 503 "warming" until they are. Before that,
`settle_memory` freezes what start-up built and makes the garbage collector's young
collections rarer (a page builds tens of thousands of objects).

Around the routes, outermost first: the access log (api/access_log.py), CORS when
STAKEGRAPH_CORS_ORIGINS names origins, the body-size limit (api/body_limit.py) and the API
keys (api/auth.py). Query limits and the role check are schema extensions; for a query
already prepared (api/prepared.py) the view applies them as plain calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from cross_web import HTTPException
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from uvicorn.logging import DefaultFormatter

from stakegraph import errors
from stakegraph.api import access_log
from stakegraph.api.access_log import AccessLog
from stakegraph.api.auth import ApiKeys, parse_keys
from stakegraph.api.body_limit import BodyLimit
from stakegraph.api.context import Context
from stakegraph.api.over_http import GraphQLOverHTTP
from stakegraph.api.schema import Schema, build_schema
from stakegraph.api.warmup import warm_up
from stakegraph.config import Neo4jSettings, ServerSettings, neo4j_settings, server_settings
from stakegraph.graph import library
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import apply_schema, missing_schema

log = logging.getLogger("stakegraph")

EXAMPLE_QUERY = """\
# Why does Leo count as a customer of ToyCo, when his mother paid?
# Press the play button (or Ctrl-Enter). Then try customersOf, buyingCenter, ...
query WhyIsLeoACustomer {
  explain(customerId: "leo", providerId: "toyco") {
    isCustomer
    lenses {
      lens
      holds
      evidence { summary path { from { name } type to { name } } }
    }
  }
}
"""


# The explorer's assets come from this origin only, and it talks only to /graphql.
EXPLORE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'self'"
)


def explore_page() -> str:
    page = resources.files("stakegraph.api") / "static" / "explore" / "index.html"
    return page.read_text(encoding="utf-8")


def graphiql_page() -> str:
    template = (resources.files("stakegraph.api") / "graphiql.html").read_text(encoding="utf-8")
    return template.replace("__EXAMPLE_QUERY__", json.dumps(EXAMPLE_QUERY))


class GraphQLApp(GraphQLOverHTTP):
    def __init__(self, graph_of: Any, schema: Schema) -> None:
        super().__init__(schema, graphql_ide="graphiql")
        self._graph_of = graph_of
        self._page = graphiql_page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        answer = response if isinstance(response, Response) else None
        return Context(request=request, response=answer, graph=self._graph_of(request))

    def decode_json(self, data: str | bytes) -> object:
        """The body as JSON: an object (or a list, refused as a batch); else 400, never 500."""
        try:
            decoded = json.loads(data)
        except (ValueError, RecursionError) as exc:  # bad JSON, bad UTF-8, absurd nesting
            raise HTTPException(400, "Unable to parse request body as JSON") from exc
        if not isinstance(decoded, dict | list):
            raise HTTPException(400, "The request body must be a JSON object")
        return decoded

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self._page)


# The collector's first threshold: allocations between two collections of the youngest
# generation (Python's default is 700).
YOUNG_COLLECTION_EVERY = 10_000


def settle_memory() -> None:
    """Collect once and freeze what start-up built (modules, the schema, caches), so the
    collector never walks it again, and collect the youngest generation every 10,000
    allocations instead of 700. A page of customers with their purchases builds tens of
    thousands of objects that live until the answer is sent; with the defaults the
    collector walked them and everything start-up left behind several times per request,
    about 15% of the request's CPU (bench/README.md). Cyclic garbage waits at most 10,000
    allocations longer."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_EVERY, older, oldest)


def _install_server_log() -> None:
    """Print the server's own messages on stderr as uvicorn prints its own ("INFO:  ...":
    when warming ends, the warnings), unless the process has configured logging itself."""
    if log.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(DefaultFormatter("%(levelprefix)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


async def _warm(graph: Graph, state: Any) -> None:
    """Plan the hot statements once Neo4j answers; then clear `state.warming`."""
    while True:
        try:
            warmth = await warm_up(graph)
        except errors.ServiceUnavailable:
            await asyncio.sleep(1.0)
            continue
        log.info("ready: planned %d statements in %.1f s", warmth.planned, warmth.seconds)
        state.warming = False
        return


async def _prepare(graph: Graph) -> set[str]:
    """Apply the schema if it is missing; return what is still not online.

    Raises ServiceUnavailable (or another StakegraphError) when Neo4j cannot be reached.
    """
    if await missing_schema(graph):
        await apply_schema(graph)
        return await missing_schema(graph)
    return set()


def create_app(db: Neo4jSettings | None = None, server: ServerSettings | None = None) -> Starlette:
    db = db or neo4j_settings()
    server = server or server_settings()
    keys = parse_keys(server.api_keys.get_secret_value())
    library.library()  # a library header that does not parse stops the start, not a request
    access_log.install_handler()
    _install_server_log()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        graph = Graph.from_settings(db, server)
        app.state.graph = graph
        if not keys:
            log.warning(
                "no API keys (STAKEGRAPH_API_KEYS): anyone who reaches this server can read "
                "and write"
            )
        try:
            await _prepare(graph)
        except errors.StakegraphError as exc:
            log.warning(
                "Neo4j at %s is not ready yet (%s); /ready will retry", db.effective_uri, exc
            )
        settle_memory()
        app.state.warming = server.warm_up
        warming = asyncio.create_task(_warm(graph, app.state)) if server.warm_up else None
        try:
            yield
        finally:
            if warming is not None:
                warming.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await warming
            await graph.close()

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def ready(request: Request) -> Response:
        graph: Graph = request.app.state.graph
        try:
            await graph.ping()  # fails fast, where a query would retry for seconds
            missing = await _prepare(graph)
        except errors.StakegraphError as exc:
            return JSONResponse({"status": "unavailable", "reason": exc.message}, status_code=503)
        if missing:
            reason = f"schema not applied: {', '.join(sorted(missing))}"
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        if request.app.state.warming:
            return JSONResponse({"status": "unavailable", "reason": "warming"}, status_code=503)
        return JSONResponse({"status": "ready"})

    explore_html = explore_page()

    async def explore(request: Request) -> Response:
        return HTMLResponse(explore_html, headers={"Content-Security-Policy": EXPLORE_CSP})

    static = StaticFiles(packages=[("stakegraph.api", "static")])
    graphql = GraphQLApp(
        lambda request: request.app.state.graph, build_schema(server, check_roles=True)
    )
    middleware = [Middleware(AccessLog)]
    if server.cors_origin_list:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=server.cors_origin_list,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "X-Request-Id"],
                expose_headers=["X-Request-Id"],
            )
        )
    middleware += [
        Middleware(BodyLimit, max_bytes=server.max_body_bytes),
        Middleware(ApiKeys, keys=keys),
    ]
    return Starlette(
        routes=[
            Route("/health", health),
            Route("/ready", ready),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/explore", explore),
            Route("/explore/{rest:path}", explore),
            Mount("/static", static, name="static"),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
