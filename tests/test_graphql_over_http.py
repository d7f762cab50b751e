"""GraphQL over HTTP against a real server (uvicorn on a free port, the test Neo4j).

Both media types: application/graphql-response+json when the client accepts it (request
errors are 4xx without `data`), application/json otherwise (unchanged: 200 with errors).
And the specification's own audit suite (npm `graphql-http`, its serverAudits), run by
Node from tests/http_audit/: every audit must pass, without a warning.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from stakegraph.api.app import create_app
from stakegraph.config import Neo4jSettings, ServerSettings
from stakegraph.localdb import free_port

AUDIT_DIR = Path(__file__).parent / "http_audit"
GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
GOOD = "{ __typename }"
SYNTAX_ERROR = "{ stakeholders { "
INVALID = "{ noSuchField }"
TOO_MANY_ALIASES = "{ " + " ".join(f'a{i}: stakeholder(id: "x") {{ id }}' for i in range(30)) + " }"
MUTATION = 'mutation { removeStakeholder(id: "nobody") }'
READER = "reader-key-0123456789"


@contextmanager
def live(neo4j_settings: Neo4jSettings, settings: ServerSettings) -> Iterator[str]:
    """The URL of /graphql on a real uvicorn on a free port, running in a thread."""
    port = free_port()
    config = uvicorn.Config(
        create_app(neo4j_settings, settings), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not running.started:
        assert thread.is_alive(), "uvicorn stopped while starting"
        assert time.monotonic() < deadline, "uvicorn did not start within 60 s"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        running.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="module")
def server(neo4j_settings: Neo4jSettings, _schema: None) -> Iterator[str]:
    with live(neo4j_settings, ServerSettings(api_keys="")) as url:
        yield url


@pytest.fixture(scope="module")
def keyed_server(neo4j_settings: Neo4jSettings, _schema: None) -> Iterator[str]:
    settings = ServerSettings(api_keys=f"{READER}:reader", max_body_bytes=4096)
    with live(neo4j_settings, settings) as url:
        yield url


def post(url: str, query: str, accept: str | None, **extra: Any) -> httpx.Response:
    headers = {"accept": accept} if accept else {}
    return httpx.post(url, json={"query": query, **extra}, headers=headers, timeout=60)


def get(url: str, query: str, accept: str | None) -> httpx.Response:
    headers = {"accept": accept} if accept else {}
    return httpx.get(url, params={"query": query}, headers=headers, timeout=60)


def media(response: httpx.Response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


def test_a_good_query_is_200_in_the_media_type_asked_for(server: str) -> None:
    for accept, expected in [
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, {JSON};q=0.9", GRAPHQL_RESPONSE),
        (JSON, JSON),
        ("*/*", JSON),
        (None, JSON),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.5", JSON),
    ]:
        response = post(server, GOOD, accept)
        assert response.status_code == 200, (accept, response.text)
        assert media(response) == expected, accept
        assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    "query", [SYNTAX_ERROR, INVALID, TOO_MANY_ALIASES], ids=["syntax", "validation", "limit"]
)
def test_a_request_error_is_400_without_data_under_graphql_response_json(
    server: str, query: str
) -> None:
    response = post(server, query, GRAPHQL_RESPONSE)
    assert response.status_code == 400, response.text
    assert media(response) == GRAPHQL_RESPONSE
    body = response.json()
    assert "data" not in body
    assert body["errors"] and body["errors"][0]["extensions"]["code"] in (
        "BAD_USER_INPUT",
        "QUERY_TOO_COMPLEX",
    )


@pytest.mark.parametrize(
    "query", [SYNTAX_ERROR, INVALID, TOO_MANY_ALIASES], ids=["syntax", "validation", "limit"]
)
def test_a_request_error_stays_200_with_errors_under_application_json(
    server: str, query: str
) -> None:
    for accept in (JSON, None):
        response = post(server, query, accept)
        assert response.status_code == 200, response.text
        assert media(response) == JSON
        body = response.json()
        assert body["data"] is None
        assert body["errors"]


def test_the_limit_refusal_keeps_its_code(server: str) -> None:
    for accept in (GRAPHQL_RESPONSE, JSON):
        body = post(server, TOO_MANY_ALIASES, accept).json()
        assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


def test_a_field_error_is_200_with_data_under_both_media_types(server: str) -> None:
    query = '{ explain(customerId: "nobody", providerId: "none") { isCustomer } }'
    for accept in (GRAPHQL_RESPONSE, JSON):
        response = post(server, query, accept)
        assert response.status_code == 200, (accept, response.text)
        body = response.json()
        assert "data" in body and body["errors"][0]["path"] == ["explain"]


def test_a_get_query_answers_in_both_media_types(server: str) -> None:
    for accept, expected in [(GRAPHQL_RESPONSE, GRAPHQL_RESPONSE), (JSON, JSON)]:
        response = get(server, GOOD, accept)
        assert response.status_code == 200, response.text
        assert media(response) == expected
        assert response.json() == {"data": {"__typename": "Query"}}
    refused = get(server, INVALID, GRAPHQL_RESPONSE)
    assert refused.status_code == 400 and "data" not in refused.json()


def test_a_mutation_in_a_get_is_405_and_runs_nothing(server: str) -> None:
    for accept in (GRAPHQL_RESPONSE, JSON):
        response = get(server, MUTATION, accept)
        assert response.status_code == 405, (accept, response.text)
        assert "POST" in response.headers["allow"]
    answer = get(server, MUTATION, GRAPHQL_RESPONSE)
    assert media(answer) == GRAPHQL_RESPONSE
    assert "POST" in answer.json()["errors"][0]["message"]


def test_a_body_that_is_no_graphql_request_is_400_in_the_negotiated_shape(server: str) -> None:
    bad_json = httpx.post(
        server,
        content=b'{"query": ',
        headers={"content-type": JSON, "accept": GRAPHQL_RESPONSE},
        timeout=60,
    )
    assert bad_json.status_code == 400
    assert media(bad_json) == GRAPHQL_RESPONSE
    assert bad_json.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    bad_name = post(server, GOOD, JSON, operationName=7)
    assert bad_name.status_code == 400


def test_graphiql_page_still_opens_in_a_browser(server: str) -> None:
    page = httpx.get(server, headers={"accept": "text/html"}, timeout=60)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")


def test_api_keys_keep_their_status_codes_in_both_media_types(keyed_server: str) -> None:
    for accept, expected in [(GRAPHQL_RESPONSE, GRAPHQL_RESPONSE), (JSON, JSON)]:
        refused = post(keyed_server, GOOD, accept)
        assert refused.status_code == 401, refused.text
        assert media(refused) == expected
        assert "Bearer" in refused.headers["www-authenticate"]
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_reader_key_on_a_mutation_is_403_under_graphql_response_json(
    keyed_server: str,
) -> None:
    headers = {"authorization": f"Bearer {READER}"}
    forbidden = httpx.post(
        keyed_server, json={"query": MUTATION}, headers={**headers, "accept": GRAPHQL_RESPONSE}
    )
    assert forbidden.status_code == 403, forbidden.text
    assert media(forbidden) == GRAPHQL_RESPONSE
    assert "data" not in forbidden.json()
    assert forbidden.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    legacy = httpx.post(keyed_server, json={"query": MUTATION}, headers={**headers, "accept": JSON})
    assert legacy.status_code == 200 and legacy.json()["data"] is None
    read = httpx.post(
        keyed_server, json={"query": GOOD}, headers={**headers, "accept": GRAPHQL_RESPONSE}
    )
    assert read.status_code == 200 and read.json() == {"data": {"__typename": "Query"}}


def test_a_body_over_the_limit_is_413_in_the_negotiated_media_type(keyed_server: str) -> None:
    for accept, expected in [(GRAPHQL_RESPONSE, GRAPHQL_RESPONSE), (JSON, JSON)]:
        too_big = post(keyed_server, "{ __typename }" + " " * 5000, accept)
        assert too_big.status_code == 413
        assert media(too_big) == expected
        assert too_big.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


def node_audit_ready() -> str | None:
    """Why the audit cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed (Node 18+ runs the GraphQL-over-HTTP audit)"
    if not (AUDIT_DIR / "node_modules" / "graphql-http").is_dir():
        return f"graphql-http is not installed: run `npm ci` in {AUDIT_DIR}"
    return None


def test_the_graphql_over_http_audit_suite_passes_without_a_warning(server: str) -> None:
    missing = node_audit_ready()
    assert missing is None, missing  # a failure, not a skip: CI must run the audit
    run = subprocess.run(
        ["node", str(AUDIT_DIR / "audit.mjs"), server],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.stdout.strip(), run.stderr
    results = json.loads(run.stdout)["results"]
    assert len(results) >= 40, f"only {len(results)} audits ran"
    failing = [
        f"{r['id']} {r['name']}: {r['status']}: {r['reason']}"
        for r in results
        if r["status"] != "ok"
    ]
    assert not failing, "\n".join(failing)
    assert run.returncode == 0, run.stderr
