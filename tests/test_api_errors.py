"""Bad input (SPEC 5): every error carries a code, names the field, leaks nothing, and a
failing mutation writes nothing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import neo4j
import pytest

from stakegraph.config import Neo4jSettings
from tests.gql import GQL, code, field, serve


@pytest.fixture
def world(gql: GQL) -> GQL:
    """An organisation with a department, two people and one purchase, via mutations."""
    gql.query(
        """mutation {
          acme: upsertOrganization(input: {id: "acme", name: "Acme", grossMargin: 0.4}) { id }
          sales: upsertDepartment(input: {id: "sales", name: "Sales", partOfId: "acme"}) { id }
          dana: upsertPerson(input: {id: "dana", name: "Dana", country: "DE"}) { id }
          leo: upsertPerson(input: {id: "leo", name: "Leo"}) { id }
        }"""
    )
    gql.query(
        """mutation {
          addMembership(input: {personId: "dana", ofId: "acme", buyingRole: DECIDER}) { title }
          recordPurchase(input: {id: "buy-1", buyerId: "dana", sellerId: "acme",
                                 offering: "Widget", amount: 5, currency: "EUR"}) { id }
        }"""
    )
    return gql


def snapshot(db: neo4j.Driver) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with its labels/type and properties."""
    nodes, _, _ = db.execute_query(
        "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"
    )
    rels, _, _ = db.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props"
        " ORDER BY a, type, b, r.id"
    )
    return (
        [(r["id"], sorted(r["labels"]), r["props"]) for r in nodes],
        [(r["a"], r["type"], r["b"], r["props"]) for r in rels],
    )


LEAKS = re.compile(
    r"Traceback|File \"|\.py\b|/work/|/src/|site-packages|\bMATCH\b|\bMERGE\b|\bUNWIND\b"
    r"|\bRETURN\b|\bCALL\b|neo4j\.|Neo\.ClientError|pydantic|\$(?:providerId|customerId|rows)\b",
)


def assert_clean(errors: list[dict[str, Any]]) -> None:
    """Every error has a code and a message that shows nothing of the inside."""
    for error in errors:
        assert code(error) in {"BAD_USER_INPUT", "NOT_FOUND", "SERVICE_UNAVAILABLE", "INTERNAL"}
        assert not LEAKS.search(error["message"]), error["message"]
        assert "stacktrace" not in (error.get("extensions") or {}), error
        assert set(error.get("extensions") or {}) <= {"code", "field"}, error


# ----------------------------------------------------------------------------- the cases


@dataclass
class Case:
    name: str
    query: str
    variables: dict[str, Any]
    code: str
    field: str | None = None  # the extensions.field expected, when the code names one
    mentions: str | None = None  # a word the message must contain


def upsert(kind: str, **input: Any) -> tuple[str, dict[str, Any]]:
    query = f"mutation($input: {kind}Input!) {{ upsert{kind}(input: $input) {{ id }} }}"
    return query, {"input": input}


def purchase(**changes: Any) -> tuple[str, dict[str, Any]]:
    base = {
        "buyerId": "leo",
        "sellerId": "acme",
        "offering": "Widget",
        "amount": 5.0,
        "currency": "EUR",
    }
    query = "mutation($input: PurchaseInput!) { recordPurchase(input: $input) { id } }"
    return query, {"input": {**base, **changes}}


def relation(mutation: str, input_type: str, **input: Any) -> tuple[str, dict[str, Any]]:
    query = f"mutation($input: {input_type}!) {{ {mutation}(input: $input) {{ id }} }}"
    return query, {"input": input}


def membership(**input: Any) -> tuple[str, dict[str, Any]]:
    query = "mutation($input: MembershipInput!) { addMembership(input: $input) { title } }"
    return query, {"input": input}


PARENT_OF = "mutation($p: ID!, $c: ID!) { addParentOf(parentId: $p, childId: $c) { id } }"


def case(
    name: str,
    request: tuple[str, dict[str, Any]],
    code: str,
    field: str | None = None,
    mentions: str | None = None,
) -> Case:
    return Case(name, request[0], request[1], code, field, mentions)


BAD = "BAD_USER_INPUT"
MISSING = "NOT_FOUND"

