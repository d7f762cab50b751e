"""Relations as typed objects: the Relation interface and its concrete types, relation(id),
evidence steps with their relations, a stakeholder's relations and counts, the structural
fields, and removeMembership / removeParentOf. All against the real Neo4j, through HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from starlette.testclient import TestClient

from stakegraph.api.app import create_app
from stakegraph.config import Neo4jSettings, ServerSettings
from tests.gql import GQL, code, field, load_demo_world, readme_query, serve
from tests.test_auth import EDITOR_KEY, KEYS, READER_KEY, bearer


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    with serve(neo4j_settings) as client:
        yield client


def statements(gql: GQL, text: str, **variables: Any) -> tuple[int, dict[str, Any]]:
    before = gql.graph.statements
    data = gql.query(text, **variables)
    return gql.graph.statements - before, data


def upsert(gql: GQL, kind: str, **fields: Any) -> None:
    gql.query(
        f"mutation($input: {kind}Input!) {{ upsert{kind}(input: $input) {{ id }} }}", input=fields
    )


def record(gql: GQL, mutation: str, input_type: str, **fields: Any) -> dict[str, Any]:
    data = gql.query(
        f"mutation($input: {input_type}Input!) {{ {mutation}(input: $input) {{ __typename id }} }}",
        input=fields,
    )
    answer: dict[str, Any] = data[mutation]
    return answer


@pytest.fixture
def world(gql: GQL) -> dict[str, str]:
    """Globex (with IT, and Desk inside IT) buys from Initech; Dana is IT's CTO and decider;
    Mom is Kid's parent, Kid uses Toyco, which Mom bought; Rivera serves Kid."""
    upsert(gql, "Organization", id="globex", name="Globex")
    upsert(gql, "Organization", id="initech", name="Initech")
    upsert(gql, "Organization", id="toyco", name="Toyco")
    upsert(gql, "Department", id="it", name="IT", partOfId="globex")
    upsert(gql, "Department", id="desk", name="Desk", partOfId="it")
    upsert(gql, "Department", id="sales", name="Sales", partOfId="globex")
    for id_, name in [("dana", "Dana"), ("mom", "Mom"), ("kid", "Kid"), ("rivera", "Rivera")]:
        upsert(gql, "Person", id=id_, name=name)
    gql.query(
        "mutation($input: MembershipInput!) { addMembership(input: $input) { title } }",
        input={
            "personId": "dana",
            "ofId": "it",
            "title": "CTO",
            "buyingRole": "DECIDER",
            "scope": ["initech"],
        },
    )
    gql.query('mutation { addParentOf(parentId: "mom", childId: "kid") { id } }')
    ids = {
        "crm": record(
            gql,
            "recordPurchase",
            "Purchase",
            id="b-crm",
            buyerId="globex",
            sellerId="initech",
            offering="CRM",
            amount=1200,
            currency="usd",
            at="2024-03-01T00:00:00Z",
            kind="CONTRACT",
        )["id"],
        "crm2": record(
            gql,
            "recordPurchase",
            "Purchase",
            id="b-crm2",
            buyerId="globex",
            sellerId="initech",
            offering="CRM",
            amount=300,
            currency="USD",
            at="2024-05-01T00:00:00Z",
        )["id"],
        "toy": record(
            gql,
            "recordPurchase",
            "Purchase",
            id="b-toy",
            buyerId="mom",
            sellerId="toyco",
            offering="Blocks",
            amount=30,
            currency="EUR",
            at="2024-04-01T00:00:00Z",
        )["id"],
        "play": record(
            gql,
            "recordUse",
            "Use",
            id="u-play",
            userId="kid",
            providerId="toyco",
            offering="Blocks",
            since="2023-01-01T00:00:00Z",
        )["id"],
        "teach": record(
            gql,
            "recordService",
            "Service",
            id="s-teach",
            providerId="rivera",
            recipientId="kid",
            offering="Lessons",
            ongoing=True,
        )["id"],
        "review": record(
            gql,
            "recordContribution",
            "Contribution",
            id="c-review",
            contributorId="kid",
            platformId="toyco",
            what="a review",
            at="2024-04-02T00:00:00Z",
        )["id"],
        "webinar": record(
            gql,
            "recordEngagement",
            "Engagement",
            id="e-web",
            prospectId="dana",
            providerId="toyco",
            stage="INTENT",
            channel="webinar",
            at="2024-04-01T00:00:00Z",
        )["id"],
    }
    return ids


