"""GraphQL execution that completes plain selections in one pass.

graphql-core completes a result field by field: for every field it builds a resolve info,
calls the resolver, checks for awaitables and walks the field's type, 10-20 us a field on
this machine. Most of a page is plain data held in attributes (stakeholders, relations,
evidence steps: see api/types.py), and an evidence page has thousands of such fields.

A selection is *plain* when every field in it reads an attribute (Strawberry's basic
fields) or calls a resolver that takes nothing but the parent, with no arguments,
down to its leaves, and no @defer or @stream. For each
plain selection `PlainCompletion` compiles a function that builds the response from the
value directly: a list per list, the scalar's or enum's own output coercion per leaf (a
`str` for String or ID, a `bool` for Boolean, is its own output, as graphql-core's
coercion would answer; an enum member's name is kept once found), the interface's
`resolve_type` per abstract value, and per object one function compiled from Python text
that returns one dict display (attributes read as `value.name`, own-class leaves taken
without a call), so a field costs no loop step and no call of its own.
A selection that is not plain is completed by graphql-core as before, and its fields are
tried again one by one, so a connection under a resolver field is still completed plainly.

Whenever a compiled completion meets anything unusual (a null where the schema forbids
one, a value a scalar refuses, an object of an unexpected type, any exception), it gives
up and graphql-core completes the same value again from the start: errors, their messages
and their paths are graphql-core's own. That runs a parent-only resolver a second time, so
such resolvers must stay pure.

The compiled functions depend only on the schema and the operation's selections, so they
are kept with the operation (api/per_operation.py) for its next requests. An operation with
any directive (@include and @skip read variables) is compiled afresh for each request.
"""

from __future__ import annotations

import inspect
import keyword
from collections.abc import Callable
from operator import attrgetter
from typing import Any, NamedTuple, cast

