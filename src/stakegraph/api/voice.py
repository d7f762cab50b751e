"""The voice of the customer in GraphQL (SPEC 13): journey, satisfaction, referrals,
persona and crossSegments. Each resolver makes one call into `stakegraph.voice` and maps
the figures to plain-attribute types; docs/analytics.md states every formula."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from stakegraph import voice
from stakegraph.analytics import JourneyStage
from stakegraph.api.analytics import require_pair
from stakegraph.api.context import Info
from stakegraph.api.relations import Relation
from stakegraph.api.types import NodeCache

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


@strawberry.type
class VoiceQuery:
    journey: list[Touchpoint] = strawberry.field(
        resolver=resolve_journey,
        description="The journey map of x with p: every touchpoint in time order (undated "
        "first, ties by type and id) with the stage reached at each.",
    )
