"""Customer analytics through GraphQL (SPEC 7), with hand-computed expectations.

Each test builds its small graph with Cypher through the `db` fixture, following the graph
conventions: every node has :Stakeholder, one kind label, id, name, createdAt, updatedAt;
every interaction has id and createdAt; BUYS has offering, amount, currency, at, kind,
consideration; role labels follow the relationships.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import neo4j
import pytest

from stakegraph.config import Neo4jSettings
from tests.gql import GQL, code, field, serve

AS_OF = datetime(2025, 1, 1, tzinfo=UTC)
_ids = itertools.count(1)


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    with serve(neo4j_settings) as client:
        yield client


# ----------------------------------------------------------------------------- the world


class World:
    """Creates nodes and relationships with Cypher, as every writer does."""

    def __init__(self, db: neo4j.Driver) -> None:
        self.db = db

    def node(self, kind: str, id: str, name: str | None = None, **props: Any) -> str:
        assert kind in {"Organization", "Department", "Person"}
        self.db.execute_query(
            f"CREATE (n:Stakeholder:{kind} {{id: $id, name: $name, createdAt: datetime(),"
            " updatedAt: datetime()}) SET n += $props",
            id=id,
            name=name or id.title(),
            props=props,
        )
        return id

    def org(self, id: str, name: str | None = None, **props: Any) -> str:
        return self.node("Organization", id, name, **props)

    def person(self, id: str, name: str | None = None, **props: Any) -> str:
        return self.node("Person", id, name, **props)

    def rel(self, start: str, type: str, end: str, **props: Any) -> None:
        self.db.execute_query(
            "MATCH (a:Stakeholder {id: $start}), (b:Stakeholder {id: $end}) "
            f"CREATE (a)-[r:{type} {{id: $id, createdAt: datetime()}}]->(b) SET r += $props",
            start=start,
            end=end,
            id=f"r{next(_ids)}",
            props=props,
        )

    def buys(
        self,
        buyer: str,
        seller: str,
        amount: float,
        at: datetime,
        currency: str = "USD",
        kind: str = "ONE_OFF",
        consideration: str = "MONEY",
    ) -> None:
        self.rel(buyer, "BUYS", seller, offering="Widget", amount=float(amount),
                 currency=currency, at=at, kind=kind, consideration=consideration)

    def engages(self, prospect: str, provider: str, stage: str, at: datetime) -> None:
        self.rel(prospect, "ENGAGES", provider, stage=stage, channel="web", at=at)

    def uses(self, user: str, provider: str) -> None:
        self.rel(user, "USES", provider, offering="Widget", since=AS_OF)
        self.db.execute_query("MATCH (x:Stakeholder {id: $id}) SET x:EndUser", id=user)

    def member(self, person: str, of: str, role: str | None) -> None:
        self.db.execute_query(
            "MATCH (x:Person {id: $person}), (o:Stakeholder {id: $of}) "
            "CREATE (x)-[m:MEMBER_OF {title: 'Staff', scope: []}]->(o) SET m.buyingRole = $role "
            "FOREACH (_ IN CASE WHEN $role IS NULL THEN [] ELSE [1] END | SET x:BuyingCenterMember)",
            person=person,
            of=of,
            role=role,
        )

    def department(self, id: str, part_of: str) -> str:
        self.node("Department", id)
        self.db.execute_query(
            "MATCH (d:Department {id: $id}), (o:Stakeholder {id: $of}) CREATE (d)-[:PART_OF]->(o)",
            id=id,
            of=part_of,
        )
        return id


@pytest.fixture
def world(db: neo4j.Driver) -> World:
    return World(db)


def days_before(n: float, moment: datetime = AS_OF) -> datetime:
    return moment - timedelta(days=n)


# ---------------------------------------------------------------------------- lifetime value

LTV = """query($c: ID!, $p: ID!, $r: Float, $d: Float) {
  lifetimeValue(customerId: $c, providerId: $p, retentionRate: $r, discountRate: $d) {
    currency historicalRevenue purchaseCount firstPurchase lastPurchase averageOrderValue
    purchasesPerYear predictedValue retentionValue assumptions } }"""


def test_lifetime_value_is_one_answer_per_currency_never_converted(gql: GQL, world: World) -> None:
    world.org("initech", grossMargin=0.5)  # no expectedLifespanYears: 3 years by default
    world.org("globex")
    world.buys("globex", "initech", 100, datetime(2024, 1, 1, tzinfo=UTC))
    world.buys("globex", "initech", 300, datetime(2024, 7, 1, tzinfo=UTC))
    world.buys("globex", "initech", 50, datetime(2024, 3, 1, tzinfo=UTC), currency="EUR")
    world.buys("globex", "initech", 999, AS_OF, consideration="DATA")  # not money: ignored

    eur, usd = gql.query(LTV, c="globex", p="initech", r=0.8, d=0.1)["lifetimeValue"]

    # USD: 2 purchases, 400, AOV 200, half a year apart so max(1, 0.5) = 1 year: 2 per year;
    # predicted 200 x 2 x 3 years x 0.5 = 600; m = 200 x 2 x 0.5 = 200 a year,
    # retention 200 x 0.8 / (1 + 0.1 - 0.8) = 533.33
    assert usd["currency"] == "USD"
    assert usd["historicalRevenue"] == 400.0
    assert usd["purchaseCount"] == 2
    assert usd["firstPurchase"].startswith("2024-01-01T00:00:00")
    assert usd["lastPurchase"].startswith("2024-07-01T00:00:00")
    assert usd["averageOrderValue"] == 200.0
    assert usd["purchasesPerYear"] == 2.0
    assert usd["predictedValue"] == pytest.approx(600.0)
    assert usd["retentionValue"] == pytest.approx(160 / 0.3)
    # EUR: one purchase of 50: AOV 50, 1 per year, predicted 50 x 1 x 3 x 0.5 = 75;
    # m = 25, retention 25 x 0.8 / 0.3 = 66.67
    assert (eur["currency"], eur["historicalRevenue"], eur["purchaseCount"]) == ("EUR", 50.0, 1)
    assert eur["averageOrderValue"] == 50.0
    assert eur["purchasesPerYear"] == 1.0
    assert eur["predictedValue"] == pytest.approx(75.0)
    assert eur["retentionValue"] == pytest.approx(20 / 0.3)
    # the assumptions say, in words, which lifespan and margin were used
    assert usd["assumptions"][:2] == [
        "expected lifespan 3 years (default; the provider has no expectedLifespanYears)",
        "gross margin 0.5 (the provider's grossMargin)",
    ]
    assert "m = 200 USD per year" in usd["assumptions"][2]
    assert "m = 25 EUR per year" in eur["assumptions"][2]


def test_lifetime_value_without_rates_has_no_retention_value(gql: GQL, world: World) -> None:
    world.org("initech", expectedLifespanYears=5.0)
    world.person("pat")
    world.buys("pat", "initech", 10, AS_OF)

    (usd,) = gql.query(LTV, c="pat", p="initech")["lifetimeValue"]

    assert usd["predictedValue"] == pytest.approx(50.0)  # 10 x 1 x 5 years x margin 1.0
    assert usd["retentionValue"] is None
    assert usd["assumptions"] == [
        "expected lifespan 5 years (the provider's expectedLifespanYears)",
        "gross margin 1 (default; the provider has no grossMargin)",
    ]


def test_lifetime_value_of_someone_who_never_paid_is_empty(gql: GQL, world: World) -> None:
    world.org("initech")
    world.person("pat")
    assert gql.query(LTV, c="pat", p="initech")["lifetimeValue"] == []


@pytest.mark.parametrize(
    ("rates", "argument"),
    [
        ({"r": 1.5, "d": 0.1}, "retentionRate"),
        ({"r": -0.1, "d": 0.1}, "retentionRate"),
        ({"r": 0.5, "d": -0.2}, "discountRate"),
        ({"r": 0.5}, "discountRate"),
        ({"d": 0.1}, "retentionRate"),
    ],
)
def test_lifetime_value_rejects_bad_rates_naming_the_argument(
    gql: GQL, world: World, rates: dict[str, float], argument: str
) -> None:
    world.org("initech")
    world.person("pat")
    error = gql.error(LTV, c="pat", p="initech", **rates)
    assert (code(error), field(error)) == ("BAD_USER_INPUT", argument)