from graphql import (
    GraphQLAbstractType,
    GraphQLBoolean,
    GraphQLField,
    GraphQLID,
    GraphQLLeafType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
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

from stakegraph.api.per_operation import kept_for

Complete = Callable[[Any], Any]
# (type, its field nodes' ids) -> (the field group, kept so the ids stay unique; completion)
Compiled = dict[tuple[int, tuple[int, ...]], tuple[FieldDetailsList, "Complete | None"]]


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
        kept = kept_for(self.schema, self.operation, self.fragment_definitions)
        return {} if kept.has_directives else kept.completions

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
        nullable = True
        if is_non_null_type(type_):
            type_, nullable = type_.of_type, False
        if is_list_type(type_):
            return _list_of(self._compile(type_.of_type, fields), nullable)
        if is_leaf_type(type_):
            return _leaf(type_, nullable)
        if is_object_type(type_):
            return self._object(type_, fields, nullable)
        if is_abstract_type(type_):
            abstract = self._abstract(type_, fields)
            return abstract if nullable else _non_null(abstract)
        return None

    def _object(
        self, type_: GraphQLObjectType, fields: FieldDetailsList, nullable: bool = True
    ) -> Complete | None:
        grouped, defers, forbidden = self.collect_subfields(type_, fields)
        if defers or forbidden:
            return None
        plan: list[_Field] = []
        for key, group in grouped.items():
            first = group[0]
            node = first.node
            if first.defer_usage or first.fragment_variable_values or node.arguments:
                return None
            name = node.name.value
            if name == "__typename":
                plan.append(_Field(key, _constant(type_.name), None, _same, None, type_.name))
                continue
            field = self.schema.get_field(type_, name)
            read, attribute = _reader(field) if field is not None else (None, None)
            if field is None or read is None or field.args:
                return None
            complete = self._compile(field.type, group)
            if complete is None:
                return None
            leaf = field.type.of_type if is_non_null_type(field.type) else field.type
            own = _ITS_OWN_OUTPUT.get(leaf) if is_leaf_type(leaf) else None
            plan.append(_Field(key, read, attribute, complete, own, None))
        return _object_completion(plan, type_.is_type_of, nullable)

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


class _Field(NamedTuple):
    """One response key of an object's completion."""

    key: str
    read: Callable[[Any], Any]  # the field's value from its parent
    attribute: str | None  # when `read` is that attribute of the parent
    complete: Complete
    own: type | None  # a leaf whose coercion answers a value of this class unchanged
    constant: str | None  # __typename: the object type's name


def _object_completion(
    plan: list[_Field], is_type_of: Callable[..., Any] | None, nullable: bool
) -> Complete:
    """The completion of an object selection as one function compiled from Python text:
    one dict display, attributes read directly, a String, ID or Boolean leaf of its own
    class taken as it is without a call (what its completion would answer), every other
    value through its completion. The text holds only names made here, keys as literals
    and attribute names that are identifiers."""
    env: dict[str, Any] = {"Undefined": Undefined, "_NotPlain": _NotPlain, "is_type_of": is_type_of}
    items = []
    for i, f in enumerate(plan):
        if f.constant is not None:
            items.append(f"{f.key!r}: {f.constant!r}")
            continue
        env[f"c{i}"] = f.complete
        if f.attribute is not None:
            got = f"value.{f.attribute}"
        else:
            env[f"r{i}"] = f.read
            got = f"r{i}(value)"
        if f.own is None:
            items.append(f"{f.key!r}: c{i}({got})")
        else:
            env[f"o{i}"] = f.own
            items.append(f"{f.key!r}: (v if (v := {got}).__class__ is o{i} else c{i}(v))")
    lines = [
        "def complete_object(value):",
        "    if value is None or value is Undefined:",
        "        return None" if nullable else "        raise _NotPlain",
    ]
    if is_type_of is not None:
        lines += ["    if is_type_of(value, None) is not True:", "        raise _NotPlain"]
    lines.append("    return {" + ", ".join(items) + "}")
    exec(compile("\n".join(lines), "<plain completion>", "exec"), env)  # noqa: S102
    return cast("Complete", env["complete_object"])


def _reader(field: GraphQLField) -> tuple[Callable[[Any], Any] | None, str | None]:
    """How a field reads its value from its parent without a resolve info: an attribute
    (Strawberry's basic field; its name is answered too when it can be written as
    `value.name`), or a synchronous resolver taking nothing but the parent (`self`,
    `root` or `parent`: PathStep.relation, Evidence.summary); None for any other field."""
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if definition is None or definition.extensions:
        return None, None
    if getattr(field.resolve, "_is_default", False):
        name, read = definition.python_name, definition.default_resolver
        if read is getattr:
            plain = name.isidentifier() and not keyword.iskeyword(name)
            return attrgetter(name), name if plain else None
        return (lambda value: read(value, name)), None
    method = definition.base_resolver
    if method is None or method.is_async or method.arguments or method.info_parameter:
        return None, None
    parent = method.root_parameter or method.parent_parameter
    if method.self_parameter is not None and parent is None:
        return cast("Callable[[Any], Any]", method.wrapped_func), None
    if parent is not None and method.self_parameter is None:
        func, name = method.wrapped_func, parent.name
        if not callable(func):
            return None, None
        parameters = list(inspect.signature(func).parameters.values())
        if [p.name for p in parameters] == [name] and parameters[0].kind in _POSITIONAL:
            return cast("Callable[[Any], Any]", func), None  # its one parameter: the parent
        return (lambda value: func(**{name: value})), None
    return None, None


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


def _list_of(inner: Complete | None, nullable: bool) -> Complete | None:
    """A list's completion; `nullable=False` for a non-null list (a null gives up)."""
    if inner is None:
        return None

    def complete_list(value: Any) -> Any:
        if value is None or value is Undefined:
            if nullable:
                return None
            raise _NotPlain
        if not isinstance(value, list | tuple):
            raise _NotPlain
        return [inner(item) for item in value]

    return complete_list


# Scalars whose coercion answers a value of this exact class unchanged.
_ITS_OWN_OUTPUT: dict[Any, type] = {GraphQLString: str, GraphQLID: str, GraphQLBoolean: bool}


def _leaf(type_: GraphQLLeafType, nullable: bool) -> Complete:
    """A leaf's completion; `nullable=False` for a non-null leaf (a null gives up). An
    enum member's name is looked up once (Strawberry's enum coercion searches the
    values for each one), then kept for that member."""
    coerce = type_.coerce_output_value
    own = _ITS_OWN_OUTPUT.get(type_)
    members: type | None = getattr(type_, "wrapped_cls", None)
    names: dict[Any, Any] = {}

    def complete_leaf(value: Any) -> Any:
        if value.__class__ is own:
            return value
        if value is None or value is Undefined:
            if nullable:
                return None
            raise _NotPlain
        if value.__class__ is members:
            name = names.get(value)
            if name is not None:
                return name
        if isinstance(value, Exception):
            raise _NotPlain
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _NotPlain
        if value.__class__ is members:
            names[value] = coerced
        return coerced

    return complete_leaf


def _constant(value: Any) -> Callable[[Any], Any]:
    return lambda _source: value


def _same(value: Any) -> Any:
    return value
