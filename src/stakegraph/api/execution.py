"""GraphQL execution that completes plain selections in one pass.

graphql-core completes a result field by field: for every field it builds a resolve info,
calls the resolver, checks for awaitables and walks the field's type, 10-20 us a field on
this machine. Most of a page is plain data held in attributes (stakeholders, relations,
evidence steps: see api/types.py), and an evidence page has thousands of such fields.

A selection is *plain* when every field in it reads an attribute (Strawberry's basic
fields) or calls a resolver that takes nothing but the parent, with no arguments,
down to its leaves, and no @defer or @stream. For each
plain selection `PlainCompletion` compiles a function that builds the response from the
value directly: a dict per object, a list per list, the scalar's or enum's own output
coercion per leaf (a `str` for String or ID, a `bool` for Boolean, is its own output, as
graphql-core's coercion would answer), the interface's `resolve_type` per abstract value.
A selection that is not plain is completed by graphql-core as before, and its fields are
tried again one by one, so a connection under a resolver field is still completed plainly.

Whenever a compiled completion meets anything unusual (a null where the schema forbids
one, a value a scalar refuses, an object of an unexpected type, any exception), it gives
up and graphql-core completes the same value again from the start: errors, their messages
and their paths are graphql-core's own. That runs a parent-only resolver a second time, so
such resolvers must stay pure.

The compiled functions depend only on the schema and the operation's selections, so they
are kept between requests for the same parsed operation (the ParserCache hands out the
same document for the same text): the last 256 operations, by identity. An operation with
any directive (@include and @skip read variables) is compiled afresh for each request.
"""

from __future__ import annotations

import inspect
from collections import OrderedDict
from collections.abc import Callable
from operator import attrgetter
from typing import Any, cast

