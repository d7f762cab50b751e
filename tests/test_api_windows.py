"""customersOf and providersOf in a window and for one offering (SPEC 9 and 14), through
GraphQL on the real Neo4j, with hand-computed expectations.

The window is [2024-01-01, 2024-07-01). The world (provider `shop`):

    on-since   BUYS at 2024-01-01 (offering A)            in the window (at == since)
    on-until   BUYS at 2024-07-01 (A)                     outside (at == until)
    undated    BUYS with no at (B)                        counts in every window
    twice      BUYS 2023-06-01 (A) and 2024-02-01 (A)     one purchase in the window
    twice-in   BUYS 2024-02-01 (A) and 2024-03-01 (B)     REPEAT in the window
    subscr     BUYS SUBSCRIPTION 2023-01-01 (A)           CLIENT of all time only
    served     shop SERVES ongoing since 2024-06-30 (A)   CLIENT in the window
    late       shop SERVES ongoing since 2024-07-01 (A)   not yet in the window
    user       USES since 2023-01-01 (B)                  END_USER in the window
    lead       ENGAGES 2024-03-01                         PROSPECT in the window
    converted  ENGAGES 2024-03-01, BUYS 2024-08-01 (A)    PROSPECT in the window only
    early      ENGAGES 2024-03-01, BUYS 2023-12-01 (A)    bought before until: never PROSPECT
    old-lead   ENGAGES 2023-03-01                         PROSPECT of all time only
    maker      CONTRIBUTES 2024-05-01, USES undated (B)   COLLABORATIVE in the window
    dana       DECIDER in globex, which BUYS 2023-05-01 (A): BUYING_CENTER of all time only
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import neo4j
import pytest

from stakegraph.config import Neo4jSettings
from stakegraph.graph.cypher import load
from tests.gql import GQL, code, field, serve

SINCE = "2024-01-01T00:00:00Z"
UNTIL = "2024-07-01T00:00:00Z"

WORLD = """
UNWIND $people AS id
CREATE (:Stakeholder:Person {id: id, name: id, createdAt: datetime(), updatedAt: datetime()})
WITH count(*) AS made
CREATE (shop:Stakeholder:Organization {id: 'shop', name: 'Shop', orgType: 'BUSINESS',
                                       createdAt: datetime(), updatedAt: datetime()}),
       (globex:Stakeholder:Organization {id: 'globex', name: 'Globex', orgType: 'BUSINESS',
                                         createdAt: datetime(), updatedAt: datetime()})
WITH shop, globex
MATCH (dana:Person {id: 'dana'})
CREATE (dana)-[:MEMBER_OF {id: 'm-dana', buyingRole: 'DECIDER', scope: []}]->(globex)
WITH shop
UNWIND $buys AS b
MATCH (x:Stakeholder {id: b.from})
CREATE (x)-[r:BUYS {id: b.id, createdAt: datetime(), offering: b.offering, amount: b.amount,
                    currency: 'EUR', kind: b.kind, consideration: 'MONEY'}]->(shop)
