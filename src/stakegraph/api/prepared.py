"""Prepared queries: what the server decides once per query text, kept between requests.

Whether a query text (with its operation name) is admitted does not depend on the request:
its tokens under the limit, its parse, its validation (with introspection off when so
configured), its operation being a query. Strawberry's Schema.execute decides all of that
again on every request, through its extension hooks (ParserCache and ValidationCache only
shorten the parse and the validation: the latter still hashes the whole document). Here
those decisions are taken once per text, by Strawberry's own steps and the schema's own
extensions (their operation, parse and validation hooks around Strawberry's
`_prepare_operation_async`), and kept: the last 256 texts, refused ones too.

`run` then answers a request for a prepared query with only what depends on the request,
as plain calls: the role (api/auth.py RoleCheck: any key may read), the depth, alias and
cost limits with the request's variables (api/limits.py; once only, when no list size
comes from the variables), graphql-core's execution with
PlainCompletion, the error codes (Schema.process_errors, then ErrorCodes), the operation
name for the access log (api/access_log.py RecordOperation). Whatever it does not answer
(a text that is refused, a mutation, a request without a role, a query past a limit) it
leaves to Strawberry's full path, which gives the same answer as before.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    get_operation_ast,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.execution import execute
from strawberry.execution import optimized_is_awaitable
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from stakegraph.api.errors import coded
from stakegraph.api.limits import measure
from stakegraph.api.schema import Schema

KEPT_TEXTS = 256


@dataclass(slots=True)
class Prepared:
    """A query text admitted by parse, validation and the token limit."""

    document: DocumentNode
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    name: str | None  # the operation's name, for the access log
    # Within the depth, alias and cost limits whatever the variables (no list size read
    # from them): measured once, then not again.
    within_limits: bool = False


class PreparedQueries:
    """The decisions kept per (query text, operation name) for one schema."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._kept: OrderedDict[tuple[str, str | None], Prepared | None] = OrderedDict()
        # An extension that wraps resolvers, or a custom directive, needs Strawberry's path.
        self.enabled = not schema.directives and not any(
            extension._implements_resolve() for extension in schema.get_extensions()
        )

    async def get(self, query: str, operation_name: str | None) -> Prepared | None:
        """The prepared query, or None when the full path must answer this text."""
        key = (query, operation_name)
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        prepared = await self._prepare(query, operation_name)
        self._kept[key] = prepared
        if len(self._kept) > KEPT_TEXTS:
            self._kept.popitem(last=False)
        return prepared

    async def _prepare(self, query: str, name: str | None) -> Prepared | None:
        schema = self.schema
        context = schema._create_execution_context(
            query=query, allowed_operation_types=(OperationType.QUERY,), operation_name=name
        )
        extensions = schema.get_extensions()
        for extension in extensions:
            extension.execution_context = context
        runner = schema.create_extensions_runner(context, extensions)
        try:
            async with runner.operation():  # DisableIntrospection adds its rule here
                refused = await schema._prepare_operation_async(context, runner)
        except Exception:  # noqa: BLE001 (a limit, a mutation, no such operation: the full path says)
            return None
        document = context.graphql_document
        if refused is not None or document is None:
            return None
        operation = get_operation_ast(document, name)
        if operation is None:
            return None
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        return Prepared(document, operation, fragments, context.operation_name)


async def run(
    schema: Schema,
    prepared: Prepared,
    variables: dict[str, Any] | None,
    context: Any,
    role: str | None,
) -> ExecutionResult | None:
    """Execute a prepared query for one request; None when the full path must answer it."""
    if role is None:
        return None  # RoleCheck answers UNAUTHENTICATED
    if not prepared.within_limits:
        operation, fragments = prepared.operation, prepared.fragments
        try:
            found = measure(schema._schema, operation, fragments, variables or {}, schema.limits)
        except GraphQLError:
            return None  # QueryLimits answers QUERY_TOO_COMPLEX
        prepared.within_limits = not found.read_variables
    result = execute(
        schema._schema,
        prepared.document,
        context_value=context,
        variable_values=variables,
        operation_name=prepared.name,
        executor_class=schema.execution_context_class,
        is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
        operation_extensions=None,
    )
    if not isinstance(result, GraphQLExecutionResult):
        result = await result
    errors = result.errors
    if errors:
        schema.process_errors(errors)
        errors = [coded(error) for error in errors]  # ErrorCodes, as after the operation
    context.request.state.operation = prepared.name  # RecordOperation
    return ExecutionResult(data=result.data, errors=errors)
