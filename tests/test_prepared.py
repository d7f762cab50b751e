"""Prepared queries (api/prepared.py): a query already admitted is answered without
Strawberry's request path, and the answer is the one that path gives, errors and all."""

from __future__ import annotations

from typing import Any

import pytest

from stakegraph.api.app import EXAMPLE_QUERY, GraphQLApp
from stakegraph.api.auth import EDITOR
from stakegraph.api.prepared import Prepared, run

from .gql import GQL

GRAPHQL_RESPONSE = "application/graphql-response+json"
PAGE = "query($n: Int) { stakeholders(first: $n) { totalCount edges { node { id name } } } }"
ALIASES = "{ " + " ".join(f'a{i}: stakeholder(id: "x") {{ id }}' for i in range(30)) + " }"
TWO_OPERATIONS = 'query A { stakeholder(id: "a") { id } } query B { __typename }'
CASES: list[tuple[str, dict[str, Any] | None, str | None]] = [
    ('{ stakeholder(id: "x") { id name } }', None, None),  # data
    (EXAMPLE_QUERY, None, None),  # a field error: NOT_FOUND, with its path
    (PAGE, {"n": 5}, None),
    (PAGE, {"n": -1}, None),  # the graph layer refuses it: BAD_USER_INPUT
    (PAGE, {"n": "five"}, None),  # the variable does not coerce: a request error
    (ALIASES, None, None),  # past the alias limit: QUERY_TOO_COMPLEX
    (TWO_OPERATIONS, None, "B"),
    (TWO_OPERATIONS, None, "C"),  # no such operation
    ("{ __schema { queryType { name } } }", None, None),
    ('mutation { removeStakeholder(id: "nobody") }', None, None),
    ("{ stakeholders { ", None, None),  # does not parse
    ("{ noSuchField }", None, None),  # does not validate
]


def view_of(gql: GQL) -> GraphQLApp:
    (route,) = [r for r in gql.client.app.routes if getattr(r, "path", "") == "/graphql"]  # type: ignore[attr-defined]
    endpoint: GraphQLApp = route.endpoint
    return endpoint


def answer(gql: GQL, query: str, variables: Any, name: str | None, accept: str) -> Any:
    body = {"query": query, "variables": variables, "operationName": name}
    response = gql.client.post("/graphql", json=body, headers={"accept": accept})
    return response.status_code, response.headers["content-type"], response.text


def test_a_prepared_query_answers_as_strawberrys_path_does(gql: GQL) -> None:
    view = view_of(gql)
    assert view.prepared.enabled
    for query, variables, name in CASES:
        for accept in ("application/json", GRAPHQL_RESPONSE):
            prepared = answer(gql, query, variables, name, accept)
            view.prepared.enabled = False
            try:
                full = answer(gql, query, variables, name, accept)
            finally:
                view.prepared.enabled = True
            assert prepared == full, (query, variables, name, accept)


def test_queries_are_prepared_once_and_the_rest_is_left_to_the_full_path(gql: GQL) -> None:
    view = view_of(gql)
    for query, variables, name in CASES:
        answer(gql, query, variables, name, "application/json")
    kept = view.prepared._kept
    assert isinstance(kept[(PAGE, None)], Prepared)
    assert isinstance(kept[(TWO_OPERATIONS, "B")], Prepared)
    assert kept[(TWO_OPERATIONS, "B")].name == "B"
    for refused in (
        (TWO_OPERATIONS, "C"),
        ('mutation { removeStakeholder(id: "nobody") }', None),
        ("{ stakeholders { ", None),
        ("{ noSuchField }", None),
    ):
        assert kept[refused] is None, refused


@pytest.mark.anyio
async def test_a_prepared_query_past_a_limit_or_without_a_role_is_not_run(gql: GQL) -> None:
    view = view_of(gql)
    schema = view.prepared.schema
    aliases = await view.prepared.get(ALIASES, None)  # admitted: the limits need the request
    assert aliases is not None
    assert await run(schema, aliases, None, None, EDITOR) is None
    page = await view.prepared.get(PAGE, None)
    assert page is not None
    assert await run(schema, page, {"n": 5}, None, None) is None  # no role


def test_the_limits_are_measured_once_unless_a_list_size_is_a_variable(gql: GQL) -> None:
    view = view_of(gql)
    literal = "{ stakeholders(first: 5) { totalCount } }"
    for _ in range(2):
        answer(gql, PAGE, {"n": 5}, None, "application/json")
        answer(gql, literal, None, None, "application/json")
    assert view.prepared._kept[(PAGE, None)].within_limits is False  # type: ignore[union-attr]
    assert view.prepared._kept[(literal, None)].within_limits is True  # type: ignore[union-attr]
