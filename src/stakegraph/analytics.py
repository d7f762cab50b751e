"""Customer analytics (SPEC 7): lifetime value, RFM, journey stage, segments, leads and
the power/interest grid.

Each function runs one Cypher file under `cypher/analytics/` (two at most) through the
graph layer and maps the records to a small dataclass. The figures are computed in Cypher;
Python only picks the parameters and words the assumptions. Money is never converted
between currencies. Weights and thresholds come from `AnalyticsSettings` (environment
variables prefixed `STAKEGRAPH_`); docs/analytics.md states every formula.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from stakegraph import errors
from stakegraph.graph import analytics as queries
from stakegraph.graph import paging, reads
from stakegraph.graph.driver import Graph, Reader
from stakegraph.graph.values import Node
from stakegraph.lenses import Lens

Row = Mapping[str, Any]  # a row of reads.rows

__all__ = [
    "AnalyticsSettings",
    "JourneyStage",
    "Lead",
    "LifetimeValue",
    "Money",
    "PowerInterestEntry",
    "Quadrant",
    "RfmScore",
    "SegmentBucket",
    "SegmentDimension",
    "journey_stage",
    "leads",
    "lifetime_value",
    "power_interest",
    "rfm",
    "customers_with_keys",
    "segment_parameters",
    "segments",
]


class AnalyticsSettings(BaseSettings):
    """Weights and thresholds of the analytics, from STAKEGRAPH_* environment variables.

    Maps are given as JSON, e.g. STAKEGRAPH_STAGE_WEIGHTS='{"INTENT": 25}'.
    """

    model_config = SettingsConfigDict(env_prefix="STAKEGRAPH_", extra="ignore")

    # Lead scoring: engagement (0-50)
    stage_weights: dict[str, float] = Field(
        default={"AWARENESS": 5.0, "CONSIDERATION": 10.0, "INTENT": 20.0, "ADVOCACY": 10.0},
        description="engagement points of one ENGAGES of each stage, before decay",
    )
    half_life_days: float = Field(default=30.0, gt=0, description="engagement half-life")
    # Lead scoring: fit (0-50)
    fit_weights: dict[str, float] = Field(
        default={"INDUSTRY": 1.0, "SIZE_BAND": 1.0, "COUNTRY": 1.0, "TECHNOLOGY": 1.0},
        description="relative weight of each ideal-customer-profile dimension",
    )
    icp_top_values: int = Field(
        default=3, ge=1, description="values per dimension in a derived ideal customer profile"
    )
    qualified_at: float = Field(default=60.0, ge=0, le=100, description="lead score to qualify")
    # Power/interest grid
    role_power: dict[str, float] = Field(
        default={
            "DECIDER": 1.0,
            "APPROVER": 0.9,
            "BUYER": 0.8,
            "INFLUENCER": 0.45,
            "CHAMPION": 0.4,
            "GATEKEEPER": 0.3,
            "INITIATOR": 0.3,
            "USER": 0.2,
        },
        description=(
            "power (0..1) of each buying role; a person's power is their highest. Only"
            " DECIDER, APPROVER and BUYER reach the default power_threshold (SPEC 7)"
        ),
    )
    interest_use: float = Field(default=0.5, ge=0, le=1, description="interest from a USES")
    interest_per_engagement: float = Field(
        default=0.25, ge=0, le=1, description="interest from each recent ENGAGES"
    )
    interest_engagement_cap: float = Field(
        default=0.5, ge=0, le=1, description="most interest that engagements can add"
    )
    engagement_window_days: int = Field(
        default=90, ge=1, description="an ENGAGES counts as recent this many days before asOf"
    )
    power_threshold: float = Field(default=0.5, ge=0, le=1, description="high power from here")
    interest_threshold: float = Field(
        default=0.5, ge=0, le=1, description="high interest from here"
    )


class JourneyStage(StrEnum):
    """How far x has come with p; it only moves forward (SPEC 7)."""

    NONE = "NONE"
    AWARENESS = "AWARENESS"
    CONSIDERATION = "CONSIDERATION"
    INTENT = "INTENT"
    PURCHASE = "PURCHASE"
    RETENTION = "RETENTION"
    ADVOCACY = "ADVOCACY"


class SegmentDimension(StrEnum):
    CUSTOMER_TYPE = "CUSTOMER_TYPE"
    COUNTRY = "COUNTRY"
    REGION = "REGION"
    CITY = "CITY"
    AGE_BAND = "AGE_BAND"
    INTEREST = "INTEREST"
    VALUE = "VALUE"
    NEED = "NEED"
    RFM_SEGMENT = "RFM_SEGMENT"
    JOURNEY_STAGE = "JOURNEY_STAGE"
    LENS = "LENS"
    INDUSTRY = "INDUSTRY"
    SIZE_BAND = "SIZE_BAND"
    TECHNOLOGY = "TECHNOLOGY"


class Quadrant(StrEnum):
    KEY_PLAYER = "KEY_PLAYER"
    KEEP_SATISFIED = "KEEP_SATISFIED"
    KEEP_INFORMED = "KEEP_INFORMED"
    MONITOR = "MONITOR"


def _utc(moment: datetime | None) -> datetime:
    """asOf as an aware datetime: now when absent, UTC when naive."""
    if moment is None:
        return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --------------------------------------------------------------------------- lifetime value


@dataclass(frozen=True)
class LifetimeValue:
    currency: str
    historical_revenue: float
    purchase_count: int
    first_purchase: datetime | None
    last_purchase: datetime | None
    average_order_value: float
    purchases_per_year: float
    predicted_value: float
    retention_value: float | None
    assumptions: list[str]

    @classmethod
    def from_record(cls, record: Row) -> LifetimeValue:
        lifespan = record["lifespanYears"]
        margin = record["grossMargin"]
        assumptions = [
            f"expected lifespan {lifespan:g} years"
            + (
                " (default; the provider has no expectedLifespanYears)"
                if record["lifespanIsDefault"]
                else " (the provider's expectedLifespanYears)"
            ),
            f"gross margin {margin:g}"
            + (
                " (default; the provider has no grossMargin)"
                if record["grossMarginIsDefault"]
                else " (the provider's grossMargin)"
            ),
        ]
        if record["retentionValue"] is not None:
            assumptions.append(
                f"retention form m x r / (1 + d - r) with m = {record['annualMargin']:g} "
                f"{record['currency']} per year (AOV x purchases per year x gross margin)"
            )
        return cls(
            currency=record["currency"],
            historical_revenue=float(record["historicalRevenue"]),
            purchase_count=record["purchaseCount"],
            first_purchase=record["firstPurchase"],
            last_purchase=record["lastPurchase"],
            average_order_value=float(record["averageOrderValue"]),
            purchases_per_year=float(record["purchasesPerYear"]),
            predicted_value=float(record["predictedValue"]),
            retention_value=record["retentionValue"],
            assumptions=assumptions,
        )


async def lifetime_value(
    graph: Graph,
    customer_id: str,
    provider_id: str,
    retention_rate: float | None = None,
    discount_rate: float | None = None,
) -> list[LifetimeValue]:
    """x's lifetime value for p, one entry per currency x paid in (none if x never paid)."""
    if (retention_rate is None) != (discount_rate is None):
        field = "discountRate" if discount_rate is None else "retentionRate"
        raise errors.BadUserInput(
            "retentionRate and discountRate go together: give both or neither", field=field
        )
    if retention_rate is not None and not 0 <= retention_rate <= 1:
        raise errors.BadUserInput("retentionRate must lie between 0 and 1", field="retentionRate")
    if discount_rate is not None and retention_rate is not None:
        if discount_rate < 0:
            raise errors.BadUserInput("discountRate must not be negative", field="discountRate")
        if 1 + discount_rate - retention_rate <= 0:
            raise errors.BadUserInput(
                "retentionRate 1 needs a positive discountRate", field="discountRate"
            )
    records = await reads.rows(
        graph,
        "analytics/lifetime_value",
        customerId=customer_id,
        providerId=provider_id,
        retentionRate=retention_rate,
        discountRate=discount_rate,
    )
    if not records:
        raise errors.NotFound(f"no stakeholder {customer_id!r} or {provider_id!r}")
    return [LifetimeValue.from_record(r) for r in records if r["currency"] is not None]


