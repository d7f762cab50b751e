"""The voice of the customer over GraphQL (SPEC 13/14), on small worlds whose figures are
worked out by hand in each test: journey maps, satisfaction, referrals, personas and
combined segments."""

from __future__ import annotations

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
