"""Every GraphQL error gets an `extensions.code`, and nothing internal reaches the client.

    StakegraphError (graph layer, validation)  -> its code, message and field
    GraphQL syntax / validation / coercion      -> BAD_USER_INPUT, GraphQL's own message
                                                   (a variable's or a literal's field,
                                                   e.g. input.kind, in front of it)
    anything else                               -> INTERNAL, "internal error"

Stack traces of unexpected errors go to the server log (logger "stakegraph.errors").
"""

from __future__ import annotations

import logging
import re

from graphql.error import GraphQLError
from graphql.language import (
    ArgumentNode,
    ListValueNode,
    Node,
    ObjectValueNode,
    ValueNode,
    Visitor,
    parse,
    visit,
)
from pydantic import ValidationError
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send
from strawberry.extensions import MaskErrors

from stakegraph.api.media import GRAPHQL_RESPONSE, prefers_graphql_response
from stakegraph.errors import BadUserInput, StakegraphError
from stakegraph.records import RelationType, StakeholderKind

log = logging.getLogger("stakegraph.errors")


_TAGS = {tag.value for tag in (*RelationType, *StakeholderKind)}


class ErrorResponse(JSONResponse):
    """JSON, or application/graphql-response+json when the request's Accept prefers it."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        accept = dict(scope.get("headers") or ()).get(b"accept", b"").decode("latin-1")
        if prefers_graphql_response(accept):
            self.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
        await super().__call__(scope, receive, send)


def http_error(
    status: int, message: str, code: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """An answer in GraphQL's error shape, sent before GraphQL runs (by a middleware, or
    for a request that is not a GraphQL request at all), in the media type negotiated."""
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return ErrorResponse(body, status_code=status, headers=headers)


def error_location(error: ValidationError) -> list[str]:
    """Where the first problem is, without the discriminator tag of a record union."""
    loc = [str(part) for part in error.errors()[0]["loc"] if part != ""]
    return loc[1:] if loc and loc[0] in _TAGS else loc


def bad_input_from(error: ValidationError, prefix: str = "input") -> BadUserInput:
    """A pydantic error as BAD_USER_INPUT naming the (first) field at fault (pydantic's
    "Value error, " in front of a validator's own message left out)."""
    path = prefix
    for part in error_location(error):
        path += f"[{part}]" if part.isdigit() else f".{part}"
    message = error.errors()[0]["msg"].removeprefix("Value error, ")
    return BadUserInput(f"{path}: {message}", field=path)


def naming(message: str, field: str) -> str:
    """`message`, with `field: ` in front unless it names the field already (as a word):
    every message names the field at fault, not only `extensions.field`."""
    last = re.sub(r"(\[\d+\])+$", "", field).rsplit(".", 1)[-1]
    if re.search(rf"(?<![\w$]){re.escape(last)}\b", message):
        return message
    return f"{field}: {message}"


_VARIABLE = re.compile(r"Variable '\$(\w+)' has invalid value(?: at \.([\w.\[\]]+))?")
_REQUIRED = re.compile(r"(?:required|unknown) field '(\w+)'")


def variable_field(message: str) -> str | None:
    """The input field a variable-coercion message points at, e.g. `input.kind`."""
    found = _VARIABLE.match(message)
    if found is None:
        return None
    parts = [part for part in found.groups() if part]
    required = _REQUIRED.search(message)
    if required:
        parts.append(required.group(1))
    return ".".join(parts)


class _Arguments(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[ArgumentNode] = []

    def enter_argument(self, node: ArgumentNode, *_: object) -> None:
        self.found.append(node)


def literal_field(error: GraphQLError) -> str | None:
    """The argument or input field a literal value of the document sits at, when that value
    is what validation refused (`input.kind` for `input: {kind: WEEKLY}`, `first`)."""
    value = error.nodes[0] if error.nodes else None
    if not isinstance(value, ValueNode) or value.loc is None:
        return None
    start = value.loc.start
    arguments = _Arguments()
    visit(parse(value.loc.source, no_location=False), arguments)
    for argument in arguments.found:
        loc = argument.value.loc
        if loc is not None and loc.start <= start < loc.end:
            return _path_to(argument.value, start, argument.name.value)
    return None


def _path_to(node: Node, start: int, path: str) -> str | None:
    if (
        node.loc is not None
        and node.loc.start == start
        and not isinstance(node, ObjectValueNode | ListValueNode)
    ):
        return path
    if isinstance(node, ObjectValueNode):
        for item in node.fields:
            found = _path_to(item.value, start, f"{path}.{item.name.value}")
            if found:
                return found
    if isinstance(node, ListValueNode):
        for index, element in enumerate(node.values):
            found = _path_to(element, start, f"{path}[{index}]")
            if found:
                return found
    if node.loc is not None and node.loc.start == start:
        return path  # the object or list itself is what was refused
    return None


def is_request_error(error: GraphQLError) -> bool:
    """Raised while coercing the request's variables, before any resolver ran."""
    return error.path is None and isinstance(error.original_error, GraphQLError)


def coded(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, ValidationError):
        original = bad_input_from(original)
    if isinstance(original, StakegraphError):
        extensions: dict[str, object] = {"code": original.code}
        message = original.message
        if original.field:
            extensions["field"] = original.field
            message = naming(message, original.field)
    elif original is None or is_request_error(error):
        known = error.extensions or {}  # coding an error twice keeps its code and field
        extensions = {"code": known.get("code", "BAD_USER_INPUT")}
        named = known.get("field") or variable_field(error.message) or literal_field(error)
        message = error.message
        if named:
            extensions["field"] = named
            message = naming(message, named)
    else:
        log.error("unexpected error in %s", error.path, exc_info=original)
        extensions, message = {"code": "INTERNAL"}, "internal error"
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


class ErrorCodes(MaskErrors):
    """Rewrites every error of a result into its coded, client-safe form."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return coded(error)