# ------------------------------------------------------------------------------------- RFM


@dataclass(frozen=True)
class RfmScore:
    customer: Node
    recency_days: int
    frequency: int
    monetary: float
    currency: str  # the provider's main currency, in which `monetary` is summed
    r: int
    f: int
    m: int
    segment: str

    @classmethod
    def from_record(cls, record: Row) -> RfmScore:
        return cls(
            customer=record["customer"],
            recency_days=record["recencyDays"],
            frequency=record["frequency"],
            monetary=float(record["monetary"]),
            currency=record["currency"],
            r=record["r"],
            f=record["f"],
            m=record["m"],
            segment=record["segment"],
        )


async def rfm(graph: Reader, provider_id: str, as_of: datetime | None = None) -> list[RfmScore]:
    """RFM scores of p's TRANSACTIONAL customers as of `as_of` (default now), best first."""
    records = await reads.rows(graph, "analytics/rfm", providerId=provider_id, asOf=_utc(as_of))
    return [RfmScore.from_record(r) for r in records]


# ---------------------------------------------------------------------------- journey stage


async def journey_stage(graph: Graph, customer_id: str, provider_id: str) -> JourneyStage:
    """How far x has come with p (NONE ... ADVOCACY); NotFound for an unknown id."""
    records = await reads.rows(
        graph, "analytics/journey_stage", customerId=customer_id, providerId=provider_id
    )
    if not records:
        raise errors.NotFound(f"no stakeholder {customer_id!r} or {provider_id!r}")
    return JourneyStage(records[0]["stage"])


