"""Paging: keyset cursors over (name, id), the cap on `first`, and one round trip per page.

The larger worlds are written with one Cypher UNWIND through the `db` driver (following
the graph conventions: kind label, id, name, timestamps, role labels, relationship ids);
the reads under test go through GraphQL.
"""

from __future__ import annotations

import base64
import random
from typing import Any

import neo4j
import pytest

from tests.gql import GQL, code, field

NAMES = ["Ann", "Bob", "Cy", "Dee", "ann"]


def people(count: int, names: list[str], seed: int = 7) -> list[dict[str, str]]:
    """`count` people whose names repeat and whose ids are not in name order."""
    rng = random.Random(seed)
    ids = [f"p{i:04d}" for i in range(count)]
    rng.shuffle(ids)
    return [{"id": id_, "name": names[i % len(names)]} for i, id_ in enumerate(ids)]


def customers_using(db: neo4j.Driver, provider: str, rows: list[dict[str, str]]) -> None:
    """A provider organisation and people who each USE it."""
    db.execute_query(
        """
        MERGE (p:Stakeholder:Organization {id: $provider})
          ON CREATE SET p.name = 'Shop', p.createdAt = datetime(), p.updatedAt = datetime()
        WITH p
        UNWIND $rows AS row
        CREATE (c:Stakeholder:Person:EndUser {id: row.id, name: row.name,
                                              createdAt: datetime(), updatedAt: datetime()})
        CREATE (c)-[:USES {id: 'use-' + row.id, offering: 'Goods', createdAt: datetime()}]->(p)
        """,
        provider=provider,
        rows=rows,
    )


def providers_used_by(db: neo4j.Driver, customer: str, rows: list[dict[str, str]]) -> None:
    """A person and organisations that each SERVE them."""
    db.execute_query(
        """
        CREATE (c:Stakeholder:Person {id: $customer, name: 'Client',
                                      createdAt: datetime(), updatedAt: datetime()})
        WITH c
        UNWIND $rows AS row
        CREATE (p:Stakeholder:Organization {id: row.id, name: row.name,
                                            createdAt: datetime(), updatedAt: datetime()})
        CREATE (p)-[:SERVES {id: 'serves-' + row.id, ongoing: false, createdAt: datetime()}]->(c)
        """,
        customer=customer,
        rows=rows,
    )


def in_order(rows: list[dict[str, str]]) -> list[str]:
    return [r["id"] for r in sorted(rows, key=lambda r: (r["name"], r["id"]))]


CUSTOMERS_PAGE = """
query($p: ID!, $first: Int!, $after: String) {
  customersOf(providerId: $p, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { customer { id name } lenses } }
  }
}"""

PROVIDERS_PAGE = """
query($c: ID!, $first: Int!, $after: String) {
  providersOf(customerId: $c, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { provider { id name } lenses } }
  }
}"""

STAKEHOLDERS_PAGE = """
query($first: Int!, $after: String) {
  stakeholders(kind: PERSON, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name } }
  }
}"""