CASES = [
    # ids on upsert
    case("id too long", upsert("Organization", id="x" * 129, name="X"), BAD, "input.id"),
    case("id with a space", upsert("Organization", id="acme corp", name="X"), BAD, "input.id"),
    case("id with a slash", upsert("Person", id="a/b", name="X"), BAD, "input.id"),
    case("id with a quote", upsert("Person", id="o'neil", name="X"), BAD, "input.id"),
    case("id not ascii", upsert("Person", id="zoë", name="Zoë"), BAD, "input.id"),
    case("empty id", upsert("Department", id="", name="X"), BAD, "input.id"),
    # other fields on upsert
    case(
        "unknown country",
        upsert("Organization", id="o", name="O", country="XX"),
        BAD,
        "input.country",
    ),
    case(
        "country by name",
        upsert("Person", id="p", name="P", country="Germany"),
        BAD,
        "input.country",
    ),
    case(
        "gross margin above 1",
        upsert("Organization", id="o", name="O", grossMargin=1.5),
        BAD,
        "input.grossMargin",
    ),
    case(
        "negative gross margin",
        upsert("Organization", id="o", name="O", grossMargin=-0.1),
        BAD,
        "input.grossMargin",
    ),
    case(
        "negative employees",
        upsert("Organization", id="o", name="O", employees=-1),
        BAD,
        "input.employees",
    ),
    case("blank name", upsert("Person", id="p", name="   "), BAD, "input.name"),
    case("birth year", upsert("Person", id="p", name="P", birthYear=1700), BAD, "input.birthYear"),
    case(
        "bad enum orgType",
        upsert("Organization", id="o", name="O", orgType="CHARITY"),
        BAD,
        mentions="orgType",
    ),
    case("missing name", upsert("Person", id="p"), BAD, mentions="name"),
    case("existing org upserted as a person", upsert("Person", id="acme", name="Acme"), BAD, "id"),
    case(
        "existing person upserted as a department",
        upsert("Department", id="dana", name="D"),
        BAD,
        "id",
    ),
    case(
        "update of an existing org with a bad margin",
        upsert("Organization", id="acme", name="Renamed", grossMargin=2),
        BAD,
        "input.grossMargin",
    ),
    case(
        "department part of nothing",
        upsert("Department", id="d", name="D", partOfId="nope"),
        MISSING,
        "partOfId",
    ),
    case(
        "department part of a person",
        upsert("Department", id="d", name="D", partOfId="leo"),
        BAD,
        "partOfId",
    ),
    case(
        "department part of a malformed id",
        upsert("Department", id="d", name="D", partOfId="no such/id"),
        BAD,
        "input.partOfId",
    ),
    # purchases
    case("currency word", purchase(currency="EURO"), BAD, "input.currency"),
    case("unknown currency", purchase(currency="XYZ"), BAD, "input.currency"),
    case("negative amount", purchase(amount=-5), BAD, "input.amount"),
    case("bad enum kind", purchase(kind="WEEKLY"), BAD, mentions="WEEKLY"),
    case("bad enum consideration", purchase(consideration="CASH"), BAD, mentions="CASH"),
    case("datetime in words", purchase(at="yesterday"), BAD, mentions="at"),
    case("impossible datetime", purchase(at="2024-13-45T00:00:00Z"), BAD, mentions="at"),
    case("empty offering", purchase(offering=""), BAD, "input.offering"),
    case("malformed buyer id", purchase(buyerId="leo leo"), BAD, "input.buyerId"),
    case("malformed purchase id", purchase(id="buy #2"), BAD, "input.id"),
    case("unknown buyer", purchase(buyerId="ghost"), MISSING, "buyerId"),
    case("unknown seller", purchase(sellerId="ghost"), MISSING, "sellerId"),
    # the other interactions
    case(
        "use: unknown user",
        relation("recordUse", "UseInput", userId="ghost", providerId="acme"),
        MISSING,
        "userId",
    ),
    case(
        "use: unknown provider",
        relation("recordUse", "UseInput", userId="leo", providerId="ghost"),
        MISSING,
        "providerId",
    ),
    case(
        "service: unknown provider",
        relation("recordService", "ServiceInput", providerId="ghost", recipientId="leo"),
        MISSING,
        "providerId",
    ),
    case(
        "service: unknown recipient",
        relation("recordService", "ServiceInput", providerId="acme", recipientId="ghost"),
        MISSING,
        "recipientId",
    ),
    case(
        "contribution: unknown contributor",
        relation(
            "recordContribution", "ContributionInput", contributorId="ghost", platformId="acme"
        ),
        MISSING,
        "contributorId",
    ),
    case(
        "contribution: unknown platform",
        relation(
            "recordContribution", "ContributionInput", contributorId="leo", platformId="ghost"
        ),
        MISSING,
        "platformId",
    ),
    case(
        "engagement: unknown prospect",
        relation(
            "recordEngagement",
            "EngagementInput",
            prospectId="ghost",
            providerId="acme",
            stage="AWARENESS",
        ),
        MISSING,
        "prospectId",
    ),
    case(
        "engagement: unknown provider",
        relation(
            "recordEngagement",
            "EngagementInput",
            prospectId="leo",
            providerId="ghost",
            stage="AWARENESS",
        ),
        MISSING,
        "providerId",
    ),
    case(
        "engagement: bad enum stage",
        relation(
            "recordEngagement",
            "EngagementInput",
            prospectId="leo",
            providerId="acme",
            stage="DREAMING",
        ),
        BAD,
        mentions="DREAMING",
    ),
    case(
        "engagement: bad datetime",
        relation(
            "recordEngagement",
            "EngagementInput",
            prospectId="leo",
            providerId="acme",
            stage="INTENT",
            at="2024-02-30",
        ),
        BAD,
        mentions="at",
    ),
    # structure
    case(
        "membership: unknown person", membership(personId="ghost", ofId="acme"), MISSING, "personId"
    ),
    case(
        "membership: unknown organisation",
        membership(personId="leo", ofId="ghost"),
        MISSING,
        "ofId",
    ),
    case("membership: of a person", membership(personId="leo", ofId="dana"), BAD, "ofId"),
    case(
        "membership: an organisation as member",
        membership(personId="acme", ofId="sales"),
        BAD,
        "personId",
    ),
    case(
        "membership: bad enum role",
        membership(personId="leo", ofId="acme", buyingRole="BOSS"),
        BAD,
        mentions="BOSS",
    ),
    case(
        "membership: malformed scope",
        membership(personId="leo", ofId="acme", scope=["ok", "not ok"]),
        BAD,
        mentions="scope",
    ),
    case("parent: unknown parent", (PARENT_OF, {"p": "ghost", "c": "leo"}), MISSING, "parentId"),
    case("parent: unknown child", (PARENT_OF, {"p": "dana", "c": "ghost"}), MISSING, "childId"),
    case("parent: an organisation", (PARENT_OF, {"p": "acme", "c": "leo"}), BAD, "parentId"),
    case("parent: malformed child id", (PARENT_OF, {"p": "dana", "c": "le o"}), BAD, "childId"),
    # reads
    case(
        "customersOf an unknown provider",
        ('query { customersOf(providerId: "ghost") { totalCount } }', {}),
        MISSING,
        "providerId",
    ),
    case(
        "providersOf an unknown customer",
        ('query { providersOf(customerId: "ghost") { totalCount } }', {}),
        MISSING,
        "customerId",
    ),
    case(
        "explain an unknown customer",
        ('query { explain(customerId: "ghost", providerId: "acme") { isCustomer } }', {}),
        MISSING,
        "customerId",
    ),
    case(
        "explain an unknown provider",
        ('query { explain(customerId: "leo", providerId: "ghost") { isCustomer } }', {}),
        MISSING,
        "providerId",
    ),
    case(
        "buyingCenter of an unknown organisation",
        ('query { buyingCenter(organizationId: "ghost") { singleThreaded } }', {}),
        MISSING,
        "organizationId",
    ),
    case(
        "buyingCenter for an unknown provider",
        (
            'query { buyingCenter(organizationId: "acme", providerId: "ghost") '
            "{ singleThreaded } }",
            {},
        ),
        MISSING,
        "providerId",
    ),
    case(
        "customerMap of an unknown provider",
        ('query { customerMap(providerId: "ghost") { provider { id } } }', {}),
        MISSING,
        "providerId",
    ),
    case(
        "mutualCustomers of an unknown stakeholder",
        ('query { mutualCustomers(stakeholderId: "ghost") { id } }', {}),
        MISSING,
        "stakeholderId",
    ),
    case(
        "literal bad enum in the document",
        (
            'mutation { recordPurchase(input: {buyerId: "leo", sellerId: "acme", offering: "W",'
            ' currency: "EUR", kind: WEEKLY}) { id } }',
            {},
        ),
        BAD,
        mentions="WEEKLY",
    ),
    case(
        "unknown field",
        ('query { customersOf(providerId: "acme") { revenue } }', {}),
        BAD,
        mentions="revenue",
    ),
    case("syntax error", ("query { customersOf(", {}), BAD),
]


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_input_gets_its_code_and_field_and_writes_nothing(
    world: GQL, db: neo4j.Driver, bad: Case
) -> None:
    before = snapshot(db)

    errors = world.errors(bad.query, **bad.variables)

    assert snapshot(db) == before
    assert_clean(errors)
    (error,) = errors
    assert code(error) == bad.code, error
    if bad.field is not None:
        assert field(error) is not None, error
        assert field(error) == bad.field or field(error) == f"input.{bad.field}", error
    if bad.mentions is not None:
        assert bad.mentions in error["message"], error