# ----------------------------------------------------------------------------- interface

RELATION = """
query($id: ID!) {
  relation(id: $id) {
    __typename id type createdAt from { id } to { id }
    ... on Purchase { bought: offering amount currency at kind consideration }
    ... on Use { offering since }
    ... on Service { offering since ongoing }
    ... on Contribution { what at }
    ... on Engagement { stage channel at }
    ... on MemberOf { title buyingRole scope }
  }
}
"""


def test_record_purchase_answers_the_purchase_as_stored(gql: GQL) -> None:
    upsert(gql, "Organization", id="globex", name="Globex")
    upsert(gql, "Organization", id="initech", name="Initech")
    answer = gql.query(
        """mutation($input: PurchaseInput!) { recordPurchase(input: $input) {
             __typename id type from { id } to { id } createdAt
             ... on Purchase { bought: offering amount currency at kind consideration } } }""",
        input={
            "buyerId": "globex",
            "sellerId": "initech",
            "offering": "CRM",
            "amount": 120000,
            "currency": "usd",
            "at": "2024-03-01T00:00:00Z",
            "kind": "CONTRACT",
        },
    )["recordPurchase"]

    assert answer["__typename"] == "Purchase"
    assert answer["type"] == "BUYS"
    assert answer["from"] == {"id": "globex"} and answer["to"] == {"id": "initech"}
    assert answer["createdAt"] is not None
    assert {k: answer[k] for k in ("bought", "amount", "currency", "kind", "consideration")} == {
        "bought": "CRM",
        "amount": 120000.0,
        "currency": "USD",
        "kind": "CONTRACT",
        "consideration": "MONEY",
    }
    assert answer["at"].startswith("2024-03-01T00:00:00")


def test_every_mutation_answers_its_concrete_type(gql: GQL, world: dict[str, str]) -> None:
    assert record(gql, "recordUse", "Use", userId="mom", providerId="toyco")["__typename"] == "Use"
    assert (
        record(gql, "recordService", "Service", providerId="toyco", recipientId="mom")["__typename"]
        == "Service"
    )
    assert (
        record(gql, "recordContribution", "Contribution", contributorId="mom", platformId="toyco")[
            "__typename"
        ]
        == "Contribution"
    )
    assert (
        record(
            gql,
            "recordEngagement",
            "Engagement",
            prospectId="mom",
            providerId="initech",
            stage="AWARENESS",
        )["__typename"]
        == "Engagement"
    )


def test_relation_by_id_reads_every_property_of_each_type(gql: GQL, world: dict[str, str]) -> None:
    def read(id_: str) -> dict[str, Any]:
        found: dict[str, Any] = gql.query(RELATION, id=id_)["relation"]
        return found

    use = read(world["play"])
    assert (use["__typename"], use["type"], use["offering"]) == ("Use", "USES", "Blocks")
    assert use["since"].startswith("2023-01-01")
    assert use["from"] == {"id": "kid"} and use["to"] == {"id": "toyco"}
    service = read(world["teach"])
    assert (service["__typename"], service["ongoing"], service["since"]) == ("Service", True, None)
    contribution = read(world["review"])
    assert (contribution["__typename"], contribution["what"]) == ("Contribution", "a review")
    engagement = read(world["webinar"])
    assert (engagement["stage"], engagement["channel"]) == ("INTENT", "webinar")

    membership = gql.query(
        '{ stakeholder(id: "dana") { ... on Person { memberships { of { id } } } } }'
    )
    assert membership["stakeholder"]["memberships"] == [{"of": {"id": "it"}}]
    member_of = gql.query(
        """{ stakeholder(id: "dana") {
               relations(types: [MEMBER_OF]) { edges { node { id } } } } }"""
    )["stakeholder"]["relations"]["edges"][0]["node"]["id"]
    member = read(member_of)
    assert member["__typename"] == "MemberOf"
    assert (member["title"], member["buyingRole"], member["scope"]) == (
        "CTO",
        "DECIDER",
        ["initech"],
    )


