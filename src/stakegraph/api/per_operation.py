"""What the server works out once per parsed operation and keeps for its next requests.

Strawberry's ParserCache and api/prepared.py hand out the same parsed document for the
same query text, so whatever depends only on the schema and an operation's selections can
be worked out on the operation's first request and kept: the compiled completions of its
plain selections (api/execution.py) and whether a field's selection asks for a given name
(api/context.py `selects`). Both live in the operation's one `Kept` entry; the last 256
operations are kept, by identity. An entry holds its schema and operation, so the ids in
its key (and the ids of the operation's nodes in its tables) stay theirs while it lives.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from graphql import FragmentDefinitionNode, Node, OperationDefinitionNode

KEPT_OPERATIONS = 256


@dataclass(slots=True, eq=False)
class Kept:
    """The tables kept for one parsed operation of one schema."""

    schema: Any
    operation: OperationDefinitionNode
    has_directives: bool  # in the operation or its fragments (@include, @skip read variables)
    # (type, its field nodes' ids) -> (the field group, completion): api/execution.py
    completions: dict[tuple[int, tuple[int, ...]], Any] = field(default_factory=dict)
    # (names, the field nodes' ids) -> whether the selection asks for one: api/context.py
    selections: dict[tuple[Any, ...], bool] = field(default_factory=dict)


# (id of the schema, id of the operation) -> its entry, least recently used first
_kept: OrderedDict[tuple[int, int], Kept] = OrderedDict()


def kept_for(
    schema: Any,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
) -> Kept:
    """The operation's entry (`fragments`: its document's), made on its first request."""
    key = (id(schema), id(operation))
    entry = _kept.get(key)
    if entry is None or entry.operation is not operation or entry.schema is not schema:
        directives = _has_directives(operation, *fragments.values())
        entry = _kept[key] = Kept(schema, operation, directives)
        if len(_kept) > KEPT_OPERATIONS:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    return entry


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
