"""Query limits: depth, aliases, tokens, cost, body size and introspection.

Every refusal carries QUERY_TOO_COMPLEX (413 for the body) and sends no Cypher at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
import pytest
from graphql import get_introspection_query
from starlette.testclient import TestClient

from stakegraph.api.app import EXAMPLE_QUERY, create_app
from stakegraph.api.limits import count_tokens
from stakegraph.config import Neo4jSettings, ServerSettings
from tests.gql import GQL, code

Serve = Callable[..., Any]


@pytest.fixture
def serve_with(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Serve:
    """The app with the given ServerSettings fields, on a database holding provider `p`."""

    @contextmanager
    def serve(**limits: Any) -> Iterator[GQL]:
        with TestClient(create_app(neo4j_settings, ServerSettings(**limits))) as client:
            gql = GQL(client)
            gql.query('mutation { upsertOrganization(input: {id: "p", name: "P"}) { id } }')
            yield gql

    return serve


@pytest.fixture
def gql(serve_with: Serve) -> Iterator[GQL]:
    with serve_with() as client:
        yield client


def refused(gql: GQL, text: str, **variables: Any) -> str:
    """The message of a QUERY_TOO_COMPLEX refusal, checking no Cypher was sent."""
    before = gql.graph.statements
    error = gql.error(text, **variables)
    assert code(error) == "QUERY_TOO_COMPLEX", error
    assert gql.graph.statements == before, "a refused query must not reach Neo4j"
    return str(error["message"])


def test_a_query_deeper_than_the_limit_is_refused_before_any_cypher(serve_with: Serve) -> None:
    query = '{ customersOf(providerId: "p") { edges { node { customer { name } } } } }'
    with serve_with(max_depth=4) as gql:
        assert gql.query(query)["customersOf"]["edges"] == []
    with serve_with(max_depth=3) as gql:
        assert "maximum depth of 3" in refused(gql, query)


def test_the_default_depth_admits_evidence_paths(gql: GQL) -> None:
    query = """{ customersOf(providerId: "p") { edges { node {
        customer { name } evidence { summary path { from { name } type to { name } } } } } } }"""
    assert gql.query(query)["customersOf"]["edges"] == []


def test_more_aliases_than_the_limit_are_refused(serve_with: Serve) -> None:
    def aliased(n: int) -> str:
        return "{ " + " ".join(f'a{i}: stakeholder(id: "x{i}") {{ id }}' for i in range(n)) + " }"

    with serve_with(max_aliases=5) as gql:
        assert gql.query(aliased(5)) == {f"a{i}": None for i in range(5)}
        assert "more than 5 aliases" in refused(gql, aliased(6))


def test_aliases_inside_fragments_are_counted_once_per_use(serve_with: Serve) -> None:
    query = """
        query { s1: stakeholder(id: "a") { ...F } s2: stakeholder(id: "b") { ...F } }
        fragment F on Stakeholder { i1: id i2: id }
    """
    with serve_with(max_aliases=5) as gql:
        assert "more than 5 aliases" in refused(gql, query)  # 2 + 2 x 2 = 6


def test_a_document_with_more_tokens_than_the_limit_is_refused_before_parsing(
    serve_with: Serve,
) -> None:
    query = '{ stakeholder(id: "x") { ' + "id " * 50 + "} }"
    with serve_with(max_tokens=40) as gql:
        assert "more than 40 tokens" in refused(gql, query)
    with serve_with(max_tokens=100) as gql:
        assert gql.query(query) == {"stakeholder": None}


def test_cost_multiplies_page_sizes_and_refuses_past_the_maximum(serve_with: Serve) -> None:
    page = """query($first: Int!) { customersOf(providerId: "p", first: $first) {
        edges { node { customer { name } evidence { summary path { from { name } } } } } } }"""
    with serve_with(max_cost=2_000, list_size=5) as gql:
        # 1 + 1 + n x (node, customer, name, evidence) + 5n x (summary, path) + 25n x (from, name)
        assert gql.query(page, first=10)["customersOf"]["edges"] == []  # 2 + 40 + 100 + 500
        assert "cost above the maximum of 2000" in refused(gql, page, first=50)


def test_cost_takes_fifty_for_an_absent_first_and_caps_at_five_hundred(serve_with: Serve) -> None:
    absent = "{ stakeholders { edges { node { id name } } } }"  # 1 + 1 + 50 x 3 = 152
    huge = "{ stakeholders(first: 100000) { edges { node { id } } } }"  # 2 + 500 x 2
    with serve_with(max_cost=152) as gql:
        assert len(gql.query(absent)["stakeholders"]["edges"]) == 1
    with serve_with(max_cost=151) as gql:
        refused(gql, absent)
    with serve_with(max_cost=1002) as gql:
        codes = [code(error) for error in gql.post(huge).get("errors", [])]
        assert "QUERY_TOO_COMPLEX" not in codes  # (the page itself may refuse first > 500)
    with serve_with(max_cost=1001) as gql:
        refused(gql, huge)


def test_many_aliased_pages_add_up_to_a_refusal_by_default(gql: GQL) -> None:
    one = 'c{i}: customersOf(providerId: "p", first: 500) { edges { node { evidence { path '
    one += "{ from { name } to { name } } } } } }"
    query = "{ " + " ".join(one.replace("{i}", str(i)) for i in range(10)) + " }"
    assert "cost above the maximum" in refused(gql, query)


def test_a_body_larger_than_the_limit_gets_413_without_reaching_graphql(serve_with: Serve) -> None:
    with serve_with(max_body_bytes=1_000) as gql:
        before = gql.graph.statements
        padding = " " * 2_000
        response = gql.client.post("/graphql", json={"query": "{ __typename }" + padding})
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
        assert gql.graph.statements == before
        assert gql.query("{ __typename }") == {"__typename": "Query"}


def test_introspection_is_on_by_default_and_can_be_turned_off(serve_with: Serve) -> None:
    introspection = get_introspection_query(descriptions=True)
    with serve_with() as gql:
        assert gql.query(introspection)["__schema"]["queryType"]["name"] == "Query"
    with serve_with(introspection=False) as gql:
        errors = gql.errors("{ __schema { queryType { name } } }")
        assert "introspection has been disabled" in errors[0]["message"]
        assert {code(error) for error in errors} == {"BAD_USER_INPUT"}
        assert gql.query('{ stakeholder(id: "x") { id } }') == {"stakeholder": None}


def test_the_default_limits_admit_graphiql_and_its_example(gql: GQL) -> None:
    assert count_tokens(get_introspection_query(descriptions=True), 10_000) < 2_000
    assert "errors" not in gql.post(get_introspection_query(descriptions=True))
    body = gql.post(EXAMPLE_QUERY)
    assert [e["extensions"]["code"] for e in body.get("errors", [])] == ["NOT_FOUND"]


def test_a_syntax_error_carries_a_code(gql: GQL) -> None:
    error = gql.error('{ stakeholder(id: "x"')
    assert code(error) == "BAD_USER_INPUT"
    assert error["message"].startswith("Syntax Error")


# ------------------------------------------------------------------ the measure, no database


def cost_of(query: str, **settings: Any) -> int:
    """The cost api/limits.py gives a document, measured against the served schema."""
    from graphql import OperationDefinitionNode, parse

    from stakegraph.api.limits import measure
    from stakegraph.api.schema import schema

    (operation,) = [d for d in parse(query).definitions if isinstance(d, OperationDefinitionNode)]
    limits = ServerSettings(**{"max_cost": 10**9, "max_aliases": 10**6, **settings})
    return measure(schema._schema, operation, {}, {}, limits).cost


def test_the_readme_example_costs_what_the_readme_says() -> None:
    page = (
        "customersOf(providerId: $p, first: 50) { edges { node { customer { name } "
        "evidence { summary path { from { name } to { name } } } } } }"
    )
    assert cost_of(f"query($p: ID!) {{ {page} }}") == 5_702
    copies = " ".join(f"c{i}: {page.replace('50', '500')}" for i in range(10))
    assert cost_of(f"query($p: ID!) {{ {copies} }}") == 570_020


def test_a_list_without_first_counts_list_size_and_first_is_capped() -> None:
    lenses = 'query { customersOf(providerId: "p", first: %s) { edges { node { lenses } } } }'
    assert cost_of(lenses % 1) == 1 + 1 + 1 + 1
    assert cost_of(lenses % 10_000) == cost_of(lenses % 500) == 1 + 1 + 500 + 500
    center = '{ buyingCenter(organizationId: "o") { members { title } } }'
    assert cost_of(center, list_size=7) == 1 + 1 + 7
