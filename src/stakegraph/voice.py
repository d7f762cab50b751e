"""The voice of the customer (SPEC 13): journey maps, satisfaction, referrals, personas and
combined segments.

Each function runs one file under `cypher/analytics/` (journey, satisfaction, referrals,
persona, cross_segments) through the graph layer, after at most one call that finds the
customer set or the keys of a computed dimension (lens composition, RFM, journey stage),
and maps the rows to small dataclasses. The figures are computed in Cypher;
docs/analytics.md states every formula and edge case.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from neo4j.graph import Relationship

from stakegraph.analytics import JourneyStage, Money, SegmentDimension
from stakegraph.graph import reads
from stakegraph.graph.driver import Graph
from stakegraph.graph.values import Node

__all__ = ["Touchpoint", "journey"]

# Dimensions whose keys are computed before the file runs (passed in as $keys).
COMPUTED = (SegmentDimension.RFM_SEGMENT, SegmentDimension.JOURNEY_STAGE, SegmentDimension.LENS)


def _money(rows: Sequence[Mapping[str, Any]]) -> list[Money]:
    return [Money(float(m["amount"]), m["currency"]) for m in rows]


# ---------------------------------------------------------------------------------- journey


@dataclass(frozen=True)
class Touchpoint:
    """One step of a journey map: a relationship, its date and channel, the stage reached."""

    relation: Relationship
    from_node: Node
    to_node: Node
    at: datetime | None
    channel: str | None
    own: bool  # False: an interaction of one of x's home organisations (moves nothing)
    stage: JourneyStage

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Touchpoint:
        return cls(
            relation=record["relation"],
            from_node=record["fromNode"],
            to_node=record["toNode"],
            at=record["at"],
            channel=record["channel"],
            own=record["own"],
            stage=JourneyStage(record["stage"]),
        )


async def journey(graph: Graph, customer_id: str, provider_id: str) -> list[Touchpoint]:
    """x's touchpoints with p in journey order, each with the stage reached (one statement).

    Empty when x has none (or x = p); the caller tells unknown ids apart.
    """
    records = await reads.rows(
        graph, "analytics/journey", customerId=customer_id, providerId=provider_id
    )
    return [Touchpoint.from_record(r) for r in records]