def test_not_found_names_the_missing_id(world: GQL) -> None:
    (error,) = world.errors(
        'mutation { recordUse(input: {userId: "leo", providerId: "nobody-here"}) { id } }'
    )

    assert code(error) == "NOT_FOUND"
    assert "nobody-here" in error["message"]


def test_a_kind_change_leaves_the_stakeholder_as_it_was(world: GQL) -> None:
    world.errors(
        'mutation { upsertPerson(input: {id: "acme", name: "Someone", birthYear: 1990}) { id } }'
    )

    node = world.query(
        '{ stakeholder(id: "acme") { kind name ... on Organization { grossMargin } } }'
    )["stakeholder"]
    assert node == {"kind": "ORGANIZATION", "name": "Acme", "grossMargin": 0.4}


def test_a_department_whose_parent_is_missing_is_not_created(world: GQL) -> None:
    world.errors(
        'mutation { upsertDepartment(input: {id: "ops", name: "Ops", partOfId: "nope"}) { id } }'
    )

    assert world.query('{ stakeholder(id: "ops") { id } }') == {"stakeholder": None}


def test_each_root_mutation_is_its_own_transaction(world: GQL, db: neo4j.Driver) -> None:
    """The good mutation before the bad one stays written; the bad one writes nothing.
    (Its non-null result makes the whole `data` null, as GraphQL prescribes.)"""
    body = world.post(
        """mutation {
          good: upsertPerson(input: {id: "nina", name: "Nina"}) { id }
          bad: upsertPerson(input: {id: "bad id", name: "Bad"}) { id }
        }"""
    )

    assert body["data"] is None
    (error,) = body["errors"]
    assert error["path"] == ["bad"]
    assert code(error) == "BAD_USER_INPUT" and field(error) == "input.id"
    ids = {r["id"] for r in db.execute_query("MATCH (n) RETURN n.id AS id").records}
    assert "nina" in ids and "bad id" not in ids


