"""The HTTP surface: /health, /ready, and GraphiQL served offline with a working example."""

from __future__ import annotations

import gc
import json
import re
from importlib import resources

from stakegraph.api.app import YOUNG_COLLECTION_EVERY
from tests.gql import GQL


def graphiql_page(gql: GQL) -> str:
    response = gql.client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page: str = response.text
    return page


def example_query(page: str) -> str:
    """The query GraphiQL opens with: the JSON string assigned to `exampleQuery`."""
    match = re.search(r"const exampleQuery = ", page)
    assert match, "the page defines exampleQuery"
    text, _ = json.JSONDecoder().raw_decode(page, match.end())
    assert isinstance(text, str)
    return text


def test_health_answers_ok(gql: GQL) -> None:
    response = gql.client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_answers_ok_once_the_schema_is_applied(gql: GQL) -> None:
    response = gql.client.get("/ready")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready"}


def test_start_up_freezes_what_it_built_and_collects_garbage_less_often(gql: GQL) -> None:
    # the gql fixture's app has started (its lifespan ran): settle_memory() did its work
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_COLLECTION_EVERY > 700


def test_graphiql_page_loads_only_local_static_assets(gql: GQL) -> None:
    page = graphiql_page(gql)
    assets = re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", page)
    assert assets, "GraphiQL needs its scripts and stylesheet"
    assert not re.search(r"<(?:script|link)\b[^>]*https?://", page)
    for asset in assets:
        if asset == "data:,":  # the empty icon: no /favicon.ico request, no 404
            continue
        assert asset.startswith("/static/"), asset
        served = gql.client.get(asset)
        assert served.status_code == 200, asset
        assert served.content, asset


def test_the_explorer_page_loads_only_local_static_assets(gql: GQL) -> None:
    page = gql.client.get("/explore/stakeholder/leo").text
    assets = re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", page)
    assert "/static/explore/explore.js" in assets
    for asset in assets:
        if asset.startswith("data:"):
            continue
        assert asset.startswith("/static/explore/"), asset
        assert gql.client.get(asset).status_code == 200, asset
    # explore.js is an ES module whose routes import their chunks: each one is served, as
    # JavaScript (a browser refuses a module of another type).
    explore = resources.files("stakegraph.api") / "static" / "explore"
    chunks = [f.name for f in explore.iterdir() if f.name.endswith(".js")]
    assert len(chunks) > 1
    for name in chunks:
        served = gql.client.get(f"/static/explore/{name}")
        assert served.status_code == 200, name
        assert "javascript" in served.headers["content-type"], name


def test_graphiql_example_query_runs_on_a_graph_with_leo_and_toyco(gql: GQL) -> None:
    gql.query(
        """mutation {
          toyco: upsertOrganization(input: {id: "toyco", name: "ToyCo"}) { id }
          mia: upsertPerson(input: {id: "mia", name: "Mia"}) { id }
          leo: upsertPerson(input: {id: "leo", name: "Leo"}) { id }
        }"""
    )
    gql.query(
        """mutation {
          addParentOf(parentId: "mia", childId: "leo") { id }
          recordPurchase(input: {buyerId: "mia", sellerId: "toyco", offering: "Blocks",
                                 amount: 30, currency: "EUR"}) { id }
          recordUse(input: {userId: "leo", providerId: "toyco", offering: "Blocks"}) { id }
        }"""
    )
    query = example_query(graphiql_page(gql))
    assert 'customerId: "leo"' in query and 'providerId: "toyco"' in query

    data = gql.query(query)

    verdict = data["explain"]
    assert verdict["isCustomer"] is True
    end_user = next(v for v in verdict["lenses"] if v["lens"] == "END_USER")
    assert end_user["holds"] is True
    assert "Mia" in end_user["evidence"][0]["summary"]


def test_graphql_post_without_a_query_is_rejected_not_crashed(gql: GQL) -> None:
    response = gql.client.post("/graphql", json={})
    assert response.status_code == 400
