"""The voice of the customer in GraphQL (SPEC 13): journey, satisfaction, referrals,
persona and crossSegments. Each resolver makes one call into `stakegraph.voice` and maps
the figures to plain-attribute types; docs/analytics.md states every formula."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from stakegraph import errors, voice
from stakegraph.analytics import JourneyStage, SegmentDimension
from stakegraph.api.analytics import Money, SegmentLenses, customer_lenses, require_pair
from stakegraph.api.context import Info
from stakegraph.api.relations import Relation
from stakegraph.api.types import NodeCache, Stakeholder
from stakegraph.graph import reads
from stakegraph.lenses import CUSTOMER_LENSES, Lens
from stakegraph.records import StakeholderKind

CustomerId = Annotated[strawberry.ID, strawberry.argument(description="The customer x.")]
ProviderId = Annotated[strawberry.ID, strawberry.argument(description="The provider p.")]


@strawberry.type(description="One step of a customer's journey with a provider.")
class Touchpoint:
    at: datetime | None = strawberry.field(
        description="When it happened (`at`, else `since`); null when undated (listed first)."
    )
    relation: Relation = strawberry.field(
        description="The interaction: x's own with the provider, a referral x made for it, "
        "or one of x's home organisations' (shown, it moves nothing)."
    )
    stage: JourneyStage = strawberry.field(
        description="The journey stage x had reached with the provider at this point; it "
        "never goes back, and the last one equals journeyStage."
    )
    channel: str | None = strawberry.field(
        description="Where it happened (engagements, feedback, referrals), else null."
    )


def _relation(point: voice.Touchpoint, nodes: NodeCache) -> Relation:
    """The touchpoint's relation as its concrete type (Purchase, Feedback, ...)."""
    return nodes.relation(point.relation, point.from_node, point.to_node)


async def resolve_journey(
    info: Info,
    customer_id: CustomerId,
    provider_id: ProviderId,
) -> list[Touchpoint]:
    graph = info.context.graph
    points = await voice.journey(graph, str(customer_id), str(provider_id))
    if not points:
        await require_pair(graph, str(customer_id), str(provider_id))
    nodes = NodeCache()
    return [
        Touchpoint(
            at=point.at,
            relation=_relation(point, nodes),
            stage=point.stage,
            channel=point.channel,
        )
        for point in points
    ]


@strawberry.type(description="Satisfaction of one bucket of a provider's respondents.")
class SatisfactionBucket:
    key: str = strawberry.field(
        description="The bucket: 'ALL' without `by`, else the segment key ('UNKNOWN' when "
        "the respondent lacks the value)."
    )
    nps: float | None = strawberry.field(
        description="Net Promoter Score, -100..100: % promoters (9-10) minus % detractors "
        "(0-6), each respondent counted once with their latest nps in the window; null "
        "when nobody in the bucket gave an nps."
    )
    csat_average: float | None = strawberry.field(
        description="Mean of every csat (1-5) given in the window; null when none."
    )
    responses: int = strawberry.field(description="Feedback given in the window.")
    respondents: int = strawberry.field(description="Distinct stakeholders who gave it.")


@strawberry.type(description="Someone who referred others to the provider, and how it went.")
class ReferrerEntry:
    referrer: Stakeholder = strawberry.field(description="Who made the referrals.")
    referred: list[Stakeholder] = strawberry.field(
        description="Everyone they referred to the provider, by name then id."
    )
    converted: list[Stakeholder] = strawberry.field(
        description="Those of them who made a MONEY purchase from the provider at or after "
        "the (first) referral."
    )
    conversion_rate: float = strawberry.field(description="converted / referred, 0..1.")


@strawberry.type(
    description="One trait of the representative customer: a dimension's most "
    "common value among the customers of one kind."
)
class PersonaTrait:
    kind: StakeholderKind = strawberry.field(
        description="PERSON or ORGANIZATION: whose trait (departments are left out)."
    )
    dimension: SegmentDimension = strawberry.field(description="The dimension.")
    value: str = strawberry.field(description="Its most common value (ties: alphabetically first).")
    share: float = strawberry.field(
        description="Customers of this kind with the value / customers of this kind, 0..1."
    )


@strawberry.type(description="The representative customer (persona) of a provider.")
class Persona:
    customers: int = strawberry.field(
        description="How many customers it was drawn from (people and organisations)."
    )
    traits: list[PersonaTrait] = strawberry.field(
        description="For people: AGE_BAND, COUNTRY, INTEREST, VALUE, NEED; for organisations:"
        " INDUSTRY, SIZE_BAND, COUNTRY, TECHNOLOGY; one per kind and dimension with a value."
    )