from graphql import (
    GraphQLAbstractType,
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
    Node,
    OperationDefinitionNode,
    Undefined,
    is_abstract_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

Complete = Callable[[Any], Any]
# (type, its field nodes' ids) -> (the field group, kept so the ids stay unique; completion)
Compiled = dict[tuple[int, tuple[int, ...]], tuple[FieldDetailsList, "Complete | None"]]

KEPT_OPERATIONS = 256


class _Kept:
    """The completions compiled for one parsed operation, shared by its requests."""

    __slots__ = ("compiled", "operation", "schema", "shareable")

    def __init__(self, schema: Any, operation: OperationDefinitionNode, shareable: bool) -> None:
        self.schema = schema  # kept, with the operation, so that the key's ids stay unique
        self.operation = operation
        self.shareable = shareable
        self.compiled: Compiled = {}


# (id of the schema, id of the operation) -> its completions, least recently used first
_kept: OrderedDict[tuple[int, int], _Kept] = OrderedDict()


class _NotPlain(Exception):
    """A compiled completion met a value graphql-core must complete itself."""


class PlainCompletion(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor, completing plain selections with compiled functions."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # a middleware must see every field
        self._plain = not (self.middleware_manager and self.middleware_manager.middlewares)
        self._compiled: Compiled = self._kept_completions() if self._plain else {}

    def _kept_completions(self) -> Compiled:
        """The completions kept for this operation, or a new dict for this request alone
        when the operation has directives."""
        key = (id(self.schema), id(self.operation))
        kept = _kept.get(key)
        if kept is None or kept.operation is not self.operation or kept.schema is not self.schema:
            shareable = not _has_directives(self.operation, *self.fragment_definitions.values())
            kept = _kept[key] = _Kept(self.schema, self.operation, shareable)
            if len(_kept) > KEPT_OPERATIONS:
                _kept.popitem(last=False)
        else:
            _kept.move_to_end(key)
        return kept.compiled if kept.shareable else {}

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        complete = self._completion(return_type, field_details_list)
        if complete is not None and not isinstance(result, Exception):
            try:
                return complete(result)
            except Exception:  # noqa: BLE001 (graphql-core completes it again, errors and all)
                pass
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _completion(
        self, return_type: GraphQLOutputType, field_details_list: FieldDetailsList
    ) -> Complete | None:
        key = (id(return_type), tuple(id(details.node) for details in field_details_list))
        known = self._compiled.get(key)
        if known is None:
            known = (field_details_list, self._compile(return_type, field_details_list))
            self._compiled[key] = known
        return known[1]

    def _compile(self, type_: GraphQLOutputType, fields: FieldDetailsList) -> Complete | None:
        if not self._plain:
            return None
        if is_non_null_type(type_):
            inner = type_.of_type
            if is_leaf_type(inner):
                return _leaf(inner.coerce_output_value, _ITS_OWN_OUTPUT.get(inner), nullable=False)
            return _non_null(self._compile(inner, fields))
        if is_list_type(type_):
            return _list_of(self._compile(type_.of_type, fields))
        if is_leaf_type(type_):
            return _leaf(type_.coerce_output_value, _ITS_OWN_OUTPUT.get(type_), nullable=True)
        if is_abstract_type(type_):
            return self._abstract(type_, fields)
        if is_object_type(type_):
            return self._object(type_, fields)
        return None

    def _object(self, type_: GraphQLObjectType, fields: FieldDetailsList) -> Complete | None:
        grouped, defers, forbidden = self.collect_subfields(type_, fields)
        if defers or forbidden:
            return None
        plan: list[tuple[str, Callable[[Any], Any], Complete]] = []
        for key, group in grouped.items():
            first = group[0]
            node = first.node
            if first.defer_usage or first.fragment_variable_values or node.arguments:
                return None
            name = node.name.value
            if name == "__typename":
                plan.append((key, _constant(type_.name), _same))
                continue
            field = self.schema.get_field(type_, name)
            read = _reader(field) if field is not None else None
            if field is None or read is None or field.args:
                return None
            complete = self._compile(field.type, group)
            if complete is None:
                return None
            plan.append((key, read, complete))
        is_type_of = type_.is_type_of

        def complete_object(value: Any) -> Any:
            if value is None or value is Undefined:
                return None
            if is_type_of is not None and is_type_of(value, None) is not True:  # type: ignore[arg-type]
                raise _NotPlain
            return {key: complete(read(value)) for key, read, complete in plan}

        return complete_object

    def _abstract(self, type_: GraphQLAbstractType, fields: FieldDetailsList) -> Complete | None:
        resolve_type = type_.resolve_type
        if resolve_type is None:
            return None
        # every possible type now: the function is kept beyond this request
        by_name = {
            object_type.name: self._object(object_type, fields)
            for object_type in self.schema.get_possible_types(type_)
        }

        def complete_abstract(value: Any) -> Any:
            if value is None or value is Undefined:
                return None
            name = resolve_type(value, None, type_)  # type: ignore[arg-type]
            complete = by_name.get(name) if isinstance(name, str) else None
            if complete is None:
                raise _NotPlain
            return complete(value)

        return complete_abstract


def _reader(field: GraphQLField) -> Callable[[Any], Any] | None:
    """How a field reads its value from its parent without a resolve info: an attribute
    (Strawberry's basic field), or a synchronous resolver taking nothing but the parent
    (`self`, `root` or `parent`: PathStep.relation, Evidence.summary); None for any other
    field."""
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or definition.extensions:
        return None
    if getattr(field.resolve, "_is_default", False):
        name, read = definition.python_name, definition.default_resolver
        if read is getattr:
            return attrgetter(name)
        return lambda value: read(value, name)
    method = definition.base_resolver
    if method is None or method.is_async or method.arguments or method.info_parameter:
        return None
    parent = method.root_parameter or method.parent_parameter
    if method.self_parameter is not None and parent is None:
        return cast("Callable[[Any], Any]", method.wrapped_func)
    if parent is not None and method.self_parameter is None:
        func, name = method.wrapped_func, parent.name
        if not callable(func):
            return None
        parameters = list(inspect.signature(func).parameters.values())
        if [p.name for p in parameters] == [name] and parameters[0].kind in _POSITIONAL:
            return cast("Callable[[Any], Any]", func)  # its one parameter: the parent
        return lambda value: func(**{name: value})
    return None


_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _non_null(inner: Complete | None) -> Complete | None:
    if inner is None:
        return None

    def complete_non_null(value: Any) -> Any:
        completed = inner(value)
        if completed is None:
            raise _NotPlain
        return completed

    return complete_non_null


def _list_of(inner: Complete | None) -> Complete | None:
    if inner is None:
        return None

    def complete_list(value: Any) -> Any:
        if value is None or value is Undefined:
            return None
        if not isinstance(value, list | tuple):
            raise _NotPlain
        return [inner(item) for item in value]

    return complete_list


# Scalars whose coercion answers a value of this exact class unchanged.
_ITS_OWN_OUTPUT: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}


def _leaf(coerce: Callable[[Any], Any], own: type | None, *, nullable: bool) -> Complete:
    """A leaf's completion; `nullable=False` for a non-null leaf (a null gives up)."""

    def complete_leaf(value: Any) -> Any:
        if value.__class__ is own:
            return value
        if value is None or value is Undefined:
            if nullable:
                return None
            raise _NotPlain
        if isinstance(value, Exception):
            raise _NotPlain
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _NotPlain
        return coerced

    return complete_leaf


def _has_directives(*nodes: Node) -> bool:
    """Whether any directive appears in these operation or fragment definitions."""
    pending: list[Any] = list(nodes)
    while pending:
        node = pending.pop()
        if getattr(node, "directives", None):
            return True
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            pending.extend(selection_set.selections)
    return False


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda _source: value


def _same(value: Any) -> Any:
    return value