async def journey_stages(
    graph: Reader, customer_ids: Iterable[str], provider_id: str
) -> dict[str, JourneyStage]:
    """The journey stage of each of several customers with p, in one statement."""
    stages = await queries.journey_stages(graph, customer_ids, provider_id)
    return {customer: JourneyStage(stage) for customer, stage in stages.items()}


# ------------------------------------------------------------------------------------ leads


@dataclass(frozen=True)
class Lead:
    prospect: Node
    score: float
    fit: float
    engagement: float
    qualified: bool
    reasons: list[str]

    @classmethod
    def from_record(cls, record: Row) -> Lead:
        return cls(
            prospect=record["prospect"],
            score=float(record["score"]),
            fit=float(record["fit"]),
            engagement=float(record["engagement"]),
            qualified=record["qualified"],
            reasons=list(record["reasons"]),
        )


async def leads(
    graph: Graph,
    provider_id: str,
    as_of: datetime | None = None,
    first: int = 50,
    settings: AnalyticsSettings | None = None,
) -> list[Lead]:
    """p's prospects scored fit (0-50) + engagement (0-50), best first, at most `first`
    (capped at paging.MAX_PAGE, as every list in the API, SPEC 4)."""
    if first < 0:
        raise errors.BadUserInput("first must not be negative", field="first")
    s = settings or AnalyticsSettings()
    records = await reads.rows(
        graph,
        "analytics/leads",
        providerId=provider_id,
        asOf=_utc(as_of),
        first=min(first, paging.MAX_PAGE),
        stageWeights=s.stage_weights,
        halfLifeDays=s.half_life_days,
        fitWeights=s.fit_weights,
        icpTopValues=s.icp_top_values,
        qualifiedAt=s.qualified_at,
    )
    return [Lead.from_record(r) for r in records]


# --------------------------------------------------------------------- power/interest grid


@dataclass(frozen=True)
class PowerInterestEntry:
    person: Node
    roles: list[str]
    power: float
    interest: float
    quadrant: Quadrant

    @classmethod
    def from_record(cls, record: Row) -> PowerInterestEntry:
        return cls(
            person=record["person"],
            roles=list(record["roles"]),
            power=float(record["power"]),
            interest=float(record["interest"]),
            quadrant=Quadrant(record["quadrant"]),
        )


async def power_interest(
    graph: Graph,
    organization_id: str,
    provider_id: str | None = None,
    as_of: datetime | None = None,
    settings: AnalyticsSettings | None = None,
) -> list[PowerInterestEntry]:
    """The buying center of an organisation on the power/interest grid; NotFound for an
    unknown id, BadUserInput for the id of a stakeholder that is not an Organization."""
    s = settings or AnalyticsSettings()
    records = await reads.rows(
        graph,
        "analytics/power_interest",
        organizationId=organization_id,
        providerId=provider_id,
        asOf=_utc(as_of),
        rolePower=s.role_power,
        interestUse=s.interest_use,
        interestPerEngagement=s.interest_per_engagement,
        interestEngagementCap=s.interest_engagement_cap,
        engagementWindowDays=s.engagement_window_days,
        powerThreshold=s.power_threshold,
        interestThreshold=s.interest_threshold,
    )
    if not records:
        found = await reads.stakeholder(graph, organization_id)
        if found is None:
            raise errors.NotFound(f"no stakeholder {organization_id!r}", field="organizationId")
        kind = next((k for k in ("Department", "Person") if k in found.labels), "Stakeholder")
        raise errors.BadUserInput(
            f"{organization_id!r} is a {kind}, not an Organization: only an organisation has"
            " a buying center",
            field="organizationId",
        )
    return [PowerInterestEntry.from_record(r) for r in records if r["person"] is not None]


