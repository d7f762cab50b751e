"""The hot reads: what the server has Neo4j plan before /ready says ready.

Each entry calls the function a resolver calls, with an id no stakeholder can have, so
that graph/warmup.py plans exactly the statements clients will send.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Any

from stakegraph import analytics, summaries, voice
from stakegraph.analytics import SegmentDimension
from stakegraph.graph import explore, lens_query, reads, relations
from stakegraph.graph.driver import Graph
from stakegraph.graph.warmup import NO_ID, Call, Warmth, warm
from stakegraph.lenses import CUSTOMER_LENSES, Lens

_SINCE = datetime(2000, 1, 1, tzinfo=UTC)
_UNTIL = datetime(2001, 1, 1, tzinfo=UTC)
_WINDOW = lens_query.Window(since=_SINCE, until=_UNTIL)


def _page(listing: lens_query.Listing, **asked: Any) -> Call:
    """A lens page for no stakeholder: `lens_query.PageAsk`'s fields as keywords."""
    return partial(lens_query.page, ask=lens_query.PageAsk(NO_ID, listing, **asked))


def hot_calls() -> dict[str, Call]:
    """The reads worth planning before the first client, by a name for the log.

    The lens statement's text depends on which lens files a request needs (`lenses`
    and `except`): all ten, each one alone and the README's pair are planned here;
    other combinations are planned on their first use."""
    calls: dict[str, Call] = {}
    for listing in lens_query.Listing:
        for lenses in (None, *((lens,) for lens in Lens)):
            name = f"{listing.name.lower()}[{lenses[0].value if lenses else 'ALL'}]"
            calls[name] = _page(listing, lenses=lenses)
        calls[f"{listing.name.lower()}[ALL, window]"] = _page(listing, window=_WINDOW)
        # The README's "consumers who did not pay": a two-lens shape worth having ready.
        calls[f"{listing.name.lower()}[END_USER except TRANSACTIONAL]"] = _page(
            listing, lenses=(Lens.END_USER,), except_=(Lens.TRANSACTIONAL,)
        )
    calls.update(
        {
            "explain": lambda g: lens_query.explain(g, NO_ID, NO_ID),
            "mutualCustomers": lambda g: lens_query.mutual(g, NO_ID),
            "satisfaction[LENS]": lambda g: voice.satisfaction(g, NO_ID, by=SegmentDimension.LENS),
            "held[customers]": lambda g: lens_query.held(g, NO_ID, CUSTOMER_LENSES),
            "held[customers, window]": lambda g: lens_query.held(
                g, NO_ID, CUSTOMER_LENSES, _WINDOW
            ),
            "lifetimeValue": lambda g: analytics.lifetime_value(g, NO_ID, NO_ID),
            "rfm": lambda g: analytics.rfm(g, NO_ID),
            "journeyStage": lambda g: analytics.journey_stage(g, NO_ID, NO_ID),
            "leads": lambda g: analytics.leads(g, NO_ID),
            "powerInterest": lambda g: analytics.power_interest(g, NO_ID),
            "segments": lambda g: analytics.segments(g, NO_ID, "CUSTOMER_TYPE", []),
            "providerSummary": lambda g: summaries.provider_summary(g, NO_ID),
            "buyingCenter": lambda g: reads.buying_center(g, NO_ID, None),
            "stakeholder": lambda g: reads.stakeholder(g, NO_ID),
            "stakeholders": lambda g: reads.stakeholders(
                g, reads.StakeholderFilter(), "NAME", 50, None
            ),
            "neighbourhood": lambda g: explore.neighbourhood(g, NO_ID, 1, None, 200),
            "search": lambda g: explore.search(g, "warm", None, 20),
            "relation": lambda g: relations.relation(g, NO_ID),
            "relationCounts": lambda g: relations.relation_counts(g, [NO_ID]),
        }
    )
    return calls


async def warm_up(graph: Graph) -> Warmth:
    """Plan every hot read (graph/warmup.py)."""
    return await warm(graph, hot_calls())
