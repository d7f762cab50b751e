"""API keys: who may read, who may write.

STAKEGRAPH_API_KEYS is a comma-separated list of `key:role` pairs, role `reader` or
`editor`; clients send `Authorization: Bearer <key>`. With keys configured:

    no key, or an unknown one, on a GraphQL request  -> HTTP 401, code UNAUTHENTICATED
                                                        (before the body is parsed)
    a reader key on a mutation                       -> one GraphQL error, code FORBIDDEN,
                                                        nothing written; HTTP 200 (403
                                                        with graphql-response+json)
    /health, /ready, GraphiQL's page (GET /graphql without a query), CORS preflights
                                                     -> open

Keys are compared in constant time (hmac.compare_digest) and never logged. With no keys
the server is open to anyone who reaches it: it says so at start, and `stakegraph serve`
refuses a non-loopback address unless STAKEGRAPH_ALLOW_OPEN=1 (see `open_bind_refusal`).
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs

from graphql import GraphQLError
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from stakegraph.api.errors import http_error
from stakegraph.config import ServerSettings

READER, EDITOR = "reader", "editor"
ROLES = (READER, EDITOR)


@dataclass(frozen=True)
class ApiKey:
    secret: bytes
    role: str

    def __repr__(self) -> str:
        return f"ApiKey(role={self.role!r})"  # never the secret


def parse_keys(text: str) -> list[ApiKey]:
    """`key:role,key:role` as ApiKeys; ValueError (naming no key) when malformed."""
    keys: list[ApiKey] = []
    for number, pair in enumerate(part.strip() for part in text.split(",")):
        if not pair:
            continue
        secret, sep, role = pair.rpartition(":")
        if not sep or not secret or role not in ROLES:
            raise ValueError(
                f"STAKEGRAPH_API_KEYS entry {number + 1}: expected key:reader or key:editor"
            )
        keys.append(ApiKey(secret.encode(), role))
    return keys


def role_of(authorization: bytes | None, keys: list[ApiKey]) -> str | None:
    """The role of a `Bearer <key>` header, or None; every key is compared, in constant time."""
    if authorization is None:
        return None
    scheme, _, token = authorization.strip().partition(b" ")
    if scheme.lower() != b"bearer":
        return None
    token = token.strip()
    found: str | None = None
    for key in keys:
        if hmac.compare_digest(key.secret, token) and found is None:
            found = key.role
    return found


def needs_key(scope: Scope) -> bool:
    """GraphQL requests need a key; GraphiQL's page, preflights, health and ready do not."""
    if scope["path"].rstrip("/") != "/graphql" or scope["method"] == "OPTIONS":
        return False
    if scope["method"] in ("GET", "HEAD"):
        return "query" in parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return True


class ApiKeys:
    """ASGI middleware: puts the caller's role in `request.state.role`; 401 without a key.

    With no keys configured everyone is an editor.
    """

    def __init__(self, app: ASGIApp, keys: list[ApiKey]) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        role: str | None = EDITOR
        if self.keys:
            role = role_of(dict(scope["headers"]).get(b"authorization"), self.keys)
        scope.setdefault("state", {})["role"] = role
        if role is None and needs_key(scope):
            refusal = http_error(
                401,
                "an API key is required: send the header Authorization: Bearer <key>",
                "UNAUTHENTICATED",
                {"www-authenticate": 'Bearer realm="stakegraph"'},
            )
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)


class RoleCheck(SchemaExtension):
    """Mutations need an editor: FORBIDDEN before any resolver runs."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        request = getattr(context, "request", None)
        role = getattr(getattr(request, "state", None), "role", None)
        if role is None:
            raise GraphQLError("an API key is required", extensions={"code": "UNAUTHENTICATED"})
        if self.execution_context.operation_type is OperationType.MUTATION and role != EDITOR:
            raise GraphQLError("mutations need an editor key", extensions={"code": "FORBIDDEN"})
        yield


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_bind_refusal(host: str, settings: ServerSettings) -> str | None:
    """Why `serve` must not bind `host` (one line), or None when it may."""
    try:
        keys = parse_keys(settings.api_keys.get_secret_value())
    except ValueError as exc:
        return str(exc)
    if keys or settings.allow_open or is_loopback(host):
        return None
    return (
        f"refusing to serve {host} without API keys: set STAKEGRAPH_API_KEYS "
        "(key:reader,key:editor), or STAKEGRAPH_ALLOW_OPEN=1 to serve it open"
    )
