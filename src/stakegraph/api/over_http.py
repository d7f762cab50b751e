"""GraphQL over HTTP, as its specification says, on top of Strawberry's ASGI view.

Accept prefers application/graphql-response+json (api/media.py):
    the answer has that media type; a request error (the document does not parse or
    validate, a variable does not coerce, a query limit refuses it: nothing ran, so
    there is no `data`) is HTTP 400 without a `data` entry, UNAUTHENTICATED 401 and
    FORBIDDEN 403; an answer with data (even null data, or field errors) is 200
otherwise (application/json, */*, no Accept):
    unchanged: application/json, 200 with `errors` for GraphQL errors
either way:
    a mutation in a GET is 405 (`Allow: GET, POST`); a body that is not a GraphQL
    request (bad JSON, `query` or `operationName` not a string...) is 400, in
    GraphQL's error shape under application/graphql-response+json
"""

from __future__ import annotations

import json
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from stakegraph.api.context import Context
from stakegraph.api.errors import http_error
from stakegraph.api.media import GRAPHQL_RESPONSE, media_type
from stakegraph.api.prepared import PreparedQueries
from stakegraph.api.prepared import run as run_prepared
from stakegraph.api.schema import Schema

STATUS_OF_CODE = {"UNAUTHENTICATED": 401, "FORBIDDEN": 403}


def request_error_status(result: ExecutionResult) -> int | None:
    """The 4xx status of a result that is a request error (no data, no error with a path)."""
    if result.data is not None or not result.errors:
        return None
    if any(error.path is not None for error in result.errors):
        return None  # a field error made the data null: the request itself was fine
    codes = {(error.extensions or {}).get("code") for error in result.errors}
    return next((STATUS_OF_CODE[code] for code in codes if code in STATUS_OF_CODE), 400)


class GraphQLOverHTTP(GraphQL[Context, None]):
    """Strawberry's view with the specification's media type and status codes; a query
    already prepared (api/prepared.py) is answered without Strawberry's request path."""

    def __init__(self, schema: Schema, **kwargs: Any) -> None:
        super().__init__(schema, **kwargs)
        self.prepared = PreparedQueries(schema)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        negotiated = media_type(request.headers.get("accept"))
        request.state.media_type = negotiated
        response: Response | None
        try:
            response = await self.answer_prepared(request)
            if response is None:
                response = await self.run(request)
        except HTTPException as exc:
            response = refusal(exc, negotiated)
        else:
            if negotiated == GRAPHQL_RESPONSE and is_json(response):
                response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
                status = getattr(request.state, "request_error_status", None)
                if status is not None:
                    response.status_code = status
        await response(scope, receive, send)

    async def answer_prepared(self, request: Request) -> Response | None:
        """The answer to a POST of a prepared query in JSON, as Strawberry's path would give
        it; None for any other request (Strawberry's path answers it: the body read here is
        kept by the Request and read again from there)."""
        if request.method != "POST" or not self.prepared.enabled:
            return None
        headers = request.headers
        kind = headers.get("content-type", "").partition(";")[0].strip().lower()
        accept = headers.get("accept", "")
        if kind != "application/json" or "multipart" in accept or "event-stream" in accept:
            return None  # uploads, subscriptions over HTTP
        try:
            data = json.loads(await request.body())
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or data.get("extensions") is not None:
            return None
        query, variables, name = data.get("query"), data.get("variables"), data.get("operationName")
        if not (isinstance(query, str) and isinstance(variables, dict | None)) or not isinstance(
            name, str | None
        ):
            return None
        prepared = await self.prepared.get(query, name)
        if prepared is None:
            return None
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, response=sub_response)
        role = getattr(request.state, "role", None)
        result = await run_prepared(self.prepared.schema, prepared, variables, context, role)
        if result is None:
            return None
        answer = await self.process_result(request, result)
        return self.create_response(response_data=answer, sub_response=sub_response)

    def encode_json(self, data: object) -> str | bytes:
        """The response body by orjson; json.dumps for what orjson refuses (an integer
        beyond 64 bits, a mapping with keys that are not strings)."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return json.dumps(data, separators=(",", ":"))

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        parsed = await super().parse_http_body(request)
        for one in parsed if isinstance(parsed, list) else [parsed]:
            if not isinstance(one.operation_name, str | None):
                raise HTTPException(
                    400, "The GraphQL operation's `operationName` must be a string or null."
                )
        return parsed

    async def execute_single(  # noqa: PLR0913
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            return await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        except HTTPException as exc:
            if request_adapter.method == "GET" and isinstance(
                exc.__cause__, InvalidOperationTypeError
            ):
                raise HTTPException(405, "GET cannot run a mutation: send it with POST") from exc
            raise

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        answer = await super().process_result(request, result)
        if getattr(request.state, "media_type", None) == GRAPHQL_RESPONSE:
            status = request_error_status(result)
            if status is not None:
                answer.pop("data", None)
                request.state.request_error_status = status
        return answer


def is_json(response: Response) -> bool:
    return response.headers.get("content-type", "").startswith("application/json")


def refusal(exc: HTTPException, negotiated: str) -> Response:
    """A request that is not a GraphQL request: plain text as before, or GraphQL's error
    shape under application/graphql-response+json."""
    headers = {"allow": "GET, POST"} if exc.status_code == 405 else None
    if negotiated == GRAPHQL_RESPONSE:
        return http_error(exc.status_code, exc.reason, "BAD_USER_INPUT", headers)
    return PlainTextResponse(exc.reason, status_code=exc.status_code, headers=headers)
