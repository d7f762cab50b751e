"""neighbourhood: nearest first, the centre counting toward `limit`, the relations between
the returned nodes (hubs included), `truncated`, refusals before any Cypher, one round trip.

Worlds are written with Cypher through the `db` driver; the reads go through GraphQL.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from starlette.testclient import TestClient

from stakegraph.api.app import create_app
from stakegraph.config import Neo4jSettings, ServerSettings
from tests.gql import GQL, code, field, load_demo_world, readme_query, serve

QUERY = """
query($id: ID!, $depth: Int, $types: [RelationType!], $limit: Int) {
  neighbourhood(id: $id, depth: $depth, types: $types, limit: $limit) {
    nodes { id kind }
    relations { id type from { id } to { id } }
    truncated
  }
}
"""

FAMILY = """
CREATE (toyco:Stakeholder:Organization {id: 'toyco', name: 'ToyCo'})
CREATE (mia:Stakeholder:Person {id: 'mia', name: 'Mia'})
CREATE (leo:Stakeholder:Person {id: 'leo', name: 'Leo'})
CREATE (globex:Stakeholder:Organization {id: 'globex', name: 'Globex'})
CREATE (dana:Stakeholder:Person {id: 'dana', name: 'Dana'})
CREATE (far:Stakeholder:Person {id: 'far', name: 'Far'})
CREATE (mia)-[:BUYS {id: 'b1', offering: 'Robot', amount: 30.0, currency: 'EUR'}]->(toyco)
CREATE (leo)-[:USES {id: 'u1', offering: 'Robot'}]->(toyco)
CREATE (mia)-[:PARENT_OF {id: 'po1'}]->(leo)
CREATE (globex)-[:BUYS {id: 'b2', offering: 'Kits', amount: 900.0, currency: 'EUR'}]->(toyco)
CREATE (dana)-[:MEMBER_OF {id: 'm1', title: 'CEO'}]->(globex)
CREATE (far)-[:USES {id: 'u2'}]->(dana)
"""


def around(gql: GQL, id_: str, **args: Any) -> dict[str, Any]:
    result: dict[str, Any] = gql.query(QUERY, id=id_, **args)["neighbourhood"]
    return result


def ids(found: dict[str, Any]) -> list[str]:
    return [n["id"] for n in found["nodes"]]


def relation_ids(found: dict[str, Any]) -> set[str]:
    return {r["id"] for r in found["relations"]}


def test_depth_one_gives_the_centre_first_and_every_relation_between_the_nodes(
    gql: GQL, db: neo4j.Driver
) -> None:
    db.execute_query(FAMILY)
    found = around(gql, "toyco")
    assert ids(found)[0] == "toyco"
    assert set(ids(found)) == {"toyco", "mia", "leo", "globex"}
    # po1 joins two neighbours: not walked to find them, still a relation between them
    assert relation_ids(found) == {"b1", "u1", "po1", "b2"}
    assert found["truncated"] is False
    parent = next(r for r in found["relations"] if r["id"] == "po1")
    assert (parent["type"], parent["from"]["id"], parent["to"]["id"]) == ("PARENT_OF", "mia", "leo")


def test_relations_are_the_concrete_types_with_their_properties(gql: GQL, db: neo4j.Driver) -> None:
    db.execute_query(FAMILY)
    query = """query { neighbourhood(id: "globex") { relations { __typename id
        ... on Purchase { offering amount currency consideration }
        ... on MemberOf { title } } } }"""
    relations = {r["id"]: r for r in gql.query(query)["neighbourhood"]["relations"]}
    assert relations == {
        "b2": {
            "__typename": "Purchase",
            "id": "b2",
            "offering": "Kits",
            "amount": 900.0,
            "currency": "EUR",
            "consideration": "MONEY",
        },
        "m1": {"__typename": "MemberOf", "id": "m1", "title": "CEO"},
    }


def test_nearer_nodes_come_first_and_depth_reaches_further(gql: GQL, db: neo4j.Driver) -> None:
    db.execute_query(FAMILY)
    two = ids(around(gql, "toyco", depth=2))
    assert set(two[1:4]) == {"mia", "leo", "globex"} and two[4:] == ["dana"]
    three = ids(around(gql, "toyco", depth=3))
    assert three[4:] == ["dana", "far"]


def test_types_limit_which_relationships_are_followed_and_returned(
    gql: GQL, db: neo4j.Driver
) -> None:
    db.execute_query(FAMILY)
    found = around(gql, "toyco", depth=3, types=["BUYS", "MEMBER_OF"])
    assert set(ids(found)) == {"toyco", "mia", "globex", "dana"}
    assert relation_ids(found) == {"b1", "b2", "m1"}
    assert ids(around(gql, "toyco", types=[])) == ["toyco"]


def test_the_centre_counts_toward_the_limit_and_truncated_says_more_existed(
    gql: GQL, db: neo4j.Driver
) -> None:
    db.execute_query(FAMILY)
    assert around(gql, "toyco", limit=4)["truncated"] is False  # exactly all four
    cut = around(gql, "toyco", limit=3)
    assert len(cut["nodes"]) == 3 and cut["nodes"][0]["id"] == "toyco" and cut["truncated"]
    alone = around(gql, "toyco", limit=1)
    assert ids(alone) == ["toyco"] and alone["relations"] == [] and alone["truncated"]
    # depth 2 full at limit 5 (toyco, 3 neighbours, dana); far exists at depth 3 only
    assert around(gql, "toyco", depth=2, limit=5)["truncated"] is False
    assert around(gql, "toyco", depth=3, limit=5)["truncated"] is True


def test_at_most_twice_limit_relations_and_truncated_covers_them(
    gql: GQL, db: neo4j.Driver
) -> None:
    db.execute_query(
        """
        CREATE (p:Stakeholder:Organization {id: 'shop', name: 'Shop'})
        CREATE (c:Stakeholder:Person {id: 'regular', name: 'Regular'})
        WITH p, c UNWIND range(1, 5) AS i
        CREATE (c)-[:BUYS {id: 'buy' + i, offering: 'Bread', amount: 2.0, currency: 'EUR'}]->(p)
        """
    )
    found = around(gql, "shop", limit=2)
    assert ids(found) == ["shop", "regular"]
    assert len(found["relations"]) == 4 and found["truncated"] is True
    assert around(gql, "shop", limit=3)["truncated"] is False


def test_relations_at_hubs_are_all_found_without_walking_the_hub(
    gql: GQL, db: neo4j.Driver
) -> None:
    """Two hubs (over 100 relationships each): relations hub-hub and customer-hub are
    found from the other end or pair by pair; the result equals a plain expansion's."""
    db.execute_query(
        """
        CREATE (a:Stakeholder:Organization {id: 'hub-a', name: 'Hub A'})
        CREATE (b:Stakeholder:Organization {id: 'hub-b', name: 'Hub B'})
        CREATE (a)-[:BUYS {id: 'a-b', offering: 'Parts', amount: 1.0, currency: 'EUR'}]->(b)
        CREATE (b)-[:SERVES {id: 'b-a'}]->(a)
        WITH a, b UNWIND range(1, 120) AS i
        CREATE (c:Stakeholder:Person {id: 'c' + i, name: 'C' + i})
        CREATE (c)-[:BUYS {id: 'ca' + i, offering: 'X', amount: 1.0, currency: 'EUR'}]->(a)
        CREATE (c)-[:USES {id: 'cb' + i}]->(b)
        """
    )
    found = around(gql, "hub-a", limit=1000)
    assert len(found["nodes"]) == 122 and found["truncated"] is False
    expected = {
        r["id"]
        for r in db.execute_query("MATCH ()-[r]->() RETURN r.id AS id").records  # everything
    }
    assert relation_ids(found) == expected


