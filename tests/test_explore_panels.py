"""The stakeholder page's Providers and Relations panels page through long lists in a real
browser (Playwright, Debian's chromium, a real server on the test Neo4j): one request per
page turn, every item seen once over the pages.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import neo4j
from playwright.sync_api import Browser, Locator, expect

from stakegraph.config import Neo4jSettings
from stakegraph.graph.driver import Graph
from stakegraph.importer import import_records
from tests import test_explore_page as explore

# The fixtures, by the names the tests ask for.
browser = explore.browser
Server = explore.Server
Watched = explore.Watched

SHOPS = 12  # Pat's providers: two pages of 10
PURCHASES = 25  # Pat's relations: two pages of 20


def load_pat(settings: Neo4jSettings) -> None:
    """Pat buys 25 times from 12 shops, each purchase on a day of its own."""
    shops = [
        {"id": f"shop{i:02d}", "kind": "ORGANIZATION", "name": f"Shop {i:02d}"}
        for i in range(SHOPS)
    ]
    purchases = [
        {
            "id": f"buy{i:02d}",
            "type": "BUYS",
            "from": "pat",
            "to": f"shop{i % SHOPS:02d}",
            "offering": "Tea",
            "amount": 1.0 + i,
            "currency": "EUR",
            "at": f"2025-06-{i + 1:02d}T00:00:00Z",
        }
        for i in range(PURCHASES)
    ]

    async def load() -> None:
        graph = Graph.from_settings(settings)
        try:
            await import_records(
                graph,
                [("pat", {"id": "pat", "kind": "PERSON", "name": "Pat Paging"})]
                + [(f"shops[{i}]", s) for i, s in enumerate(shops)],
                [(f"purchases[{i}]", p) for i, p in enumerate(purchases)],
            )
        finally:
            await graph.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, load()).result()


def items(panel: Locator) -> list[str]:
    return [text.strip() for text in panel.get_by_role("listitem").all_inner_texts()]


def links(panel: Locator) -> list[str]:
    return panel.get_by_role("listitem").get_by_role("link").all_inner_texts()


def test_providers_and_relations_panels_page_through_every_item(
    db: neo4j.Driver, neo4j_settings: Neo4jSettings, browser: Browser
) -> None:
    load_pat(neo4j_settings)
    with Server(neo4j_settings) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/explore/stakeholder/pat")
            expect(page.locator("#app")).to_have_attribute("data-ready", "true")

            providers = page.get_by_role("region", name="Providers")
            expect(providers).to_contain_text(f"1-10 of {SHOPS} providers")
            first = links(providers)
            assert len(first) == 10
            previous = providers.get_by_role("button", name="Previous page")
            following = providers.get_by_role("button", name="Next page")
            expect(previous).to_be_disabled()
            before = watched.graphql_posts
            following.click()
            expect(providers).to_contain_text(f"11-{SHOPS} of {SHOPS} providers")
            assert watched.graphql_posts - before == 1
            second = links(providers)
            assert len(second) == SHOPS - 10
            assert sorted(first + second) == [f"Shop {i:02d}" for i in range(SHOPS)]
            expect(providers.get_by_role("button", name="Next page")).to_be_disabled()
            # The keyboard stays on the paging buttons: the one still pressable has focus.
            expect(providers.get_by_role("button", name="Previous page")).to_be_focused()
            page.keyboard.press("Enter")
            expect(providers).to_contain_text(f"1-10 of {SHOPS} providers")
            assert links(providers) == first

            relations = page.get_by_role("region", name="Relations")
            expect(relations).to_contain_text(f"1-20 of {PURCHASES} relations, newest first")
            newest = items(relations)
            assert len(newest) == 20
            assert "amount: 25" in newest[0]  # the newest purchase first
            relations.get_by_role("button", name="Next page").click()
            expect(relations).to_contain_text(f"21-{PURCHASES} of {PURCHASES} relations")
            older = items(relations)
            assert len(older) == PURCHASES - 20
            amounts = {line.split("amount: ")[1].split(" ")[0] for line in newest + older}
            assert amounts == {str(1 + i) for i in range(PURCHASES)}
            relations.get_by_role("button", name="Previous page").click()
            expect(relations).to_contain_text(f"1-20 of {PURCHASES} relations")
            assert items(relations) == newest

            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()