def test_structural_relations_are_their_own_types(gql: GQL, world: dict[str, str]) -> None:
    data = gql.query(
        """{ stakeholder(id: "kid") { relations(types: [PARENT_OF]) {
               edges { node { __typename from { id } } } } } }"""
    )
    assert data["stakeholder"]["relations"]["edges"] == [
        {"node": {"__typename": "ParentOf", "from": {"id": "mom"}}}
    ]
    data = gql.query(
        """{ stakeholder(id: "desk") { relations(types: [PART_OF]) {
               edges { node { __typename to { id } } } } } }"""
    )
    assert data["stakeholder"]["relations"]["edges"] == [
        {"node": {"__typename": "PartOf", "to": {"id": "it"}}}
    ]


def test_a_purchase_stored_without_consideration_or_kind_reads_money_and_one_off(
    gql: GQL, db: neo4j.Driver
) -> None:
    db.execute_query(
        """CREATE (a:Stakeholder:Person {id: 'ann', name: 'Ann'})
           CREATE (s:Stakeholder:Organization {id: 'shop', name: 'Shop'})
           CREATE (a)-[:BUYS {id: 'bare', offering: 'Tea', amount: 3, currency: 'EUR',
                              at: datetime('2024-01-01T00:00:00Z')}]->(s)"""
    )

    bare = gql.query(RELATION, id="bare")["relation"]

    assert (bare["consideration"], bare["kind"]) == ("MONEY", "ONE_OFF")


def test_an_unknown_relation_id_is_null(gql: GQL) -> None:
    assert gql.query(RELATION, id="nothing") == {"relation": None}


# ----------------------------------------------------------------------------- evidence

EVIDENCE = """
query($p: ID!) {
  customersOf(providerId: $p) { edges { node { customer { id } evidence { lens path {
    relationId type relation { __typename id type from { id } to { id }
      ... on Purchase { amount } ... on MemberOf { buyingRole } } } } } } }
}
"""


def test_every_evidence_step_carries_its_relation_from_the_one_page_query(
    gql: GQL, world: dict[str, str]
) -> None:
    count, data = statements(gql, EVIDENCE, p="initech")

    assert count == 1
    steps = [
        step
        for edge in data["customersOf"]["edges"]
        for evidence in edge["node"]["evidence"]
        for step in evidence["path"]
    ]
    assert steps and all(step["relation"] is not None for step in steps)
    assert all(step["relation"]["id"] == step["relationId"] for step in steps)
    assert all(step["relation"]["type"] == step["type"] for step in steps)
    by_type = {step["type"]: step["relation"] for step in steps}
    assert by_type["MEMBER_OF"]["__typename"] == "MemberOf"
    assert by_type["MEMBER_OF"]["buyingRole"] == "DECIDER"
    assert by_type["PART_OF"]["__typename"] == "PartOf"
    amounts = {s["relation"]["amount"] for s in steps if s["type"] == "BUYS"}
    assert amounts == {1200.0, 300.0}


# ----------------------------------------------------------------------------- relations()

PAGE = """
query($id: ID!, $first: Int, $after: String, $types: [RelationType!], $direction: Direction,
      $since: DateTime, $until: DateTime) {
  stakeholder(id: $id) {
    relations(first: $first, after: $after, types: $types, direction: $direction,
              since: $since, until: $until) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
    }
  }
}
"""


def relations(gql: GQL, id_: str, **args: Any) -> dict[str, Any]:
    answer: dict[str, Any] = gql.query(PAGE, id=id_, **args)["stakeholder"]["relations"]
    return answer


def ids(page: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in page["edges"]]


@pytest.fixture
def timeline(db: neo4j.Driver) -> list[str]:
    """Hub has relations with dates (two on the same day), and undated ones; the ids of
    all of them, newest first, undated last, ties by id."""
    db.execute_query(
        """
        CREATE (h:Stakeholder:Organization {id: 'hub', name: 'Hub'})
        CREATE (o:Stakeholder:Organization {id: 'other', name: 'Other'})
        CREATE (p:Stakeholder:Person {id: 'pat', name: 'Pat'})
        CREATE (o)-[:BUYS {id: 'b2', offering: 'X', amount: 1, currency: 'EUR',
                           at: datetime('2024-06-01T00:00:00Z')}]->(h)
        CREATE (o)-[:BUYS {id: 'b1', offering: 'X', amount: 1, currency: 'EUR',
                           at: datetime('2024-06-01T00:00:00Z')}]->(h)
        CREATE (h)-[:BUYS {id: 'b0', offering: 'Y', amount: 1, currency: 'EUR',
                           at: datetime('2023-01-01T00:00:00Z')}]->(o)
        CREATE (p)-[:USES {id: 'u1', since: datetime('2024-02-01T00:00:00Z')}]->(h)
        CREATE (h)-[:SERVES {id: 's1', ongoing: true}]->(p)
        CREATE (p)-[:MEMBER_OF {id: 'm1'}]->(h)
        CREATE (p)-[:ENGAGES {id: 'e1', stage: 'AWARENESS',
                              at: datetime('2025-01-01T00:00:00Z')}]->(h)
        """
    )
    return ["e1", "b1", "b2", "u1", "b0", "m1", "s1"]


