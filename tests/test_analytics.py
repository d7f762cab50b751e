"""Customer analytics (SPEC 7) against a real Neo4j, with hand-computed expectations.

Each test builds its small graph with Cypher, following the graph conventions: every node
has :Stakeholder, one kind label, id, name, createdAt, updatedAt; every interaction has id
and createdAt; BUYS has offering, amount, currency, at, kind, consideration.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import neo4j
import pytest

from stakegraph import analytics, errors
from stakegraph.analytics import AnalyticsSettings, JourneyStage, Quadrant, SegmentDimension
from stakegraph.graph import paging
from stakegraph.graph.cypher import all_files, load
from stakegraph.graph.driver import Graph
from stakegraph.records import BuyingRole

AS_OF = datetime(2025, 1, 1, tzinfo=UTC)
_ids = itertools.count(1)


# ----------------------------------------------------------------------------- graph helpers


def node(db: neo4j.Driver, kind: str, id: str, **props: Any) -> None:
    assert kind in {"Organization", "Department", "Person"}
    db.execute_query(
        f"CREATE (n:Stakeholder:{kind} {{id: $id, name: $name, createdAt: datetime(),"
        " updatedAt: datetime()}) SET n += $props",
        id=id,
        name=props.pop("name", id.title()),
        props=props,
    )


def org(db: neo4j.Driver, id: str, **props: Any) -> None:
    node(db, "Organization", id, **props)


def person(db: neo4j.Driver, id: str, **props: Any) -> None:
    node(db, "Person", id, **props)


def buys(
    db: neo4j.Driver,
    buyer: str,
    seller: str,
    amount: float,
    at: datetime,
    currency: str = "USD",
    kind: str = "ONE_OFF",
    consideration: str | None = "MONEY",
) -> None:
    """x BUYS p; `consideration=None` leaves the property out (it then counts as MONEY)."""
    db.execute_query(
        "MATCH (x:Stakeholder {id: $buyer}), (p:Stakeholder {id: $seller}) "
        "CREATE (x)-[:BUYS {id: $id, createdAt: datetime(), offering: 'Widget', "
        "amount: $amount, currency: $currency, at: $at, kind: $kind, "
        "consideration: $consideration}]->(p)",
        buyer=buyer,
        seller=seller,
        id=f"r{next(_ids)}",
        amount=float(amount),
        currency=currency,
        at=at,
        kind=kind,
        consideration=consideration,
    )


def engages(db: neo4j.Driver, prospect: str, provider: str, stage: str, at: datetime) -> None:
    db.execute_query(
        "MATCH (x:Stakeholder {id: $prospect}), (p:Stakeholder {id: $provider}) "
        "CREATE (x)-[:ENGAGES {id: $id, createdAt: datetime(), stage: $stage, "
        "channel: 'web', at: $at}]->(p)",
        prospect=prospect,
        provider=provider,
        id=f"r{next(_ids)}",
        stage=stage,
        at=at,
    )


def uses(db: neo4j.Driver, user: str, provider: str) -> None:
    db.execute_query(
        "MATCH (x:Stakeholder {id: $user}), (p:Stakeholder {id: $provider}) "
        "SET x:EndUser "
        "CREATE (x)-[:USES {id: $id, createdAt: datetime(), offering: 'Widget', "
        "since: datetime('2024-01-01T00:00:00Z')}]->(p)",
        user=user,
        provider=provider,
        id=f"r{next(_ids)}",
    )


def serves(db: neo4j.Driver, provider: str, recipient: str, ongoing: bool) -> None:
    db.execute_query(
        "MATCH (p:Stakeholder {id: $provider}), (x:Stakeholder {id: $recipient}) "
        "CREATE (p)-[:SERVES {id: $id, createdAt: datetime(), offering: 'Support', "
        "since: datetime('2024-01-01T00:00:00Z'), ongoing: $ongoing}]->(x)",
        provider=provider,
        recipient=recipient,
        id=f"r{next(_ids)}",
        ongoing=ongoing,
    )


def member(
    db: neo4j.Driver, person_id: str, of: str, role: str | None, scope: list[str] | None = None
) -> None:
    db.execute_query(
        "MATCH (x:Person {id: $person}), (o:Stakeholder {id: $of}) "
        "CREATE (x)-[m:MEMBER_OF {title: 'Staff', scope: $scope}]->(o) "
        "SET m.buyingRole = $role "
        "FOREACH (_ IN CASE WHEN $role IS NULL THEN [] ELSE [1] END | SET x:BuyingCenterMember)",
        person=person_id,
        of=of,
        role=role,
        scope=scope or [],
    )


def department(db: neo4j.Driver, id: str, part_of: str) -> None:
    node(db, "Department", id)
    db.execute_query(
        "MATCH (d:Department {id: $id}), (o:Stakeholder {id: $of}) CREATE (d)-[:PART_OF]->(o)",
        id=id,
        of=part_of,
    )


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


# ---------------------------------------------------------------------------- lifetime value


@pytest.mark.anyio
async def test_lifetime_value_is_one_result_per_currency_without_conversion(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    org(db, "globex")
    buys(db, "globex", "acme", 100, day(2022, 1, 1), "USD")
    buys(db, "globex", "acme", 300, day(2024, 1, 1), "USD")  # 730 days later
    buys(db, "globex", "acme", 50, day(2023, 6, 1), "EUR")
    buys(db, "globex", "acme", 999, day(2023, 6, 1), "EUR", consideration="IN_KIND")

    values = await analytics.lifetime_value(graph, "globex", "acme")

    assert [v.currency for v in values] == ["EUR", "USD"]
    eur, usd = values
    assert (eur.historical_revenue, eur.purchase_count, eur.average_order_value) == (50, 1, 50)
    assert eur.purchases_per_year == 1.0  # max(1, 0 years)
    assert eur.predicted_value == pytest.approx(50 * 1 * 3 * 1.0)
    assert usd.historical_revenue == 400
    assert usd.purchase_count == 2
    assert usd.first_purchase == day(2022, 1, 1)
    assert usd.last_purchase == day(2024, 1, 1)
    assert usd.average_order_value == 200
    assert usd.purchases_per_year == pytest.approx(2 / (730 / 365.25))
    assert usd.predicted_value == pytest.approx(200 * (2 / (730 / 365.25)) * 3 * 1.0)
    assert usd.retention_value is None
    assert any("3 years (default" in a for a in usd.assumptions)
    assert any("gross margin 1 (default" in a for a in usd.assumptions)


@pytest.mark.anyio
async def test_lifetime_value_uses_provider_lifespan_margin_and_retention_form(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme", expectedLifespanYears=5, grossMargin=0.4)
    person(db, "dana")
    buys(db, "dana", "acme", 100, day(2024, 1, 1))
    buys(db, "dana", "acme", 300, day(2024, 3, 1))

    [usd] = await analytics.lifetime_value(
        graph, "dana", "acme", retention_rate=0.8, discount_rate=0.1
    )

    # AOV 200, 2 purchases within a year -> 2 per year; m = 200 * 2 * 0.4 = 160
    assert usd.purchases_per_year == 2.0
    assert usd.predicted_value == pytest.approx(200 * 2 * 5 * 0.4)
    assert usd.retention_value == pytest.approx(160 * 0.8 / (1 + 0.1 - 0.8))
    assert any("expectedLifespanYears" in a and "5 years" in a for a in usd.assumptions)
    assert any("m = 160" in a for a in usd.assumptions)


@pytest.mark.anyio
async def test_lifetime_value_without_money_purchases_is_empty_and_unknown_id_not_found(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    person(db, "dana")
    buys(db, "dana", "acme", 0, day(2024, 1, 1), consideration="DATA")

    assert await analytics.lifetime_value(graph, "dana", "acme") == []
    with pytest.raises(errors.NotFound):
        await analytics.lifetime_value(graph, "nobody", "acme")
    with pytest.raises(errors.BadUserInput):
        await analytics.lifetime_value(graph, "dana", "acme", retention_rate=0.5)


@pytest.mark.anyio
async def test_a_purchase_without_consideration_counts_as_money_everywhere(
    db: neo4j.Driver, graph: Graph
) -> None:
    """The rule of the TRANSACTIONAL lens: coalesce(b.consideration, 'MONEY') = 'MONEY'."""
    org(db, "acme")
    org(db, "globex", industry="Software")
    org(db, "lead", industry="Software")
    buys(db, "globex", "acme", 100, day(2024, 12, 1), consideration=None)
    buys(db, "globex", "acme", 900, day(2024, 12, 2), consideration="IN_KIND")
    engages(db, "lead", "acme", "INTENT", AS_OF)
    no_consideration = db.execute_query(
        "MATCH ()-[b:BUYS]->() WHERE b.consideration IS NULL RETURN count(b) AS n"
    ).records[0]["n"]
    assert no_consideration == 1

    [ltv] = await analytics.lifetime_value(graph, "globex", "acme")
    assert (ltv.historical_revenue, ltv.purchase_count) == (100, 1)
    [score] = await analytics.rfm(graph, "acme", AS_OF)
    assert (score.customer["id"], score.frequency, score.monetary) == ("globex", 1, 100)
    [bucket] = await analytics.segments(graph, "acme", "COUNTRY", ["globex"], AS_OF)
    assert [(m.amount, m.currency) for m in bucket.revenue] == [(100, "USD")]
    [lead] = await analytics.leads(graph, "acme", AS_OF)
    assert "derived from 1 paying customers" in lead.reasons[0]
    assert "industry Software matches (+50.0)" in lead.reasons


# ---------------------------------------------------------------------------------------- RFM


def _by_id(scores: list[analytics.RfmScore]) -> dict[str, analytics.RfmScore]:
    return {s.customer["id"]: s for s in scores}


@pytest.mark.anyio
async def test_rfm_scores_by_quintile_with_ties_sharing_a_score(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    for x in "abcde":
        person(db, x)
    for _ in range(3):
        buys(db, "a", "acme", 100, day(2024, 12, 22))  # 10 days, 3 purchases, 300
        buys(db, "b", "acme", 100, day(2024, 12, 22))  # the same as a: a tie
    buys(db, "c", "acme", 50, day(2024, 9, 1))
    buys(db, "c", "acme", 50, day(2024, 10, 3))  # 90 days, 2 purchases, 100
    buys(db, "d", "acme", 20, day(2024, 7, 5))  # 180 days, 1 purchase, 20
    buys(db, "e", "acme", 500, day(2023, 1, 2))  # 730 days, 1 purchase, 500
    buys(db, "e", "acme", 9, day(2024, 12, 1), consideration="ATTENTION")  # not MONEY
    buys(db, "d", "acme", 9, day(2025, 2, 1))  # after asOf: not counted
    buys(db, "acme", "acme", 9, day(2024, 12, 1))  # p itself: not its own customer

    scores = _by_id(await analytics.rfm(graph, "acme", AS_OF))

    assert set(scores) == set("abcde")
    got = {x: (s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m) for x, s in scores.items()}
    # n = 5; score = ceil(5 * (strictly worse + 1) / 5); a and b tie on everything
    assert got == {
        "a": (10, 3, 300, 4, 4, 3),
        "b": (10, 3, 300, 4, 4, 3),
        "c": (90, 2, 100, 3, 3, 2),
        "d": (180, 1, 20, 2, 1, 1),
        "e": (730, 1, 500, 1, 1, 5),
    }
    assert {x: s.segment for x, s in scores.items()} == {
        "a": "Loyal Customers",
        "b": "Loyal Customers",
        "c": "Potential Loyalist",
        "d": "About To Sleep",
        "e": "Others",
    }


@pytest.mark.anyio
async def test_rfm_with_fewer_than_five_customers_gives_the_best_a_five(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    org(db, "solo")
    person(db, "x")
    person(db, "y")
    buys(db, "x", "acme", 100, day(2024, 12, 31))
    buys(db, "y", "acme", 50, day(2024, 1, 1))
    buys(db, "y", "acme", 50, day(2024, 6, 1))
    buys(db, "x", "solo", 10, day(2020, 1, 1))

    two = _by_id(await analytics.rfm(graph, "acme", AS_OF))
    [lone] = await analytics.rfm(graph, "solo", AS_OF)

    # n = 2: scores ceil(5 * 1 / 2) = 3 and 5; the monetary tie (100 each) shares 3
    assert (two["x"].r, two["x"].f, two["x"].m) == (5, 3, 3)
    assert (two["y"].r, two["y"].f, two["y"].m) == (3, 5, 3)
    assert two["x"].segment == two["y"].segment == "Loyal Customers"
    assert (lone.r, lone.f, lone.m, lone.segment) == (5, 5, 5, "Champions")
    assert await analytics.rfm(graph, "nobody", AS_OF) == []


@pytest.mark.anyio
async def test_rfm_monetary_counts_only_the_providers_main_currency(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    person(db, "x")
    person(db, "z")
    buys(db, "x", "acme", 10, day(2024, 12, 1), "USD")
    buys(db, "x", "acme", 10, day(2024, 12, 2), "USD")
    buys(db, "z", "acme", 1000, day(2024, 12, 3), "EUR")
    buys(db, "z", "acme", 5, day(2024, 12, 4), "USD")

    scores = _by_id(await analytics.rfm(graph, "acme", AS_OF))

    assert {s.currency for s in scores.values()} == {"USD"}
    assert scores["x"].monetary == 20
    assert scores["z"].monetary == 5  # the EUR purchase counts for frequency only
    assert scores["z"].frequency == 2


# ---------------------------------------------------------------------------- journey stage


@pytest.mark.anyio
async def test_journey_stage_only_moves_forward(db: neo4j.Driver, graph: Graph) -> None:
    org(db, "acme")
    for x in ["nobody", "aware", "intent", "buyer"]:
        person(db, x)
    engages(db, "aware", "acme", "AWARENESS", day(2024, 1, 1))
    engages(db, "aware", "acme", "CONSIDERATION", day(2024, 2, 1))
    engages(db, "intent", "acme", "INTENT", day(2024, 1, 1))
    engages(db, "intent", "acme", "AWARENESS", day(2024, 6, 1))  # later, lower: no step back
    engages(db, "buyer", "acme", "INTENT", day(2024, 1, 1))
    buys(db, "buyer", "acme", 10, day(2024, 2, 1), consideration="NONE")
    engages(db, "buyer", "acme", "AWARENESS", day(2024, 3, 1))

    stage = analytics.journey_stage
    assert await stage(graph, "nobody", "acme") is JourneyStage.NONE
    assert await stage(graph, "aware", "acme") is JourneyStage.CONSIDERATION
    assert await stage(graph, "intent", "acme") is JourneyStage.INTENT
    assert await stage(graph, "buyer", "acme") is JourneyStage.PURCHASE  # purchase beats engagement
    assert await stage(graph, "acme", "acme") is JourneyStage.NONE
    with pytest.raises(errors.NotFound):
        await stage(graph, "ghost", "acme")


@pytest.mark.anyio
async def test_repeat_or_client_is_retention_and_only_a_customer_reaches_advocacy(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    org(db, "globex")
    for x in ["repeat", "subscriber", "served", "fan", "user", "dana"]:
        person(db, x)
    buys(db, "repeat", "acme", 10, day(2024, 1, 1))
    buys(db, "repeat", "acme", 10, day(2024, 2, 1))
    buys(db, "subscriber", "acme", 10, day(2024, 1, 1), kind="SUBSCRIPTION")
    serves(db, "acme", "served", ongoing=True)
    engages(db, "fan", "acme", "ADVOCACY", day(2024, 1, 1))  # advocates, but no customer
    uses(db, "user", "acme")  # since 2024-01-01: a customer before advocating
    engages(db, "user", "acme", "ADVOCACY", day(2024, 2, 1))
    buys(db, "globex", "acme", 1000, day(2024, 1, 1))
    member(db, "dana", "globex", "DECIDER")
    engages(db, "dana", "acme", "ADVOCACY", day(2024, 3, 1))

    stages = await analytics.journey_stages(
        graph, ["repeat", "subscriber", "served", "fan", "user", "dana", "ghost"], "acme"
    )

    assert stages == {
        "repeat": JourneyStage.RETENTION,
        "subscriber": JourneyStage.RETENTION,
        "served": JourneyStage.RETENTION,
        "fan": JourneyStage.AWARENESS,
        "user": JourneyStage.ADVOCACY,
        "dana": JourneyStage.ADVOCACY,  # a buying-center member of a buyer is a customer
    }
    assert await analytics.journey_stage(graph, "user", "acme") is JourneyStage.ADVOCACY


# ------------------------------------------------------------------------------------ leads


@pytest.mark.anyio
async def test_leads_are_ranked_by_fit_plus_engagement_against_an_explicit_profile(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(
        db,
        "acme",
        icpIndustries=["Software"],
        icpSizeBands=["50-249"],
        icpCountries=["DE"],
        icpTechnologies=["Neo4j"],
    )
    org(db, "fit", industry="Software", employees=100, country="DE", technologies=["Neo4j", "Java"])
    org(db, "beta", industry="Software", employees=5, country="FR")
    person(db, "dana", country="DE")
    member(db, "dana", "beta", None)
    org(db, "cold")
    org(db, "buyer", industry="Software", employees=100, country="DE")
    engages(db, "fit", "acme", "INTENT", AS_OF - timedelta(days=30))  # 20 x 0.5 = 10
    engages(db, "fit", "acme", "CONSIDERATION", AS_OF)  # 10
    for _ in range(3):
        engages(db, "dana", "acme", "INTENT", AS_OF)  # 60, capped at 50
    engages(db, "cold", "acme", "AWARENESS", AS_OF - timedelta(days=60))  # 5 x 0.25
    engages(db, "cold", "acme", "INTENT", AS_OF + timedelta(days=1))  # after asOf: ignored
    engages(db, "buyer", "acme", "INTENT", AS_OF)
    buys(db, "buyer", "acme", 10, day(2024, 1, 1))  # a buyer is no prospect

    ranked = await analytics.leads(graph, "acme", AS_OF)

    got: list[tuple[Any, ...]] = [
        (x.prospect["id"], x.fit, x.engagement, x.score, x.qualified) for x in ranked
    ]
    # 4 dimensions of equal weight: 12.5 each; dana's traits include her home org beta's
    expected: list[tuple[Any, ...]] = [
        ("dana", pytest.approx(25.0), pytest.approx(50.0), pytest.approx(75.0), True),
        ("fit", pytest.approx(50.0), pytest.approx(20.0), pytest.approx(70.0), True),
        ("cold", 0.0, pytest.approx(1.25), pytest.approx(1.25), False),
    ]
    assert got == expected
    assert all(x.score == pytest.approx(x.fit + x.engagement) for x in ranked)
    dana = ranked[0].reasons
    assert dana[0] == "fit 25.0 of 50 against the explicit ideal customer profile"
    assert "industry Software matches (+12.5)" in dana
    assert "size band 1-9 not in profile (50-249)" in dana
    assert "technology unknown (profile: Neo4j)" in dana
    assert "country DE matches (+12.5)" in dana
    assert (
        dana[-2] == "engagement 50.0 of 50 from INTENT x3 (60.0), decayed with a 30-day half-life"
    )
    assert dana[-1] == "score 75.0 reaches 60: qualified"
    assert [x.prospect["id"] for x in await analytics.leads(graph, "acme", AS_OF, first=2)] == [
        "dana",
        "fit",
    ]


@pytest.mark.anyio
async def test_lead_fit_uses_a_profile_derived_from_paying_customers(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    org(db, "c1", industry="Software", employees=100, country="DE")
    org(db, "c2", industry="Software", employees=20, country="DE")
    org(db, "c3", industry="Retail", employees=5, country="FR")
    org(db, "c4", industry="Retail", employees=5000, country="US")
    for c in ["c1", "c2", "c3"]:
        buys(db, c, "acme", 10, day(2024, 1, 1))
    buys(db, "c4", "acme", 10, day(2024, 1, 1), consideration="IN_KIND")  # not paying
    org(db, "q", industry="Software", employees=3, country="FR")
    engages(db, "q", "acme", "AWARENESS", AS_OF - timedelta(days=30))  # 5 x 0.5

    settings = AnalyticsSettings(icp_top_values=1)
    [lead] = await analytics.leads(graph, "acme", AS_OF, settings=settings)

    # derived ICP with one value each: Software (2 of 3), size band 1-9 (1 each: the
    # alphabetically first), DE (2 of 3); no technologies, so 3 dimensions of 50/3 each
    assert lead.fit == pytest.approx(2 * 50 / 3)
    assert lead.engagement == pytest.approx(2.5)
    assert lead.score == pytest.approx(2 * 50 / 3 + 2.5)
    assert "derived from 3 paying customers" in lead.reasons[0]
    assert "country FR not in profile (DE)" in lead.reasons


@pytest.mark.anyio
async def test_leads_are_capped_at_the_api_page_size(db: neo4j.Driver, graph: Graph) -> None:
    org(db, "acme")
    db.execute_query(
        "MATCH (p:Organization {id: 'acme'}) UNWIND range(1, $n) AS i "
        "CREATE (x:Stakeholder:Organization {id: 'o' + i, name: 'O' + i, createdAt: datetime(),"
        " updatedAt: datetime()})-[:ENGAGES {id: 'e' + i, createdAt: datetime(),"
        " stage: 'AWARENESS', channel: 'web', at: $at}]->(p)",
        n=paging.MAX_PAGE + 1,
        at=AS_OF,
    )
    found = await analytics.leads(graph, "acme", AS_OF, first=paging.MAX_PAGE + 100)
    assert len(found) == paging.MAX_PAGE


# ----------------------------------------------------------------------- power/interest grid


@pytest.mark.anyio
async def test_power_interest_places_each_member_in_a_quadrant(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    org(db, "zeta")
    org(db, "globex")
    department(db, "it", "globex")
    department(db, "sec", "it")  # nested two levels down
    for x in ["dec", "appr", "usr", "gate", "scoped", "norole", "multi"]:
        person(db, x)
    member(db, "dec", "globex", "DECIDER")
    uses(db, "dec", "acme")  # power 1.0, interest 0.5
    member(db, "appr", "sec", "APPROVER")  # power 0.9, interest 0
    member(db, "usr", "it", "USER")  # power 0.2, two recent engagements: 0.5
    engages(db, "usr", "acme", "CONSIDERATION", AS_OF - timedelta(days=10))
    engages(db, "usr", "acme", "INTENT", AS_OF - timedelta(days=90))
    engages(db, "usr", "acme", "INTENT", AS_OF - timedelta(days=91))  # too old
    member(db, "gate", "globex", "GATEKEEPER")  # power 0.3, one engagement: 0.25
    engages(db, "gate", "acme", "AWARENESS", AS_OF - timedelta(days=1))
    member(db, "scoped", "globex", "BUYER", scope=["zeta"])  # not for acme
    member(db, "norole", "globex", None)  # no buying role: not in the grid
    member(db, "multi", "globex", "INFLUENCER")
    member(db, "multi", "it", "USER")  # the highest role counts: 0.45
    uses(db, "multi", "zeta")

    grid = {
        e.person["id"]: e for e in await analytics.power_interest(graph, "globex", "acme", AS_OF)
    }

    assert {x: (e.power, e.interest, e.quadrant) for x, e in grid.items()} == {
        "dec": (1.0, 0.5, Quadrant.KEY_PLAYER),
        "appr": (0.9, 0.0, Quadrant.KEEP_SATISFIED),
        "multi": (0.45, 0.0, Quadrant.MONITOR),
        "usr": (0.2, 0.5, Quadrant.KEEP_INFORMED),
        "gate": (0.3, 0.25, Quadrant.MONITOR),
    }
    assert grid["multi"].roles == ["INFLUENCER", "USER"]

    anywhere = {
        e.person["id"]: e for e in await analytics.power_interest(graph, "globex", None, AS_OF)
    }
    assert anywhere["multi"].quadrant is Quadrant.KEEP_INFORMED  # USES zeta counts now
    assert anywhere["scoped"].power == 0.8


def test_only_decider_approver_and_buyer_are_high_power_by_default() -> None:
    s = AnalyticsSettings()
    high = {role for role, power in s.role_power.items() if power >= s.power_threshold}
    assert high == {"DECIDER", "APPROVER", "BUYER"}  # SPEC 7
    assert set(s.role_power) == set(BuyingRole)  # every role has a power


@pytest.mark.anyio
async def test_an_influencer_or_champion_alone_is_not_high_power(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "acme")
    org(db, "globex")
    for x, role in [("inf", "INFLUENCER"), ("champ", "CHAMPION"), ("buyer", "BUYER")]:
        person(db, x)
        member(db, x, "globex", role)
        uses(db, x, "acme")  # interest 0.5: high

    grid = await analytics.power_interest(graph, "globex", "acme", AS_OF)

    assert [(e.person["id"], e.power, e.quadrant) for e in grid] == [
        ("buyer", 0.8, Quadrant.KEY_PLAYER),
        ("inf", 0.45, Quadrant.KEEP_INFORMED),
        ("champ", 0.4, Quadrant.KEEP_INFORMED),
    ]


@pytest.mark.anyio
async def test_power_interest_of_unknown_or_empty_organization(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "lonely")
    assert await analytics.power_interest(graph, "lonely", None, AS_OF) == []
    with pytest.raises(errors.NotFound) as unknown:
        await analytics.power_interest(graph, "ghost", None, AS_OF)
    assert unknown.value.field == "organizationId"


@pytest.mark.anyio
async def test_power_interest_of_a_department_or_person_is_bad_user_input(
    db: neo4j.Driver, graph: Graph
) -> None:
    org(db, "globex")
    department(db, "it", "globex")
    person(db, "dana")
    member(db, "dana", "it", "DECIDER")
    for not_an_organization in ("it", "dana"):
        with pytest.raises(errors.BadUserInput) as wrong:
            await analytics.power_interest(graph, not_an_organization, None, AS_OF)
        assert wrong.value.field == "organizationId"
        assert "not an Organization" in str(wrong.value)


# --------------------------------------------------------------------------------- segments


def _buckets(buckets: list[analytics.SegmentBucket]) -> dict[str, tuple[int, dict[str, float]]]:
    counts = [b.count for b in buckets]
    assert counts == sorted(counts, reverse=True)  # biggest bucket first
    return {b.key: (b.count, {m.currency: m.amount for m in b.revenue}) for b in buckets}


@pytest.fixture
def customers(db: neo4j.Driver) -> list[str]:
    """acme's customers: two people, a department, two organisations."""
    org(db, "acme")
    person(db, "ann", interests=["golf", "chess"], birthYear=1990, country="DE")
    person(db, "bob", interests=["golf"], birthYear=2008, country="DE")
    department(db, "ops", "acme")
    org(db, "globex", orgType="BUSINESS", employees=120, technologies=["Neo4j", "Java"])
    org(db, "bare")  # no orgType, no employees, no technologies
    buys(db, "ann", "acme", 100, day(2024, 12, 1), "USD")
    buys(db, "ann", "acme", 50, day(2024, 12, 2), "EUR")
    buys(db, "bob", "acme", 30, day(2024, 12, 3), "USD")
    buys(db, "bob", "acme", 999, day(2024, 12, 3), "USD", consideration="IN_KIND")
    buys(db, "globex", "acme", 1000, day(2024, 6, 1), "USD", kind="CONTRACT")
    serves(db, "acme", "ops", ongoing=True)
    uses(db, "bare", "acme")
    return ["ann", "bob", "ops", "globex", "bare"]


