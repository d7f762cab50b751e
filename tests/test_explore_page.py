"""The explorer page (/explore) in a real browser: Playwright driving Debian's chromium
against a real server (uvicorn on a free port) on the test Neo4j with the demo world.

Page state is read from the DOM (regions by accessible name, data attributes), never from
pixels. Screenshots of each route go to tests/output/ (gitignored).
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import neo4j
import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, expect, sync_playwright

from stakegraph.api.app import create_app
from stakegraph.config import Neo4jSettings, ServerSettings
from stakegraph.demo import load_demo
from stakegraph.graph.driver import Graph
from stakegraph.localdb import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = Path(__file__).parent / "output"
KEY = "browser-reader-key"
# A loaded 2-core machine can take tens of seconds over a lens query's first plan.
expect.set_options(timeout=90_000)


class Server:
    """The app served by uvicorn in a thread, on a free port of 127.0.0.1."""

    def __init__(self, db: Neo4jSettings, api_keys: str = "") -> None:
        port = free_port()
        settings = ServerSettings(port=port, api_keys=api_keys)  # type: ignore[arg-type]
        config = uvicorn.Config(
            create_app(db, settings), host="127.0.0.1", port=port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.url = f"http://127.0.0.1:{port}"
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert self.thread.is_alive(), "uvicorn stopped at start-up"
            assert time.monotonic() < deadline, "uvicorn did not start in 30 s"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture
def demo(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Neo4jSettings:
    async def load() -> None:
        graph = Graph.from_settings(neo4j_settings)
        try:
            await load_demo(graph)
        finally:
            await graph.close()

    # In a thread of its own: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, load()).result()
    return neo4j_settings


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "install Debian's chromium (.ci/run does)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page whose console errors and requests leaving the origin are collected."""

    def __init__(self, browser: Browser, origin: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(90_000)
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.graphql_posts = 0

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.errors.append(message.text)

        def request(req: Request) -> None:
            if req.url.startswith("data:"):
                return
            if not req.url.startswith(origin + "/"):
                self.foreign.append(req.url)
            if req.url == origin + "/graphql" and req.method == "POST":
                self.graphql_posts += 1

        self.page.on("console", console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", request)

    def close(self) -> None:
        self.context.close()


def test_search_stakeholder_page_evidence_and_history(
    demo: Neo4jSettings, browser: Browser
) -> None:
    OUTPUT.mkdir(exist_ok=True)
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/explore")
            box = page.get_by_label("Search stakeholders")
            expect(box).to_be_focused()
            box.press_sequentially("Leo", delay=60)  # results as you type
            leo = page.get_by_role("link", name="Leo Schneider")
            expect(leo).to_be_visible()
            assert page.url == server.url + "/explore?q=Leo"
            page.screenshot(path=str(OUTPUT / "explore-search.png"))

            before = watched.graphql_posts
            leo.click()
            expect(page).to_have_url(server.url + "/explore/stakeholder/leo")
            expect(page.get_by_role("heading", level=1)).to_have_text("Leo Schneider")
            picture = page.get_by_role("region", name="Neighbourhood")
            expect(picture).to_have_attribute("data-nodes", re.compile(r"^([3-9]|\d\d+)$"))
            assert watched.graphql_posts - before == 1  # one request for the whole view
            relations = page.get_by_role("region", name="Relations")
            expect(relations).to_contain_text("PARENT_OF")
            expect(relations.get_by_role("link", name="Mia Schneider")).to_be_visible()

            # ToyCo's page: its customers, choose one, see why, and the path lit up.
            relations.get_by_role("link", name="ToyCo").click()
            expect(page).to_have_url(server.url + "/explore/stakeholder/toyco")
            customers = page.get_by_role("region", name="Customers")
            expect(customers).to_contain_text(re.compile(r"of \d+ customers"))
            chosen = customers.locator("button.customer").first
            customer_id = chosen.get_attribute("data-id")
            assert customer_id
            chosen.click()
            expect(chosen).to_have_attribute("aria-pressed", "true")
            evidence = page.get_by_role("region", name="Evidence")
            expect(evidence.get_by_role("listitem").first).to_be_visible()
            picture = page.get_by_role("region", name="Neighbourhood")
            expect(picture).to_have_attribute("data-highlighted", re.compile(r"\S"))
            lit = (picture.get_attribute("data-highlighted") or "").split()
            assert customer_id in lit and "toyco" in lit
            assert any(i.startswith("rel:") for i in lit)  # the path's relationships too
            assert f"customer={customer_id}" in page.url
            page.screenshot(path=str(OUTPUT / "explore-stakeholder.png"))

            # A lens chip narrows the list (one request), and the depth picker redraws.
            customers.get_by_role("button", name="transactional").click()
            expect(customers.get_by_role("button", name="transactional")).to_have_attribute(
                "aria-pressed", "true"
            )
            assert "lenses=TRANSACTIONAL" in page.url
            page.get_by_label("Depth").select_option("2")
            expect(page).to_have_url(re.compile(r"depth=2"))

            # Back and forward walk the history the person made.
            page.go_back()  # depth 1 again
            expect(page).to_have_url(re.compile(r"/explore/stakeholder/toyco\?lenses="))
            page.go_back()  # no lens chosen, the customer chosen: its path lit again
            expect(page).to_have_url(re.compile(r"/explore/stakeholder/toyco\?customer="))
            expect(page.get_by_role("region", name="Neighbourhood")).to_have_attribute(
                "data-highlighted", re.compile(re.escape(customer_id))
            )
            page.go_back()  # ToyCo before choosing
            expect(page).to_have_url(server.url + "/explore/stakeholder/toyco")
            expect(page.get_by_role("region", name="Neighbourhood")).to_have_attribute(
                "data-highlighted", ""
            )
            page.go_back()
            expect(page).to_have_url(server.url + "/explore/stakeholder/leo")
            expect(page.get_by_role("heading", level=1)).to_have_text("Leo Schneider")
            page.go_back()
            expect(page).to_have_url(server.url + "/explore?q=Leo")
            expect(page.get_by_role("link", name="Leo Schneider")).to_be_visible()
            page.go_forward()
            expect(page.get_by_role("heading", level=1)).to_have_text("Leo Schneider")

            # A deep link opens the same state directly.
            page.goto(f"{server.url}/explore/stakeholder/toyco?customer={customer_id}")
            expect(page.get_by_role("region", name="Neighbourhood")).to_have_attribute(
                "data-highlighted", re.compile(re.escape(customer_id))
            )

            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()


CUSTOMERS = """query($id: ID!) { customersOf(providerId: $id, first: 50) { edges { node {
  customer { id name } lenses evidence { summary } } } } }"""


def test_a_shared_link_to_a_customer_beyond_the_first_page_shows_its_evidence(
    demo: Neo4jSettings, browser: Browser
) -> None:
    with Server(demo) as server:
        answer = httpx.post(
            server.url + "/graphql",
            json={"query": CUSTOMERS, "variables": {"id": "toyco"}},
            timeout=120,
        ).json()
        edges = answer["data"]["customersOf"]["edges"]
        assert len(edges) > 10, "ToyCo needs customers beyond the panel's first page of 10"
        far = edges[10]["node"]  # the first customer of the second page
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(f"{server.url}/explore/stakeholder/toyco?customer={far['customer']['id']}")
            expect(page.locator("#app")).to_have_attribute("data-ready", "true")
            customers = page.get_by_role("region", name="Customers")
            expect(customers).to_contain_text("1-10 of")
            assert far["customer"]["name"] not in customers.inner_text()
            evidence = page.get_by_role("region", name="Evidence")
            expect(evidence).to_contain_text(f"Why {far['customer']['name']} counts")
            sentences = evidence.get_by_role("listitem")
            expect(sentences).to_have_count(len(far["evidence"]))
            for sentence in far["evidence"]:
                expect(evidence).to_contain_text(sentence["summary"])
            assert watched.graphql_posts == 2  # the page's request, then this customer's

            # Under `except` a lens it holds, the panel would not list it: the page says so.
            page.goto(
                f"{server.url}/explore/stakeholder/toyco?lenses={far['lenses'][0]}&except=1"
                f"&customer={far['customer']['id']}"
            )
            expect(page.locator("#app")).to_have_attribute("data-ready", "true")
            expect(evidence).to_contain_text(
                f"{far['customer']['name']} is not a customer of ToyCo under these lenses"
            )
            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()


def test_with_api_keys_the_page_asks_for_a_key_once(demo: Neo4jSettings, browser: Browser) -> None:
    with Server(demo, api_keys=f"{KEY}:reader") as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/explore/stakeholder/leo")  # the page itself is open
            page.get_by_label("API key", exact=True).fill(KEY)
            page.get_by_role("button", name="Use key").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Leo Schneider")
            page.goto(server.url + "/explore")  # kept for the tab: not asked again
            page.get_by_label("Search stakeholders").fill("toyco")
            expect(page.get_by_role("link", name="ToyCo")).to_be_visible()
            assert page.evaluate("sessionStorage.getItem('stakegraph.apiKey')") == KEY
            # The 401s before the key was given are the only console errors.
            assert all("401" in e for e in watched.errors)
            assert watched.foreign == []
        finally:
            watched.close()


def test_graphiql_links_to_the_explorer(
    db: neo4j.Driver, neo4j_settings: Neo4jSettings, browser: Browser
) -> None:
    with Server(neo4j_settings) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            page.goto(server.url + "/graphql")
            page.get_by_role("link", name="explore the graph").click()
            expect(page).to_have_url(server.url + "/explore")
            expect(page.get_by_label("Search stakeholders")).to_be_visible()
            page.get_by_role("link", name="GraphiQL").click()
            expect(page).to_have_url(server.url + "/graphql")
            expect(page.get_by_role("link", name="explore the graph")).to_be_visible()
            assert watched.errors == []
            assert watched.foreign == []
        finally:
            watched.close()
