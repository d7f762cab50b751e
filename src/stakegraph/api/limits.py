"""Query limits: refused with QUERY_TOO_COMPLEX before a resolver (or any Cypher) runs.

    tokens   lexical tokens of the document, counted before it is parsed
    depth    nesting of selections (introspection fields `__*` not counted)
    aliases  aliased fields, fragments expanded
    cost     fields the answer would resolve: every field counts once per parent item,
             and a list multiplies what is below it by its `first` (50 when absent, at
             most 500), by the `limit` of `neighbourhood` (200 when absent, at most
             1,000) or, for lists without either (evidence, members...), `list_size`

Depth, aliases and cost are checked in one walk of the operation about to run, with its
variables, stopping as soon as a limit is passed (so fragment fan-out cannot make the
walk itself expensive). The size of the request body is checked before any of this, by
the ASGI middleware of api/body_limit.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.error import GraphQLSyntaxError
from graphql.language import Lexer, Source, TokenKind
from strawberry.extensions import SchemaExtension

from stakegraph.config import ServerSettings
from stakegraph.graph.explore import DEFAULT_LIMIT, MAX_LIMIT
from stakegraph.graph.paging import DEFAULT_PAGE, MAX_PAGE

CODE = "QUERY_TOO_COMPLEX"


def too_complex(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": CODE})


@lru_cache(maxsize=256)
def count_tokens(query: str, stop_after: int) -> int:
    """Tokens of the document, as graphql-core counts them, up to `stop_after` + 1.
    Cached like the parser (ParserCache): clients send the same few documents again."""
    lexer = Lexer(Source(query))
    count = 0
    try:
        while lexer.advance().kind != TokenKind.EOF and count <= stop_after:
            count += 1
    except GraphQLSyntaxError:
        pass  # the parser reports it
    return count


class _TooComplex(Exception):
    pass


@dataclass
class Measure:
    """Depth, aliases and cost of one operation; raises _TooComplex past a limit."""

    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    limits: ServerSettings
    aliases: int = 0
    read_variables: bool = False  # whether a list size came from the variables
    cost: int = 0
    depth: int = 0

    def walk(
        self, selections: SelectionSetNode, parent: Any, mult: int, pending: int | None, depth: int
    ) -> None:
        for node in selections.selections:
            if isinstance(node, FieldNode):
                self.field(node, parent, mult, pending, depth)
            elif isinstance(node, InlineFragmentNode):
                self.walk(node.selection_set, self.type_of(node, parent), mult, pending, depth)
            elif isinstance(node, FragmentSpreadNode):
                fragment = self.fragments.get(node.name.value)
                if fragment is not None:
                    kind = self.type_of(fragment, parent)
                    self.walk(fragment.selection_set, kind, mult, pending, depth)

    def type_of(self, node: InlineFragmentNode | FragmentDefinitionNode, parent: Any) -> Any:
        if node.type_condition is None:
            return parent
        return self.schema.get_type(node.type_condition.name.value) or parent

    def field(
        self, node: FieldNode, parent: Any, mult: int, pending: int | None, depth: int
    ) -> None:
        name = node.name.value
        if name.startswith("__"):
            return
        if node.alias is not None:
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise _TooComplex(f"more than {self.limits.max_aliases} aliases")
        self.cost += mult
        if self.cost > self.limits.max_cost:
            raise _TooComplex(f"estimated cost above the maximum of {self.limits.max_cost}")
        if node.selection_set is None:
            return
        if depth + 1 > self.limits.max_depth:
            raise _TooComplex(f"deeper than the maximum depth of {self.limits.max_depth}")
        self.depth = max(self.depth, depth + 1)
        definition = getattr(parent, "fields", {}).get(name)
        if definition is None:
            return
        kind, is_list = unwrap(definition.type)
        first = None
        if "first" in definition.args:
            first = self.size(node, "first", DEFAULT_PAGE, MAX_PAGE)
        elif "limit" in definition.args:  # neighbourhood: each list below has <= 2 x limit
            first = self.size(node, "limit", DEFAULT_LIMIT, MAX_LIMIT)
        if first is not None:
            pending = first
        if is_list:
            mult, pending = mult * (pending or self.limits.list_size), None
        self.walk(node.selection_set, kind, mult, pending, depth + 1)

    def size(self, node: FieldNode, name: str, default: int, most: int) -> int:
        """The list size a field asks for by argument `name` (`first`, `limit`): literal,
        variable, or `default`; between 1 and `most`."""
        for argument in node.arguments or ():
            if argument.name.value != name:
                continue
            value: Any = argument.value
            if isinstance(value, IntValueNode):
                return max(1, min(int(value.value), most))
            if isinstance(value, VariableNode):
                self.read_variables = True
                given = self.variables.get(value.name.value)
                if isinstance(given, int) and not isinstance(given, bool):
                    return max(1, min(given, most))
        return default


def unwrap(kind: Any) -> tuple[Any, bool]:
    """The named type under NonNull/List wrappers, and whether a list was among them."""
    is_list = False
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        is_list = is_list or isinstance(kind, GraphQLList)
        kind = kind.of_type
    return kind, is_list


def measure(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any],
    limits: ServerSettings,
) -> Measure:
    """Walk one operation; raise QUERY_TOO_COMPLEX when it passes a limit."""
    found = Measure(schema, fragments, variables, limits)
    root = schema.get_root_type(operation.operation)
    try:
        found.walk(operation.selection_set, root, 1, None, 0)
    except _TooComplex as exc:
        raise too_complex(f"query too complex: {exc}") from None
    return found


class QueryLimits(SchemaExtension):
    """Tokens before parsing; depth, aliases and cost before execution."""

    def __init__(self, limits: ServerSettings) -> None:
        super().__init__()
        self.limits = limits

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query
        if query and self.execution_context.graphql_document is None:
            if count_tokens(query, self.limits.max_tokens) > self.limits.max_tokens:
                raise too_complex(f"query too complex: more than {self.limits.max_tokens} tokens")
            self.execution_context.parse_options["max_tokens"] = self.limits.max_tokens
        yield

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            definitions = document.definitions
            fragments = {
                d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)
            }
            name = context.operation_name
            chosen = [
                d
                for d in definitions
                if isinstance(d, OperationDefinitionNode)
                and (name is None or (d.name is not None and d.name.value == name))
            ]
            if chosen:
                variables = context.variables or {}
                schema = context.schema._schema
                measure(schema, chosen[0], fragments, variables, self.limits)
        yield
