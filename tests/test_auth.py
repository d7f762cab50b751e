"""API keys, roles, the open-server guard, CORS and the access log."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import neo4j
import pytest
from starlette.testclient import TestClient

from stakegraph.api.app import create_app
from stakegraph.api.auth import open_bind_refusal, parse_keys
from stakegraph.config import Neo4jSettings, ServerSettings

READER_KEY = "r-0123456789abcdef"
EDITOR_KEY = "e-fedcba9876543210"
KEYS = f"{READER_KEY}:reader, {EDITOR_KEY}:editor"

QUERY = '{ stakeholder(id: "acme") { name } }'
MUTATION = 'mutation { upsertOrganization(input: {id: "acme", name: "Acme"}) { id } }'


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def client(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[TestClient]:
    settings = ServerSettings(api_keys=KEYS, cors_origins="https://app.example")
    with TestClient(create_app(neo4j_settings, settings)) as client:
        yield client


def stakeholders(db: neo4j.Driver) -> int:
    records, _, _ = db.execute_query("MATCH (n:Stakeholder) RETURN count(n) AS n")
    return int(records[0]["n"])


def test_a_reader_key_reads(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": QUERY}, headers=bearer(READER_KEY))
    assert response.status_code == 200
    assert response.json() == {"data": {"stakeholder": None}}


def test_a_reader_key_on_a_mutation_is_forbidden_and_writes_nothing(
    client: TestClient, db: neo4j.Driver
) -> None:
    response = client.post("/graphql", json={"query": MUTATION}, headers=bearer(READER_KEY))
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert stakeholders(db) == 0


def test_an_editor_key_writes_and_reads(client: TestClient, db: neo4j.Driver) -> None:
    response = client.post("/graphql", json={"query": MUTATION}, headers=bearer(EDITOR_KEY))
    assert response.json() == {"data": {"upsertOrganization": {"id": "acme"}}}
    assert stakeholders(db) == 1
    response = client.post("/graphql", json={"query": QUERY}, headers=bearer(EDITOR_KEY))
    assert response.json() == {"data": {"stakeholder": {"name": "Acme"}}}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        bearer("not-a-key"),
        bearer(READER_KEY[:-1]),
        {"Authorization": READER_KEY},
        {"Authorization": f"Basic {READER_KEY}"},
    ],
    ids=["none", "unknown", "prefix", "no-scheme", "basic"],
)
def test_a_graphql_request_without_a_valid_key_gets_401_unauthenticated(
    client: TestClient, db: neo4j.Driver, headers: dict[str, str]
) -> None:
    for body in ({"query": QUERY}, {"query": MUTATION}):
        response = client.post("/graphql", json=body, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    response = client.get("/graphql", params={"query": QUERY}, headers=headers)
    assert response.status_code == 401
    assert stakeholders(db) == 0


def test_health_ready_and_the_graphiql_page_stay_open(client: TestClient) -> None:
    assert client.get("/health").status_code == 200
    assert client.get("/ready").status_code == 200
    page = client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_the_explorer_page_and_its_assets_stay_open(client: TestClient) -> None:
    for path in ("/explore", "/explore/", "/explore/stakeholder/leo", "/explore/x/y?z=1"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert "/static/explore/explore.js" in page.text
        assert "connect-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/explore/explore.js", "/static/explore/explore.css"):
        assert client.get(asset).status_code == 200, asset
    assert client.post("/graphql", json={"query": "{ __typename }"}).status_code == 401


def test_cors_answers_the_configured_origin_only(client: TestClient) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    allowed = client.options("/graphql", headers={"Origin": "https://app.example", **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    other = client.options("/graphql", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in other.headers
    response = client.post(
        "/graphql",
        json={"query": QUERY},
        headers={"Origin": "https://app.example", **bearer(READER_KEY)},
    )
    assert response.headers["access-control-allow-origin"] == "https://app.example"


def test_without_keys_the_server_is_open_and_says_so(
    db: neo4j.Driver, neo4j_settings: Neo4jSettings, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="stakegraph"),
        TestClient(create_app(neo4j_settings, ServerSettings(api_keys=""))) as client,
    ):
        response = client.post("/graphql", json={"query": MUTATION})
        assert response.json() == {"data": {"upsertOrganization": {"id": "acme"}}}
    assert any("no API keys" in record.getMessage() for record in caplog.records)


def test_keys_are_parsed_with_roles_and_bad_entries_name_no_secret() -> None:
    keys = parse_keys(KEYS)
    assert [key.role for key in keys] == ["reader", "editor"]
    assert READER_KEY not in repr(keys)
    assert parse_keys("") == []
    with pytest.raises(ValueError) as raised:
        parse_keys("s3cret-key:admin")
    assert "s3cret" not in str(raised.value)
    with pytest.raises(ValueError):
        parse_keys("justakey")
    assert READER_KEY not in repr(ServerSettings(api_keys=KEYS))


def test_serve_refuses_an_open_non_loopback_address_unless_allowed() -> None:
    open_settings = ServerSettings(api_keys="")
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert open_bind_refusal(host, open_settings) is None
    refusal = open_bind_refusal("0.0.0.0", open_settings)
    assert refusal is not None and "STAKEGRAPH_API_KEYS" in refusal and "\n" not in refusal
    assert open_bind_refusal("0.0.0.0", ServerSettings(api_keys="", allow_open=True)) is None
    assert open_bind_refusal("0.0.0.0", ServerSettings(api_keys=KEYS)) is None
    # text that holds no key is no key: still refused
    assert open_bind_refusal("0.0.0.0", ServerSettings(api_keys=" , ")) is not None
    malformed = open_bind_refusal("127.0.0.1", ServerSettings(api_keys="justakey"))
    assert malformed is not None and "expected key:reader or key:editor" in malformed


def test_the_access_log_has_one_json_line_per_request_and_no_key(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("stakegraph.access")
    logger.addHandler(caplog.handler)
    try:
        response = client.post(
            "/graphql",
            json={"query": "query Lookup " + QUERY},
            headers={"X-Request-Id": "req-42", **bearer(READER_KEY)},
        )
        generated = client.get("/health").headers["x-request-id"]
    finally:
        logger.removeHandler(caplog.handler)
    assert response.headers["x-request-id"] == "req-42"
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "stakegraph.access"]
    first, second = lines[-2:]
    assert first["requestId"] == "req-42"
    assert (first["method"], first["path"], first["status"]) == ("POST", "/graphql", 200)
    assert first["operation"] == "Lookup"
    assert isinstance(first["durationMs"], float)
    assert second["requestId"] == generated and second["path"] == "/health"
    assert READER_KEY not in caplog.text


def test_a_malformed_request_id_is_replaced(client: TestClient) -> None:
    response = client.get("/health", headers={"X-Request-Id": "bad id\twith spaces"})
    assert response.headers["x-request-id"] != "bad id\twith spaces"
    assert len(response.headers["x-request-id"]) == 32