@strawberry.type(description="Customers sharing one value in each of two or three dimensions.")
class CrossSegmentBucket:
    keys: list[str] = strawberry.field(description="One key per dimension, in `by` order.")
    count: int = strawberry.field(description="Customers in the bucket.")
    revenue: list[Money] = strawberry.field(
        description="Their MONEY purchases from the provider, one amount per currency."
    )


Since = Annotated[
    datetime | None,
    strawberry.argument(
        description="Window start (inclusive); absent = open. Undated "
        "feedback counts in every window."
    ),
]
Until = Annotated[
    datetime | None, strawberry.argument(description="Window end (exclusive); absent = open.")
]
By = Annotated[
    SegmentDimension | None,
    strawberry.argument(
        description="Bucket respondents by this dimension; absent = one bucket 'ALL'."
    ),
]
CrossBy = Annotated[
    list[SegmentDimension],
    strawberry.argument(description="Two or three distinct dimensions."),
]
First = Annotated[int | None, strawberry.argument(description="How many referrers (at most 500).")]


async def resolve_satisfaction(
    info: Info,
    provider_id: ProviderId,
    since: Since = None,
    until: Until = None,
    by: By = None,
) -> list[SatisfactionBucket]:
    graph = info.context.graph
    buckets = await voice.satisfaction(graph, str(provider_id), since, until, by, list(Lens))
    if not buckets:
        await reads.require(graph, str(provider_id), "providerId")
    return [
        SatisfactionBucket(
            key=b.key,
            nps=b.nps,
            csat_average=b.csat_average,
            responses=b.responses,
            respondents=b.respondents,
        )
        for b in buckets
    ]


async def resolve_referrals(
    info: Info, provider_id: ProviderId, first: First = 50
) -> list[ReferrerEntry]:
    graph = info.context.graph
    entries = await voice.referrals(graph, str(provider_id), 50 if first is None else first)
    if not entries:
        await reads.require(graph, str(provider_id), "providerId")
    nodes = NodeCache()
    return [
        ReferrerEntry(
            referrer=nodes.get(e.referrer),
            referred=[nodes.get(n) for n in e.referred],
            converted=[nodes.get(n) for n in e.converted],
            conversion_rate=e.conversion_rate,
        )
        for e in entries
    ]


async def resolve_persona(
    info: Info, provider_id: ProviderId, lenses: SegmentLenses = None
) -> Persona:
    graph = info.context.graph
    customers = await customer_lenses(graph, str(provider_id), lenses or CUSTOMER_LENSES)
    found = await voice.persona(graph, str(provider_id), customers)
    if found is None:
        raise errors.NotFound(f"no stakeholder with id {str(provider_id)!r}", field="providerId")
    return Persona(
        customers=found.customers,
        traits=[
            PersonaTrait(
                kind=StakeholderKind(t.kind), dimension=t.dimension, value=t.value, share=t.share
            )
            for t in found.traits
        ],
    )


async def resolve_cross_segments(
    info: Info, provider_id: ProviderId, by: CrossBy, lenses: SegmentLenses = None
) -> list[CrossSegmentBucket]:
    graph = info.context.graph
    buckets = await voice.cross_segments(graph, str(provider_id), by, lenses or CUSTOMER_LENSES)
    return [
        CrossSegmentBucket(
            keys=b.keys,
            count=b.count,
            revenue=[Money(amount=m.amount, currency=m.currency) for m in b.revenue],
        )
        for b in buckets
    ]


@strawberry.type
class VoiceQuery:
    journey: list[Touchpoint] = strawberry.field(
        resolver=resolve_journey,
        description="The journey map of x with p: every touchpoint in time order (undated "
        "first, ties by type and id) with the stage reached at each.",
    )
    satisfaction: list[SatisfactionBucket] = strawberry.field(
        resolver=resolve_satisfaction,
        description="NPS, CSAT average, responses and respondents of p's feedback in a "
        "window, per bucket of one dimension (one bucket 'ALL' without `by`); empty buckets "
        "are left out.",
    )
    referrals: list[ReferrerEntry] = strawberry.field(
        resolver=resolve_referrals,
        description="Who referred others to p, ranked by referred stakeholders who became "
        "p's paying customers, then conversion rate, name and id.",
    )
    persona: Persona = strawberry.field(
        resolver=resolve_persona,
        description="p's representative customer: the most common value of each dimension "
        "among its people and among its organisations, with shares.",
    )
    cross_segments: list[CrossSegmentBucket] = strawberry.field(
        resolver=resolve_cross_segments,
        description="p's customers bucketed by two or three dimensions at once, with count "
        "and MONEY revenue; at most 1,000 buckets, largest first.",
    )
