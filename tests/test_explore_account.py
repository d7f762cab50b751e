"""The explorer's account page (/explore/account/{id}) and query library page
(/explore/queries) in a real browser: Playwright driving Debian's chromium against a real
server on the test Neo4j with the demo world (the fixtures of test_explore_page.py).

Page state is read from the DOM (regions by accessible name, data attributes), never from
pixels; what the page shows is checked against the same question asked over GraphQL.
Screenshots of each route go to tests/output/ (gitignored).
"""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from playwright.sync_api import Browser, expect

from stakegraph.config import Neo4jSettings
from stakegraph.graph.driver import Graph
from stakegraph.importer import import_records
from tests import test_explore_page as explore

# The fixtures, by the names the tests ask for.
demo = explore.demo
browser = explore.browser
Server = explore.Server
Watched = explore.Watched
OUTPUT = explore.OUTPUT

BUYING_ROLES = "INITIATOR USER INFLUENCER DECIDER APPROVER BUYER GATEKEEPER CHAMPION"


def graphql(server: Any, text: str, **variables: Any) -> dict[str, Any]:
    """The data of a request to the running server's /graphql that must succeed."""
    response = httpx.post(
        server.url + "/graphql", json={"query": text, "variables": variables}, timeout=120
    )
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body["errors"]
    data: dict[str, Any] = body["data"]
    return data


def test_account_page_shows_buying_center_roles_and_single_threaded_warning(
    demo: Neo4jSettings, browser: Browser
) -> None:
    OUTPUT.mkdir(exist_ok=True)
    with Server(demo) as server:
        # The demo's single-threaded accounts of Initech, as the query library lists them.
        rows = graphql(
            server,
            'query { runLibraryQuery(name: "single_threaded_accounts", '
            'params: {providerId: "initech"}) { columns rows } }',
        )["runLibraryQuery"]
        accounts = [dict(zip(rows["columns"], row, strict=True)) for row in rows["rows"]]
        lone = next(a for a in accounts if a["buyingRoleMembers"] == 1)
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            # From an organisation's stakeholder page to its account page: one request.
            page.goto(server.url + "/explore/stakeholder/globex")
            expect(page.get_by_role("heading", level=1)).to_have_text("Globex")
            before = watched.graphql_posts
            page.get_by_role("link", name="its buying center").click()
            expect(page).to_have_url(server.url + "/explore/account/globex")
            center = page.get_by_role("region", name="Buying center")
            expect(center).to_have_attribute("data-members", "9")
            assert watched.graphql_posts - before == 1
            # Globex: every buying role covered by eight people, Nora holds none.
            expect(center).to_have_attribute("data-single-threaded", "false")
            expect(center).to_have_attribute("data-covered", BUYING_ROLES)
            expect(center).to_have_attribute("data-missing", "")
            expect(center.get_by_role("row", name=re.compile("Dana Scully"))).to_have_attribute(
                "data-role", "DECIDER"
            )
            expect(center.get_by_role("row", name=re.compile("Nora Lind"))).to_have_attribute(
                "data-role", ""
            )
            expect(center.locator("[data-warning=single-threaded]")).to_have_count(0)
            grid = page.get_by_role("region", name="Power and interest")
            expect(grid).to_have_attribute("data-points", "8")  # the eight role holders
            page.screenshot(path=str(OUTPUT / "explore-account.png"), full_page=True)

            # The grid is a chart whose points are buttons: Dana (DECIDER) at power 1.
            point = grid.get_by_role("button", name=re.compile(r"^Dana Scully \(Keep satisfied\)"))
            expect(point).to_have_attribute("data-y", "1")
            expect(point).to_have_attribute("data-group", "Keep satisfied")
            point.focus()
            page.keyboard.press("Enter")
            expect(page).to_have_url(server.url + "/explore/stakeholder/dana")
            page.go_back()
            # A member's link leads to their stakeholder page; back returns.
            page.get_by_role("region", name="Buying center").get_by_role(
                "link", name="Nora Lind"
            ).click()
            expect(page).to_have_url(server.url + "/explore/stakeholder/nora")
            page.go_back()
            expect(page.get_by_role("region", name="Buying center")).to_have_attribute(
                "data-members", "9"
            )

            # A single-threaded account of Initech: the warning names its one contact.
            page.goto(f"{server.url}/explore/account/{lone['accountId']}")
            expect(page.get_by_role("heading", level=1)).to_have_text(lone["account"])
            choice = page.get_by_label("Buying from")  # keyboard: the next provider
            choice.focus()
            page.keyboard.press("ArrowDown")
            expect(page).to_have_url(
                f"{server.url}/explore/account/{lone['accountId']}?provider=initech"
            )
            expect(page.get_by_label("Buying from")).to_be_focused()  # drawn anew, kept
            expect(page.get_by_role("link", name="Initech's provider dashboard")).to_have_attribute(
                "href", "/explore/provider/initech"
            )
            center = page.get_by_role("region", name="Buying center")
            expect(center).to_have_attribute("data-single-threaded", "true")
            warning = center.locator("[data-warning=single-threaded]")
            expect(warning).to_contain_text("Single-threaded")
            contact = re.fullmatch(r"(.+) \((\w+)\)", lone["members"][0])  # 'Dana (DECIDER)'
            assert contact
            name, role = contact.groups()
            expect(warning).to_contain_text(name)
            expect(center.get_by_role("row", name=re.compile(re.escape(name)))).to_have_attribute(
                "data-role", role
            )
            missing = set(BUYING_ROLES.split()) - {role}
            assert set((center.get_attribute("data-missing") or "").split()) == missing
            page.screenshot(path=str(OUTPUT / "explore-account-single-threaded.png"))
            page.go_back()
            expect(page).to_have_url(f"{server.url}/explore/account/{lone['accountId']}")
            expect(page.get_by_label("Buying from")).to_have_value("")

            # Not an organisation: the server's reason, and a way to the stakeholder page.
            page.goto(server.url + "/explore/account/dana")
            # (buyingCenter or powerInterest says so first, in its own words)
            expect(page.get_by_role("alert")).to_contain_text(
                re.compile(r"not an organi[sz]ation", re.IGNORECASE)
            )
            expect(page.get_by_role("link", name=re.compile("stakeholder page"))).to_be_visible()

            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()


