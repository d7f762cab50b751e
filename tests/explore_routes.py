"""The explorer's routes on the demo world: every one gets the checks that hold for every
view (tests/test_explore_a11y.py: no serious or critical axe-core violation; Tab alone
reaches every control). A new view adds its route here, with the demo stakeholder it
shows; the page must set `#app[data-ready]` once the view is drawn.
"""

from __future__ import annotations

ROUTES: list[str] = [
    "/explore",
    "/explore?q=toy",  # search results listed
    "/explore/stakeholder/toyco",  # a provider: customers, lens chips, paging
    "/explore/stakeholder/toyco?customer=p029",  # the first customer chosen: its evidence
    "/explore/stakeholder/leo",  # a person: providers, relations
    "/explore/account/globex",  # a buying center, the power/interest grid
    "/explore/provider/toyco?end=2026-01-01",  # the provider dashboard: charts, leads, changes
    "/explore/provider/toyco?by=COUNTRY&key=DE&stage=PURCHASE&rfm=Lost",  # members open
    "/explore/account/org05?provider=initech",  # one provider's, single-threaded: a warning
    "/explore/queries",  # the query library
    "/explore/queries/single_threaded_accounts?run=1&providerId=initech",  # rows shown
    "/explore/queries/stalled_prospects?run=1&providerId=initech&days=soon",  # a field's error
    "/explore/nowhere",  # not a page of the explorer
]
