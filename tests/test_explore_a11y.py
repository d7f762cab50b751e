"""Checks that hold on every route of the explorer (tests/explore_routes.py), in a real
browser on the demo world: axe-core finds no serious or critical violation, and the keyboard
alone reaches every control (Tab each control or composite widget, such as a chart's toolbar
of bars, which is one Tab stop; arrows each of a toolbar's buttons). Plus the keyboard-only
path through the stakeholder page.

axe-core is the pinned npm package of web/ (web/node_modules, installed by `make test`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, expect

from stakegraph.config import Neo4jSettings
from tests import test_explore_page as explore
from tests.explore_routes import ROUTES

# The fixtures, by the names the tests ask for.
demo = explore.demo
browser = explore.browser
Server = explore.Server
Watched = explore.Watched

AXE = Path(__file__).parent.parent / "web" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def open_route(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("#app")).to_have_attribute("data-ready", "true")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (all WCAG 2.x A/AA and best-practice
    rules axe runs by default)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated over the DevTools protocol: the page's CSP (script-src 'self') allows
        # no inline script tag, and this is not one.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
    )
    return result


def describe(violation: dict[str, Any]) -> str:
    targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:5]]
    return f"{violation['impact']} {violation['id']}: {violation['help']} at {json.dumps(targets)}"


def test_axe_finds_no_serious_violation_on_any_route(demo: Neo4jSettings, browser: Browser) -> None:
    assert AXE.exists(), "run `npm ci` in web/ (make test does) for axe-core"
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        found: dict[str, list[str]] = {}
        explore.OUTPUT.mkdir(exist_ok=True)
        try:
            for route in ROUTES:
                open_route(page, server.url + route)
                name = route.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
                page.screenshot(path=str(explore.OUTPUT / f"a11y-{name}.png"), full_page=True)
                bad = [describe(v) for v in axe_violations(page) if v["impact"] in SERIOUS]
                if bad:
                    found[route] = bad
            assert not found, "\n".join(f"{r}: {v}" for r, vs in found.items() for v in vs)
            assert watched.errors == []
        finally:
            watched.close()


# Every element a person could operate, visible and enabled, in document order; each gets a
# data-kbd number so the Tab walk can name what it reached. ARIA widgets count too: an SVG
# bar given role="button" must also be given a place in the Tab order. A group that takes
# one Tab stop (radios of one name, a radiogroup, a tablist, a toolbar such as a chart's
# bars, whose members other than the stop have tabindex -1) shares one number; arrows reach
# a toolbar's members (TOOLBARS, checked by arrow_walk).
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex], '
    + '[contenteditable=""], [contenteditable="true"], [role=button], [role=link], '
    + '[role=checkbox], [role=radio], [role=switch], [role=tab], [role=slider], '
    + '[role=spinbutton], [role=combobox], [role=textbox]';
  const controls = [];
  const groups = new Map();
  for (const el of document.querySelectorAll(selector)) {
    delete el.dataset.kbd;
    if (el.matches(':disabled') || el.closest('[inert]') || el.type === 'hidden') continue;
    const tabindex = el.getAttribute('tabindex');
    const toolbar = el.closest('[role=toolbar]');
    if (tabindex !== null && Number(tabindex) < 0 && !toolbar) continue;
    if (getComputedStyle(el).visibility !== 'visible' || !el.getClientRects().length) continue;
    const group = el.matches('input[type=radio][name]') ? `radio ${el.name}`
      : el.closest('[role=radiogroup], [role=tablist], [role=toolbar]');
    if (group && groups.has(group)) {
      el.dataset.kbd = groups.get(group);
      continue;
    }
    el.dataset.kbd = String(controls.length);
    if (group) groups.set(group, el.dataset.kbd);
    const name = el.getAttribute('aria-label') || el.textContent.trim() || el.id;
    controls.push(`${el.tagName.toLowerCase()} "${name.slice(0, 40)}"`);
  }
  return controls;
}"""
FOCUSED = "() => document.activeElement?.dataset?.kbd ?? null"

# The toolbars (after MARK_CONTROLS): each member gets data-kbd-item "toolbar.member"; for
# each toolbar its name, how many members it has and how many are Tab stops (tabindex 0).
TOOLBARS = """() => [...document.querySelectorAll('[role=toolbar]')]
  .filter((bar) => bar.querySelector('[data-kbd]'))
  .map((bar, t) => {
    const members = [...bar.querySelectorAll('[data-kbd]')];
    members.forEach((m, i) => { m.dataset.kbdItem = `${t}.${i}`; });
    return { name: bar.getAttribute('aria-label'), members: members.length,
             stops: members.filter((m) => m.getAttribute('tabindex') === '0').length };
  })"""