@pytest.mark.anyio
async def test_segments_put_multi_valued_properties_in_each_bucket_and_missing_in_unknown(
    customers: list[str], graph: Graph
) -> None:
    interest = _buckets(await analytics.segments(graph, "acme", "INTEREST", customers, AS_OF))
    assert interest == {
        "golf": (2, {"USD": 130, "EUR": 50}),
        "chess": (1, {"USD": 100, "EUR": 50}),
        "UNKNOWN": (3, {"USD": 1000}),  # ops, globex and bare have no interests
    }
    tech = _buckets(await analytics.segments(graph, "acme", "TECHNOLOGY", customers, AS_OF))
    assert tech == {
        "Neo4j": (1, {"USD": 1000}),
        "Java": (1, {"USD": 1000}),
        "UNKNOWN": (4, {"USD": 130, "EUR": 50}),
    }


@pytest.mark.anyio
async def test_segments_by_type_age_size_and_country(customers: list[str], graph: Graph) -> None:
    async def by(dimension: str) -> dict[str, int]:
        buckets = await analytics.segments(graph, "acme", dimension, customers, AS_OF)
        return {b.key: b.count for b in buckets}

    assert await by("CUSTOMER_TYPE") == {
        "INDIVIDUAL": 2,
        "INTERNAL": 1,
        "BUSINESS": 1,
        "UNKNOWN": 1,
    }
    assert await by("AGE_BAND") == {"35-44": 1, "<18": 1, "UNKNOWN": 3}  # ages 35 and 17
    assert await by("SIZE_BAND") == {"50-249": 1, "UNKNOWN": 4}
    assert await by("COUNTRY") == {"DE": 2, "UNKNOWN": 3}
    with pytest.raises(errors.BadUserInput):
        await analytics.segments(graph, "acme", "SHOE_SIZE", customers, AS_OF)