# --------------------------------------------------------------------------------- segments


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str


@dataclass(frozen=True)
class SegmentBucket:
    key: str
    count: int
    revenue: list[Money]  # one per currency, never converted

    @classmethod
    def from_record(cls, record: Row) -> SegmentBucket:
        return cls(
            key=record["key"],
            count=record["count"],
            revenue=[Money(float(m["amount"]), m["currency"]) for m in record["revenue"]],
        )


async def segments(
    graph: Graph,
    provider_id: str,
    by: SegmentDimension | str,
    customer_ids: Iterable[str] | Mapping[str, Sequence[str]],
    as_of: datetime | None = None,
) -> list[SegmentBucket]:
    """p's customers (the ids given) in buckets of one dimension, with MONEY revenue.

    For `LENS`, `customer_ids` must map each id to the lenses that hold for it. For
    `RFM_SEGMENT` and `JOURNEY_STAGE` the buckets come from `rfm` and `journey_stages`
    first (a second statement). A customer without a value lands in 'UNKNOWN'.
    """
    params = await segment_parameters(graph, provider_id, by, customer_ids, as_of)
    records = await reads.rows(graph, "analytics/segments", **params)
    return [SegmentBucket.from_record(r) for r in records]


async def customers_with_keys(
    graph: Graph,
    provider_id: str,
    lenses: Sequence[Lens],
    dimensions: Iterable[SegmentDimension],
    as_of: datetime,
    *,
    customers: bool = True,
) -> tuple[dict[str, list[str]], dict[SegmentDimension, dict[str, list[str]]]]:
    """p's customers under `lenses` (id -> the lens names that hold) and the keys of each
    computed dimension among `dimensions` (LENS, RFM_SEGMENT, JOURNEY_STAGE: id -> keys),
    in one statement; `customers=False` skips the lens files when no dimension needs them.
    NotFound for no such p."""
    wanted = set(dimensions)
    need_lenses = customers or bool(
        wanted & {SegmentDimension.LENS, SegmentDimension.JOURNEY_STAGE}
    )
    found = await queries.customer_keys(
        graph,
        provider_id,
        lenses if need_lenses else (),
        rfm=SegmentDimension.RFM_SEGMENT in wanted,
        stages=SegmentDimension.JOURNEY_STAGE in wanted,
        as_of=_utc(as_of),
    )
    if found is None:
        raise errors.NotFound(f"no stakeholder with id {provider_id!r}", field="providerId")
    keys: dict[SegmentDimension, dict[str, list[str]]] = {}
    if SegmentDimension.LENS in wanted:
        keys[SegmentDimension.LENS] = {cid: list(held) for cid, held in found.customers.items()}
    if SegmentDimension.RFM_SEGMENT in wanted:
        keys[SegmentDimension.RFM_SEGMENT] = {cid: [key] for cid, key in found.rfm.items()}
    if SegmentDimension.JOURNEY_STAGE in wanted:
        keys[SegmentDimension.JOURNEY_STAGE] = {cid: [key] for cid, key in found.stages.items()}
    return found.customers, keys


async def segment_parameters(
    graph: Reader,
    provider_id: str,
    by: SegmentDimension | str,
    customer_ids: Iterable[str] | Mapping[str, Sequence[str]],
    as_of: datetime | None = None,
) -> dict[str, Any]:
    """The parameters of analytics/segments (and segment_members): for RFM_SEGMENT and
    JOURNEY_STAGE, the keys are computed first (one statement)."""
    try:
        dimension = SegmentDimension(by)
    except ValueError:
        raise errors.BadUserInput(f"unknown segment dimension {by!r}", field="by") from None
    moment = _utc(as_of)
    ids = list(customer_ids)
    keys: dict[str, list[str]] = {}
    if dimension is SegmentDimension.LENS:
        if not isinstance(customer_ids, Mapping):
            raise TypeError("segments by LENS needs customer_ids as a mapping id -> lenses")
        keys = {cid: [str(lens) for lens in lenses] for cid, lenses in customer_ids.items()}
    elif dimension is SegmentDimension.RFM_SEGMENT:
        keys = {s.customer["id"]: [s.segment] for s in await rfm(graph, provider_id, moment)}
    elif dimension is SegmentDimension.JOURNEY_STAGE:
        stages = await journey_stages(graph, ids, provider_id)
        keys = {cid: [stage.value] for cid, stage in stages.items()}
    return {
        "providerId": provider_id,
        "customerIds": ids,
        "by": dimension.value,
        "asOf": moment,
        "keys": keys,
    }