def walk(
    gql: GQL, query: str, root: str, party: str | None, first: int, total: int, **variables: Any
) -> list[str]:
    """Every page of a connection, checking each page's info; the ids in order."""
    seen: list[str] = []
    after: str | None = None
    for _ in range(total // max(first, 1) + 2):
        page = gql.query(query, first=first, after=after, **variables)[root]
        edges = page["edges"]
        assert page["totalCount"] == total
        ids = [(e["node"][party] if party else e["node"])["id"] for e in edges]
        seen += ids
        more = len(seen) < total
        assert len(ids) == (first if more else total - (len(seen) - len(ids)))
        assert page["pageInfo"]["hasNextPage"] is more
        assert page["pageInfo"]["endCursor"] == (edges[-1]["cursor"] if edges else None)
        if not more:
            return seen
        after = page["pageInfo"]["endCursor"]
    raise AssertionError(f"no last page after {seen!r}")


@pytest.mark.parametrize("first", [1, 4, 7, 23, 50])
def test_customer_pages_concatenate_to_the_whole_list_in_name_then_id_order(
    gql: GQL, db: neo4j.Driver, first: int
) -> None:
    rows = people(23, NAMES)
    customers_using(db, "shop", rows)

    seen = walk(gql, CUSTOMERS_PAGE, "customersOf", "customer", first, 23, p="shop")

    assert seen == in_order(rows)
    assert len(set(seen)) == len(seen)


@pytest.mark.parametrize("first", [1, 5, 19])
def test_provider_pages_concatenate_to_the_whole_list_in_name_then_id_order(
    gql: GQL, db: neo4j.Driver, first: int
) -> None:
    rows = people(19, NAMES, seed=3)
    providers_used_by(db, "client", rows)

    seen = walk(gql, PROVIDERS_PAGE, "providersOf", "provider", first, 19, c="client")

    assert seen == in_order(rows)


def test_stakeholder_pages_concatenate_to_the_whole_list_in_name_then_id_order(
    gql: GQL, db: neo4j.Driver
) -> None:
    rows = people(17, NAMES, seed=11)
    customers_using(db, "shop", rows)  # the shop is an Organization: not listed

    seen = walk(gql, STAKEHOLDERS_PAGE, "stakeholders", None, 5, 17)

    assert seen == in_order(rows)


def test_a_page_keeps_every_lens_of_its_customers(gql: GQL, db: neo4j.Driver) -> None:
    customers_using(db, "shop", people(3, ["Same"]))

    page = gql.query(CUSTOMERS_PAGE, p="shop", first=2, after=None)["customersOf"]

    assert [e["node"]["lenses"] for e in page["edges"]] == [["END_USER", "BENEFICIARY"]] * 2
    assert [e["node"]["customer"]["name"] for e in page["edges"]] == ["Same", "Same"]


def test_first_is_capped_at_500(gql: GQL, db: neo4j.Driver) -> None:
    rows = people(520, NAMES)
    customers_using(db, "shop", rows)

    page = gql.query(CUSTOMERS_PAGE, p="shop", first=1000, after=None)["customersOf"]

    assert len(page["edges"]) == 500
    assert page["totalCount"] == 520
    assert page["pageInfo"]["hasNextPage"] is True
    rest = gql.query(CUSTOMERS_PAGE, p="shop", first=1000, after=page["pageInfo"]["endCursor"])[
        "customersOf"
    ]
    assert len(rest["edges"]) == 20
    assert rest["pageInfo"]["hasNextPage"] is False
    ids = [e["node"]["customer"]["id"] for e in page["edges"] + rest["edges"]]
    assert ids == in_order(rows)

    everyone = gql.query(STAKEHOLDERS_PAGE, first=1000, after=None)["stakeholders"]
    assert len(everyone["edges"]) == 500 and everyone["totalCount"] == 520


def test_first_defaults_to_50(gql: GQL, db: neo4j.Driver) -> None:
    customers_using(db, "shop", people(60, NAMES))

    page = gql.query('{ customersOf(providerId: "shop") { edges { cursor } } }')

    assert len(page["customersOf"]["edges"]) == 50


def test_an_empty_page_has_no_end_cursor(gql: GQL, db: neo4j.Driver) -> None:
    customers_using(db, "shop", [])

    page = gql.query(CUSTOMERS_PAGE, p="shop", first=10, after=None)["customersOf"]

    assert page == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "endCursor": None},
        "edges": [],
    }


BAD_CURSORS = [
    "not a cursor",
    "!!!",
    base64.urlsafe_b64encode(b"{}").decode(),
    base64.urlsafe_b64encode(b'["only a name"]').decode(),
    base64.urlsafe_b64encode(b"[1, 2]").decode(),
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
]


