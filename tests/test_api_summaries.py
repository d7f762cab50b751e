"""providerSummary, customerChanges and segmentMembers (SPEC 9 and 14) through GraphQL on
the real Neo4j: hand-computed figures on the small world of test_api_windows, and agreement
with customersOf, lifetimeValue and segments on the demo world."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest

from stakegraph.analytics import SegmentDimension
from stakegraph.config import Neo4jSettings
from stakegraph.lenses import Lens
from tests.gql import GQL, code, field, load_demo_world, readme_query, serve
from tests.test_api_windows import BUYS, OTHERS, PEOPLE, WORLD


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    db.execute_query(WORLD, people=PEOPLE, buys=BUYS, others=OTHERS)
    with serve(neo4j_settings) as client:
        yield client


SUMMARY = """
query($p: ID!) {
  providerSummary(providerId: $p) {
    provider { id }
    customersByLens { lens count }
    lensCombinations { lenses count }
    revenue { amount currency }
    purchaseCount firstPurchase lastPurchase
    offerings { offering customers users revenue { amount currency } }
  }
}
"""


def test_provider_summary_counts_lenses_combinations_revenue_and_offerings(gql: GQL) -> None:
    before = gql.graph.statements
    summary = gql.query(SUMMARY, p="shop")["providerSummary"]
    assert gql.graph.statements - before == 1  # the lens files and the summary file, composed
    assert summary["provider"] == {"id": "shop"}
    assert summary["customersByLens"] == [
        {"lens": "TRANSACTIONAL", "count": 9},
        {"lens": "EXCHANGE", "count": 9},
        {"lens": "BUYING_CENTER", "count": 1},
        {"lens": "END_USER", "count": 2},
        {"lens": "INTERNAL", "count": 0},
        {"lens": "BENEFICIARY", "count": 13},
        {"lens": "COLLABORATIVE", "count": 1},
        {"lens": "PROSPECT", "count": 2},
        {"lens": "CLIENT", "count": 3},
        {"lens": "REPEAT", "count": 2},
    ]
    tbe = ["TRANSACTIONAL", "EXCHANGE", "BENEFICIARY"]
    assert summary["lensCombinations"] == [
        {"lenses": tbe, "count": 6},
        {"lenses": ["BENEFICIARY", "CLIENT"], "count": 2},
        {"lenses": ["PROSPECT"], "count": 2},
        {"lenses": [*tbe, "REPEAT"], "count": 2},
        {"lenses": ["BUYING_CENTER"], "count": 1},
        {"lenses": ["END_USER", "BENEFICIARY"], "count": 1},
        {"lenses": ["END_USER", "BENEFICIARY", "COLLABORATIVE"], "count": 1},
        {"lenses": [*tbe, "CLIENT"], "count": 1},
    ]
    assert summary["revenue"] == [{"amount": 110.0, "currency": "EUR"}]
    assert summary["purchaseCount"] == 11
    assert summary["firstPurchase"].startswith("2023-01-01T00:00:00")
    assert summary["lastPurchase"].startswith("2024-08-01T00:00:00")
    eur = [{"amount": 90.0, "currency": "EUR"}], [{"amount": 20.0, "currency": "EUR"}]
    assert summary["offerings"] == [
        {"offering": "A", "customers": 8, "users": 0, "revenue": eur[0]},
        {"offering": "B", "customers": 2, "users": 2, "revenue": eur[1]},
    ]


def test_provider_summary_of_an_unknown_id_is_not_found(gql: GQL) -> None:
    errors = gql.errors('{ providerSummary(providerId: "nobody") { purchaseCount } }')
    assert (code(errors[0]), field(errors[0])) == ("NOT_FOUND", "providerId")


CHANGES = """
query($p: ID!, $from: DateTime!, $to: DateTime!, $lenses: [Lens!]) {
  customerChanges(providerId: $p, from: $from, to: $to, lenses: $lenses) {
    gained { customer { id } lenses evidence { lens path { relationId } } }
    lost { customer { id } lenses evidence { lens path { relationId } } }
    kept
  }
}
"""


def test_customer_changes_compare_the_window_with_the_one_just_before(gql: GQL) -> None:
    # current [2024-01-01, 2024-07-01), 182 days; previous [2023-07-03, 2024-01-01)
    before, begun = gql.graph.statements, gql.graph.transactions
    changes = gql.query(
        CHANGES, p="shop", **{"from": "2024-01-01T00:00:00Z"}, to="2024-07-01T00:00:00Z"
    )["customerChanges"]
    assert [r["customer"]["id"] for r in changes["gained"]] == [
        "on-since", "served", "twice", "twice-in"
    ]  # fmt: skip
    assert [r["customer"]["id"] for r in changes["lost"]] == ["early"]
    assert changes["kept"] == 3  # undated, user, maker
    assert gql.graph.statements - before == 2  # the lens files, once per window
    assert gql.graph.transactions - begun == 1  # both in one read transaction
    (twice,) = [r for r in changes["gained"] if r["customer"]["id"] == "twice"]
    steps = {e["lens"]: [s["relationId"] for s in e["path"]] for e in twice["evidence"]}
    assert steps["TRANSACTIONAL"] == ["b-twice-2"]  # the current window's evidence only
    assert "REPEAT" not in twice["lenses"]
    (early,) = changes["lost"]
    assert {e["lens"]: [s["relationId"] for s in e["path"]] for e in early["evidence"]}[
        "TRANSACTIONAL"
    ] == ["b-early"]


def test_customer_changes_default_lenses_leave_prospects_out(gql: GQL) -> None:
    window = {"from": "2024-01-01T00:00:00Z", "to": "2024-07-01T00:00:00Z"}
    default = gql.query(CHANGES, p="shop", **window)["customerChanges"]
    assert "lead" not in [r["customer"]["id"] for r in default["gained"]]
    prospects = gql.query(CHANGES, p="shop", lenses=["PROSPECT"], **window)["customerChanges"]
    assert [r["customer"]["id"] for r in prospects["gained"]] == ["converted", "lead"]
    assert [r["customer"]["id"] for r in prospects["lost"]] == []


def test_customer_changes_previous_window_begins_no_earlier_than_year_one(gql: GQL) -> None:
    # the window before [0500, 2024-07) would begin in year -1023: it begins at year 1
    for start in ("0500-01-01T00:00:00+05:00", "0500-01-01T00:00:00-05:00"):
        changes = gql.query(CHANGES, p="shop", **{"from": start}, to="2024-07-01T00:00:00Z")[
            "customerChanges"
        ]
        assert changes["lost"] == []  # nothing is older, undated relations count in both
        assert "early" in [r["customer"]["id"] for r in changes["gained"]]


def test_customer_changes_refuse_from_at_or_after_to_running_nothing(gql: GQL) -> None:
    before = gql.graph.statements
    for start in ("2024-07-01T00:00:00Z", "2024-08-01T00:00:00Z"):
        errors = gql.errors(CHANGES, p="shop", **{"from": start}, to="2024-07-01T00:00:00Z")
        assert (code(errors[0]), field(errors[0])) == ("BAD_USER_INPUT", "from")
    assert gql.graph.statements == before
    errors = gql.errors(
        CHANGES, p="nobody", **{"from": "2024-01-01T00:00:00Z"}, to="2024-02-01T00:00:00Z"
    )
    assert (code(errors[0]), field(errors[0])) == ("NOT_FOUND", "providerId")


# ------------------------------------------------------------------------ the demo world


@pytest.fixture
def demo(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    load_demo_world(neo4j_settings)
    with serve(neo4j_settings) as client:
        yield client


def test_provider_summary_agrees_with_customers_of_and_lifetime_value_on_the_demo(
    demo: GQL, db: neo4j.Driver
) -> None:
    records, _, _ = db.execute_query(
        "MATCH (x)-[:BUYS|USES|SERVES]-(p:Stakeholder) RETURN p.id AS id, count(*) AS n"
        " ORDER BY n DESC, id LIMIT 2"
    )
    for provider in [r["id"] for r in records]:
        summary = demo.query(SUMMARY, p=provider)["providerSummary"]
        for row in summary["customersByLens"]:
            total = demo.query(
                "query($p: ID!, $l: [Lens!]) { customersOf(providerId: $p, lenses: $l)"
                " { totalCount } }",
                p=provider,
                l=[row["lens"]],
            )["customersOf"]["totalCount"]
            assert row["count"] == total, (provider, row)
        everyone = demo.query(
            "query($p: ID!) { customersOf(providerId: $p, first: 500) { totalCount"
            " edges { node { customer { id } lenses } } } }",
            p=provider,
        )["customersOf"]
        assert sum(c["count"] for c in summary["lensCombinations"]) == everyone["totalCount"]
        revenue: dict[str, float] = defaultdict(float)
        purchases = 0
        for edge in everyone["edges"]:
            if "TRANSACTIONAL" not in edge["node"]["lenses"]:
                continue
            values: list[dict[str, Any]] = demo.query(
                "query($c: ID!, $p: ID!) { lifetimeValue(customerId: $c, providerId: $p)"
                " { currency historicalRevenue purchaseCount } }",
                c=edge["node"]["customer"]["id"],
                p=provider,
            )["lifetimeValue"]
            for value in values:
                revenue[value["currency"]] += value["historicalRevenue"]
                purchases += value["purchaseCount"]
        assert {m["currency"]: pytest.approx(m["amount"]) for m in summary["revenue"]} == revenue
        assert summary["purchaseCount"] == purchases
        assert len(Lens) == len(summary["customersByLens"])


SEGMENTS = """
query($p: ID!, $by: SegmentDimension!) { segments(providerId: $p, by: $by) { key count } }
"""
MEMBERS = """
query($p: ID!, $by: SegmentDimension!, $key: String!, $first: Int, $after: String) {
  segmentMembers(providerId: $p, by: $by, key: $key, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name } }
  }
}
"""


def test_segment_members_agree_with_every_bucket_of_every_dimension_on_the_demo(
    demo: GQL, db: neo4j.Driver
) -> None:
    records, _, _ = db.execute_query(
        "MATCH (x)-[:BUYS]->(p:Stakeholder) RETURN p.id AS id, count(*) AS n"
        " ORDER BY n DESC, id LIMIT 1"
    )
    provider = records[0]["id"]
    for by in [dimension.value for dimension in SegmentDimension]:
        buckets = demo.query(SEGMENTS, p=provider, by=by)["segments"]
        assert buckets, by
        for bucket in buckets:
            before, begun = demo.graph.statements, demo.graph.transactions
            page = demo.query(MEMBERS, p=provider, by=by, key=bucket["key"], first=500)[
                "segmentMembers"
            ]
            sent = demo.graph.statements - before
            assert sent == (3 if by in ("RFM_SEGMENT", "JOURNEY_STAGE") else 2), by
            assert demo.graph.transactions - begun == 1, by  # every statement in one
            assert page["totalCount"] == bucket["count"], (by, bucket)
            ids = [e["node"]["id"] for e in page["edges"]]
            assert len(ids) == len(set(ids)) == bucket["count"], (by, bucket)
        assert_unknown_key_gives_an_empty_page(demo, provider, by, buckets[0]["key"])


def assert_unknown_key_gives_an_empty_page(gql: GQL, provider: str, by: str, key: str) -> None:
    for other in ("no such bucket", key.lower() if key.lower() != key else key.upper()):
        if other == key:
            continue
        page = gql.query(MEMBERS, p=provider, by=by, key=other)["segmentMembers"]
        assert page == {
            "totalCount": 0,
            "pageInfo": {"hasNextPage": False, "endCursor": None},
            "edges": [],
        }, (by, other)


def test_segment_members_page_by_name_then_id(gql: GQL) -> None:
    # the shop's customers (every lens but PROSPECT) are people, but globex (BUSINESS)
    first = gql.query(MEMBERS, p="shop", by="CUSTOMER_TYPE", key="INDIVIDUAL", first=5)[
        "segmentMembers"
    ]
    assert first["totalCount"] == 13
    ids = [e["node"]["id"] for e in first["edges"]]
    assert ids == ["converted", "dana", "early", "late", "maker"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = gql.query(
        MEMBERS,
        p="shop",
        by="CUSTOMER_TYPE",
        key="INDIVIDUAL",
        after=first["pageInfo"]["endCursor"],
    )["segmentMembers"]
    assert [e["node"]["id"] for e in rest["edges"]] == [
        "on-since", "on-until", "served", "subscr", "twice", "twice-in", "undated", "user"
    ]  # fmt: skip
    assert rest["totalCount"] == 13 and rest["pageInfo"]["hasNextPage"] is False
    business = gql.query(MEMBERS, p="shop", by="CUSTOMER_TYPE", key="BUSINESS")
    assert [e["node"]["id"] for e in business["segmentMembers"]["edges"]] == ["globex"]
    assert (
        gql.query(MEMBERS, p="shop", by="CUSTOMER_TYPE", key="business")["segmentMembers"][
            "totalCount"
        ]
        == 0
    )


def test_segment_members_refuse_bad_input_before_running_anything(gql: GQL) -> None:
    before = gql.graph.statements
    errors = gql.errors(MEMBERS, p="shop", by="COUNTRY", key="US", first=-1)
    assert (code(errors[0]), field(errors[0])) == ("BAD_USER_INPUT", "first")
    errors = gql.errors(MEMBERS, p="shop", by="COUNTRY", key="US", after="not a cursor")
    assert (code(errors[0]), field(errors[0])) == ("BAD_USER_INPUT", "after")
    assert gql.graph.statements == before
    errors = gql.errors(MEMBERS, p="nobody", by="COUNTRY", key="US")
    assert (code(errors[0]), field(errors[0])) == ("NOT_FOUND", "providerId")


def test_the_readme_tour_step_runs_on_the_demo(demo: GQL) -> None:
    query = readme_query("providerSummary")
    data = demo.query(query)
    assert data["providerSummary"]["purchaseCount"] > 0
    assert data["customerChanges"]["gained"] and data["customersOf"]["totalCount"] > 0
    assert data["segmentMembers"]["totalCount"] > 0
