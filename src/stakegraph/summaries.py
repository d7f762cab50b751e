"""Provider summaries (SPEC 9 and 14): providerSummary, customerChanges, segmentMembers.

Which lenses hold for whom always comes from the lens files, composed by graph/lens_query
(one round trip for every customer of p); providerSummary and segmentMembers then count
and read what lies behind them with one file under cypher/analytics/ (providerSummary in
the same statement: graph/analytics.py), and customerChanges compares two such pages, one
per window. No lens rule is written here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from stakegraph import analytics, errors
from stakegraph.analytics import Money, SegmentDimension
from stakegraph.graph import analytics as graph_analytics
from stakegraph.graph import lens_query, paging, reads, values
from stakegraph.graph.driver import Graph, Reader
from stakegraph.lenses import CUSTOMER_LENSES, Lens

__all__ = [
    "CustomerChanges",
    "LensCombination",
    "LensCount",
    "OfferingSummary",
    "ProviderSummary",
    "SegmentMembers",
    "customer_changes",
    "provider_summary",
    "segment_members",
]


def _money(rows: Sequence[dict[str, Any]]) -> list[Money]:
    return [Money(float(m["amount"]), m["currency"]) for m in rows]


# --------------------------------------------------------------------------- providerSummary


@dataclass(frozen=True)
class LensCount:
    lens: Lens
    count: int


@dataclass(frozen=True)
class LensCombination:
    lenses: list[Lens]
    count: int


@dataclass(frozen=True)
class OfferingSummary:
    offering: str
    customers: int
    users: int
    revenue: list[Money]


@dataclass(frozen=True)
class ProviderSummary:
    provider: values.Node
    customers_by_lens: list[LensCount]
    lens_combinations: list[LensCombination]
    revenue: list[Money]
    purchase_count: int
    first_purchase: datetime | None
    last_purchase: datetime | None
    offerings: list[OfferingSummary]


async def provider_summary(graph: Graph, provider_id: str) -> ProviderSummary:
    """Every lens's customers of p (lens files, all time), then analytics/provider_summary
    over them: one statement."""
    row = await graph_analytics.provider_summary(graph, provider_id)
    if row is None:
        raise errors.NotFound(f"no stakeholder with id {provider_id!r}", field="providerId")
    return ProviderSummary(
        provider=row["provider"],
        customers_by_lens=[LensCount(Lens(c["lens"]), c["count"]) for c in row["customersByLens"]],
        lens_combinations=[
            LensCombination([Lens(lens) for lens in c["lenses"]], c["count"])
            for c in row["lensCombinations"]
        ],
        revenue=_money(row["revenue"]),
        purchase_count=row["purchaseCount"],
        first_purchase=row["firstPurchase"],
        last_purchase=row["lastPurchase"],
        offerings=[
            OfferingSummary(o["offering"], o["customers"], o["users"], _money(o["revenue"]))
            for o in row["offerings"]
        ],
    )


# --------------------------------------------------------------------------- customerChanges


@dataclass(frozen=True)
class CustomerChanges:
    gained: list[lens_query.Relation]  # with the current window's evidence
    lost: list[lens_query.Relation]  # with the previous window's evidence
    kept: int


def _earlier(moment: datetime, length: timedelta) -> datetime:
    """`moment - length`, or the first representable moment when that is out of range."""
    try:
        return moment - length
    except OverflowError:
        return datetime.min.replace(tzinfo=UTC if moment.tzinfo else None)


async def customer_changes(
    graph: Graph,
    provider_id: str,
    start: datetime,
    end: datetime,
    lenses: Sequence[Lens] | None = None,
) -> CustomerChanges:
    """p's customers in [start, end) against the window of the same length just before.

    The lens files answer both windows (two statements of one read transaction); `lenses`
    default to every lens but PROSPECT. `start >= end` is BAD_USER_INPUT naming `from`. A
    previous window that would begin before the first representable moment (year 1) begins
    there.
    """
    current = lens_query.Window(start, end).check("from")
    previous = lens_query.Window(_earlier(start, end - start), start)
    chosen = list(lenses) if lenses else list(CUSTOMER_LENSES)

    async def customers(reader: Reader, window: lens_query.Window) -> list[lens_query.Relation]:
        page = await lens_query.page(
            reader,
            lens_query.PageAsk(
                anchor_id=provider_id,
                listing=lens_query.Listing.CUSTOMERS_OF,
                lenses=chosen,
                everything=True,
                window=window,
            ),
        )
        return page.relations

    async def both(reader: Reader) -> tuple[list[lens_query.Relation], ...]:
        return await customers(reader, current), await customers(reader, previous)

    now, before = await graph.read_together(both)
    now_ids = {r.customer["id"] for r in now}
    before_ids = {r.customer["id"] for r in before}
    return CustomerChanges(
        gained=[r for r in now if r.customer["id"] not in before_ids],
        lost=[r for r in before if r.customer["id"] not in now_ids],
        kept=len(now_ids & before_ids),
    )


# --------------------------------------------------------------------------- segmentMembers


@dataclass(frozen=True)
class SegmentMembers:
    members: list[values.Node]  # in (name, id) order
    total: int
    has_next: bool

    def cursor(self, node: Any) -> str:
        return paging.encode_cursor(node["name"], node["id"])


async def segment_members(
    graph: Graph,
    provider_id: str,
    by: SegmentDimension,
    key: str,
    lenses: Sequence[Lens] | None = None,
    first: int | None = paging.DEFAULT_PAGE,
    after: str | None = None,
) -> SegmentMembers:
    """The customers of p (under `lenses`, default every lens but PROSPECT) in the bucket
    `key` of `segments(by)`: the lens files, then (for RFM_SEGMENT and JOURNEY_STAGE) the
    bucket keys, then analytics/segment_members: the statements of one read transaction.
    A key no bucket has gives an empty page."""
    size = paging.check_first(first)
    after_name, after_id = paging.decode_cursor(after)

    async def members(reader: Reader) -> dict[str, Any]:
        held = await lens_query.held(reader, provider_id, lenses or CUSTOMER_LENSES)
        customers = {cid: [lens.value for lens in found] for cid, found in held.items()}
        params = await analytics.segment_parameters(reader, provider_id, by, customers)
        records = await reads.rows(
            reader,
            "analytics/segment_members",
            **params,
            key=key,
            afterName=after_name,
            afterId=after_id,
            first=size,
        )
        return records[0]

    row = await graph.read_together(members)
    return SegmentMembers(list(row["page"]), row["total"], row["hasNext"])