FOCUSED_ITEM = "() => document.activeElement?.dataset?.kbdItem ?? null"


def tab_walk(page: Page, controls: int) -> set[int]:
    """The marked controls that Tab presses reach, going round the page (twice over at most,
    since the walk may start anywhere)."""
    reached: set[int] = set()
    for _ in range(2 * controls + 4):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is not None:
            reached.add(int(focused))
        if len(reached) == controls:
            break
    return reached


def arrow_walk(page: Page, toolbar: int, members: int) -> set[str]:
    """The members of a toolbar that arrow keys reach from its Tab stop: Home, then ArrowRight
    and ArrowDown in turn (a chart's arrows go either way) as often as it has members."""
    page.evaluate(
        "t => [...document.querySelectorAll(`[data-kbd-item^='${t}.']`)]"
        ".find((m) => m.getAttribute('tabindex') === '0')?.focus()",
        toolbar,
    )
    reached: set[str] = set()
    for key in ["Home"] + ["ArrowRight", "ArrowDown"] * members:
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED_ITEM)
        if focused is not None:
            reached.add(focused)
        if len(reached) == members:
            break
    return reached


def test_tab_alone_reaches_every_control_on_every_route(
    demo: Neo4jSettings, browser: Browser
) -> None:
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        missed: dict[str, list[str]] = {}
        try:
            for route in ROUTES:
                open_route(page, server.url + route)
                controls: list[str] = page.evaluate(MARK_CONTROLS)
                assert len(controls) >= 2, f"{route}: no controls found"  # header links
                reached = tab_walk(page, len(controls))
                if len(reached) < len(controls):
                    missed[route] = [c for i, c in enumerate(controls) if i not in reached]
                loose = page.evaluate(
                    "() => [...document.querySelectorAll('figure.chart [role=button]')]"
                    ".filter((b) => !b.closest('[role=toolbar]')).length"
                )
                if loose:  # a chart's buttons are one toolbar, one Tab stop
                    missed.setdefault(route, []).append(f"{loose} chart buttons in no toolbar")
                toolbars: list[dict[str, Any]] = page.evaluate(TOOLBARS)
                for t, bar in enumerate(toolbars):
                    if bar["stops"] != 1:
                        missed.setdefault(route, []).append(
                            f'toolbar "{bar["name"]}": {bar["stops"]} Tab stops, not one'
                        )
                    arrowed = len(arrow_walk(page, t, bar["members"]))
                    if arrowed < bar["members"]:
                        missed.setdefault(route, []).append(
                            f'toolbar "{bar["name"]}": arrows reach {arrowed} of {bar["members"]}'
                        )
            assert not missed, "\n".join(f"{r}: never reached {m}" for r, m in missed.items())
            assert watched.errors == []
        finally:
            watched.close()


def tab_until(page: Page, test: str, limit: int = 120) -> None:
    """Presses Tab until `test` (a JS function of the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({test})(document.activeElement)"):
            return
    raise AssertionError(f"{limit} Tab presses never focused an element where {test}")


def test_keyboard_alone_finds_a_provider_chooses_a_customer_and_shows_its_evidence(
    demo: Neo4jSettings, browser: Browser
) -> None:
    with Server(demo) as server:
        watched = Watched(browser, server.url)
        page = watched.page
        try:
            open_route(page, server.url + "/explore")
            expect(page.get_by_label("Search stakeholders")).to_be_focused()
            page.keyboard.type("ToyCo")
            expect(page.get_by_role("link", name="ToyCo", exact=True)).to_be_visible()
            tab_until(page, "el => el.tagName === 'A' && el.textContent === 'ToyCo'")
            page.keyboard.press("Enter")
            expect(page).to_have_url(server.url + "/explore/stakeholder/toyco")
            expect(page.locator("#app")).to_have_attribute("data-ready", "true")

            tab_until(page, "el => el.matches('button.customer')")
            customer_id = page.evaluate("() => document.activeElement.dataset.id")
            page.keyboard.press("Enter")
            customers = page.get_by_role("region", name="Customers")
            expect(
                customers.locator(f'button.customer[data-id="{customer_id}"]')
            ).to_have_attribute("aria-pressed", "true")
            evidence = page.get_by_role("region", name="Evidence")
            expect(evidence.get_by_role("listitem").first).to_be_visible()
            picture = page.get_by_role("region", name="Neighbourhood")
            expect(picture).to_have_attribute("data-highlighted", re.compile(customer_id))
            assert f"customer={customer_id}" in page.url

            page.keyboard.press("Space")  # the same button again: the choice is undone
            expect(evidence.get_by_role("listitem")).to_have_count(0)
            expect(picture).to_have_attribute("data-highlighted", "")
            assert watched.errors == []
        finally:
            watched.close()
