"""The voice of the customer over GraphQL (SPEC 13/14), on small worlds whose figures are
worked out by hand in each test: journey maps, satisfaction, referrals, personas and
combined segments."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest

from stakegraph.config import Neo4jSettings
from stakegraph.graph.driver import Graph
from stakegraph.importer import import_records
from tests.gql import GQL, serve

Record = dict[str, Any]


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    with serve(neo4j_settings) as client:
        yield client


def load(
    neo4j_settings: Neo4jSettings, stakeholders: list[Record], relations: list[Record]
) -> None:
    """Import a small world through the one write path (validation included)."""
    import asyncio

    async def run() -> None:
        graph = Graph.from_settings(neo4j_settings)
        try:
            await import_records(
                graph,
                ((f"stakeholders[{i}]", s) for i, s in enumerate(stakeholders)),
                ((f"relations[{i}]", r) for i, r in enumerate(relations)),
            )
        finally:
            await graph.close()

    asyncio.run(run())


def person(id_: str, **props: Any) -> Record:
    return {"id": id_, "kind": "PERSON", "name": id_.title(), **props}


def org(id_: str, **props: Any) -> Record:
    return {"id": id_, "kind": "ORGANIZATION", "name": id_.title(), **props}


def rel(type_: str, id_: str | None, source: str, target: str, **props: Any) -> Record:
    record: Record = {"type": type_, "from": source, "to": target, **props}
    if id_ is not None:
        record["id"] = id_
    return record


def buys(id_: str, buyer: str, at: str, amount: float = 10.0, **props: Any) -> Record:
    return rel(
        "BUYS", id_, buyer, "shop", offering="Box", amount=amount, currency="EUR", at=at, **props
    )


def day(month: int, date: int = 1) -> str:
    return f"2024-{month:02d}-{date:02d}T00:00:00Z"


# ------------------------------------------------------------------------------- journey

JOURNEY = """
query($x: ID!, $p: ID!) {
  journey(customerId: $x, providerId: $p) { at stage channel relation { id type from { id } } }
  journeyStage(customerId: $x, providerId: $p)
}
"""


@pytest.fixture
def journey_world(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> None:
    load(
        neo4j_settings,
        [org("shop"), org("acme"), person("kim"), person("lee"), person("dana"), person("sol")],
        [
            rel("MEMBER_OF", None, "kim", "acme", buyingRole="DECIDER"),
            rel("MEMBER_OF", None, "dana", "acme", buyingRole="APPROVER"),
            rel("CONTRIBUTES", "c1", "kim", "shop", what="a review"),  # undated: first
            rel("ENGAGES", "e1", "kim", "shop", stage="AWARENESS", channel="ad", at=day(1)),
            # same time as e1: ENGAGES before GIVES_FEEDBACK; a promoter's score from
            # someone who is not yet a customer counts as AWARENESS
            rel("GIVES_FEEDBACK", "f0", "kim", "shop", nps=10, channel="survey", at=day(1)),
            # same time and type: by id, a1 (the home organisation's, moves nothing) first
            buys("b1", "kim", day(2)),
            buys("a1", "acme", day(2), amount=500.0),
            rel("ENGAGES", "e2", "kim", "shop", stage="INTENT", channel="web", at=day(3)),
            rel("REFERS", "r1", "kim", "lee", providerId="shop", channel="chat", at=day(4)),
            buys("b2", "kim", day(5)),
            # sol advocates before buying: that never turns into ADVOCACY later
            rel("ENGAGES", "s1", "sol", "shop", stage="ADVOCACY", channel="forum", at=day(1)),
            buys("s2", "sol", day(2)),
            # dana is a customer through acme's purchase (buying center) when she engages
            rel("ENGAGES", "d1", "dana", "shop", stage="ADVOCACY", channel="event", at=day(6)),
        ],
    )


def test_the_journey_is_in_time_order_with_ties_by_type_then_id_and_stages_only_grow(
    gql: GQL, journey_world: None
) -> None:
    data = gql.query(JOURNEY, x="kim", p="shop")

    steps = [
        (t["relation"]["id"], t["relation"]["from"]["id"], t["stage"]) for t in data["journey"]
    ]
    assert steps == [
        ("c1", "kim", "NONE"),
        ("e1", "kim", "AWARENESS"),
        ("f0", "kim", "AWARENESS"),
        ("a1", "acme", "AWARENESS"),
        ("b1", "kim", "PURCHASE"),
        ("e2", "kim", "PURCHASE"),
        ("r1", "kim", "ADVOCACY"),
        ("b2", "kim", "ADVOCACY"),
    ]
    assert data["journey"][0]["at"] is None
    assert [t["channel"] for t in data["journey"]][1:3] == ["ad", "survey"]
    assert data["journey"][6]["relation"]["type"] == "REFERS"
    assert data["journeyStage"] == "ADVOCACY"


def test_advocacy_before_becoming_a_customer_counts_as_awareness_for_good(
    gql: GQL, journey_world: None
) -> None:
    data = gql.query(JOURNEY, x="sol", p="shop")

    assert [t["stage"] for t in data["journey"]] == ["AWARENESS", "PURCHASE"]
    assert data["journeyStage"] == "PURCHASE"


def test_a_buying_center_member_advocates_once_her_organisation_has_bought(
    gql: GQL, journey_world: None
) -> None:
    data = gql.query(JOURNEY, x="dana", p="shop")

    assert [(t["relation"]["id"], t["stage"]) for t in data["journey"]] == [
        ("a1", "NONE"),
        ("d1", "ADVOCACY"),
    ]
    assert data["journeyStage"] == "ADVOCACY"


def test_segments_by_journey_stage_agree_with_the_journeys(gql: GQL, journey_world: None) -> None:
    data = gql.query('{ segments(providerId: "shop", by: JOURNEY_STAGE) { key count } }')

    # kim and dana ADVOCACY; acme (one purchase) and sol PURCHASE
    assert {b["key"]: b["count"] for b in data["segments"]} == {"ADVOCACY": 2, "PURCHASE": 2}


def test_a_journey_with_an_unknown_id_is_not_found_and_with_nothing_is_empty(
    gql: GQL, journey_world: None
) -> None:
    only = "query($x: ID!, $p: ID!) { journey(customerId: $x, providerId: $p) { stage } }"
    (error,) = gql.errors(only, x="ghost", p="shop")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "customerId"}
    (error,) = gql.errors(only, x="kim", p="ghost")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "providerId"}

    assert gql.query(JOURNEY, x="lee", p="shop") == {"journey": [], "journeyStage": "NONE"}


# ------------------------------------------------------------------- the satisfied shop
#
# Four people and three organisations buy from or use the shop; eve only engages. Their
# feedback, referrals and traits are chosen so that every figure below is worked by hand.


@pytest.fixture
def shop_world(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> None:
    load(
        neo4j_settings,
        [
            org("shop"),
            org("other"),
            org("quiet"),
            person("ann", country="DE", birthYear=1970, interests=["music", "tech"],
                   values=["quality"], needs=["support"]),
            person("ben", country="DE", birthYear=1971, interests=["music"], values=["price"],
                   needs=["support"]),
            person("cat", country="FR", birthYear=2000, interests=["tech"], values=["quality"]),
            person("dan", country="FR"),
            person("eve", country="US"),
            org("acme", orgType="BUSINESS", industry="Retail", employees=30, country="DE",
                technologies=["sap", "aws"]),
            org("bolt", orgType="BUSINESS", industry="Retail", employees=600, country="US",
                technologies=["aws"]),
            org("gov", orgType="GOVERNMENT", industry="Public", employees=30, country="DE"),
        ],
        [
            buys("pa", "ann", day(1, 1), 100.0),
            buys("pb", "ben", day(1, 5), 50.0),
            buys("pc", "cat", day(2, 1), 20.0),
            buys("pd", "acme", day(1, 10), 1000.0),
            buys("pe", "bolt", day(3, 1), 500.0),
            buys("pf", "gov", day(1, 1), 200.0),
            rel("USES", "ud", "dan", "shop", offering="Box"),
            rel("ENGAGES", "ee", "eve", "shop", stage="INTENT", at=day(1)),
            # ann changes her mind: 6 then 10 (the latest counts for NPS, both for CSAT)
            rel("GIVES_FEEDBACK", "f1", "ann", "shop", nps=6, csat=2, at=day(1, 2)),
            rel("GIVES_FEEDBACK", "f2", "ann", "shop", nps=10, csat=5, at=day(3, 1)),
            rel("GIVES_FEEDBACK", "f3", "ben", "shop", nps=8, csat=4, at=day(2, 1)),
            rel("GIVES_FEEDBACK", "f4", "cat", "shop", nps=3, at=day(2, 10)),
            rel("GIVES_FEEDBACK", "f5", "dan", "shop", csat=3, comment="ok", at=day(2, 15)),
            rel("GIVES_FEEDBACK", "f6", "acme", "shop", nps=9, csat=4),  # undated
            rel("GIVES_FEEDBACK", "f7", "ben", "other", nps=0, at=day(2, 1)),  # elsewhere
            rel("GIVES_FEEDBACK", "f8", "cat", "other", nps=9, at=day(2, 2)),
            # referrals: cat converted after ann's referral; eve never bought; ann had
            # bought before ben's referral (no conversion); bolt bought after an undated one
            rel("REFERS", "r1", "ann", "cat", providerId="shop", at=day(1, 15)),
            rel("REFERS", "r2", "ann", "eve", providerId="shop", at=day(1, 20)),
            rel("REFERS", "r3", "ben", "ann", providerId="shop", at=day(2, 1)),
            rel("REFERS", "r4", "acme", "bolt", providerId="shop"),
            rel("REFERS", "r5", "ben", "dan", providerId="other", at=day(2, 1)),
        ],
    )  # fmt: skip


SATISFACTION = """
query($p: ID!, $since: DateTime, $until: DateTime, $by: SegmentDimension) {
  satisfaction(providerId: $p, since: $since, until: $until, by: $by) {
    key nps csatAverage responses respondents }
}
"""


def test_nps_counts_each_respondents_latest_score_and_csat_every_response(
    gql: GQL, shop_world: None
) -> None:
    (bucket,) = gql.query(SATISFACTION, p="shop")["satisfaction"]

    # latest nps: ann 10, ben 8, cat 3, acme 9 -> promoters 2, detractors 1 of 4
    # csat: 2, 5, 4, 3, 4 -> 18 / 5
    assert bucket == {
        "key": "ALL",
        "nps": pytest.approx(100 * (2 - 1) / 4),
        "csatAverage": pytest.approx(18 / 5),
        "responses": 6,
        "respondents": 5,
    }


def test_a_window_keeps_feedback_in_since_until_and_the_undated(gql: GQL, shop_world: None) -> None:
    (bucket,) = gql.query(
        SATISFACTION, p="shop", since="2024-02-01T00:00:00Z", until="2024-03-01T00:00:00Z"
    )["satisfaction"]

    # ben 8 (at since: in), cat 3, dan (csat only), acme 9 (undated); ann's 03-01 is out
    assert bucket == {
        "key": "ALL",
        "nps": pytest.approx(0.0),
        "csatAverage": pytest.approx((4 + 3 + 4) / 3),
        "responses": 4,
        "respondents": 4,
    }


def test_satisfaction_by_country(gql: GQL, shop_world: None) -> None:
    buckets = gql.query(SATISFACTION, p="shop", by="COUNTRY")["satisfaction"]

    assert buckets == [
        # ann 10, ben 8, acme 9: 2 promoters of 3; csat 2, 5, 4, 4
        {"key": "DE", "nps": pytest.approx(200 / 3), "csatAverage": pytest.approx(3.75),
         "responses": 4, "respondents": 3},
        # cat 3: all detractors; dan's csat 3
        {"key": "FR", "nps": pytest.approx(-100.0), "csatAverage": pytest.approx(3.0),
         "responses": 2, "respondents": 2},
    ]  # fmt: skip


def test_no_responses_give_no_buckets_and_bad_windows_or_ids_are_refused(
    gql: GQL, shop_world: None
) -> None:
    assert gql.query(SATISFACTION, p="quiet") == {"satisfaction": []}
    (error,) = gql.errors(SATISFACTION, p="ghost")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "providerId"}
    (error,) = gql.errors(
        SATISFACTION, p="shop", since="2024-03-01T00:00:00Z", until="2024-03-01T00:00:00Z"
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


REFERRALS = """
query($p: ID!, $first: Int) {
  referrals(providerId: $p, first: $first) {
    referrer { id } referred { id } converted { id } conversionRate }
}
"""


def test_referrers_are_ranked_by_conversions_then_rate(gql: GQL, shop_world: None) -> None:
    entries = gql.query(REFERRALS, p="shop")["referrals"]

    def ids(nodes: list[Record]) -> list[str]:
        return [n["id"] for n in nodes]

    assert [
        (e["referrer"]["id"], ids(e["referred"]), ids(e["converted"]), e["conversionRate"])
        for e in entries
    ] == [
        ("acme", ["bolt"], ["bolt"], 1.0),  # 1 converted of 1
        ("ann", ["cat", "eve"], ["cat"], 0.5),  # 1 of 2: cat bought after the referral
        ("ben", ["ann"], [], 0.0),  # ann had bought before ben's referral only
    ]
    assert [e["referrer"]["id"] for e in gql.query(REFERRALS, p="shop", first=1)["referrals"]] == [
        "acme"
    ]
    assert gql.query(REFERRALS, p="quiet") == {"referrals": []}


PERSONA = """
query($p: ID!, $lenses: [Lens!]) {
  persona(providerId: $p, lenses: $lenses) { customers traits { kind dimension value share } }
}
"""


def test_the_persona_takes_the_most_common_value_ties_alphabetically(
    gql: GQL, shop_world: None
) -> None:
    found = gql.query(PERSONA, p="shop")["persona"]

    # people: ann, ben, cat, dan (dan uses, eve is only a prospect); organisations: 3
    assert found["customers"] == 7
    assert [(t["kind"], t["dimension"], t["value"], t["share"]) for t in found["traits"]] == [
        ("PERSON", "AGE_BAND", "55-64", pytest.approx(2 / 4)),  # ann, ben
        ("PERSON", "COUNTRY", "DE", pytest.approx(2 / 4)),  # DE 2, FR 2: tie -> DE
        ("PERSON", "INTEREST", "music", pytest.approx(2 / 4)),  # music 2, tech 2 -> music
        ("PERSON", "VALUE", "quality", pytest.approx(2 / 4)),
        ("PERSON", "NEED", "support", pytest.approx(2 / 4)),
        ("ORGANIZATION", "INDUSTRY", "Retail", pytest.approx(2 / 3)),
        ("ORGANIZATION", "SIZE_BAND", "10-49", pytest.approx(2 / 3)),
        ("ORGANIZATION", "COUNTRY", "DE", pytest.approx(2 / 3)),
        ("ORGANIZATION", "TECHNOLOGY", "aws", pytest.approx(2 / 3)),
    ]
    paying = gql.query(PERSONA, p="shop", lenses=["TRANSACTIONAL"])["persona"]
    assert paying["customers"] == 6  # dan only uses


CROSS = """
query($p: ID!, $by: [SegmentDimension!]!) {
  crossSegments(providerId: $p, by: $by) { keys count revenue { amount currency } }
}
"""


def test_cross_segments_by_customer_type_and_country(gql: GQL, shop_world: None) -> None:
    buckets = gql.query(CROSS, p="shop", by=["CUSTOMER_TYPE", "COUNTRY"])["crossSegments"]

    def eur(amount: float) -> list[Record]:
        return [{"amount": amount, "currency": "EUR"}]

    assert buckets == [
        {"keys": ["INDIVIDUAL", "DE"], "count": 2, "revenue": eur(150.0)},  # ann, ben
        {"keys": ["INDIVIDUAL", "FR"], "count": 2, "revenue": eur(20.0)},  # cat, dan (no money)
        {"keys": ["BUSINESS", "DE"], "count": 1, "revenue": eur(1000.0)},
        {"keys": ["BUSINESS", "US"], "count": 1, "revenue": eur(500.0)},
        {"keys": ["GOVERNMENT", "DE"], "count": 1, "revenue": eur(200.0)},
    ]


def test_cross_segments_put_a_multi_valued_customer_in_every_combination(
    gql: GQL, shop_world: None
) -> None:
    buckets = gql.query(CROSS, p="shop", by=["COUNTRY", "INTEREST"])["crossSegments"]

    assert [(b["keys"], b["count"]) for b in buckets] == [
        (["DE", "UNKNOWN"], 2),  # acme, gov
        (["DE", "music"], 2),  # ann, ben
        (["DE", "tech"], 1),  # ann again
        (["FR", "UNKNOWN"], 1),  # dan
        (["FR", "tech"], 1),  # cat
        (["US", "UNKNOWN"], 1),  # bolt
    ]


@pytest.mark.parametrize(
    "by", [["COUNTRY"], ["COUNTRY", "COUNTRY"], ["COUNTRY", "CITY", "REGION", "NEED"]]
)
def test_cross_segments_take_two_or_three_distinct_dimensions(
    gql: GQL, shop_world: None, by: list[str]
) -> None:
    (error,) = gql.errors(CROSS, p="shop", by=by)

    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "by"}


# ------------------------------------------------------------------ the analysts' queries


def run_query(db: neo4j.Driver, name: str, **params: Any) -> list[Record]:
    from stakegraph.graph.cypher import load as load_file

    records, _, _ = db.execute_query(load_file(f"queries/{name}").body, params)
    return [r.data() for r in records]


def test_promoters_who_never_referred_anyone(db: neo4j.Driver, shop_world: None) -> None:
    # shop: ann (10) and acme (9) are promoters but both referred someone
    assert run_query(db, "promoters_without_referrals", providerId="shop") == []
    # other: cat (9) never referred; ben (0) referred dan but is a detractor
    rows = run_query(db, "promoters_without_referrals", providerId="other")
    assert [(r["promoterId"], r["latestNps"], r["responses"]) for r in rows] == [("cat", 9, 1)]


def test_detractors_among_the_most_valuable_customers(db: neo4j.Driver, shop_world: None) -> None:
    # revenue in EUR: acme 1000, bolt 500, gov 200, ann 100, ben 50, cat 20; cat's nps is 3
    rows = run_query(db, "detractors_among_top_customers", providerId="shop", limit=None)
    assert [(r["valueRank"], r["customerId"], r["revenue"], r["latestNps"]) for r in rows] == [
        (6, "cat", 20.0, 3)
    ]
    assert run_query(db, "detractors_among_top_customers", providerId="shop", limit=5) == []


def test_journey_relations_are_concrete_feedback_and_referrals(gql: GQL, shop_world: None) -> None:
    data = gql.query(
        """{ journey(customerId: "ann", providerId: "shop") { stage relation { __typename
               ... on Feedback { nps csat customer { id } provider { id } }
               ... on Referral { to { id } provider { id } channel } } } }"""
    )

    assert [t["relation"] for t in data["journey"]] == [
        {"__typename": "Purchase"},
        {"__typename": "Feedback", "nps": 6, "csat": 2, "customer": {"id": "ann"},
         "provider": {"id": "shop"}},
        {"__typename": "Referral", "to": {"id": "cat"}, "provider": {"id": "shop"},
         "channel": None},
        {"__typename": "Referral", "to": {"id": "eve"}, "provider": {"id": "shop"},
         "channel": None},
        {"__typename": "Feedback", "nps": 10, "csat": 5, "customer": {"id": "ann"},
         "provider": {"id": "shop"}},
    ]  # fmt: skip
    # a purchase, then a detractor's 6 (PURCHASE), a referral as a customer: ADVOCACY
    assert [t["stage"] for t in data["journey"]] == [
        "PURCHASE", "PURCHASE", "ADVOCACY", "ADVOCACY", "ADVOCACY"
    ]  # fmt: skip


def test_satisfaction_by_lens_buckets_respondents_by_what_they_are(
    gql: GQL, shop_world: None
) -> None:
    buckets = gql.query(SATISFACTION, p="shop", by="LENS")["satisfaction"]
    by_key = {b["key"]: (b["respondents"], b["nps"]) for b in buckets}

    # ann, ben, cat, acme pay (10, 8, 3, 9); dan only uses (no nps)
    assert by_key["TRANSACTIONAL"] == (4, pytest.approx(25.0))
    assert by_key["END_USER"] == (1, None)


@pytest.mark.parametrize(
    "document",
    [
        '{ referrals(providerId: "ghost") { conversionRate } }',
        '{ persona(providerId: "ghost") { customers } }',
        '{ crossSegments(providerId: "ghost", by: [COUNTRY, CITY]) { count } }',
    ],
)
def test_the_voice_of_an_unknown_provider_is_not_found(
    gql: GQL, shop_world: None, document: str
) -> None:
    (error,) = gql.errors(document)

    assert error["extensions"] == {"code": "NOT_FOUND", "field": "providerId"}


# ------------------------------------------------------------- computed keys, round trips


def test_satisfaction_and_cross_segments_by_rfm_and_journey_take_two_statements(
    gql: GQL, shop_world: None
) -> None:
    """The customers with their RFM segments or journey stages come in one statement, the
    file in a second; each respondent and customer lands in its own segment and stage."""
    rfm = {
        r["customer"]["id"]: r["segment"]
        for r in gql.query('{ rfm(providerId: "shop") { customer { id } segment } }')["rfm"]
    }
    customers = ["ann", "ben", "cat", "dan", "acme", "bolt", "gov"]
    stage_of = 'query($x: ID!) { journeyStage(customerId: $x, providerId: "shop") }'
    stage = {x: gql.query(stage_of, x=x)["journeyStage"] for x in customers}
    respondents = ["ann", "ben", "cat", "dan", "acme"]
    assert set(rfm) == {"ann", "ben", "cat", "acme", "bolt", "gov"}  # dan pays nothing

    for by, key_of in (("RFM_SEGMENT", rfm.get), ("JOURNEY_STAGE", stage.get)):
        before = gql.graph.statements
        buckets = gql.query(SATISFACTION, p="shop", by=by)["satisfaction"]
        assert gql.graph.statements - before == 2, by
        expected = Counter(key_of(x) or "UNKNOWN" for x in respondents)
        assert {b["key"]: b["respondents"] for b in buckets} == expected, by

    before = gql.graph.statements
    crossed = gql.query(CROSS, p="shop", by=["RFM_SEGMENT", "JOURNEY_STAGE"])["crossSegments"]
    assert gql.graph.statements - before == 2
    expected_pairs = Counter((rfm.get(x, "UNKNOWN"), stage[x]) for x in customers)
    assert {tuple(b["keys"]): b["count"] for b in crossed} == expected_pairs
