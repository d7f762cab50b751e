"""api/context.py `selects`: whether a field's selection asks for a field of a given name
(what shapes the Cypher, SPEC 14), read from the parsed document and kept for it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from graphql import FieldNode, OperationDefinitionNode, parse

from stakegraph.api import context
from stakegraph.api.context import selects, selects_any
from stakegraph.api.per_operation import kept_for


def root_info(text: str) -> Any:
    """What `selects` reads of a resolver's info, for the operation's first root field."""
    document = parse(text)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {d.name.value: d for d in document.definitions if hasattr(d, "type_condition")}
    root = operation.selection_set.selections[0]
    assert isinstance(root, FieldNode)
    raw = SimpleNamespace(schema=None, operation=operation, field_nodes=[root], fragments=fragments)
    return SimpleNamespace(_raw_info=raw)


PAGES = {
    "{ customersOf(providerId: 1) { edges { node { evidence { lens } } } } }": True,
    "{ customersOf(providerId: 1) { edges { node { lenses } } } }": False,
    "{ customersOf(providerId: 1) { edges { node { ... on CustomerRelation { evidence"
    " { lens } } } } } }": True,
    "query { customersOf(providerId: 1) { edges { node { ...R } } } }"
    " fragment R on CustomerRelation { customer { id } ...E }"
    " fragment E on CustomerRelation { evidence { lens } }": True,
    "query { customersOf(providerId: 1) { edges { node { ...R } } } }"
    " fragment R on CustomerRelation { customer { id } ...R }": False,
    "query { customersOf(providerId: 1) { edges { node { ...evidence } } } }"
    " fragment evidence on CustomerRelation { lenses }": True,  # errs towards True
    "{ customersOf(providerId: 1) { edges { node { e: lenses } } } }": False,
    "{ customersOf(providerId: 1) { edges { node { lenses: evidence { lens } } } } }": True,
    "{ customersOf(providerId: 1) { totalCount } } { evidence }": False,
}


def test_selects_finds_the_field_at_any_depth_through_fragments() -> None:
    for text, expected in PAGES.items():
        info = root_info(text)
        assert selects(info, "evidence") is expected, text
        assert selects(info, "evidence") is expected, ("kept", text)  # the kept answer
        assert selects(root_info(text), "evidence") is expected, ("parsed again", text)
    assert selects(root_info("{ x { lenses } }"), "lenses") is True
    assert selects(root_info("{ x { lenses } }"), "evidence") is False


def test_selects_any_finds_any_of_the_names() -> None:
    text = (
        "query { customersOf(providerId: 1) { edges { node { customer { id name } ...P } } } }"
        " fragment P on CustomerRelation { provider { ... on Organization { industry } } }"
    )
    assert selects_any(root_info(text), frozenset({"industry", "city"})) is True
    assert selects_any(root_info(text), frozenset({"tags", "city"})) is False
    assert selects_any(root_info(text), frozenset({"name"})) is True


def test_the_answer_is_kept_with_the_operation(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second request of the same parsed operation reads the kept answer; the same
    text parsed again is another operation, with answers of its own."""
    walks: list[frozenset[str]] = []
    walk = context._walk

    def counted(nodes: Any, fragments: Any, names: frozenset[str]) -> bool:
        walks.append(names)
        return walk(nodes, fragments, names)

    monkeypatch.setattr(context, "_walk", counted)
    text = "{ customersOf(providerId: 1) { edges { node { evidence { lens } } } } }"
    info = root_info(text)
    assert [selects(info, "evidence"), selects(info, "evidence")] == [True, True]
    assert [selects(info, "lenses"), selects(info, "lenses")] == [False, False]
    assert len(walks) == 2
    raw = info._raw_info
    kept = kept_for(raw.schema, raw.operation, raw.fragments).selections
    assert sorted(kept.values()) == [False, True]
    assert selects(root_info(text), "evidence") is True
    assert len(walks) == 3
