"""Mutation semantics: left out keeps, null removes, and answers show what was stored."""

from __future__ import annotations

import neo4j

from tests.gql import GQL

MEMBERSHIP = """
mutation($input: MembershipInput!) {
  addMembership(input: $input) { title buyingRole person { roles } }
}
"""


def test_a_null_buying_role_clears_the_role_and_the_label(gql: GQL) -> None:
    gql.query('mutation { upsertOrganization(input: {id: "globex", name: "Globex"}) { id } }')
    gql.query('mutation { upsertPerson(input: {id: "dana", name: "Dana"}) { id } }')
    first = gql.query(
        MEMBERSHIP,
        input={"personId": "dana", "ofId": "globex", "title": "CTO", "buyingRole": "DECIDER"},
    )
    assert first["addMembership"] == {
        "title": "CTO",
        "buyingRole": "DECIDER",
        "person": {"roles": ["BUYING_CENTER_MEMBER"]},
    }

    cleared = gql.query(
        MEMBERSHIP, input={"personId": "dana", "ofId": "globex", "buyingRole": None}
    )

    assert cleared["addMembership"] == {"title": "CTO", "buyingRole": None, "person": {"roles": []}}


def test_upsert_keeps_fields_left_out_and_removes_fields_given_as_null(gql: GQL) -> None:
    upsert = (
        "mutation($input: PersonInput!) { upsertPerson(input: $input) { city country interests } }"
    )
    gql.query(
        upsert,
        input={"id": "ann", "name": "Ann", "city": "Oslo", "country": "no", "interests": ["chess"]},
    )

    kept = gql.query(upsert, input={"id": "ann", "name": "Ann"})
    removed = gql.query(upsert, input={"id": "ann", "name": "Ann", "city": None})

    assert kept["upsertPerson"] == {"city": "Oslo", "country": "NO", "interests": ["chess"]}
    assert removed["upsertPerson"] == {"city": None, "country": "NO", "interests": ["chess"]}


def test_a_department_given_a_new_parent_moves_there(gql: GQL, db: neo4j.Driver) -> None:
    department = "mutation($input: DepartmentInput!) { upsertDepartment(input: $input) { id } }"
    gql.query('mutation { upsertOrganization(input: {id: "initech", name: "Initech"}) { id } }')
    gql.query(department, input={"id": "it", "name": "IT", "partOfId": "initech"})
    gql.query(department, input={"id": "desk", "name": "Desk", "partOfId": "initech"})

    gql.query(department, input={"id": "desk", "name": "Desk", "partOfId": "it"})

    records, _, _ = db.execute_query(
        "MATCH (:Department {id: 'desk'})-[:PART_OF]->(p) RETURN collect(p.id) AS parents"
    )
    assert records[0]["parents"] == ["it"]
