"""The explorer's provider dashboard (/explore/provider/{id}) in a real browser: Playwright
driving Debian's chromium against a real server on the test Neo4j with the demo world (the
fixtures of test_explore_page.py).

Page state is read from the DOM (regions by accessible name, data attributes), never from
pixels; what the page shows is checked against the same question asked over GraphQL.
A screenshot of the route goes to tests/output/ (gitignored).
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, expect

from stakegraph.config import Neo4jSettings
from tests import test_explore_page as explore

# The fixtures, by the names the tests ask for.
demo = explore.demo
browser = explore.browser
Server = explore.Server
Watched = explore.Watched
OUTPUT = explore.OUTPUT

REGIONS = (
    "Customers by lens",
    "Lens overlap",
    "Revenue",
    "Segments",
    "RFM segments",
    "Journey funnel",
    "Leads",
    "Gained and lost customers",
)

CHANGES = """query($id: ID!, $from: DateTime!, $to: DateTime!) {
  customerChanges(providerId: $id, from: $from, to: $to) {
    gained { customer { id } } lost { customer { id } } kept
  }
}"""


def graphql(server: Any, text: str, **variables: Any) -> dict[str, Any]:
    """The data of a request to the running server's /graphql that must succeed."""
    response = httpx.post(
        server.url + "/graphql", json={"query": text, "variables": variables}, timeout=120
    )
    body = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def changes(server: Any, start: str, end: str) -> tuple[str, str, str]:
    """Gained, lost and kept of ToyCo over [start, end), as the page's data- attributes."""
    c = graphql(server, CHANGES, id="toyco", **{"from": start, "to": end})["customerChanges"]
    return str(len(c["gained"])), str(len(c["lost"])), str(c["kept"])


