"""Fuzzing the GraphQL surface with queries and mutations generated from the schema.

Valid and invalid documents (hypothesis-graphql), and arbitrary request bodies, are sent
to the app on a real Neo4j. Whatever comes in: never a 500, every error has a code, and
no error message shows a stack trace, Cypher or a source path. Bounded: a few hundred
requests in all.
"""

from __future__ import annotations

import re
from datetime import UTC
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries

from stakegraph.api.schema import schema
from tests.gql import GQL

SDL = str(schema)
DATETIMES = st.one_of(
    st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat()),
    st.text(max_size=30),
).map(nodes.String)
SCALARS = {"DateTime": DATETIMES}

LEAKS = re.compile(
    r"Traceback|File \"|MATCH \(|MERGE \(|UNWIND |\.py\b|/src/|site-packages|Neo\.ClientError"
)
CODES = {
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "QUERY_TOO_COMPLEX",
    "SERVICE_UNAVAILABLE",
    "TIMEOUT",
    "INTERNAL",
}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@pytest.fixture
def gql(gql: GQL) -> GQL:
    """conftest's client, on a database holding `acme` and `ann`."""
    gql.query('mutation { upsertOrganization(input: {id: "acme", name: "Acme"}) { id } }')
    gql.query('mutation { upsertPerson(input: {id: "ann", name: "Ann"}) { id } }')
    return gql


def check(gql: GQL, body: Any) -> None:
    """Send one request body; the answer must be a clean one."""
    response = gql.client.post("/graphql", json=body)
    assert response.status_code < 500, (body, response.text)
    assert not LEAKS.search(response.text), (body, response.text)
    if response.headers.get("content-type", "").startswith("application/json"):
        answer = response.json()
        for error in (answer.get("errors") or []) if isinstance(answer, dict) else []:
            code = (error.get("extensions") or {}).get("code")
            assert code in CODES, (body, error)
            assert code != "INTERNAL", (body, error)


def test_generated_queries_get_clean_answers(gql: GQL) -> None:
    @FUZZ
    @given(queries(SDL, custom_scalars=SCALARS))
    def run(query: str) -> None:
        check(gql, {"query": query})

    run()


def test_generated_mutations_get_clean_answers(gql: GQL) -> None:
    @FUZZ
    @given(mutations(SDL, custom_scalars=SCALARS))
    def run(mutation: str) -> None:
        check(gql, {"query": mutation})

    run()


def test_invalid_generated_documents_get_clean_answers(gql: GQL) -> None:
    @FUZZ
    @given(
        st.one_of(
            queries(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE),
            mutations(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE),
        )
    )
    def run(document: str) -> None:
        check(gql, {"query": document})

    run()


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


def test_arbitrary_request_bodies_get_clean_answers(gql: GQL) -> None:
    @FUZZ
    @given(
        st.one_of(
            JSON,
            st.fixed_dictionaries({"query": st.text(max_size=200)}, optional={"variables": JSON}),
            st.fixed_dictionaries(
                {
                    "query": st.just("query($id: ID!) { stakeholder(id: $id) { id name } }"),
                    "variables": JSON,
                },
                optional={"operationName": JSON},
            ),
        )
    )
    def run(body: Any) -> None:
        check(gql, body)

    run()


def test_raw_bytes_get_clean_answers(gql: GQL) -> None:
    nested = st.integers(1, 50_000).map(lambda n: b"[" * n + b"]" * n)

    @FUZZ
    @given(st.one_of(st.binary(max_size=300), nested, st.just(b"\xff\xfe{}")))
    def run(raw: bytes) -> None:
        response = gql.client.post(
            "/graphql", content=raw, headers={"content-type": "application/json"}
        )
        assert response.status_code < 500, (raw, response.text)
        assert not LEAKS.search(response.text), (raw, response.text)

    run()


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_body_of_another_content_type_is_refused_without_a_500(
    gql: GQL, content_type: str
) -> None:
    response = gql.client.post("/graphql", content=b"{", headers={"content-type": content_type})
    assert 400 <= response.status_code < 500
