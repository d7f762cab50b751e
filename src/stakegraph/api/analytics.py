"""Customer analytics in GraphQL (SPEC 7): lifetime value, RFM, journey stage, segments,
leads and the power/interest grid.

Each resolver makes one call into `stakegraph.analytics` (segments first asks the lens
composition for the customer set) and maps the figures to plain-attribute types. Money is
grouped per currency and never converted; docs/analytics.md states every formula.

The types here mirror the dataclasses of `stakegraph.analytics` field by field rather than
being them: half of those hold a neo4j Node where GraphQL has a Stakeholder or Person, and
the field descriptions of the schema belong here, not in a layer free of Strawberry.
tests/test_api_analytics.py checks that the fields stay in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

import strawberry

from stakegraph import analytics, errors
from stakegraph.analytics import JourneyStage, Quadrant, SegmentDimension
from stakegraph.api.context import Info
from stakegraph.api.types import NodeCache, Person, Stakeholder, person_from_node
from stakegraph.graph import lens_query, reads
from stakegraph.graph.driver import Graph
from stakegraph.lenses import CUSTOMER_LENSES, Lens

# strawberry.enum registers the graph layer's enums in place, under the same names.
strawberry.enum(JourneyStage, description="How far a stakeholder has come with a provider.")
strawberry.enum(SegmentDimension, description="What customers are grouped by in `segments`.")
strawberry.enum(Quadrant, description="A cell of the power/interest grid.")


@strawberry.type(description="A customer's value for a provider in one currency (MONEY purchases).")
class LifetimeValue:
    currency: str
    historical_revenue: float
    purchase_count: int
    first_purchase: datetime | None
    last_purchase: datetime | None
    average_order_value: float
    purchases_per_year: float
    predicted_value: float = strawberry.field(
        description="Predicted value: AOV x purchases per year x expected lifespan x gross margin."
    )
    retention_value: float | None = strawberry.field(
        description="m x r / (1 + d - r) (m: yearly margin, r: retentionRate, d: discountRate)."
    )
    assumptions: list[str] = strawberry.field(
        description="The lifespan and margin used, and whether they are defaults, in words."
    )


@strawberry.type(description="A TRANSACTIONAL customer's recency, frequency and monetary.")
class RfmScore:
    customer: Stakeholder
    recency_days: int
    frequency: int
    monetary: float = strawberry.field(
        description="Money paid in the provider's main currency (never converted)."
    )
    currency: str = strawberry.field(
        description="The currency of `monetary`: the provider's main currency, the most "
        "common among its MONEY purchases (ties: alphabetically first)."
    )
    r: int
    f: int
    m: int
    segment: str


@strawberry.type(description="An amount in one currency.")
class Money:
    amount: float
    currency: str


@strawberry.type(description="Customers sharing one value of a dimension, and their revenue.")
class SegmentBucket:
    key: str
    count: int
    revenue: list[Money] = strawberry.field(description="MONEY revenue, one per currency.")


@strawberry.type(description="A prospect scored fit (0-50) + engagement (0-50).")
class Lead:
    prospect: Stakeholder
    score: float
    fit: float
    engagement: float
    qualified: bool
    reasons: list[str]


@strawberry.type(description="A buying-center member on the power/interest grid (each 0..1).")
class PowerInterestEntry:
    person: Person
    power: float
    interest: float
    quadrant: Quadrant


def lifetime_value_from(value: analytics.LifetimeValue) -> LifetimeValue:
    return LifetimeValue(
        currency=value.currency,
        historical_revenue=value.historical_revenue,
        purchase_count=value.purchase_count,
        first_purchase=value.first_purchase,
        last_purchase=value.last_purchase,
        average_order_value=value.average_order_value,
        purchases_per_year=value.purchases_per_year,
        predicted_value=value.predicted_value,
        retention_value=value.retention_value,
        assumptions=value.assumptions,
    )


def bucket_from(bucket: analytics.SegmentBucket) -> SegmentBucket:
    return SegmentBucket(
        key=bucket.key,
        count=bucket.count,
        revenue=[Money(amount=m.amount, currency=m.currency) for m in bucket.revenue],
    )


async def require_pair(graph: Graph, customer_id: str, provider_id: str) -> None:
    """NotFound naming the argument whose id does not exist."""
    await reads.require(graph, customer_id, "customerId")
    await reads.require(graph, provider_id, "providerId")


async def customer_lenses(
    graph: Graph, provider_id: str, lenses: Sequence[Lens]
) -> dict[str, list[str]]:
    """p's customers under `lenses`, id -> the lenses that hold (NotFound for no such p).

    One statement: the lens union runs once, however many customers p has, and only ids
    and lens names leave Neo4j (no evidence).
    """
    held = await lens_query.held(graph, provider_id, lenses)
    return {cid: [lens.value for lens in found] for cid, found in held.items()}


SegmentLenses = Annotated[
    list[Lens] | None,
    strawberry.argument(description="Whose customers: absent = every lens but PROSPECT."),
]


async def resolve_lifetime_value(
    info: Info,
    customer_id: strawberry.ID,
    provider_id: strawberry.ID,
    retention_rate: float | None = None,
    discount_rate: float | None = None,
) -> list[LifetimeValue]:
    graph = info.context.graph
    try:
        values = await analytics.lifetime_value(
            graph, str(customer_id), str(provider_id), retention_rate, discount_rate
        )
    except errors.NotFound:
        await require_pair(graph, str(customer_id), str(provider_id))
        raise
    return [lifetime_value_from(v) for v in values]


async def resolve_rfm(
    info: Info, provider_id: strawberry.ID, as_of: datetime | None = None
) -> list[RfmScore]:
    graph = info.context.graph
    scores = await analytics.rfm(graph, str(provider_id), as_of)
    if not scores:
        await reads.require(graph, str(provider_id), "providerId")
    nodes = NodeCache()
    return [
        RfmScore(
            customer=nodes.get(s.customer),
            recency_days=s.recency_days,
            frequency=s.frequency,
            monetary=s.monetary,
            currency=s.currency,
            r=s.r,
            f=s.f,
            m=s.m,
            segment=s.segment,
        )
        for s in scores
    ]


async def resolve_journey_stage(
    info: Info, customer_id: strawberry.ID, provider_id: strawberry.ID
) -> JourneyStage:
    graph = info.context.graph
    try:
        return await analytics.journey_stage(graph, str(customer_id), str(provider_id))
    except errors.NotFound:
        await require_pair(graph, str(customer_id), str(provider_id))
        raise


async def resolve_segments(
    info: Info, provider_id: strawberry.ID, by: SegmentDimension, lenses: SegmentLenses = None
) -> list[SegmentBucket]:
    graph = info.context.graph
    customers = await customer_lenses(graph, str(provider_id), lenses or CUSTOMER_LENSES)
    buckets = await analytics.segments(graph, str(provider_id), by, customers)
    return [bucket_from(b) for b in buckets]


async def resolve_leads(
    info: Info, provider_id: strawberry.ID, as_of: datetime | None = None, first: int | None = 50
) -> list[Lead]:
    graph = info.context.graph
    found = await analytics.leads(graph, str(provider_id), as_of, 50 if first is None else first)
    if not found:
        await reads.require(graph, str(provider_id), "providerId")
    nodes = NodeCache()
    return [
        Lead(
            prospect=nodes.get(lead.prospect),
            score=lead.score,
            fit=lead.fit,
            engagement=lead.engagement,
            qualified=lead.qualified,
            reasons=lead.reasons,
        )
        for lead in found
    ]


async def resolve_power_interest(
    info: Info, organization_id: strawberry.ID, provider_id: strawberry.ID | None = None
) -> list[PowerInterestEntry]:
    graph = info.context.graph
    pid = str(provider_id) if provider_id is not None else None
    entries = await analytics.power_interest(graph, str(organization_id), pid)
    if pid is not None:
        await reads.require(graph, pid, "providerId")
    return [
        PowerInterestEntry(
            person=person_from_node(e.person),
            power=e.power,
            interest=e.interest,
            quadrant=e.quadrant,
        )
        for e in entries
    ]


@strawberry.type
class AnalyticsQuery:
    lifetime_value: list[LifetimeValue] = strawberry.field(
        resolver=resolve_lifetime_value,
        description="A customer's lifetime value for a provider, one per currency it paid in.",
    )
    rfm: list[RfmScore] = strawberry.field(
        resolver=resolve_rfm,
        description="RFM scores of a provider's TRANSACTIONAL customers at asOf, best first.",
    )
    journey_stage: JourneyStage = strawberry.field(
        resolver=resolve_journey_stage,
        description="How far a stakeholder has come with a provider; it only moves forward.",
    )
    segments: list[SegmentBucket] = strawberry.field(
        resolver=resolve_segments,
        description="A provider's customers in buckets of one dimension, with MONEY revenue.",
    )
    leads: list[Lead] = strawberry.field(
        resolver=resolve_leads,
        description="A provider's prospects scored fit + engagement at asOf, best first.",
    )
    power_interest: list[PowerInterestEntry] = strawberry.field(
        resolver=resolve_power_interest,
        description="An organisation's buying center on the power/interest grid.",
    )
