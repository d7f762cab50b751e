"""Provider summaries in GraphQL (SPEC 9 and 14): providerSummary, customerChanges,
segmentMembers. Each resolver makes one call into `stakegraph.summaries`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from stakegraph import summaries
from stakegraph.analytics import SegmentDimension
from stakegraph.api.analytics import Money
from stakegraph.api.context import Info
from stakegraph.api.types import (
    CustomerRelation,
    NodeCache,
    PageInfo,
    Stakeholder,
    StakeholderConnection,
    StakeholderEdge,
    from_node,
    relation_from,
)
from stakegraph.lenses import Lens


@strawberry.type(description="How many customers of the provider one lens finds.")
class LensCount:
    lens: Lens = strawberry.field(description="The lens.")
    count: int = strawberry.field(
        description="Customers under it: customersOf(lenses: [lens]).totalCount."
    )


@strawberry.type(description="Customers for whom exactly these lenses hold, and no other.")
class LensCombination:
    lenses: list[Lens] = strawberry.field(description="The lenses, in catalogue order.")
    count: int = strawberry.field(description="How many customers have exactly this set.")


@strawberry.type(description="One offering of the provider: who buys it, who uses it.")
class OfferingSummary:
    offering: str = strawberry.field(description="The offering's name, as on the relationships.")
    customers: int = strawberry.field(description="EXCHANGE customers who bought it.")
    users: int = strawberry.field(description="END_USER customers who use it.")
    revenue: list[Money] = strawberry.field(
        description="Its MONEY purchases, one amount per currency (never converted)."
    )


@strawberry.type(description="A provider at a glance: its customers by lens, revenue, offerings.")
class ProviderSummary:
    provider: Stakeholder = strawberry.field(description="The provider.")
    customers_by_lens: list[LensCount] = strawberry.field(
        description="All ten lenses in catalogue order, zeros kept."
    )
    lens_combinations: list[LensCombination] = strawberry.field(
        description="Each exact set of lenses that occurs, largest first."
    )
    revenue: list[Money] = strawberry.field(
        description="MONEY purchases from the provider, one amount per currency: the sum of"
        " lifetimeValue over its customers."
    )
    purchase_count: int = strawberry.field(description="How many MONEY purchases.")
    first_purchase: datetime | None = strawberry.field(
        description="The earliest MONEY purchase (null when none is dated)."
    )
    last_purchase: datetime | None = strawberry.field(
        description="The latest MONEY purchase (null when none is dated)."
    )
    offerings: list[OfferingSummary] = strawberry.field(
        description="Offerings bought or used, most customers first, then by name."
    )


@strawberry.type(description="Customers gained and lost between two windows of the same length.")
class CustomerChanges:
    gained: list[CustomerRelation] = strawberry.field(
        description="Customers in the current window and not the previous one, with the"
        " current window's evidence."
    )
    lost: list[CustomerRelation] = strawberry.field(
        description="Customers in the previous window and not the current one, with the"
        " previous window's evidence."
    )
    kept: int = strawberry.field(description="How many are customers in both windows.")


ProviderId = Annotated[strawberry.ID, strawberry.argument(description="The provider p.")]
ChangeLenses = Annotated[
    list[Lens] | None,
    strawberry.argument(description="Who counts as a customer: absent = every lens but PROSPECT."),
]


async def resolve_provider_summary(info: Info, provider_id: ProviderId) -> ProviderSummary:
    found = await summaries.provider_summary(info.context.graph, str(provider_id))
    nodes = NodeCache()
    return ProviderSummary(
        provider=nodes.get(found.provider),
        customers_by_lens=[LensCount(lens=c.lens, count=c.count) for c in found.customers_by_lens],
        lens_combinations=[
            LensCombination(lenses=c.lenses, count=c.count) for c in found.lens_combinations
        ],
        revenue=[Money(amount=m.amount, currency=m.currency) for m in found.revenue],
        purchase_count=found.purchase_count,
        first_purchase=found.first_purchase,
        last_purchase=found.last_purchase,
        offerings=[
            OfferingSummary(
                offering=o.offering,
                customers=o.customers,
                users=o.users,
                revenue=[Money(amount=m.amount, currency=m.currency) for m in o.revenue],
            )
            for o in found.offerings
        ],
    )


async def resolve_customer_changes(
    info: Info,
    provider_id: ProviderId,
    from_: Annotated[
        datetime,
        strawberry.argument(name="from", description="Start of the current window, inclusive."),
    ],
    to: Annotated[
        datetime,
        strawberry.argument(
            description="End of the current window, exclusive; must be after `from`. The"
            " previous window has the same length and ends at `from`."
        ),
    ],
    lenses: ChangeLenses = None,
) -> CustomerChanges:
    changes = await summaries.customer_changes(
        info.context.graph, str(provider_id), from_, to, lenses
    )
    nodes = NodeCache()
    return CustomerChanges(
        gained=[relation_from(r, nodes) for r in changes.gained],
        lost=[relation_from(r, nodes) for r in changes.lost],
        kept=changes.kept,
    )


async def resolve_segment_members(
    info: Info,
    provider_id: ProviderId,
    by: Annotated[
        SegmentDimension, strawberry.argument(description="The dimension, as in `segments`.")
    ],
    key: Annotated[
        str,
        strawberry.argument(
            description="The bucket's key exactly as `segments` returns it (case-sensitive);"
            " a key no bucket has gives an empty page."
        ),
    ],
    lenses: ChangeLenses = None,
    first: Annotated[int | None, strawberry.argument(description="Page size (at most 500).")] = 50,
    after: Annotated[
        str | None, strawberry.argument(description="The endCursor of the previous page.")
    ] = None,
) -> StakeholderConnection:
    found = await summaries.segment_members(
        info.context.graph, str(provider_id), by, key, lenses, first, after
    )
    edges = [StakeholderEdge(cursor=found.cursor(n), node=from_node(n)) for n in found.members]
    return StakeholderConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=found.has_next, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=found.total,
    )


@strawberry.type
class SummaryQuery:
    provider_summary: ProviderSummary = strawberry.field(
        resolver=resolve_provider_summary,
        description="A provider at a glance: customers per lens and per exact lens set, MONEY"
        " revenue, and its offerings.",
    )
    customer_changes: CustomerChanges = strawberry.field(
        resolver=resolve_customer_changes,
        description="Customers gained, lost and kept: the window [from, to) against the"
        " window of the same length just before it.",
    )
    segment_members: StakeholderConnection = strawberry.field(
        resolver=resolve_segment_members,
        description="The customers in one bucket of `segments`, by name then id; totalCount"
        " is the bucket's count.",
    )
