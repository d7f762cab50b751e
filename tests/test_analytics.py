"""Customer analytics (SPEC 7) against a real Neo4j, with hand-computed expectations.

Each test builds its small graph with Cypher, following the graph conventions: every node
has :Stakeholder, one kind label, id, name, createdAt, updatedAt; every interaction has id
and createdAt; BUYS has offering, amount, currency, at, kind, consideration.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import neo4j
import pytest

from stakegraph import analytics, errors
from stakegraph.analytics import AnalyticsSettings, JourneyStage, Quadrant, SegmentDimension
from stakegraph.config import Neo4jSettings
from stakegraph.graph.driver import Graph

AS_OF = datetime(2025, 1, 1, tzinfo=UTC)
_ids = itertools.count(1)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def store() -> Iterator[neo4j.Driver]:
    """A sync driver on an emptied database (NEO4J_URI points at the test server)."""
    settings = Neo4jSettings(uri=os.environ.get("NEO4J_URI"))
    driver = neo4j.GraphDatabase.driver(
        settings.effective_uri, auth=(settings.username, settings.password)
    )
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    yield driver
    driver.close()


@pytest.fixture
async def g(store: neo4j.Driver) -> AsyncIterator[Graph]:
    settings = Neo4jSettings(uri=os.environ.get("NEO4J_URI"))
    graph = Graph.from_settings(settings)
    yield graph
    await graph.close()


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
    consideration: str = "MONEY",
) -> None:
    db.execute_query(
        "MATCH (x:Stakeholder {id: $buyer}), (p:Stakeholder {id: $seller}) "
        "CREATE (x)-[:BUYS {id: $id, createdAt: datetime(), offering: 'Widget', "
        "amount: $amount, currency: $currency, at: $at, kind: $kind, "
        "consideration: $consideration}]->(p)",
        buyer=buyer, seller=seller, id=f"r{next(_ids)}", amount=float(amount),
        currency=currency, at=at, kind=kind, consideration=consideration,
    )


def engages(db: neo4j.Driver, prospect: str, provider: str, stage: str, at: datetime) -> None:
    db.execute_query(
        "MATCH (x:Stakeholder {id: $prospect}), (p:Stakeholder {id: $provider}) "
        "CREATE (x)-[:ENGAGES {id: $id, createdAt: datetime(), stage: $stage, "
        "channel: 'web', at: $at}]->(p)",
        prospect=prospect, provider=provider, id=f"r{next(_ids)}", stage=stage, at=at,
    )


def uses(db: neo4j.Driver, user: str, provider: str) -> None:
    db.execute_query(
        "MATCH (x:Stakeholder {id: $user}), (p:Stakeholder {id: $provider}) "
        "SET x:EndUser "
        "CREATE (x)-[:USES {id: $id, createdAt: datetime(), offering: 'Widget', "
        "since: datetime('2024-01-01T00:00:00Z')}]->(p)",
        user=user, provider=provider, id=f"r{next(_ids)}",
    )


def serves(db: neo4j.Driver, provider: str, recipient: str, ongoing: bool) -> None:
    db.execute_query(
        "MATCH (p:Stakeholder {id: $provider}), (x:Stakeholder {id: $recipient}) "
        "CREATE (p)-[:SERVES {id: $id, createdAt: datetime(), offering: 'Support', "
        "since: datetime('2024-01-01T00:00:00Z'), ongoing: $ongoing}]->(x)",
        provider=provider, recipient=recipient, id=f"r{next(_ids)}", ongoing=ongoing,
    )


def member(
    db: neo4j.Driver, person_id: str, of: str, role: str | None, scope: list[str] | None = None
) -> None:
    db.execute_query(
        "MATCH (x:Person {id: $person}), (o:Stakeholder {id: $of}) "
        "CREATE (x)-[m:MEMBER_OF {title: 'Staff', scope: $scope}]->(o) "
        "SET m.buyingRole = $role "
        "FOREACH (_ IN CASE WHEN $role IS NULL THEN [] ELSE [1] END | SET x:BuyingCenterMember)",
        person=person_id, of=of, role=role, scope=scope or [],
    )


def department(db: neo4j.Driver, id: str, part_of: str) -> None:
    node(db, "Department", id)
    db.execute_query(
        "MATCH (d:Department {id: $id}), (o:Stakeholder {id: $of}) CREATE (d)-[:PART_OF]->(o)",
        id=id, of=part_of,
    )


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


# ---------------------------------------------------------------------------- lifetime value


@pytest.mark.anyio
async def test_lifetime_value_is_one_result_per_currency_without_conversion(
    store: neo4j.Driver, g: Graph
) -> None:
    org(store, "acme")
    org(store, "globex")
    buys(store, "globex", "acme", 100, day(2022, 1, 1), "USD")
    buys(store, "globex", "acme", 300, day(2024, 1, 1), "USD")  # 730 days later
    buys(store, "globex", "acme", 50, day(2023, 6, 1), "EUR")
    buys(store, "globex", "acme", 999, day(2023, 6, 1), "EUR", consideration="IN_KIND")

    values = await analytics.lifetime_value(g, "globex", "acme")

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
    store: neo4j.Driver, g: Graph
) -> None:
    org(store, "acme", expectedLifespanYears=5, grossMargin=0.4)
    person(store, "dana")
    buys(store, "dana", "acme", 100, day(2024, 1, 1))
    buys(store, "dana", "acme", 300, day(2024, 3, 1))

    [usd] = await analytics.lifetime_value(g, "dana", "acme", retention_rate=0.8, discount_rate=0.1)

    # AOV 200, 2 purchases within a year -> 2 per year; m = 200 * 2 * 0.4 = 160
    assert usd.purchases_per_year == 2.0
    assert usd.predicted_value == pytest.approx(200 * 2 * 5 * 0.4)
    assert usd.retention_value == pytest.approx(160 * 0.8 / (1 + 0.1 - 0.8))
    assert any("expectedLifespanYears" in a and "5 years" in a for a in usd.assumptions)
    assert any("m = 160" in a for a in usd.assumptions)


@pytest.mark.anyio
async def test_lifetime_value_without_money_purchases_is_empty_and_unknown_id_not_found(
    store: neo4j.Driver, g: Graph
) -> None:
    org(store, "acme")
    person(store, "dana")
    buys(store, "dana", "acme", 0, day(2024, 1, 1), consideration="DATA")

    assert await analytics.lifetime_value(g, "dana", "acme") == []
    with pytest.raises(errors.NotFound):
        await analytics.lifetime_value(g, "nobody", "acme")
    with pytest.raises(errors.BadUserInput):
        await analytics.lifetime_value(g, "dana", "acme", retention_rate=0.5)