def test_a_purchase_id_taken_by_another_purchase_is_bad_user_input(
    world: GQL, db: neo4j.Driver
) -> None:
    before = snapshot(db)

    (error,) = world.errors(
        'mutation { recordPurchase(input: {id: "buy-1", buyerId: "leo", sellerId: "acme",'
        ' offering: "Other", currency: "EUR"}) { id } }'
    )

    assert code(error) == "BAD_USER_INPUT"
    assert field(error) in {"id", "input.id"}
    assert snapshot(db) == before
    assert_clean([error])


def test_a_relation_id_taken_by_another_type_is_bad_user_input(
    world: GQL, db: neo4j.Driver
) -> None:
    before = snapshot(db)

    errors = world.errors(
        'mutation { recordUse(input: {id: "buy-1", userId: "leo", providerId: "acme"}) { id } }'
    )

    assert [code(e) for e in errors] == ["BAD_USER_INPUT"]
    assert snapshot(db) == before


def test_a_bad_variable_names_the_input_field(world: GQL) -> None:
    query = "mutation($input: PurchaseInput!) { recordPurchase(input: $input) { id } }"
    base = {"buyerId": "leo", "sellerId": "acme", "offering": "W", "currency": "EUR"}

    wrong_enum = world.error(query, input={**base, "kind": "WEEKLY"})
    wrong_time = world.error(query, input={**base, "at": "yesterday"})
    wrong_number = world.error(query, input={**base, "amount": "lots"})
    missing = world.error(query, input={"buyerId": "leo", "sellerId": "acme", "currency": "EUR"})

    assert [field(e) for e in (wrong_enum, wrong_time, wrong_number, missing)] == [
        "input.kind",
        "input.at",
        "input.amount",
        "input.offering",
    ]
    assert {code(e) for e in (wrong_enum, wrong_time, wrong_number, missing)} == {"BAD_USER_INPUT"}


@pytest.fixture
def unreachable() -> Iterator[GQL]:
    with serve(Neo4jSettings(uri="bolt://127.0.0.1:1")) as client:
        yield client


def test_with_neo4j_down_a_query_is_service_unavailable(unreachable: GQL) -> None:
    started = time.monotonic()
    errors = unreachable.errors('{ customersOf(providerId: "acme") { totalCount } }')

    assert [code(e) for e in errors] == ["SERVICE_UNAVAILABLE"]
    assert_clean(errors)
    assert time.monotonic() - started < 30


def test_with_neo4j_down_a_mutation_is_service_unavailable(unreachable: GQL) -> None:
    errors = unreachable.errors('mutation { upsertPerson(input: {name: "Nobody"}) { id } }')

    assert [code(e) for e in errors] == ["SERVICE_UNAVAILABLE"]
    assert_clean(errors)


def test_with_neo4j_down_ready_is_503_and_health_is_200(unreachable: GQL) -> None:
    ready = unreachable.client.get("/ready")
    health = unreachable.client.get("/health")

    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert not LEAKS.search(ready.text), ready.text
    assert health.status_code == 200