@pytest.mark.anyio
async def test_segments_by_lens_journey_stage_and_rfm_segment(
    customers: list[str], graph: Graph
) -> None:
    lenses = {
        "ann": ["TRANSACTIONAL", "EXCHANGE", "REPEAT"],
        "bob": ["TRANSACTIONAL", "EXCHANGE", "REPEAT"],
        "ops": ["INTERNAL", "BENEFICIARY", "CLIENT"],
        "globex": ["TRANSACTIONAL", "EXCHANGE", "CLIENT"],
        "bare": ["END_USER", "BENEFICIARY"],
    }
    by_lens = _buckets(
        await analytics.segments(graph, "acme", SegmentDimension.LENS, lenses, AS_OF)
    )
    assert by_lens["TRANSACTIONAL"] == (3, {"USD": 1130, "EUR": 50})
    assert by_lens["CLIENT"] == (2, {"USD": 1000})
    assert by_lens["END_USER"] == (1, {})

    journey = _buckets(await analytics.segments(graph, "acme", "JOURNEY_STAGE", customers, AS_OF))
    # ann and bob bought twice, globex on contract, ops served ongoing; bare only uses
    assert {k: c for k, (c, _) in journey.items()} == {"RETENTION": 4, "NONE": 1}

    # RFM over the three paying customers, main currency USD (3 USD purchases, 1 EUR):
    # ann 30 days/2/100 -> 4/5/4, bob 29/1/30 -> 5/2/2, globex 214/1/1000 -> 2/2/5
    rfm_buckets = await analytics.segments(graph, "acme", "RFM_SEGMENT", customers, AS_OF)
    assert {b.key: b.count for b in rfm_buckets} == {
        "Champions": 1,  # ann
        "Potential Loyalist": 1,  # bob
        "At Risk": 1,  # globex
        "UNKNOWN": 2,  # ops and bare paid no money: no RFM score
    }