@pytest.mark.parametrize("cursor", BAD_CURSORS)
@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (CUSTOMERS_PAGE, {"p": "shop"}),
        (PROVIDERS_PAGE, {"c": "p0000"}),
        (STAKEHOLDERS_PAGE, {}),
    ],
    ids=["customersOf", "providersOf", "stakeholders"],
)
def test_a_bad_cursor_is_bad_user_input_on_after(
    gql: GQL, db: neo4j.Driver, cursor: str, query: str, variables: dict[str, Any]
) -> None:
    customers_using(db, "shop", people(3, NAMES))

    error = gql.error(query, first=5, after=cursor, **variables)

    assert code(error) == "BAD_USER_INPUT"
    assert field(error) == "after"


def test_a_negative_first_is_bad_user_input_on_first(gql: GQL, db: neo4j.Driver) -> None:
    customers_using(db, "shop", people(3, NAMES))

    error = gql.error(CUSTOMERS_PAGE, p="shop", first=-1, after=None)

    assert code(error) == "BAD_USER_INPUT"
    assert field(error) == "first"


# ----------------------------------------------------------------------------- round trips

DEEP_CUSTOMERS = """
query($p: ID!, $first: Int!) {
  customersOf(providerId: $p, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      customer { id name kind roles tags }
      provider { id name }
      lenses
      evidence { lens summary path { from { id name roles } type to { id } relationId } }
    } }
  }
}"""

DEEP_PROVIDERS = DEEP_CUSTOMERS.replace("$p: ID!", "$c: ID!").replace(
    "customersOf(providerId: $p", "providersOf(customerId: $c"
)


def statements_for(gql: GQL, query: str, **variables: Any) -> tuple[int, dict[str, Any]]:
    before = gql.graph.statements
    data = gql.query(query, **variables)
    return gql.graph.statements - before, data


@pytest.mark.parametrize("first", [5, 200])
def test_customers_of_answers_a_page_in_one_statement(
    gql: GQL, db: neo4j.Driver, first: int
) -> None:
    customers_using(db, "shop", people(200, NAMES))

    statements, data = statements_for(gql, DEEP_CUSTOMERS, p="shop", first=first)

    assert len(data["customersOf"]["edges"]) == first
    assert statements == 1


@pytest.mark.parametrize("first", [5, 200])
def test_providers_of_answers_a_page_in_one_statement(
    gql: GQL, db: neo4j.Driver, first: int
) -> None:
    providers_used_by(db, "client", people(200, NAMES))

    statements, data = statements_for(gql, DEEP_PROVIDERS, c="client", first=first)

    assert len(data["providersOf"]["edges"]) == first
    assert statements == 1


def test_explain_answers_in_one_statement(gql: GQL, db: neo4j.Driver) -> None:
    customers_using(db, "shop", people(3, NAMES))

    statements, data = statements_for(
        gql,
        'query { explain(customerId: "p0000", providerId: "shop") { isCustomer '
        "lenses { lens holds evidence { summary path { from { id } to { id } } } } } }",
    )

    assert data["explain"]["isCustomer"] is True
    assert statements == 1


def test_mutual_customers_are_found_beyond_the_page_cap(gql: GQL, db: neo4j.Driver) -> None:
    customers_using(db, "shop", people(501, ["Aaron"]))
    db.execute_query(
        """
        MATCH (shop:Stakeholder {id: 'shop'})
        CREATE (z:Stakeholder:Organization {id: 'zed', name: 'Zed', createdAt: datetime(),
                                            updatedAt: datetime()})
        CREATE (z)-[:BUYS {id: 'z-buys', offering: 'Parts', amount: 1.0, currency: 'EUR',
                           at: datetime(), kind: 'ONE_OFF', consideration: 'MONEY',
                           createdAt: datetime()}]->(shop)
        CREATE (shop)-[:BUYS {id: 'shop-buys', offering: 'Steel', amount: 1.0, currency: 'EUR',
                              at: datetime(), kind: 'ONE_OFF', consideration: 'MONEY',
                              createdAt: datetime()}]->(z)
        """
    )

    data = gql.query('{ mutualCustomers(stakeholderId: "shop") { id } }')

    assert data["mutualCustomers"] == [{"id": "zed"}]