def test_provider_dashboard_segments_window_and_history(
    demo: Neo4jSettings, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each of the dashboard's two requests plans four reads at once on a cold database: on a loaded
    # 2-core machine that can pass conftest's 60 s per transaction.
    monkeypatch.setenv("STAKEGRAPH_TRANSACTION_TIMEOUT", "240")
    OUTPUT.mkdir(exist_ok=True)
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            # The demo world's today is 2026-01-01: a window ending then has changes.
            base = server.url + "/explore/provider/toyco"
            page.goto(base + "?end=2026-01-01")
            app = page.locator("#app")
            expect(app).to_have_attribute("data-ready", "true")
            expect(page.get_by_role("heading", level=1)).to_have_text("ToyCo")
            for name in REGIONS:
                expect(page.get_by_role("region", name=name, exact=True)).to_be_visible()
            assert watched.graphql_posts == 2  # the top of the dashboard, then the rest

            # Customers by lens and their overlap are the summary's figures.
            summary = graphql(
                server,
                '{ providerSummary(providerId: "toyco") '
                "{ customersByLens { lens count } lensCombinations { lenses count } } }",
            )["providerSummary"]
            lenses = page.get_by_role("region", name="Customers by lens", exact=True)
            for held in (c for c in summary["customersByLens"] if c["count"]):
                bar = lenses.locator(f'[data-key="{held["lens"]}"]')
                expect(bar).to_have_attribute("data-count", str(held["count"]))
            overlap = page.get_by_role("region", name="Lens overlap", exact=True)
            expect(overlap.locator("figure")).to_have_attribute(
                "data-columns", str(len(summary["lensCombinations"]))
            )
            first = summary["lensCombinations"][0]
            expect(
                overlap.get_by_role(
                    "img", name=f"{' + '.join(first['lenses'])}: {first['count']} customers"
                )
            ).to_be_visible()

            # The 90 days up to 2026-01-01 (inclusive), as customerChanges answers them.
            moved = page.get_by_role("region", name="Gained and lost customers", exact=True)
            ninety = changes(server, "2025-10-04T00:00:00Z", "2026-01-02T00:00:00Z")
            expect(moved).to_have_attribute("data-gained", ninety[0])
            expect(moved).to_have_attribute("data-lost", ninety[1])
            expect(moved).to_have_attribute("data-kept", ninety[2])
            page.screenshot(path=str(OUTPUT / "explore-provider.png"), full_page=True)

            # Segments by country: a bar clicked opens its members, as many as it counts.
            segments = page.get_by_role("region", name="Segments", exact=True)
            page.get_by_label("Segment by", exact=True).select_option("COUNTRY")
            expect(segments).to_have_attribute("data-by", "COUNTRY")
            assert "by=COUNTRY" in page.url
            bar = segments.get_by_role("button", name=re.compile(r"^DE: \d+ customers"))
            count = bar.get_attribute("data-count")
            assert count and int(count) > 1
            posts = watched.graphql_posts
            bar.click()
            members = page.get_by_role("region", name="Segment members", exact=True)
            expect(members).to_have_attribute("data-key", "DE")
            expect(members).to_have_attribute("data-count", count)
            expect(members.get_by_role("listitem")).to_have_count(int(count))
            expect(bar).to_have_attribute("aria-pressed", "true")
            assert watched.graphql_posts - posts == 1
            assert "key=DE" in page.url
            member = members.get_by_role("link").first
            assert (member.get_attribute("href") or "").startswith("/explore/stakeholder/")

            # Keyboard: the chart is one Tab stop (a toolbar with a roving tabindex). Tab from
            # the dimension picker reaches its chosen bar (DE, the largest, first); one more Tab
            # leaves the chart, Shift+Tab comes back; arrows, Home and End move between the
            # bars, Enter opens the focused one.
            chart = segments.get_by_role("toolbar", name="Customers by country")
            bars = chart.get_by_role("button")
            expect(bars).to_have_count(
                int(segments.locator("figure").get_attribute("data-bars") or 0)
            )
            assert bars.count() > 3
            focus = page.locator(":focus")
            page.get_by_label("Segment by", exact=True).focus()
            page.keyboard.press("Tab")
            expect(focus).to_have_attribute("data-key", "DE")
            page.keyboard.press("Tab")
            expect(members.locator(":focus")).to_have_count(1)  # past every other bar
            page.keyboard.press("Shift+Tab")
            expect(focus).to_have_attribute("data-key", "DE")
            page.keyboard.press("ArrowDown")
            expect(focus).to_have_attribute("data-key", "NL")
            page.keyboard.press("ArrowRight")
            third, last = (bars.nth(i).get_attribute("data-key") or "" for i in (2, -1))
            expect(focus).to_have_attribute("data-key", third)
            page.keyboard.press("End")
            expect(focus).to_have_attribute("data-key", last)
            page.keyboard.press("Home")
            expect(focus).to_have_attribute("data-key", "DE")
            page.keyboard.press("ArrowRight")
            focused = page.locator(":focus")
            expect(focused).to_have_attribute("role", "button")
            key = focused.get_attribute("data-key")
            count = focused.get_attribute("data-count")
            assert key == "NL" and count
            expect(chart.locator("[tabindex='0']")).to_have_count(1)  # the stop moved along
            expect(chart.locator("[tabindex='0']")).to_have_attribute("data-key", "NL")
            page.keyboard.press("Enter")
            expect(members).to_have_attribute("data-key", key)
            expect(members).to_have_attribute("data-count", count)
            expect(focused).to_have_attribute("aria-pressed", "true")  # focus stays on the bar
            expect(chart.locator('[data-key="NL"]')).to_be_focused()
            page.keyboard.press("Tab")  # out of the chart and back: to the bar last focused
            expect(members.locator(":focus")).to_have_count(1)
            page.keyboard.press("Shift+Tab")
            expect(page.locator(":focus")).to_have_attribute("data-key", "NL")
            # Space on an RFM bar lists that segment's customers.
            rfm = page.get_by_role("region", name="RFM segments", exact=True)
            rfm_bar = rfm.get_by_role("button").first
            rfm_bar.focus()
            page.keyboard.press(" ")
            rfm_members = page.get_by_role("region", name="RFM segment members", exact=True)
            expect(rfm_members).to_have_attribute(
                "data-key", rfm_bar.get_attribute("data-key") or ""
            )
            expect(rfm_members).to_have_attribute(
                "data-count", rfm_bar.get_attribute("data-count") or ""
            )

            # The window: 30 days instead of 90 is one request and the API's figures.
            posts = watched.graphql_posts
            page.get_by_label("Window", exact=True).select_option("30")
            thirty = changes(server, "2025-12-03T00:00:00Z", "2026-01-02T00:00:00Z")
            assert thirty != ninety  # the demo world's changes differ between the windows
            expect(moved).to_have_attribute("data-gained", thirty[0])
            expect(moved).to_have_attribute("data-lost", thirty[1])
            expect(moved).to_have_attribute("data-from", "2025-12-03T00:00:00.000Z")
            assert "window=30" in page.url
            assert watched.graphql_posts - posts == 1
            page.get_by_label("ending on", exact=True).fill("2025-12-01")
            expect(moved).to_have_attribute("data-to", "2025-12-02T00:00:00.000Z")
            earlier = changes(server, "2025-11-02T00:00:00Z", "2025-12-02T00:00:00Z")
            expect(moved).to_have_attribute("data-gained", earlier[0])
            expect(moved).to_have_attribute("data-lost", earlier[1])

            # Back and forward walk the states; a deep link opens one directly.
            page.go_back()
            expect(moved).to_have_attribute("data-gained", thirty[0])
            expect(page.get_by_label("ending on", exact=True)).to_have_value("2026-01-01")
            page.go_back()
            expect(moved).to_have_attribute("data-gained", ninety[0])
            expect(page.get_by_label("Window", exact=True)).to_have_value("90")
            page.go_back()  # before the RFM bar
            expect(rfm_bar).to_have_attribute("aria-pressed", "false")
            expect(rfm_members).to_be_hidden()  # empty, so no region to read
            page.go_back()  # before Enter: DE open again
            expect(members).to_have_attribute("data-key", "DE")
            page.go_forward()
            expect(members).to_have_attribute("data-key", key)
            posts = watched.graphql_posts
            page.goto(base + "?by=COUNTRY&key=DE&stage=PURCHASE&window=30&end=2026-01-01")
            expect(app).to_have_attribute("data-ready", "true")
            assert watched.graphql_posts - posts == 2  # the open bucket and stage included
            expect(
                page.get_by_role("region", name="Segment members", exact=True)
            ).to_have_attribute("data-key", "DE")
            funnel = page.get_by_role("region", name="Journey stage members", exact=True)
            stage_bar = page.get_by_role("region", name="Journey funnel", exact=True).get_by_role(
                "button", name=re.compile("^purchase: ")
            )
            expect(funnel).to_have_attribute(
                "data-count", stage_bar.get_attribute("data-count") or ""
            )
            expect(moved).to_have_attribute("data-gained", thirty[0])

            # A lens bar opens those customers on the stakeholder page.
            page.get_by_role("region", name="Customers by lens", exact=True).get_by_role(
                "button", name=re.compile("^transactional")
            ).press("Enter")
            expect(page).to_have_url(server.url + "/explore/stakeholder/toyco?lenses=TRANSACTIONAL")
            expect(page.get_by_role("region", name="Customers", exact=True)).to_contain_text(
                re.compile(r"of \d+ customers")
            )

            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()


def test_a_repeat_lens_bar_opens_the_repeat_customers(
    demo: Neo4jSettings, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STAKEGRAPH_TRANSACTION_TIMEOUT", "240")
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/explore/provider/bean-there")
            lenses = page.get_by_role("region", name="Customers by lens", exact=True)
            bar = lenses.get_by_role("button", name=re.compile("^repeat: "))
            count = bar.get_attribute("data-count")
            bar.press("Enter")
            expect(page).to_have_url(server.url + "/explore/stakeholder/bean-there?lenses=REPEAT")
            customers = page.get_by_role("region", name="Customers", exact=True)
            expect(customers.get_by_role("button", name="repeat")).to_have_attribute(
                "aria-pressed", "true"
            )
            expect(customers).to_contain_text(re.compile(rf"of {count} customers"))
            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()


def test_unknown_provider_says_so(demo: Neo4jSettings, browser: Browser) -> None:
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/explore/provider/nobody")
            expect(page.get_by_role("alert")).to_contain_text("no stakeholder with id 'nobody'")
            assert watched.foreign == []
        finally:
            watched.close()


def test_each_route_fetches_only_the_drawing_code_it_uses(
    demo: Neo4jSettings, browser: Browser
) -> None:
    """The bundle is split by route: the dashboard's charts (Observable Plot) and the
    stakeholder page's picture (Cytoscape.js) come in files of their own; the stakeholder
    page never fetches the charts, the dashboard never the picture, search neither."""

    def scripts(server: Any, path: str, view: str) -> dict[str, int]:
        """The scripts a fresh browser fetches to draw `path`: path -> bytes."""
        watched = Watched(browser, server.url)
        page = watched.page
        fetched: dict[str, int] = {}
        page.on(
            "response",
            lambda r: (
                fetched.__setitem__(r.url, len(r.body()))
                if r.request.resource_type == "script"
                else None
            ),
        )
        try:
            page.goto(server.url + path)
            expect(page.locator("#app")).to_have_attribute("data-ready", "true")
            expect(page.locator("#app")).to_have_attribute("data-view", view)
            assert watched.errors == []
            assert watched.foreign == []
            return fetched
        finally:
            watched.close()

    with Server(demo) as server:
        search = scripts(server, "/explore", "search")
        stakeholder = scripts(server, "/explore/stakeholder/toyco", "stakeholder")
        dashboard = scripts(server, "/explore/provider/toyco?end=2026-01-01", "provider")
    shared = set(stakeholder) & set(dashboard)
    assert server.url + "/static/explore/explore.js" in shared
    assert set(search) <= shared
    charts = {url: size for url, size in dashboard.items() if url not in stakeholder}
    picture = {url: size for url, size in stakeholder.items() if url not in dashboard}
    # Observable Plot alone is over 200 KB minified, Cytoscape.js over 300 KB.
    assert sum(charts.values()) > 200_000, charts
    assert sum(picture.values()) > 300_000, picture
    assert sum(search.values()) < 100_000, search