# ------------------------------------------------------------------- the files as analysts run them

ANALYTICS_FILES = {
    "analytics/cross_segments",
    "analytics/journey",
    "analytics/journey_stage",
    "analytics/leads",
    "analytics/lifetime_value",
    "analytics/persona",
    "analytics/power_interest",
    "analytics/provider_summary",
    "analytics/referrals",
    "analytics/rfm",
    "analytics/satisfaction",
    "analytics/segment_members",
    "analytics/segments",
}


def test_the_settings_table_of_the_docs_gives_the_defaults() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs" / "analytics.md"
    rows = re.findall(r"^\| `STAKEGRAPH_(\w+)` \| `([^`]+)` \|", docs.read_text(), re.MULTILINE)
    documented = {name.lower(): json.loads(default) for name, default in rows}
    assert documented == AnalyticsSettings().model_dump()


def test_the_analytics_files_are_exactly_these() -> None:
    assert {name for name in all_files() if name.startswith("analytics/")} == ANALYTICS_FILES


@pytest.mark.parametrize("name", sorted(ANALYTICS_FILES))
def test_analytics_file_runs_with_the_parameters_in_its_header(db: neo4j.Driver, name: str) -> None:
    """The `:param` lines of the header are what an analyst types in cypher-shell."""
    org(db, "initech")
    org(db, "globex")
    buys(db, "globex", "initech", 10, day(2024, 1, 1))
    params: dict[str, Any] = {}
    for line in load(name).description.splitlines():
        if line.startswith(":param "):
            key, expression = line.removeprefix(":param ").split("=>", 1)
            value = db.execute_query(f"RETURN {expression.split('//')[0]} AS v").records[0]["v"]
            params[key.strip()] = value
    assert {"providerId"} <= set(params) or "organizationId" in params
    records, _, _ = db.execute_query(load(name).body, params)
    assert records is not None
