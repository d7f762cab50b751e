"""api/context.py `selects`: whether a field's selection asks for a field of a given name
(what shapes the Cypher, SPEC 14), read from the parsed document and kept for it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from graphql import FieldNode, OperationDefinitionNode, parse

from stakegraph.api.context import selects, selects_any


def root_info(text: str) -> Any:
    """What `selects` reads of a resolver's info, for the operation's first root field."""
    document = parse(text)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {d.name.value: d for d in document.definitions if hasattr(d, "type_condition")}
    root = operation.selection_set.selections[0]
    assert isinstance(root, FieldNode)
    return SimpleNamespace(_raw_info=SimpleNamespace(field_nodes=[root], fragments=fragments))


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