def test_query_library_runs_a_query_picked_by_keyboard_and_shows_its_rows(
    demo: Neo4jSettings, browser: Browser
) -> None:
    OUTPUT.mkdir(exist_ok=True)
    with Server(demo) as server:
        names = [
            q["name"] for q in graphql(server, "{ libraryQueries { name } }")["libraryQueries"]
        ]
        direct = graphql(
            server,
            'query { runLibraryQuery(name: "single_threaded_accounts", '
            'params: {providerId: "initech"}) { columns rows truncated } }',
        )["runLibraryQuery"]
        assert direct["rows"]  # the demo has single-threaded accounts of Initech
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/explore")
            page.get_by_role("navigation", name="Elsewhere").get_by_role(
                "link", name="Query library"
            ).click()
            expect(page).to_have_url(server.url + "/explore/queries")
            queries = page.get_by_role("navigation", name="Queries")
            expect(queries.get_by_role("link")).to_have_count(len(names))

            # Keyboard alone: Tab to the query, Enter picks it, its field has the focus.
            for _ in range(60):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.textContent") == (
                    "single_threaded_accounts"
                ):
                    break
            else:
                raise AssertionError("Tab never reached the link single_threaded_accounts")
            before = watched.graphql_posts
            page.keyboard.press("Enter")
            expect(page).to_have_url(server.url + "/explore/queries/single_threaded_accounts")
            field = page.get_by_label("providerId")
            expect(field).to_be_focused()
            expect(field).to_have_attribute("placeholder", "e.g. initech")
            expect(field).to_have_attribute("aria-required", "true")
            expect(field).to_have_accessible_description(re.compile("text, required"))
            page.keyboard.type("initech")
            page.keyboard.press("Enter")
            expect(page).to_have_url(
                server.url + "/explore/queries/single_threaded_accounts?run=1&providerId=initech"
            )
            rows = page.get_by_role("region", name="Rows")
            expect(rows).to_have_attribute("data-state", "done")
            assert watched.graphql_posts - before == 1  # the list was asked once, on load

            # The table is the query's answer over GraphQL: its columns, its rows, in order.
            table = rows.get_by_role("table")
            assert table.locator("thead th").all_inner_texts() == direct["columns"]
            expect(rows).to_have_attribute("data-rows", str(len(direct["rows"])))
            expect(rows).to_have_attribute("data-truncated", "false")
            shown = [
                [
                    json.loads(cell.get_attribute("data-json") or "")
                    for cell in row.locator("td").all()
                ]
                for row in table.locator("tbody tr").all()
            ]
            assert shown == direct["rows"]
            account = direct["rows"][0][1]  # accountId: a link to the account page
            expect(table.get_by_role("link", name=account)).to_have_attribute(
                "href", f"/explore/account/{account}?provider=initech"
            )
            page.screenshot(path=str(OUTPUT / "explore-queries.png"), full_page=True)

            # Back: the query without a run; forward: the run again.
            page.go_back()
            expect(page).to_have_url(server.url + "/explore/queries/single_threaded_accounts")
            expect(page.get_by_role("region", name="Rows")).not_to_have_attribute(
                "data-state", "done"
            )
            page.go_forward()
            expect(page.get_by_role("region", name="Rows")).to_have_attribute(
                "data-rows", str(len(direct["rows"]))
            )
            expect(page.get_by_label("providerId")).to_have_value("initech")
            # From an account in the rows to its buying center for Initech: single-threaded.
            page.get_by_role("region", name="Rows").get_by_role("link", name=account).click()
            expect(page).to_have_url(f"{server.url}/explore/account/{account}?provider=initech")
            expect(page.get_by_role("region", name="Buying center")).to_have_attribute(
                "data-single-threaded", "true"
            )
            page.go_back()
            page.go_back()
            page.go_back()
            expect(page).to_have_url(server.url + "/explore/queries")

            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()