def test_one_round_trip(gql: GQL, db: neo4j.Driver) -> None:
    db.execute_query(FAMILY)
    before = gql.graph.statements
    around(gql, "toyco", depth=3)
    assert gql.graph.statements - before == 1


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        ({"depth": 0}, "depth"),
        ({"depth": 4}, "depth"),
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
    ],
)
def test_out_of_range_depth_or_limit_is_refused_before_any_cypher(
    gql: GQL, args: dict[str, int], argument: str
) -> None:
    before = gql.graph.statements
    error = gql.error(QUERY, id="toyco", **args)
    assert (code(error), field(error)) == ("BAD_USER_INPUT", argument)
    assert gql.graph.statements == before


def test_depth_and_limit_are_nullable_and_null_means_their_defaults(
    gql: GQL, db: neo4j.Driver
) -> None:
    # SPEC 9 writes `depth: Int = 1` and `limit: Int = 200`: a client may send null.
    db.execute_query(FAMILY)
    found = around(gql, "toyco", depth=None, limit=None)
    assert found == around(gql, "toyco", depth=1, limit=200)
    assert set(ids(found)) == {"toyco", "mia", "leo", "globex"}


def test_an_unknown_centre_is_not_found(gql: GQL) -> None:
    error = gql.error(QUERY, id="nobody")
    assert (code(error), field(error)) == ("NOT_FOUND", "id")


def test_the_cost_limit_counts_limit_for_the_lists_below_it(
    db: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    db.execute_query(FAMILY)
    query = 'query($limit: Int) { neighbourhood(id: "toyco", limit: $limit) { nodes { id } } }'
    # 1 (neighbourhood) + 1 (nodes) + limit x 1 (id)
    with TestClient(create_app(neo4j_settings, ServerSettings(max_cost=102))) as client:
        gql = GQL(client)
        assert len(gql.query(query, limit=100)["neighbourhood"]["nodes"]) == 4
        error = gql.error(query, limit=101)
        assert code(error) == "QUERY_TOO_COMPLEX"
        assert code(gql.error(query)) == "QUERY_TOO_COMPLEX"  # the default, 200


def test_the_readme_tour_step_runs_on_the_demo(
    db: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    load_demo_world(neo4j_settings)
    query = readme_query("neighbourhood(")
    with serve(neo4j_settings) as gql:
        data = gql.query(query)
    assert data["search"][0]["stakeholder"]["id"] == "toyco"  # "toyko": one typo
    found = data["neighbourhood"]
    names = [n["name"] for n in found["nodes"]]
    assert names[0] == "Leo Schneider" and {"ToyCo", "Mia Schneider"} <= set(names[1:3])
    assert len(names) == 10 and found["truncated"] is True
