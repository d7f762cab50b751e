"""The voice of the customer (SPEC 13): journey maps, satisfaction, referrals, personas and
combined segments.

Each function runs one file under `cypher/analytics/` (journey, satisfaction, referrals,
persona, cross_segments) through the graph layer, after at most one statement that finds
the customer set and the keys of the computed dimensions (lens composition, RFM, journey
stage: analytics.customers_with_keys), and maps the rows to small dataclasses. The
figures are computed in Cypher; docs/analytics.md states every formula and edge case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from neo4j.graph import Relationship

from stakegraph import errors
from stakegraph.analytics import JourneyStage, Money, SegmentDimension, customers_with_keys
from stakegraph.graph import reads
from stakegraph.graph.driver import Graph
from stakegraph.graph.paging import check_first
from stakegraph.graph.values import Node
from stakegraph.lenses import Lens

__all__ = [
    "CrossSegmentBucket",
    "Persona",
    "PersonaTrait",
    "ReferrerEntry",
    "SatisfactionBucket",
    "Touchpoint",
    "cross_segments",
    "journey",
    "persona",
    "referrals",
    "satisfaction",
]

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


# ----------------------------------------------------------------------------- satisfaction


@dataclass(frozen=True)
class SatisfactionBucket:
    key: str
    nps: float | None
    csat_average: float | None
    responses: int
    respondents: int

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> SatisfactionBucket:
        nps, csat = record["nps"], record["csatAverage"]
        return cls(
            key=record["key"],
            nps=None if nps is None else float(nps),
            csat_average=None if csat is None else float(csat),
            responses=record["responses"],
            respondents=record["respondents"],
        )


def check_window(since: datetime | None, until: datetime | None) -> None:
    """`since >= until` is BAD_USER_INPUT (SPEC 14); a missing end is open."""
    if since is not None and until is not None and _utc(since) >= _utc(until):
        raise errors.BadUserInput("since must be before until", field="since")


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def satisfaction(
    graph: Graph,
    provider_id: str,
    since: datetime | None = None,
    until: datetime | None = None,
    by: SegmentDimension | None = None,
    lenses: Sequence[Lens] = tuple(Lens),
) -> list[SatisfactionBucket]:
    """NPS, CSAT, responses and respondents of p per bucket ('ALL' when `by` is None).

    For RFM_SEGMENT, JOURNEY_STAGE and LENS, the keys are computed first, for p's
    customers under `lenses` (one statement; NotFound for no such p); a respondent outside
    them lands in 'UNKNOWN'.
    """
    check_window(since, until)
    now = datetime.now(UTC)
    keys: dict[str, list[str]] = {}
    if by in COMPUTED:
        _, computed = await customers_with_keys(
            graph, provider_id, lenses, [by], now, customers=False
        )
        keys = computed[by]
    records = await reads.rows(
        graph,
        "analytics/satisfaction",
        providerId=provider_id,
        since=None if since is None else _utc(since),
        until=None if until is None else _utc(until),
        by=None if by is None else by.value,
        asOf=now,
        keys=keys,
    )
    return [SatisfactionBucket.from_record(r) for r in records]


# -------------------------------------------------------------------------------- referrals


@dataclass(frozen=True)
class ReferrerEntry:
    referrer: Node
    referred: list[Node]
    converted: list[Node]
    conversion_rate: float

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ReferrerEntry:
        return cls(
            referrer=record["referrer"],
            referred=list(record["referred"]),
            converted=list(record["converted"]),
            conversion_rate=float(record["conversionRate"]),
        )


async def referrals(graph: Graph, provider_id: str, first: int = 50) -> list[ReferrerEntry]:
    """Referrers for p ranked by referred stakeholders who bought from p with money."""
    records = await reads.rows(
        graph, "analytics/referrals", providerId=provider_id, first=check_first(first)
    )
    return [ReferrerEntry.from_record(r) for r in records]


# ---------------------------------------------------------------------------------- persona


@dataclass(frozen=True)
class PersonaTrait:
    kind: str  # PERSON or ORGANIZATION
    dimension: SegmentDimension
    value: str
    share: float


@dataclass(frozen=True)
class Persona:
    customers: int
    traits: list[PersonaTrait]


async def persona(graph: Graph, provider_id: str, customer_ids: Iterable[str]) -> Persona | None:
    """The representative customer of p among `customer_ids`; None when p does not exist."""
    records = await reads.rows(
        graph,
        "analytics/persona",
        providerId=provider_id,
        customerIds=list(customer_ids),
        asOf=datetime.now(UTC),
    )
    if not records:
        return None
    row = records[0]
    traits = [
        PersonaTrait(
            kind=t["kind"],
            dimension=SegmentDimension(t["dimension"]),
            value=t["value"],
            share=float(t["share"]),
        )
        for t in row["traits"]
    ]
    return Persona(customers=row["customers"], traits=traits)


# --------------------------------------------------------------------------- cross segments


@dataclass(frozen=True)
class CrossSegmentBucket:
    keys: list[str]
    count: int
    revenue: list[Money]

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> CrossSegmentBucket:
        return cls(
            keys=list(record["keys"]), count=record["count"], revenue=_money(record["revenue"])
        )


def check_dimensions(by: Sequence[SegmentDimension]) -> None:
    """crossSegments takes 2 or 3 distinct dimensions (SPEC 14), else BAD_USER_INPUT."""
    if not 2 <= len(by) <= 3 or len(set(by)) != len(by):
        raise errors.BadUserInput("by takes 2 or 3 distinct dimensions", field="by")


async def cross_segments(
    graph: Graph,
    provider_id: str,
    by: Sequence[SegmentDimension],
    lenses: Sequence[Lens],
) -> list[CrossSegmentBucket]:
    """p's customers under `lenses` in buckets of 2 or 3 dimensions at once, largest
    first: the customers and the computed keys in one statement, then the file."""
    check_dimensions(by)
    now = datetime.now(UTC)
    customers, keys = await customers_with_keys(graph, provider_id, lenses, by, now)
    records = await reads.rows(
        graph,
        "analytics/cross_segments",
        providerId=provider_id,
        customerIds=list(customers),
        by=[d.value for d in by],
        asOf=now,
        keys={d.value: k for d, k in keys.items() if k},
    )
    return [CrossSegmentBucket.from_record(r) for r in records]
