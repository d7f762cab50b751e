"""Which media type a GraphQL answer is sent as (GraphQL over HTTP, content negotiation).

A client that accepts `application/graphql-response+json` at least as much as
`application/json` gets it; everyone else (no Accept, `*/*`, `application/json`) gets
`application/json`, as before. Only an explicit `application/graphql-response+json` range
selects it: `*/*` and `application/*` stay JSON, as the specification asks for legacy
clients.
"""

from __future__ import annotations

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def _quality(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return max(0.0, min(1.0, float(value.strip())))
            except ValueError:
                return 0.0
    return 1.0


def prefers_graphql_response(accept: str | None) -> bool:
    """True when the Accept header ranks application/graphql-response+json first."""
    if not accept:
        return False
    graphql_q = json_q = 0.0
    for media_range in accept.split(","):
        kind, *params = media_range.split(";")
        kind = kind.strip().lower()
        quality = _quality(params)
        if kind == GRAPHQL_RESPONSE:
            graphql_q = max(graphql_q, quality)
        elif kind in (JSON, "application/*", "*/*"):
            json_q = max(json_q, quality)
    return graphql_q > 0 and graphql_q >= json_q


def media_type(accept: str | None) -> str:
    """The media type of the answer to a request with this Accept header."""
    return GRAPHQL_RESPONSE if prefers_graphql_response(accept) else JSON
