"""Access log: one JSON line per request on the logger "stakegraph.access".

    {"requestId": "...", "method": "POST", "path": "/graphql", "status": 200,
     "durationMs": 12.3, "operation": "WhyIsLeoACustomer"}

The request id is the client's X-Request-Id when it is a short token, else a new one; it
is echoed in the response's X-Request-Id. The operation name is the GraphQL operation's
(null for other paths or anonymous operations). No headers, bodies or keys are logged;
stack traces go only to the server log (logger "stakegraph.errors").
"""

from __future__ import annotations

import logging
import re
import secrets
import sys
import time
from collections.abc import Iterator

import orjson
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

log = logging.getLogger("stakegraph.access")

_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def install_handler() -> None:
    """Print the access log on stderr, one bare JSON line each, unless already configured."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


def request_id(scope: Scope) -> str:
    """The client's X-Request-Id when it is a short token, else 32 new random hex digits."""
    given = b""
    for name, value in scope["headers"]:  # the last one, as a dict of the headers had it
        if name == b"x-request-id":
            given = value
    text = given.decode("latin-1")
    return text if _REQUEST_ID.fullmatch(text) else secrets.token_hex(16)


def write_line(line: dict[str, object]) -> None:
    """Hand the line to the logger's handlers as an INFO record. Not through `log.info`:
    that looks up the calling frame for a source location the line never shows, and on
    a page's request the logging calls cost ~0.1 ms of CPU (bench/README.md)."""
    if log.isEnabledFor(logging.INFO):
        text = orjson.dumps(line).decode()
        log.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, text, (), None))


class AccessLog:
    """ASGI middleware: the request id, and the log line once the response is sent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["x-request-id"] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            write_line(
                {
                    "requestId": rid,
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "durationMs": round((time.perf_counter() - started) * 1000, 1),
                    "operation": state.get("operation"),
                }
            )


class RecordOperation(SchemaExtension):
    """Leaves the GraphQL operation name where the access log finds it."""

    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context
        request = getattr(context.context, "request", None)
        if request is not None and context.graphql_document is not None:
            request.state.operation = context.operation_name