def test_relations_are_newest_first_undated_last_then_by_id(gql: GQL, timeline: list[str]) -> None:
    page = relations(gql, "hub")

    assert ids(page) == timeline
    assert page["totalCount"] == 7
    assert page["pageInfo"]["hasNextPage"] is False


def test_relations_page_by_keyset_cursors_through_dated_and_undated(
    gql: GQL, timeline: list[str]
) -> None:
    seen: list[str] = []
    after = None
    for _ in range(4):
        page = relations(gql, "hub", first=2, after=after)
        assert page["totalCount"] == 7
        seen += ids(page)
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert seen == timeline
    assert relations(gql, "hub", first=0)["edges"] == []


def test_relations_filter_by_type_and_direction(gql: GQL, timeline: list[str]) -> None:
    assert ids(relations(gql, "hub", types=["BUYS"], direction="IN")) == ["b1", "b2"]
    assert ids(relations(gql, "hub", types=["BUYS"], direction="OUT")) == ["b0"]
    assert ids(relations(gql, "hub", direction="OUT")) == ["b0", "s1"]
    outgoing = relations(gql, "pat", direction="OUT")
    assert ids(outgoing) == ["e1", "u1", "m1"] and outgoing["totalCount"] == 3


def test_relations_direction_is_nullable_and_null_means_both(gql: GQL, timeline: list[str]) -> None:
    # SPEC 9 writes `direction: Direction = BOTH`: a client may send null, as for `first`.
    assert ids(relations(gql, "hub", direction=None)) == timeline
    assert ids(relations(gql, "hub", direction=None, types=["BUYS"])) == ["b1", "b2", "b0"]


def test_relations_window_counts_dates_in_it_uses_begun_before_its_end_and_undated_ones(
    gql: GQL, timeline: list[str]
) -> None:
    page = relations(gql, "hub", since="2024-03-01T00:00:00Z", until="2024-12-31T00:00:00Z")

    # b0 (2023) and e1 (2025) fall outside; u1 began before the window's end.
    assert ids(page) == ["b1", "b2", "u1", "m1", "s1"]
    assert page["totalCount"] == 5
    early = relations(gql, "hub", until="2024-01-15T00:00:00Z")
    assert ids(early) == ["b0", "m1", "s1"]
    naive = relations(gql, "hub", since="2024-03-01T00:00:00", until="2024-12-31T00:00:00")
    assert ids(naive) == ids(page)  # a datetime without a zone is UTC


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        ({"since": "2024-02-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"}, "since"),
        ({"since": "2024-01-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"}, "since"),
        ({"first": 501}, "first"),
        ({"first": -1}, "first"),
        ({"after": "not-a-cursor"}, "after"),
    ],
)
def test_bad_relations_arguments_are_refused_naming_the_argument_with_nothing_run(
    gql: GQL, timeline: list[str], args: dict[str, Any], argument: str
) -> None:
    before = gql.graph.statements
    text = """query($since: DateTime, $until: DateTime, $first: Int, $after: String) {
      stakeholder(id: "hub") { relations(since: $since, until: $until, first: $first,
                                         after: $after) { totalCount } } }"""
    found = gql.errors(text, **args)
    assert code(found[0]) == "BAD_USER_INPUT"
    assert field(found[0]) == argument
    # Only the stakeholder itself was read: nothing ran for the refused field.
    assert gql.graph.statements - before == 1


def test_relation_counts_one_per_type_and_direction_present(gql: GQL, timeline: list[str]) -> None:
    data = gql.query('{ stakeholder(id: "hub") { relationCounts { type direction count } } }')

    assert data["stakeholder"]["relationCounts"] == [
        {"type": "BUYS", "direction": "OUT", "count": 1},
        {"type": "BUYS", "direction": "IN", "count": 2},
        {"type": "USES", "direction": "IN", "count": 1},
        {"type": "SERVES", "direction": "OUT", "count": 1},
        {"type": "ENGAGES", "direction": "IN", "count": 1},
        {"type": "MEMBER_OF", "direction": "IN", "count": 1},
    ]
    lone = gql.query('mutation { upsertPerson(input: {id: "lone", name: "Lone"}) { id } }')
    assert lone
    assert gql.query('{ stakeholder(id: "lone") { relationCounts { count } } }') == {
        "stakeholder": {"relationCounts": []}
    }