SET r.at = CASE WHEN b.at IS NULL THEN null ELSE datetime(b.at) END
WITH DISTINCT shop
UNWIND $others AS o
MATCH (x:Stakeholder {id: o.x})
CALL (x, shop, o) {
  WITH * WHERE o.type = 'SERVES'
  CREATE (shop)-[r:SERVES {id: o.id, createdAt: datetime(), offering: o.offering,
                           ongoing: true}]->(x)
  SET r.since = CASE WHEN o.at IS NULL THEN null ELSE datetime(o.at) END
  UNION
  WITH * WHERE o.type = 'USES'
  CREATE (x)-[r:USES {id: o.id, createdAt: datetime(), offering: o.offering}]->(shop)
  SET r.since = CASE WHEN o.at IS NULL THEN null ELSE datetime(o.at) END
  UNION
  WITH * WHERE o.type = 'ENGAGES'
  CREATE (x)-[:ENGAGES {id: o.id, createdAt: datetime(), stage: 'INTENT',
                        at: datetime(o.at)}]->(shop)
  UNION
  WITH * WHERE o.type = 'CONTRIBUTES'
  CREATE (x)-[:CONTRIBUTES {id: o.id, createdAt: datetime(), what: 'reviews',
                            at: datetime(o.at)}]->(shop)
}
RETURN count(*) AS done
"""

PEOPLE = [
    "on-since", "on-until", "undated", "twice", "twice-in", "subscr", "served", "late",
    "user", "lead", "converted", "early", "old-lead", "maker", "dana",
]  # fmt: skip


def buy(
    id: str, who: str, at: str | None, offering: str = "A", kind: str = "ONE_OFF"
) -> dict[str, Any]:
    return {"id": id, "from": who, "at": at, "offering": offering, "amount": 10.0, "kind": kind}


BUYS = [
    buy("b-on-since", "on-since", "2024-01-01T00:00:00Z"),
    buy("b-on-until", "on-until", "2024-07-01T00:00:00Z"),
    buy("b-undated", "undated", None, "B"),
    buy("b-twice-1", "twice", "2023-06-01T00:00:00Z"),
    buy("b-twice-2", "twice", "2024-02-01T00:00:00Z"),
    buy("b-twice-in-1", "twice-in", "2024-02-01T00:00:00Z"),
    buy("b-twice-in-2", "twice-in", "2024-03-01T00:00:00Z", "B"),
    buy("b-subscr", "subscr", "2023-01-01T00:00:00Z", kind="SUBSCRIPTION"),
    buy("b-converted", "converted", "2024-08-01T00:00:00Z"),
    buy("b-early", "early", "2023-12-01T00:00:00Z"),
    buy("b-globex", "globex", "2023-05-01T00:00:00Z"),
]


def other(
    type_: str, id: str, x: str, at: str | None, offering: str | None = None
) -> dict[str, Any]:
    return {"type": type_, "id": id, "x": x, "at": at, "offering": offering}


OTHERS = [
    other("SERVES", "s-served", "served", "2024-06-30T00:00:00Z", "A"),
    other("SERVES", "s-late", "late", "2024-07-01T00:00:00Z", "A"),
    other("USES", "u-user", "user", "2023-01-01T00:00:00Z", "B"),
    other("ENGAGES", "e-lead", "lead", "2024-03-01T00:00:00Z"),
    other("ENGAGES", "e-converted", "converted", "2024-03-01T00:00:00Z"),
    other("ENGAGES", "e-early", "early", "2024-03-01T00:00:00Z"),
    other("ENGAGES", "e-old-lead", "old-lead", "2023-03-01T00:00:00Z"),
    other("CONTRIBUTES", "c-maker", "maker", "2024-05-01T00:00:00Z"),
    other("USES", "u-maker", "maker", None, "B"),
]


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    db.execute_query(WORLD, people=PEOPLE, buys=BUYS, others=OTHERS)
    with serve(neo4j_settings) as client:
        yield client


CUSTOMERS = """
query($p: ID!, $since: DateTime, $until: DateTime, $offering: String, $lenses: [Lens!]) {
  customersOf(providerId: $p, since: $since, until: $until, offering: $offering,
              lenses: $lenses, first: 500) {
    totalCount
    edges { node { customer { id } lenses evidence { lens path { relationId } } } }
  }
}
"""


def lenses_of(gql: GQL, **window: Any) -> dict[str, set[str]]:
    data = gql.query(CUSTOMERS, p="shop", **window)["customersOf"]
    found = {e["node"]["customer"]["id"]: set(e["node"]["lenses"]) for e in data["edges"]}
    assert data["totalCount"] == len(found)
    return found


def evidence_ids(gql: GQL, customer: str, **window: Any) -> dict[str, list[str]]:
    """Lens -> the relationship ids on its evidence paths (sorted), for one customer."""
    data = gql.query(CUSTOMERS, p="shop", **window)["customersOf"]
    (node,) = [e["node"] for e in data["edges"] if e["node"]["customer"]["id"] == customer]
    found: dict[str, list[str]] = {}
    for evidence in node["evidence"]:
        found.setdefault(evidence["lens"], []).extend(
            step["relationId"] for step in evidence["path"] if step["relationId"]
        )
    return {lens: sorted(ids) for lens, ids in found.items()}


def holders(found: dict[str, set[str]], lens: str) -> set[str]:
    return {who for who, held in found.items() if lens in held}


def test_the_window_counts_at_since_not_at_until_and_undated_always(gql: GQL) -> None:
    found = lenses_of(gql, since=SINCE, until=UNTIL)
    assert holders(found, "TRANSACTIONAL") == {"on-since", "undated", "twice", "twice-in"}
    everyone = lenses_of(gql)
    assert holders(everyone, "TRANSACTIONAL") == {
        "on-since", "on-until", "undated", "twice", "twice-in", "subscr", "converted",
        "early", "globex",
    }  # fmt: skip


def test_a_window_without_a_time_zone_is_utc(gql: GQL) -> None:
    found = lenses_of(gql, since="2024-01-01T00:00:00", until="2024-07-01T00:00:00")
    assert holders(found, "TRANSACTIONAL") == {"on-since", "undated", "twice", "twice-in"}


def test_a_missing_end_is_open(gql: GQL) -> None:
    after = holders(lenses_of(gql, since="2024-03-01T00:00:00Z"), "TRANSACTIONAL")
    assert after == {"twice-in", "on-until", "converted", "undated"}
    before = holders(lenses_of(gql, until="2023-06-01T00:00:00Z"), "TRANSACTIONAL")
    assert before == {"subscr", "globex", "undated"}


def test_repeat_needs_two_purchases_in_the_window(gql: GQL) -> None:
    assert holders(lenses_of(gql), "REPEAT") == {"twice", "twice-in"}
    assert holders(lenses_of(gql, since=SINCE, until=UNTIL), "REPEAT") == {"twice-in"}


def test_client_by_purchase_needs_it_in_the_window_service_needs_to_have_started(
    gql: GQL,
) -> None:
    assert holders(lenses_of(gql), "CLIENT") == {"subscr", "served", "late"}
    assert holders(lenses_of(gql, since=SINCE, until=UNTIL), "CLIENT") == {"served"}


def test_prospect_is_an_engagement_in_the_window_and_no_purchase_before_until(
    gql: GQL,
) -> None:
    assert holders(lenses_of(gql), "PROSPECT") == {"lead", "old-lead"}
    assert holders(lenses_of(gql, since=SINCE, until=UNTIL), "PROSPECT") == {"lead", "converted"}


def test_structure_always_counts_but_the_organisations_purchase_must_be_in_the_window(
    gql: GQL,
) -> None:
    assert "dana" in holders(lenses_of(gql), "BUYING_CENTER")
    assert "dana" not in lenses_of(gql, since=SINCE, until=UNTIL)
    assert "dana" in holders(lenses_of(gql, since="2023-05-01T00:00:00Z"), "BUYING_CENTER")


def test_uses_and_undated_uses_count_contributions_by_their_date(gql: GQL) -> None:
    found = lenses_of(gql, since=SINCE, until=UNTIL)
    assert holders(found, "END_USER") == {"user", "maker"}
    assert holders(found, "COLLABORATIVE") == {"maker"}
    later = lenses_of(gql, since="2024-06-01T00:00:00Z")
    assert holders(later, "COLLABORATIVE") == set()
    assert holders(later, "END_USER") == {"user", "maker"}


def test_evidence_shows_only_what_counted(gql: GQL) -> None:
    assert evidence_ids(gql, "twice") == {
        "TRANSACTIONAL": ["b-twice-1", "b-twice-2"],
        "EXCHANGE": ["b-twice-1", "b-twice-2"],
        "BENEFICIARY": ["b-twice-1", "b-twice-2"],
        "REPEAT": ["b-twice-1", "b-twice-2"],
    }
    windowed = evidence_ids(gql, "twice", since=SINCE, until=UNTIL)
    assert windowed == {
        "TRANSACTIONAL": ["b-twice-2"],
        "EXCHANGE": ["b-twice-2"],
        "BENEFICIARY": ["b-twice-2"],
    }


def test_an_offering_filters_purchases_uses_and_services_and_drops_prospects(gql: GQL) -> None:
    found = lenses_of(gql, offering="B")
    assert holders(found, "TRANSACTIONAL") == {"undated", "twice-in"}
    assert holders(found, "END_USER") == {"user", "maker"}
    assert holders(found, "COLLABORATIVE") == {"maker"}  # contributions carry no offering
    assert holders(found, "REPEAT") == set()
    assert holders(found, "CLIENT") == set()
    assert holders(found, "PROSPECT") == set()
    a = lenses_of(gql, offering="A")
    assert holders(a, "CLIENT") == {"subscr", "served", "late"}
    assert holders(a, "REPEAT") == {"twice"}
    assert holders(a, "PROSPECT") == set()
    assert "user" not in a
    assert evidence_ids(gql, "twice-in", offering="B")["TRANSACTIONAL"] == ["b-twice-in-2"]


def test_offering_and_window_together(gql: GQL) -> None:
    found = lenses_of(gql, offering="A", since=SINCE, until=UNTIL)
    assert holders(found, "TRANSACTIONAL") == {"on-since", "twice", "twice-in"}
    assert holders(found, "CLIENT") == {"served"}


def test_providers_of_takes_the_same_window(gql: GQL) -> None:
    query = """
    query($c: ID!, $since: DateTime, $until: DateTime, $offering: String) {
      providersOf(customerId: $c, since: $since, until: $until, offering: $offering) {
        totalCount edges { node { provider { id } lenses } }
      }
    }"""

    def lenses(customer: str, **window: Any) -> list[list[str]]:
        data = gql.query(query, c=customer, **window)["providersOf"]
        return [e["node"]["lenses"] for e in data["edges"]]

    assert lenses("twice") == [["TRANSACTIONAL", "EXCHANGE", "BENEFICIARY", "REPEAT"]]
    assert lenses("twice", since=SINCE, until=UNTIL) == [
        ["TRANSACTIONAL", "EXCHANGE", "BENEFICIARY"]
    ]
    assert lenses("subscr", since=SINCE, until=UNTIL) == []
    assert lenses("converted", since=SINCE, until=UNTIL) == [["PROSPECT"]]
    assert lenses("user", offering="A") == []


@pytest.mark.parametrize("field_name", ["customersOf(providerId", "providersOf(customerId"])
def test_since_at_or_after_until_is_bad_user_input_and_runs_nothing(
    gql: GQL, field_name: str
) -> None:
    before = gql.graph.statements
    for since in (UNTIL, "2025-01-01T00:00:00Z"):
        errors = gql.errors(
            f'{{ {field_name}: "shop", since: "{since}", until: "{UNTIL}") {{ totalCount }} }}'
        )
        assert code(errors[0]) == "BAD_USER_INPUT"
        assert field(errors[0]) == "since"
    assert gql.graph.statements == before


def test_the_lens_file_run_by_an_analyst_gives_the_same_window(db: neo4j.Driver) -> None:
    db.execute_query(WORLD, people=PEOPLE, buys=BUYS, others=OTHERS)
    params: dict[str, Any] = {
        "providerId": "shop",
        "customerId": None,
        "since": datetime(2024, 1, 1, tzinfo=UTC),
        "until": datetime(2024, 7, 1, tzinfo=UTC),
        "offering": None,
        "evidence": None,  # null = the paths, as `stakegraph query` passes it
    }
    records, _, _ = db.execute_query(load("lenses/repeat").text, params)
    assert [r["customer"]["id"] for r in records] == ["twice-in"]
    records, _, _ = db.execute_query(load("lenses/prospect").text, params)
    assert sorted(r["customer"]["id"] for r in records) == ["converted", "lead"]