def test_query_library_shows_a_bad_parameter_beside_its_field_and_truncation(
    demo: Neo4jSettings, browser: Browser
) -> None:
    # 60 more buyers of ToyCo: customers_by_lens_count then has more than 500 pairs.
    async def more_buyers() -> None:
        graph = Graph.from_settings(demo)
        try:
            people = [
                {"id": f"extra{i}", "kind": "PERSON", "name": f"Extra Buyer {i}"} for i in range(60)
            ]
            purchases = [
                {
                    "id": f"extra-buy{i}",
                    "type": "BUYS",
                    "from": f"extra{i}",
                    "to": "toyco",
                    "offering": "Robot kit",
                    "amount": 49.0,
                    "currency": "EUR",
                    "at": "2025-06-01T00:00:00Z",
                }
                for i in range(60)
            ]
            await import_records(
                graph,
                [(f"people[{i}]", p) for i, p in enumerate(people)],
                [(f"purchases[{i}]", r) for i, r in enumerate(purchases)],
            )
        finally:
            await graph.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, more_buyers()).result()
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            # ?name= is a deep link too; the address becomes the query's own.
            page.goto(server.url + "/explore/queries?name=stalled_prospects")
            expect(page).to_have_url(server.url + "/explore/queries/stalled_prospects")
            page.get_by_label("providerId").fill("initech")
            page.get_by_label("days").fill("soon")
            page.get_by_role("button", name="Run query").click()
            rows = page.get_by_role("region", name="Rows")
            expect(rows.get_by_role("alert")).to_have_text('days: expected an integer, not "soon"')
            expect(rows).to_have_attribute("data-error-field", "days")
            days = page.get_by_label("days")
            expect(days).to_have_attribute("aria-invalid", "true")
            expect(days).to_be_focused()
            expect(days).to_have_accessible_description(re.compile("expected an integer"))
            page.screenshot(path=str(OUTPUT / "explore-queries-error.png"), full_page=True)

            # A required parameter left empty: the server says so, about that field.
            page.get_by_label("providerId").fill("")
            days.fill("30")
            page.get_by_role("button", name="Run query").click()
            expect(rows.get_by_role("alert")).to_contain_text("providerId: required")
            expect(page.get_by_label("providerId")).to_have_attribute("aria-invalid", "true")
            expect(days).not_to_have_attribute("aria-invalid", "true")

            # Corrected, it runs: the rows replace the error, ids link to stakeholder pages.
            page.get_by_label("providerId").fill("initech")
            page.get_by_role("button", name="Run query").click()
            expect(rows).to_have_attribute("data-state", "done")
            expect(page.get_by_label("providerId")).not_to_have_attribute("aria-invalid", "true")
            expect(rows.get_by_role("alert")).to_have_count(0)
            expect(rows.get_by_role("link", name="umbrella")).to_have_attribute(
                "href", "/explore/stakeholder/umbrella"
            )

            # More rows than the 500 a run returns: the page says the table is cut.
            page.goto(server.url + "/explore/queries/customers_by_lens_count?run=1&limit=1000")
            rows = page.get_by_role("region", name="Rows")
            expect(rows).to_have_attribute("data-truncated", "true")
            expect(rows).to_have_attribute("data-rows", "500")
            expect(rows.get_by_role("status")).to_contain_text("truncated")

            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()