# ----------------------------------------------------------------------------- structure

STRUCTURE = """
{
  globex: stakeholder(id: "globex") { ... on Organization {
    departments { id } members { person { id } } } }
  it: stakeholder(id: "it") { ... on Department {
    partOf { id } departments { id } members { person { id } of { id } title buyingRole } } }
  dana: stakeholder(id: "dana") { ... on Person { memberships { of { id } title } } }
  mom: stakeholder(id: "mom") { ... on Person { parents { id } children { id } } }
  kid: stakeholder(id: "kid") { ... on Person { parents { id } children { id } } }
}
"""


def test_structural_fields_list_direct_links(gql: GQL, world: dict[str, str]) -> None:
    data = gql.query(STRUCTURE)

    assert data["globex"] == {"departments": [{"id": "it"}, {"id": "sales"}], "members": []}
    assert data["it"] == {
        "partOf": {"id": "globex"},
        "departments": [{"id": "desk"}],
        "members": [
            {"person": {"id": "dana"}, "of": {"id": "it"}, "title": "CTO", "buyingRole": "DECIDER"}
        ],
    }
    assert data["dana"] == {"memberships": [{"of": {"id": "it"}, "title": "CTO"}]}
    assert data["mom"] == {"parents": [], "children": [{"id": "kid"}]}
    assert data["kid"] == {"parents": [{"id": "mom"}], "children": []}
    top = gql.query('{ stakeholder(id: "globex") { ... on Organization { id } } }')
    assert top == {"stakeholder": {"id": "globex"}}
    no_parent = gql.query(
        '{ stakeholder(id: "globex") { id } d: stakeholder(id: "desk") '
        "{ ... on Department { partOf { id } } } }"
    )
    assert no_parent["d"] == {"partOf": {"id": "it"}}


PROFILE_LIST = """
query($first: Int!) {
  stakeholders(first: $first) { edges { node {
    id
    relations(first: 5) { totalCount edges { node { id } } }
    relationCounts { type direction count }
    ... on Organization { departments { id } members { title } }
    ... on Department { partOf { id } departments { id } members { title } }
    ... on Person { memberships { title } parents { id } children { id } }
  } } }
}
"""


def test_profile_fields_on_a_list_cost_one_statement_each_however_long_the_list(
    gql: GQL, world: dict[str, str]
) -> None:
    listing, _ = statements(gql, "{ stakeholders(first: 50) { totalCount edges { node { id } } } }")
    one, _ = statements(gql, PROFILE_LIST, first=1)
    many, data = statements(gql, PROFILE_LIST, first=50)

    assert len(data["stakeholders"]["edges"]) == 10
    # The listing, relations, relationCounts, and one statement per structural (type,
    # direction) asked: PART_OF in/out, MEMBER_OF in/out, PARENT_OF in/out.
    assert many == listing + 1 + 1 + 6
    assert one <= many


def test_a_profile_page_is_one_statement_per_field(gql: GQL, world: dict[str, str]) -> None:
    count, data = statements(
        gql,
        """{ stakeholder(id: "globex") { name
              relations { totalCount edges { node { __typename } } }
              relationCounts { count } } }""",
    )

    assert count == 3  # the stakeholder, its relations, its counts
    assert data["stakeholder"]["relations"]["totalCount"] == 4  # 2 BUYS, 2 PART_OF


# ----------------------------------------------------------------------------- removal


def test_remove_membership_refreshes_the_buying_center_label(
    gql: GQL, world: dict[str, str]
) -> None:
    roles = '{ stakeholder(id: "dana") { roles } }'
    assert gql.query(roles)["stakeholder"]["roles"] == ["BUYING_CENTER_MEMBER"]

    removed = gql.query('mutation { removeMembership(personId: "dana", ofId: "it") }')

    assert removed == {"removeMembership": True}
    assert gql.query(roles)["stakeholder"]["roles"] == []
    again = gql.query('mutation { removeMembership(personId: "dana", ofId: "it") }')
    assert again == {"removeMembership": False}


