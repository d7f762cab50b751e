"""Customer analytics through GraphQL (SPEC 7), with hand-computed expectations.

Each test builds its small graph with Cypher through the `db` fixture, following the graph
conventions: every node has :Stakeholder, one kind label, id, name, createdAt, updatedAt;
every interaction has id and createdAt; BUYS has offering, amount, currency, at, kind,
consideration; role labels follow the relationships.
"""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import neo4j
import pytest

from stakegraph import analytics
from stakegraph.api import analytics as api_analytics
from tests.gql import GQL, code, field

AS_OF = datetime(2025, 1, 1, tzinfo=UTC)
_ids = itertools.count(1)


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
        self.rel(
            buyer,
            "BUYS",
            seller,
            offering="Widget",
            amount=float(amount),
            currency=currency,
            at=at,
            kind=kind,
            consideration=consideration,
        )

    def engages(self, prospect: str, provider: str, stage: str, at: datetime) -> None:
        self.rel(prospect, "ENGAGES", provider, stage=stage, channel="web", at=at)

    def uses(self, user: str, provider: str) -> None:
        self.rel(user, "USES", provider, offering="Widget", since=AS_OF)
        self.db.execute_query("MATCH (x:Stakeholder {id: $id}) SET x:EndUser", id=user)

    def member(self, person: str, of: str, role: str | None) -> None:
        self.db.execute_query(
            "MATCH (x:Person {id: $person}), (o:Stakeholder {id: $of}) "
            "CREATE (x)-[m:MEMBER_OF {title: 'Staff', scope: []}]->(o) SET m.buyingRole = $role "
            "FOREACH (_ IN CASE WHEN $role IS NULL THEN [] ELSE [1] END |"
            " SET x:BuyingCenterMember)",
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


# ------------------------------------------------------------------------------------- RFM

RFM = """query($p: ID!, $asOf: DateTime) {
  rfm(providerId: $p, asOf: $asOf) {
    customer { id name } recencyDays frequency monetary currency r f m segment } }"""


def test_rfm_scores_by_quintile_at_a_fixed_date_with_the_spec_segment_names(
    gql: GQL, world: World
) -> None:
    world.org("shop")
    # (id, name, days since last purchase, purchases, amount each): five customers, all
    # values distinct, so each measure's scores are 1..5 by rank (5 best).
    customers = [
        ("a", "Ada", 10, 5, 100.0),  # R5 F5 M5 (500)  -> Champions
        ("b", "Ben", 30, 4, 100.0),  # R3 F4 M4 (400)  -> Loyal Customers
        ("c", "Cleo", 20, 1, 200.0),  # R4 F1 M2 (200) -> Potential Loyalist
        ("d", "Dan", 50, 3, 100.0),  # R1 F3 M3 (300)  -> At Risk
        ("e", "Eve", 40, 2, 50.0),  # R2 F2 M1 (100)   -> About To Sleep
    ]
    for id, name, recency, count, amount in customers:
        world.person(id, name)
        for k in range(count):
            world.buys(id, "shop", amount, days_before(recency + 7 * k))
    world.buys("e", "shop", 1000, AS_OF + timedelta(days=1))  # after asOf: ignored
    world.person("f", "Fay")
    world.buys("f", "shop", 80, days_before(5), consideration="IN_KIND")  # not TRANSACTIONAL

    scores = gql.query(RFM, p="shop", asOf=AS_OF.isoformat())["rfm"]

    # ordered by r + f + m (15, 11, 7, 7, 5), then name
    assert [
        (
            s["customer"]["name"],
            s["recencyDays"],
            s["frequency"],
            s["monetary"],
            s["r"],
            s["f"],
            s["m"],
            s["segment"],
        )
        for s in scores
    ] == [
        ("Ada", 10, 5, 500.0, 5, 5, 5, "Champions"),
        ("Ben", 30, 4, 400.0, 3, 4, 4, "Loyal Customers"),
        ("Cleo", 20, 1, 200.0, 4, 1, 2, "Potential Loyalist"),
        ("Dan", 50, 3, 300.0, 1, 3, 3, "At Risk"),
        ("Eve", 40, 2, 100.0, 2, 2, 1, "About To Sleep"),
    ]
    assert {s["currency"] for s in scores} == {"USD"}


def test_rfm_monetary_comes_with_its_currency_the_providers_main_one(
    gql: GQL, world: World
) -> None:
    world.org("shop")
    world.person("ana")
    world.person("bo")
    world.buys("ana", "shop", 10, days_before(3), currency="EUR")
    world.buys("ana", "shop", 20, days_before(2), currency="EUR")
    world.buys("bo", "shop", 500, days_before(1), currency="USD")  # EUR is more common

    scores = gql.query(RFM, p="shop", asOf=AS_OF.isoformat())["rfm"]

    assert {s["customer"]["id"]: (s["monetary"], s["currency"]) for s in scores} == {
        "ana": (30.0, "EUR"),
        "bo": (0.0, "EUR"),  # USD adds nothing to monetary: never converted
    }


def test_rfm_of_a_provider_without_paying_customers_is_empty(gql: GQL, world: World) -> None:
    world.org("shop")
    assert gql.query(RFM, p="shop")["rfm"] == []


# ---------------------------------------------------------------------------- journey stage


def test_journey_stage_is_the_furthest_stage_reached(gql: GQL, world: World) -> None:
    world.org("p")
    for id in ("stranger", "curious", "buyer", "subscriber", "fan", "loud"):
        world.person(id)
    world.engages("curious", "p", "INTENT", days_before(20))
    world.engages("curious", "p", "AWARENESS", days_before(10))  # later, but not further
    world.buys("buyer", "p", 10, days_before(5))
    world.buys("subscriber", "p", 10, days_before(5), kind="SUBSCRIPTION")
    world.buys("fan", "p", 10, days_before(5))
    world.engages("fan", "p", "ADVOCACY", days_before(1))
    world.engages("loud", "p", "ADVOCACY", days_before(1))  # no customer: only aware

    data = gql.query(
        '{ stranger: journeyStage(customerId: "stranger", providerId: "p")'
        ' curious: journeyStage(customerId: "curious", providerId: "p")'
        ' buyer: journeyStage(customerId: "buyer", providerId: "p")'
        ' subscriber: journeyStage(customerId: "subscriber", providerId: "p")'
        ' fan: journeyStage(customerId: "fan", providerId: "p")'
        ' loud: journeyStage(customerId: "loud", providerId: "p") }'
    )

    assert data == {
        "stranger": "NONE",
        "curious": "INTENT",
        "buyer": "PURCHASE",
        "subscriber": "RETENTION",
        "fan": "ADVOCACY",
        "loud": "AWARENESS",
    }


# --------------------------------------------------------------------------------- segments

SEGMENTS = """query($p: ID!, $by: SegmentDimension!, $lenses: [Lens!]) {
  segments(providerId: $p, by: $by, lenses: $lenses) {
    key count revenue { amount currency } } }"""


@pytest.fixture
def club(world: World) -> World:
    """ana and bo paid the club (in two currencies), cy only uses it, dee only engages."""
    world.org("club")
    world.person("ana", interests=["chess", "hiking"])
    world.person("bo", interests=["hiking"])
    world.person("cy")
    world.person("dee", interests=["chess"])
    world.buys("ana", "club", 100, days_before(10))
    world.buys("bo", "club", 50, days_before(10), currency="EUR")
    world.uses("bo", "club")
    world.uses("cy", "club")
    world.engages("dee", "club", "INTENT", days_before(3))
    return world


def buckets(gql: GQL, by: str, **variables: Any) -> list[tuple[str, int, list[tuple[float, str]]]]:
    data = gql.query(SEGMENTS, p="club", by=by, **variables)["segments"]
    return [
        (b["key"], b["count"], [(m["amount"], m["currency"]) for m in b["revenue"]]) for b in data
    ]


def test_segments_by_interest_put_a_customer_in_each_of_its_buckets(gql: GQL, club: World) -> None:
    # customers (every lens but PROSPECT): ana, bo, cy; dee is only a prospect
    assert buckets(gql, "INTEREST") == [
        ("hiking", 2, [(50.0, "EUR"), (100.0, "USD")]),  # ana and bo, revenue per currency
        ("UNKNOWN", 1, []),  # cy has no interests and paid nothing
        ("chess", 1, [(100.0, "USD")]),  # ana again
    ]


def test_segments_follow_the_lenses_asked(gql: GQL, club: World) -> None:
    assert buckets(gql, "INTEREST", lenses=["PROSPECT"]) == [("chess", 1, [])]
    assert buckets(gql, "INTEREST", lenses=["END_USER"]) == [
        ("UNKNOWN", 1, []),  # cy
        ("hiking", 1, [(50.0, "EUR")]),  # bo
    ]


def test_segments_by_lens_count_each_lens_that_holds(gql: GQL, club: World) -> None:
    # ana: TRANSACTIONAL, EXCHANGE, BENEFICIARY; bo: the same and END_USER;
    # cy: END_USER, BENEFICIARY
    assert buckets(gql, "LENS") == [
        ("BENEFICIARY", 3, [(50.0, "EUR"), (100.0, "USD")]),
        ("END_USER", 2, [(50.0, "EUR")]),
        ("EXCHANGE", 2, [(50.0, "EUR"), (100.0, "USD")]),
        ("TRANSACTIONAL", 2, [(50.0, "EUR"), (100.0, "USD")]),
    ]


def test_segments_by_rfm_segment_and_journey_stage(gql: GQL, club: World) -> None:
    # two paying customers, one purchase each on the same day: R and F tie at 3; monetary
    # counts the main currency, EUR (a tie with USD, broken alphabetically): ana 0 (M 3),
    # bo 50 (M 5); (3, 3, 3) and (3, 3, 5) are both Loyal Customers; cy never paid
    assert buckets(gql, "RFM_SEGMENT") == [
        ("Loyal Customers", 2, [(50.0, "EUR"), (100.0, "USD")]),
        ("UNKNOWN", 1, []),
    ]
    assert buckets(gql, "JOURNEY_STAGE") == [
        ("PURCHASE", 2, [(50.0, "EUR"), (100.0, "USD")]),
        ("NONE", 1, []),  # cy only uses the club
    ]


def test_segments_take_two_round_trips_three_for_rfm_segment_and_journey_stage(
    gql: GQL, club: World
) -> None:
    """As docs/analytics.md says: the lens composition, (the RFM or journey file,) the
    segment file."""
    for by, statements in [("LENS", 2), ("COUNTRY", 2), ("RFM_SEGMENT", 3), ("JOURNEY_STAGE", 3)]:
        before = gql.graph.statements
        buckets(gql, by)
        assert gql.graph.statements - before == statements, by


def test_segments_of_more_customers_than_a_page_still_take_two_round_trips(
    gql: GQL, world: World
) -> None:
    """The lens union runs once, uncapped, not once per page of 500 customers."""
    world.org("big")
    world.db.execute_query(
        "MATCH (p:Organization {id: 'big'}) "
        "UNWIND range(1, 1201) AS i "
        "CREATE (x:Stakeholder:Person:EndUser {id: 'u' + i, name: 'U' + i, "
        "  createdAt: datetime(), updatedAt: datetime(), country: CASE i % 2 WHEN 0 THEN 'DE'"
        "  ELSE 'FR' END})"
        "-[:USES {id: 'use' + i, createdAt: datetime(), offering: 'Widget', "
        "  since: datetime()}]->(p)"
    )
    before = gql.graph.statements
    data = gql.query(SEGMENTS, p="big", by="COUNTRY")["segments"]
    assert [(b["key"], b["count"]) for b in data] == [("FR", 601), ("DE", 600)]
    assert gql.graph.statements - before == 2


# ------------------------------------------------------------------------------------ leads

LEADS = """query($p: ID!, $asOf: DateTime, $first: Int!) {
  leads(providerId: $p, asOf: $asOf, first: $first) {
    prospect { id } score fit engagement qualified reasons } }"""


def test_leads_come_best_first_with_fit_plus_engagement(gql: GQL, world: World) -> None:
    # explicit profile on two dimensions: each match is worth 25 of the 50 fit points
    world.org("vendor", icpIndustries=["Software"], icpCountries=["DE"])
    world.org("bullseye", industry="Software", country="DE")  # fit 50
    world.engages("bullseye", "vendor", "INTENT", days_before(30))  # 20 halved once: 10
    world.org("halfway", industry="Software", country="FR")  # fit 25
    world.engages("halfway", "vendor", "INTENT", days_before(30))  # 10
    world.engages("halfway", "vendor", "CONSIDERATION", AS_OF)  # 10
    world.engages("halfway", "vendor", "INTENT", AS_OF + timedelta(days=1))  # after asOf
    world.person("eager", country="DE")  # fit 25 (no industry)
    for _ in range(3):
        world.engages("eager", "vendor", "INTENT", AS_OF)  # 60, capped at 50
    world.org("client", industry="Software", country="DE")
    world.buys("client", "vendor", 10, days_before(100))  # a buyer is no prospect
    world.engages("client", "vendor", "INTENT", AS_OF)

    leads = gql.query(LEADS, p="vendor", asOf=AS_OF.isoformat(), first=50)["leads"]

    assert [(x["prospect"]["id"], x["fit"], x["engagement"], x["score"]) for x in leads] == [
        ("eager", 25.0, 50.0, 75.0),
        ("bullseye", 50.0, 10.0, 60.0),
        ("halfway", 25.0, 20.0, 45.0),
    ]
    for lead in leads:
        assert lead["fit"] + lead["engagement"] == pytest.approx(lead["score"])
        assert lead["qualified"] is (lead["score"] >= 60)
    assert [lead["qualified"] for lead in leads] == [True, True, False]
    assert leads[1]["reasons"][-1] == "score 60.0 reaches 60: qualified"
    assert leads[2]["reasons"][-1] == "score 45.0 is below 60: not qualified"

    top = gql.query(LEADS, p="vendor", asOf=AS_OF.isoformat(), first=1)["leads"]
    assert [x["prospect"]["id"] for x in top] == ["eager"]


def test_leads_reject_a_negative_first(gql: GQL, world: World) -> None:
    world.org("vendor")
    error = gql.error(LEADS, p="vendor", first=-1)
    assert (code(error), field(error)) == ("BAD_USER_INPUT", "first")


# ------------------------------------------------------------------------ power and interest

POWER_INTEREST = """query($o: ID!, $p: ID) {
  powerInterest(organizationId: $o, providerId: $p) {
    person { id name } power interest quadrant } }"""


def test_power_interest_places_the_buying_center_in_each_quadrant(gql: GQL, world: World) -> None:
    now = datetime.now(UTC)
    world.org("initech")
    world.org("globex")
    world.department("it", part_of="globex")
    for id in ("dana", "ed", "fay", "gus", "hal"):
        world.person(id)
    world.member("dana", "globex", "DECIDER")  # power 1.0
    world.uses("dana", "initech")  # interest 0.5
    world.member("ed", "globex", "APPROVER")  # power 0.9, interest 0
    world.member("fay", "globex", "USER")  # power 0.2
    world.engages("fay", "initech", "CONSIDERATION", days_before(3, now))
    world.engages("fay", "initech", "INTENT", days_before(2, now))  # interest 2 x 0.25
    world.member("gus", "it", "GATEKEEPER")  # through a department: power 0.3, interest 0
    world.engages("gus", "initech", "AWARENESS", days_before(200, now))  # too old to count
    world.member("hal", "globex", None)  # no buying role: not in the buying center

    grid = gql.query(POWER_INTEREST, o="globex", p="initech")["powerInterest"]

    assert [(e["person"]["id"], e["power"], e["interest"], e["quadrant"]) for e in grid] == [
        ("dana", 1.0, 0.5, "KEY_PLAYER"),
        ("ed", 0.9, 0.0, "KEEP_SATISFIED"),
        ("gus", 0.3, 0.0, "MONITOR"),
        ("fay", 0.2, 0.5, "KEEP_INFORMED"),
    ]


# ------------------------------------------------------------------- types and their records

# Each GraphQL type mirrors a dataclass of stakegraph.analytics; the node fields (customer,
# prospect, person) hold a neo4j Node there and a Stakeholder or Person here.
MIRRORS: list[tuple[type, type, set[str]]] = [
    (api_analytics.LifetimeValue, analytics.LifetimeValue, set()),
    (api_analytics.RfmScore, analytics.RfmScore, set()),
    (api_analytics.Money, analytics.Money, set()),
    (api_analytics.SegmentBucket, analytics.SegmentBucket, set()),
    (api_analytics.Lead, analytics.Lead, set()),
    (api_analytics.PowerInterestEntry, analytics.PowerInterestEntry, {"roles"}),  # not in SPEC 7
]


@pytest.mark.parametrize(("graphql_type", "record", "unexposed"), MIRRORS)
def test_each_graphql_type_has_the_fields_of_its_analytics_record(
    graphql_type: type, record: type, unexposed: set[str]
) -> None:
    exposed = [f.name for f in dataclasses.fields(record) if f.name not in unexposed]
    assert [f.name for f in dataclasses.fields(graphql_type)] == exposed


# -------------------------------------------------------------------------------- not found

NOT_FOUND_CASES = [
    ("lifetimeValue", '(customerId: "ghost", providerId: "shop") { currency }', "customerId"),
    ("lifetimeValue", '(customerId: "pat", providerId: "ghost") { currency }', "providerId"),
    ("rfm", '(providerId: "ghost") { r }', "providerId"),
    ("journeyStage", '(customerId: "ghost", providerId: "shop")', "customerId"),
    ("journeyStage", '(customerId: "pat", providerId: "ghost")', "providerId"),
    ("segments", '(providerId: "ghost", by: COUNTRY) { key }', "providerId"),
    ("segments", '(providerId: "ghost", by: LENS) { key }', "providerId"),
    ("leads", '(providerId: "ghost") { score }', "providerId"),
    ("powerInterest", '(organizationId: "ghost") { power }', "organizationId"),
    ("powerInterest", '(organizationId: "shop", providerId: "ghost") { power }', "providerId"),
]


def test_power_interest_of_a_department_is_bad_user_input_naming_the_argument(
    gql: GQL, world: World
) -> None:
    world.org("globex")
    world.department("it", part_of="globex")
    error = gql.error('{ powerInterest(organizationId: "it") { power } }')
    assert (code(error), field(error)) == ("BAD_USER_INPUT", "organizationId")


@pytest.mark.parametrize(("name", "rest", "argument"), NOT_FOUND_CASES)
def test_unknown_ids_are_not_found_naming_the_argument(
    gql: GQL, world: World, name: str, rest: str, argument: str
) -> None:
    world.org("shop")
    world.person("pat")
    error = gql.error(f"{{ {name}{rest} }}")
    assert (code(error), field(error)) == ("NOT_FOUND", argument)
