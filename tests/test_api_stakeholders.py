"""stakeholders(filter, orderBy): every condition holds, any value within one list; keyset
cursors that stay correct in each order (ties and missing dates included); the old
`kind`/`search` arguments; refusals before any Cypher; one round trip."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from tests.gql import GQL, code, field

QUERY = """
query($kind: StakeholderKind, $search: String, $first: Int, $after: String,
      $filter: StakeholderFilter, $orderBy: StakeholderOrder) {
  stakeholders(kind: $kind, search: $search, first: $first, after: $after,
               filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id } }
  }
}
"""

# (id, labels, name, country, createdAt day, updatedAt day, extra properties)

ROWS: list[tuple[str, str, str, str | None, int | None, int | None, dict[str, Any]]] = [
    (
        "acme",
        "Organization",
        "Acme",
        "DE",
        3,
        9,
        {"orgType": "BUSINESS", "industry": "Retail", "tags": ["emea", "key"]},
    ),
    ("gov", "Organization", "Agency", "FR", 1, 1, {"orgType": "GOVERNMENT", "industry": "Public"}),
    (
        "uni",
        "Organization",
        "Uni",
        "DE",
        3,
        None,
        {"orgType": "INSTITUTION", "industry": "Education", "tags": ["emea"]},
    ),
    ("ops", "Department", "Ops", None, None, 2, {}),
    ("ann", "Person:EndUser", "Ann", "DE", 2, 5, {"tags": ["vip"]}),
    ("bob", "Person:Parent", "Bob", "US", 2, 5, {}),
    ("ann2", "Person", "Ann", "FR", None, None, {"tags": ["key"]}),
]


@pytest.fixture
def world(db: neo4j.Driver) -> None:
    for id_, labels, name, country, created, updated, extra in ROWS:
        props: dict[str, Any] = {"id": id_, "name": name, **extra}
        if country:
            props["country"] = country
        db.execute_query(
            f"CREATE (n:Stakeholder:{labels}) SET n = $props "
            "SET n.createdAt = CASE WHEN $created IS NULL THEN null "
            "    ELSE datetime('2025-01-01T00:00:00Z') + duration({days: $created}) END, "
            "    n.updatedAt = CASE WHEN $updated IS NULL THEN null "
            "    ELSE datetime('2025-01-01T00:00:00Z') + duration({days: $updated}) END",
            props=props,
            created=created,
            updated=updated,
        )


def page(gql: GQL, **args: Any) -> dict[str, Any]:
    result: dict[str, Any] = gql.query(QUERY, **args)["stakeholders"]
    return result


def ids(gql: GQL, **args: Any) -> list[str]:
    return [e["node"]["id"] for e in page(gql, first=100, **args)["edges"]]


def walk(gql: GQL, first: int, **args: Any) -> list[str]:
    """Every page of the list, `first` at a time; checks totalCount on each."""
    seen: list[str] = []
    after = None
    while True:
        result = page(gql, first=first, after=after, **args)
        seen += [e["node"]["id"] for e in result["edges"]]
        if not result["pageInfo"]["hasNextPage"]:
            assert len(seen) == result["totalCount"]
            return seen
        after = result["pageInfo"]["endCursor"]


def test_every_condition_holds_and_any_value_within_one_list(gql: GQL, world: None) -> None:
    assert ids(gql, filter={"countries": ["DE", "FR"]}) == ["acme", "gov", "ann", "ann2", "uni"]
    assert ids(gql, filter={"countries": ["de"], "kinds": ["PERSON"]}) == ["ann"]
    assert ids(gql, filter={"tags": ["key", "vip"]}) == ["acme", "ann", "ann2"]
    assert ids(gql, filter={"tags": ["emea"], "countries": ["DE"]}) == ["acme", "uni"]
    assert ids(gql, filter={"roles": ["END_USER", "PARENT"]}) == ["ann", "bob"]
    assert ids(gql, filter={"orgTypes": ["GOVERNMENT", "INSTITUTION"]}) == ["gov", "uni"]
    assert ids(gql, filter={"industries": ["Retail"], "orgTypes": ["BUSINESS"]}) == ["acme"]
    assert ids(gql, filter={"industries": ["Retail"], "orgTypes": ["GOVERNMENT"]}) == []
    assert ids(gql, filter={"kinds": []}) == []  # an empty list matches nothing
    assert page(gql, filter={"countries": ["DE"]})["totalCount"] == 3


def test_kind_and_search_still_work_and_combine_with_the_filter(gql: GQL, world: None) -> None:
    assert ids(gql, kind="PERSON") == ["ann", "ann2", "bob"]
    assert ids(gql, search="AN") == ["ann", "ann2"]
    assert ids(gql, kind="PERSON", filter={"kinds": ["ORGANIZATION"]}) == []
    assert ids(gql, kind="PERSON", filter={"kinds": ["PERSON"], "countries": ["FR"]}) == ["ann2"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("NAME", ["acme", "gov", "ann", "ann2", "bob", "ops", "uni"]),
        # by createdAt then id; undated last
        ("CREATED_AT", ["gov", "ann", "bob", "acme", "uni", "ann2", "ops"]),
        ("UPDATED_AT", ["gov", "ops", "ann", "bob", "acme", "ann2", "uni"]),
    ],
)
@pytest.mark.parametrize("first", [1, 2, 3, 100])
def test_keyset_pages_walk_each_order_whole(
    gql: GQL, world: None, order: str, expected: list[str], first: int
) -> None:
    assert walk(gql, first, orderBy=order) == expected


def test_order_by_is_nullable_and_null_means_name(gql: GQL, world: None) -> None:
    # SPEC 9 writes `orderBy: StakeholderOrder = NAME`: a client may send null.
    expected = ["acme", "gov", "ann", "ann2", "bob", "ops", "uni"]
    assert walk(gql, 2, orderBy=None) == expected
    cursor = page(gql, first=1, orderBy="NAME")["pageInfo"]["endCursor"]
    assert ids(gql, after=cursor, orderBy=None) == expected[1:]


def test_a_cursor_of_one_order_is_refused_in_another(gql: GQL, world: None) -> None:
    cursor = page(gql, first=1)["pageInfo"]["endCursor"]
    error = gql.error(QUERY, first=1, after=cursor, orderBy="CREATED_AT")
    assert (code(error), field(error)) == ("BAD_USER_INPUT", "after")


@pytest.mark.parametrize(
    ("where", "argument"),
    [
        ({"countries": ["DEU"]}, "filter.countries"),
        ({"countries": ["D"]}, "filter.countries"),
        ({"countries": ["XX"]}, "filter.countries"),
        ({"countries": [""]}, "filter.countries"),
        ({"tags": [" "]}, "filter.tags"),
        ({"industries": [""]}, "filter.industries"),
    ],
)
def test_a_filter_value_of_the_wrong_shape_is_refused_before_any_cypher(
    gql: GQL, where: dict[str, Any], argument: str
) -> None:
    before = gql.graph.statements
    error = gql.error(QUERY, filter=where)
    assert (code(error), field(error)) == ("BAD_USER_INPUT", argument)
    assert gql.graph.statements == before


def test_the_page_and_its_total_come_in_one_round_trip(gql: GQL, world: None) -> None:
    before = gql.graph.statements
    result = page(gql, first=2, filter={"countries": ["DE", "FR"]}, orderBy="UPDATED_AT")
    assert gql.graph.statements - before == 1
    assert result["totalCount"] == 5 and len(result["edges"]) == 2