def test_remove_parent_of_refreshes_the_parent_label(gql: GQL, world: dict[str, str]) -> None:
    roles = '{ stakeholder(id: "mom") { roles } }'
    assert "PARENT" in gql.query(roles)["stakeholder"]["roles"]

    removed = gql.query('mutation { removeParentOf(parentId: "mom", childId: "kid") }')

    assert removed == {"removeParentOf": True}
    assert "PARENT" not in gql.query(roles)["stakeholder"]["roles"]
    kid = gql.query('{ stakeholder(id: "kid") { ... on Person { parents { id } } } }')
    assert kid == {"stakeholder": {"parents": []}}
    reversed_ = gql.query('mutation { removeParentOf(parentId: "kid", childId: "mom") }')
    assert reversed_ == {"removeParentOf": False}


@pytest.mark.parametrize(
    ("mutation", "argument"),
    [
        ('removeMembership(personId: "nobody", ofId: "it")', "personId"),
        ('removeMembership(personId: "dana", ofId: "nowhere")', "ofId"),
        ('removeParentOf(parentId: "nobody", childId: "kid")', "parentId"),
        ('removeParentOf(parentId: "mom", childId: "nobody")', "childId"),
    ],
)
def test_removing_a_link_with_an_unknown_id_is_not_found(
    gql: GQL, world: dict[str, str], mutation: str, argument: str
) -> None:
    error = gql.error(f"mutation {{ {mutation} }}")

    assert code(error) == "NOT_FOUND"
    assert field(error) == argument
    roles = gql.query(
        '{ d: stakeholder(id: "dana") { roles } m: stakeholder(id: "mom") { roles } }'
    )
    assert roles["d"]["roles"] == ["BUYING_CENTER_MEMBER"] and "PARENT" in roles["m"]["roles"]


def test_removing_links_needs_an_editor_key(
    world: dict[str, str], db: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    removal = {"query": 'mutation { removeMembership(personId: "dana", ofId: "it") }'}
    with TestClient(create_app(neo4j_settings, ServerSettings(api_keys=KEYS))) as client:
        refused = client.post("/graphql", json=removal, headers=bearer(READER_KEY)).json()
        memberships, _, _ = db.execute_query(
            "MATCH (:Person {id: 'dana'})-[m:MEMBER_OF]->() RETURN count(m) AS n"
        )
        allowed = client.post("/graphql", json=removal, headers=bearer(EDITOR_KEY)).json()

    assert [e["extensions"]["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    assert memberships[0]["n"] == 1
    assert allowed == {"data": {"removeMembership": True}}


def test_feedback_and_referrals_answer_their_own_types(gql: GQL, world: dict[str, str]) -> None:
    feedback = gql.query(
        """mutation($input: FeedbackInput!) { recordFeedback(input: $input) {
             __typename ... on Feedback { customer { id } provider { id } nps comment } } }""",
        input={"customerId": "mom", "providerId": "toyco", "nps": 9, "comment": "Lovely"},
    )["recordFeedback"]
    referral = gql.query(
        """mutation($input: ReferralInput!) { recordReferral(input: $input) {
             __typename from { id } to { id } ... on Referral { provider { id } channel } } }""",
        input={"referrerId": "mom", "referredId": "dana", "providerId": "toyco", "channel": "chat"},
    )["recordReferral"]

    assert feedback == {
        "__typename": "Feedback",
        "customer": {"id": "mom"},
        "provider": {"id": "toyco"},
        "nps": 9,
        "comment": "Lovely",
    }
    assert referral == {
        "__typename": "Referral",
        "from": {"id": "mom"},
        "to": {"id": "dana"},
        "provider": {"id": "toyco"},
        "channel": "chat",
    }


def test_the_readme_profile_page_runs_on_the_demo(
    db: neo4j.Driver, neo4j_settings: Neo4jSettings
) -> None:
    load_demo_world(neo4j_settings)
    query = readme_query("relationCounts")
    with serve(neo4j_settings) as demo:
        count, data = statements(demo, query)

    globex = data["stakeholder"]
    assert globex["relations"]["edges"][0]["node"]["__typename"] == "Purchase"
    assert globex["relationCounts"] and globex["departments"] and globex["members"]
    assert data["mia"]["children"] == [{"name": "Leo Schneider"}]
    # The two stakeholders, then one statement per field: relations, relationCounts,
    # departments, members, children, memberships.
    assert count == 2 + 6
