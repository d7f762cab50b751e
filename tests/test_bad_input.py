"""An audit of SPEC 5 over the whole GraphQL API: every argument and input field that takes
a user's value, given a bad one. Each case asserts the code (one SPEC 5 lists), the field
named as the client sent it (`extensions.field`, and in the message), that nothing was
written, and that nothing of the inside leaks. Cases that are not errors (a value the
server takes on purpose) say what the server does instead.

tests/test_api_errors.py holds the older cases (ids, countries, unknown ends, ...); this
file adds the rest of the API (every query argument) and the cases it left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import neo4j
import pytest

from tests.gql import GQL, code, field
from tests.test_api_errors import assert_clean, snapshot

BAD = "BAD_USER_INPUT"
MISSING = "NOT_FOUND"


@pytest.fixture
def world(gql: GQL) -> GQL:
    """An organisation with a department (and one inside it), two people, a purchase and
    an engagement."""
    gql.query(
        """mutation {
          acme: upsertOrganization(input: {id: "acme", name: "Acme"}) { id }
          sales: upsertDepartment(input: {id: "sales", name: "Sales", partOfId: "acme"}) { id }
          emea: upsertDepartment(input: {id: "emea", name: "EMEA", partOfId: "sales"}) { id }
          dana: upsertPerson(input: {id: "dana", name: "Dana"}) { id }
          leo: upsertPerson(input: {id: "leo", name: "Leo"}) { id }
        }"""
    )
    gql.query(
        """mutation {
          addMembership(input: {personId: "dana", ofId: "acme", buyingRole: DECIDER}) { title }
          recordPurchase(input: {id: "buy-1", buyerId: "dana", sellerId: "acme",
                                 offering: "Widget", amount: 5, currency: "EUR"}) { id }
          recordEngagement(input: {id: "eng-1", prospectId: "leo", providerId: "acme",
                                   stage: AWARENESS}) { id }
        }"""
    )
    return gql


@dataclass
class Case:
    name: str
    query: str
    variables: dict[str, Any]
    code: str
    field: str | None


def m(
    label: str, operation: str, input_type: str, code: str, field: str | None, **input: Any
) -> Case:
    """A mutation taking `input`."""
    query = f"mutation($input: {input_type}!) {{ {operation}(input: $input) {{ __typename }} }}"
    return Case(label, query, {"input": input}, code, field)


def q(label: str, query: str, code: str, field: str | None, **variables: Any) -> Case:
    return Case(label, query, variables, code, field)


BUY = {"buyerId": "leo", "sellerId": "acme", "offering": "W", "amount": 1.0, "currency": "EUR"}
LONG = "x" * 10_000
NAN = float("nan")
INF = float("inf")


def buy(name: str, code: str, field: str | None, **changes: Any) -> Case:
    return m(name, "recordPurchase", "PurchaseInput", code, field, **{**BUY, **changes})


def org(label: str, code: str, field: str | None, **changes: Any) -> Case:
    input = {"id": "o", "name": "O", **changes}
    return m(label, "upsertOrganization", "OrganizationInput", code, field, **input)


def person(label: str, code: str, field: str | None, **changes: Any) -> Case:
    return m(
        label, "upsertPerson", "PersonInput", code, field, **{"id": "p", "name": "P", **changes}
    )


def feedback(name: str, code: str, field: str | None, **changes: Any) -> Case:
    base = {"customerId": "leo", "providerId": "acme", "comment": "ok"}
    return m(name, "recordFeedback", "FeedbackInput", code, field, **{**base, **changes})


def referral(name: str, code: str, field: str | None, **changes: Any) -> Case:
    base = {"referrerId": "dana", "referredId": "leo", "providerId": "acme"}
    return m(name, "recordReferral", "ReferralInput", code, field, **{**base, **changes})


CUSTOMERS = (
    "query($p: ID!, $first: Int, $after: String, $since: DateTime, $until: DateTime,"
    " $lenses: [Lens!], $offering: String) { customersOf(providerId: $p, first: $first,"
    " after: $after, since: $since, until: $until, lenses: $lenses, offering: $offering)"
    " { totalCount } }"
)
PROVIDERS = (
    "query($c: ID!, $first: Int, $after: String, $since: DateTime, $until: DateTime)"
    " { providersOf(customerId: $c, first: $first, after: $after, since: $since,"
    " until: $until) { totalCount } }"
)
STAKEHOLDERS = (
    "query($first: Int, $after: String, $search: String, $kind: StakeholderKind)"
    " { stakeholders(first: $first, after: $after, search: $search, kind: $kind)"
    " { totalCount } }"
)
RELATIONS = (
    "query($id: ID!, $first: Int, $after: String, $since: DateTime, $until: DateTime)"
    " { stakeholder(id: $id) { relations(first: $first, after: $after, since: $since,"
    " until: $until) { totalCount } } }"
)
LTV = (
    "query($c: ID!, $p: ID!, $retentionRate: Float, $discountRate: Float) { lifetimeValue("
    "customerId: $c, providerId: $p, retentionRate: $retentionRate, discountRate:"
    " $discountRate) { currency } }"
)
NEIGHBOURHOOD = (
    "query($id: ID!, $depth: Int!, $limit: Int!) { neighbourhood(id: $id, depth: $depth,"
    " limit: $limit) { truncated } }"
)
SEARCH = "query($t: String!, $first: Int) { search(text: $t, first: $first) { score } }"
LIBRARY = (
    "query($n: String!, $params: JSON) { runLibraryQuery(name: $n, params: $params) { columns } }"
)
CHANGES = (
    "query($p: ID!, $from: DateTime!, $to: DateTime!) { customerChanges(providerId: $p,"
    " from: $from, to: $to) { __typename } }"
)
MEMBERS = (
    "query($p: ID!, $by: SegmentDimension!, $key: String!, $first: Int, $after: String)"
    " { segmentMembers(providerId: $p, by: $by, key: $key, first: $first, after: $after)"
    " { totalCount } }"
)
SATISFACTION = (
    "query($p: ID!, $since: DateTime, $until: DateTime) { satisfaction(providerId: $p,"
    " since: $since, until: $until) { key } }"
)
CROSS = (
    "query($p: ID!, $by: [SegmentDimension!]!) { crossSegments(providerId: $p, by: $by) { count } }"
)
EARLY, LATE = "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z"
NOT_A_CURSOR = "!!not-a-cursor"
FOREIGN_CURSOR = "WyJhIiwgMSwgMl0="  # base64 of '["a", 1, 2]': decodes, but is none of ours

CASES = [
    # ---------------------------------------------------------------- stakeholders
    org("name only whitespace", BAD, "input.name", name=" \t "),
    org("name too long", BAD, "input.name", name=LONG),
    org("industry too long", BAD, "input.industry", industry=LONG),
    org("annual revenue negative", BAD, "input.annualRevenue", annualRevenue=-1.0),
    org("annual revenue NaN", BAD, "input.annualRevenue", annualRevenue=NAN),
    org("annual revenue Infinity", BAD, "input.annualRevenue", annualRevenue=INF),
    org("gross margin NaN", BAD, "input.grossMargin", grossMargin=NAN),
    org("lifespan zero", BAD, "input.expectedLifespanYears", expectedLifespanYears=0),
    org("lifespan negative", BAD, "input.expectedLifespanYears", expectedLifespanYears=-3),
    org("employees not an int", BAD, "input.employees", employees=2.5),
    org("orgType lower case", BAD, "input.orgType", orgType="business"),
    org("country lower-case three letters", BAD, "input.country", country="deu"),
    org("unknown input field", BAD, "input.revenue", revenue=1),
    org("region too long", BAD, "input.region", region=LONG),
    person("id only whitespace", BAD, "input.id", id="   "),
    person("birth year past 2100", BAD, "input.birthYear", birthYear=2101),
    person("birth year a string", BAD, "input.birthYear", birthYear="1990"),
    m(
        "department part of itself",
        "upsertDepartment",
        "DepartmentInput",
        BAD,
        "input.partOfId",
        id="ops",
        name="Ops",
        partOfId="ops",
    ),
    m(
        "department under a new id part of a person: second half fails",
        "upsertDepartment",
        "DepartmentInput",
        BAD,
        "input.partOfId",
        id="ops",
        name="Ops",
        partOfId="dana",
    ),
    # ---------------------------------------------------------------- purchases
    buy("amount NaN", BAD, "input.amount", amount=NAN),
    buy("amount Infinity", BAD, "input.amount", amount=INF),
    buy("amount minus Infinity", BAD, "input.amount", amount=-INF),
    buy("amount a string", BAD, "input.amount", amount="5"),
    buy("offering only whitespace", BAD, "input.offering", offering="   "),
    buy("offering too long", BAD, "input.offering", offering=LONG),
    buy("buyer is the seller", BAD, "input.sellerId", sellerId="leo"),
    buy("empty buyer id", BAD, "input.buyerId", buyerId=""),
    buy("buyer id null", BAD, "input.buyerId", buyerId=None),
    buy("currency missing", BAD, "input.currency", currency=None),
    buy("at as a date only", BAD, "input.at", at="2024-02-30"),
    buy("at as a number", BAD, "input.at", at=1700000000),
    buy("kind lower case", BAD, "input.kind", kind="subscription"),
    buy("consideration null", BAD, "input.consideration", consideration=None),
    buy("purchase id taken by another purchase", BAD, "input.id", id="buy-1", offering="X"),
    buy("purchase id taken by an engagement", BAD, "input.id", id="eng-1"),
    # ---------------------------------------------------------------- other interactions
    m(
        "use: user is the provider",
        "recordUse",
        "UseInput",
        BAD,
        "input.providerId",
        userId="acme",
        providerId="acme",
    ),
    m(
        "use: since in words",
        "recordUse",
        "UseInput",
        BAD,
        "input.since",
        userId="leo",
        providerId="acme",
        since="last year",
    ),
    m(
        "service: ongoing a string",
        "recordService",
        "ServiceInput",
        BAD,
        "input.ongoing",
        providerId="acme",
        recipientId="leo",
        ongoing="yes",
    ),
    m(
        "contribution: what too long",
        "recordContribution",
        "ContributionInput",
        BAD,
        "input.what",
        contributorId="leo",
        platformId="acme",
        what="x" * 10_001,
    ),
    m(
        "engagement: stage missing",
        "recordEngagement",
        "EngagementInput",
        BAD,
        "input.stage",
        prospectId="leo",
        providerId="acme",
    ),
    m(
        "engagement: id malformed",
        "recordEngagement",
        "EngagementInput",
        BAD,
        "input.id",
        id="e 1",
        prospectId="leo",
        providerId="acme",
        stage="INTENT",
    ),
    feedback("feedback: nps 11", BAD, "input.nps", nps=11),
    feedback("feedback: nps negative", BAD, "input.nps", nps=-1),
    feedback("feedback: csat 0", BAD, "input.csat", csat=0),
    feedback("feedback: csat 6", BAD, "input.csat", csat=6),
    feedback("feedback: nps a float", BAD, "input.nps", nps=7.5),
    feedback("feedback: says nothing", BAD, "input.comment", comment=None),
    feedback("feedback: comment only whitespace", BAD, "input.comment", comment="   "),
    feedback("feedback: comment too long", BAD, "input.comment", comment="x" * 10_001),
    feedback("feedback: to itself", BAD, "input.providerId", providerId="leo"),
    feedback("feedback: unknown customer", MISSING, "input.customerId", customerId="ghost"),
    feedback("feedback: unknown provider", MISSING, "input.providerId", providerId="ghost"),
    referral("referral: referred is the provider", BAD, "input.providerId", referredId="acme"),
    referral("referral: refers itself", BAD, "input.referredId", referredId="dana"),
    referral("referral: unknown provider", MISSING, "input.providerId", providerId="ghost"),
    referral("referral: unknown referrer", MISSING, "input.referrerId", referrerId="ghost"),
    referral("referral: unknown referred", MISSING, "input.referredId", referredId="ghost"),
    referral("referral: provider id malformed", BAD, "input.providerId", providerId="a b"),
    # ---------------------------------------------------------------- structure
    m(
        "membership: scope names an unknown provider",
        "addMembership",
        "MembershipInput",
        MISSING,
        "input.scope[1]",
        personId="leo",
        ofId="acme",
        scope=["acme", "ghost"],
    ),
    m(
        "membership: scope id malformed",
        "addMembership",
        "MembershipInput",
        BAD,
        "input.scope[0]",
        personId="leo",
        ofId="acme",
        scope=["not ok"],
    ),
    m(
        "department under its own sub-department: a PART_OF cycle",
        "upsertDepartment",
        "DepartmentInput",
        BAD,
        "input.partOfId",
        id="sales",
        name="Sales",
        partOfId="emea",
    ),
    m(
        "membership: person in itself",
        "addMembership",
        "MembershipInput",
        BAD,
        "input.ofId",
        personId="leo",
        ofId="leo",
    ),
    m(
        "membership: buying role lower case",
        "addMembership",
        "MembershipInput",
        BAD,
        "input.buyingRole",
        personId="leo",
        ofId="acme",
        buyingRole="decider",
    ),
    m(
        "membership: of a department's person end is a department",
        "addMembership",
        "MembershipInput",
        BAD,
        "input.personId",
        personId="sales",
        ofId="acme",
    ),
    q(
        "parent of oneself",
        "mutation($p: ID!) { addParentOf(parentId: $p, childId: $p) { id } }",
        BAD,
        "childId",
        p="leo",
    ),
    q(
        "parent of an organisation",
        'mutation { addParentOf(parentId: "leo", childId: "acme") { id } }',
        BAD,
        "childId",
    ),
    q(
        "remove membership of an unknown person",
        'mutation { removeMembership(personId: "ghost", ofId: "acme") }',
        MISSING,
        "personId",
    ),
    q(
        "remove membership of an unknown organisation",
        'mutation { removeMembership(personId: "dana", ofId: "ghost") }',
        MISSING,
        "ofId",
    ),
    q(
        "remove parent of an unknown child",
        'mutation { removeParentOf(parentId: "dana", childId: "ghost") }',
        MISSING,
        "childId",
    ),
    q(
        "remove relation id null",
        "mutation($id: ID!) { removeRelation(id: $id) }",
        BAD,
        "id",
        id=None,
    ),
    # ---------------------------------------------------------------- literals
    q(
        "literal Int too big for GraphQL",
        'mutation { upsertOrganization(input: {name: "O", employees: 3000000000}) { id } }',
        BAD,
        "input.employees",
    ),
    q(
        "literal unknown enum value",
        'mutation { recordPurchase(input: {buyerId: "leo", sellerId: "acme", offering: "W",'
        ' currency: "EUR", kind: WEEKLY}) { id } }',
        BAD,
        "input.kind",
    ),
    q(
        "literal bad list item",
        'mutation { addMembership(input: {personId: "leo", ofId: "acme", scope: ["a", true]})'
        " { title } }",
        BAD,
        "input.scope[1]",
    ),
    q(
        "literal string for an Int argument",
        '{ customersOf(providerId: "acme", first: "ten") { totalCount } }',
        BAD,
        "first",
    ),
    q(
        "literal null for a required input field",
        'mutation { recordPurchase(input: {buyerId: null, sellerId: "acme", offering: "W",'
        ' currency: "EUR"}) { id } }',
        BAD,
        "input.buyerId",
    ),
    # ---------------------------------------------------------------- connections
    q("customersOf first negative", CUSTOMERS, BAD, "first", p="acme", first=-1),
    q("customersOf after not a cursor", CUSTOMERS, BAD, "after", p="acme", after=NOT_A_CURSOR),
    q("customersOf after foreign", CUSTOMERS, BAD, "after", p="acme", after=FOREIGN_CURSOR),
    q("customersOf since after until", CUSTOMERS, BAD, "since", p="acme", since=LATE, until=EARLY),
    q(
        "customersOf since equals until",
        CUSTOMERS,
        BAD,
        "since",
        p="acme",
        since=EARLY,
        until=EARLY,
    ),
    q("customersOf since in words", CUSTOMERS, BAD, "since", p="acme", since="yesterday"),
    q("customersOf unknown lens", CUSTOMERS, BAD, "lenses", p="acme", lenses=["LOYAL"]),
    q("customersOf empty provider id", CUSTOMERS, MISSING, "providerId", p=""),
    q("customersOf offering blank", CUSTOMERS, BAD, "offering", p="acme", offering="  "),
    q("customersOf offering empty", CUSTOMERS, BAD, "offering", p="acme", offering=""),
    q("customersOf first too big for an Int", CUSTOMERS, BAD, "first", p="acme", first=2**31),
    q("providersOf first negative", PROVIDERS, BAD, "first", c="dana", first=-5),
    q("providersOf until before since", PROVIDERS, BAD, "since", c="dana", since=LATE, until=EARLY),
    q("providersOf after not a cursor", PROVIDERS, BAD, "after", c="dana", after=NOT_A_CURSOR),
    q("stakeholders first negative", STAKEHOLDERS, BAD, "first", first=-1),
    q("stakeholders after not a cursor", STAKEHOLDERS, BAD, "after", after=NOT_A_CURSOR),
    q("stakeholders after foreign", STAKEHOLDERS, BAD, "after", after=FOREIGN_CURSOR),
    q("stakeholders kind unknown", STAKEHOLDERS, BAD, "kind", kind="ROBOT"),
    q("relations first negative", RELATIONS, BAD, "first", id="acme", first=-1),
    q("relations first over 500", RELATIONS, BAD, "first", id="acme", first=501),
    q("relations since after until", RELATIONS, BAD, "since", id="acme", since=LATE, until=EARLY),
    q("relations after not a cursor", RELATIONS, BAD, "after", id="acme", after=NOT_A_CURSOR),
    q(
        "segmentMembers first negative",
        MEMBERS,
        BAD,
        "first",
        p="acme",
        by="COUNTRY",
        key="DE",
        first=-1,
    ),
    q(
        "segmentMembers after not a cursor",
        MEMBERS,
        BAD,
        "after",
        p="acme",
        by="COUNTRY",
        key="DE",
        after=NOT_A_CURSOR,
    ),
    q(
        "segmentMembers unknown provider",
        MEMBERS,
        MISSING,
        "providerId",
        p="ghost",
        by="COUNTRY",
        key="DE",
    ),
    # ---------------------------------------------------------------- analytics
    q(
        "lifetimeValue retention above 1",
        LTV,
        BAD,
        "retentionRate",
        c="dana",
        p="acme",
        retentionRate=1.5,
        discountRate=0.1,
    ),
    q(
        "lifetimeValue retention negative",
        LTV,
        BAD,
        "retentionRate",
        c="dana",
        p="acme",
        retentionRate=-0.1,
        discountRate=0.1,
    ),
    q(
        "lifetimeValue retention NaN",
        LTV,
        BAD,
        "retentionRate",
        c="dana",
        p="acme",
        retentionRate=NAN,
        discountRate=0.1,
    ),
    q(
        "lifetimeValue discount Infinity",
        LTV,
        BAD,
        "discountRate",
        c="dana",
        p="acme",
        retentionRate=0.5,
        discountRate=INF,
    ),
    q(
        "lifetimeValue discount negative",
        LTV,
        BAD,
        "discountRate",
        c="dana",
        p="acme",
        retentionRate=0.5,
        discountRate=-1,
    ),
    q(
        "lifetimeValue discount alone",
        LTV,
        BAD,
        "retentionRate",
        c="dana",
        p="acme",
        discountRate=0.1,
    ),
    q("lifetimeValue unknown customer", LTV, MISSING, "customerId", c="ghost", p="acme"),
    q("lifetimeValue unknown provider", LTV, MISSING, "providerId", c="dana", p="ghost"),
    q(
        "rfm asOf in words",
        'query($asOf: DateTime) { rfm(providerId: "acme", asOf: $asOf) { segment } }',
        BAD,
        "asOf",
        asOf="now",
    ),
    q("rfm unknown provider", '{ rfm(providerId: "ghost") { segment } }', MISSING, "providerId"),
    q(
        "journeyStage unknown customer",
        '{ journeyStage(customerId: "ghost", providerId: "acme") }',
        MISSING,
        "customerId",
    ),
    q(
        "segments unknown dimension",
        'query($by: SegmentDimension!) { segments(providerId: "acme", by: $by) { key } }',
        BAD,
        "by",
        by="SHOE_SIZE",
    ),
    q(
        "segments unknown provider",
        '{ segments(providerId: "ghost", by: COUNTRY) { key } }',
        MISSING,
        "providerId",
    ),
    q("leads first negative", '{ leads(providerId: "acme", first: -1) { score } }', BAD, "first"),
    q("leads unknown provider", '{ leads(providerId: "ghost") { score } }', MISSING, "providerId"),
    q(
        "powerInterest unknown organisation",
        '{ powerInterest(organizationId: "ghost") { quadrant } }',
        MISSING,
        "organizationId",
    ),
    q(
        "powerInterest unknown provider",
        '{ powerInterest(organizationId: "acme", providerId: "ghost") { quadrant } }',
        MISSING,
        "providerId",
    ),
    q(
        "customerChanges from after to",
        CHANGES,
        BAD,
        "from",
        p="acme",
        **{"from": LATE, "to": EARLY},
    ),
    q(
        "customerChanges from equals to",
        CHANGES,
        BAD,
        "from",
        p="acme",
        **{"from": LATE, "to": LATE},
    ),
    q("customerChanges to missing", CHANGES, BAD, "to", p="acme", **{"from": LATE}),
    q(
        "customerChanges unknown provider",
        CHANGES,
        MISSING,
        "providerId",
        p="ghost",
        **{"from": EARLY, "to": LATE},
    ),
    q(
        "providerSummary unknown provider",
        '{ providerSummary(providerId: "ghost") { __typename } }',
        MISSING,
        "providerId",
    ),
    # ---------------------------------------------------------------- voice
    q(
        "satisfaction since after until",
        SATISFACTION,
        BAD,
        "since",
        p="acme",
        since=LATE,
        until=EARLY,
    ),
    q("satisfaction unknown provider", SATISFACTION, MISSING, "providerId", p="ghost"),
    q(
        "referrals first negative",
        '{ referrals(providerId: "acme", first: -1) { conversionRate } }',
        BAD,
        "first",
    ),
    q(
        "referrals unknown provider",
        '{ referrals(providerId: "ghost") { conversionRate } }',
        MISSING,
        "providerId",
    ),
    q(
        "persona unknown provider",
        '{ persona(providerId: "ghost") { customers } }',
        MISSING,
        "providerId",
    ),
    q("crossSegments one dimension", CROSS, BAD, "by", p="acme", by=["COUNTRY"]),
    q(
        "crossSegments four dimensions",
        CROSS,
        BAD,
        "by",
        p="acme",
        by=["COUNTRY", "CITY", "REGION", "NEED"],
    ),
    q("crossSegments the same twice", CROSS, BAD, "by", p="acme", by=["COUNTRY", "COUNTRY"]),
    q(
        "journey unknown provider",
        '{ journey(customerId: "leo", providerId: "ghost") { channel } }',
        MISSING,
        "providerId",
    ),
    # ---------------------------------------------------------------- explore
    q("neighbourhood depth 0", NEIGHBOURHOOD, BAD, "depth", id="acme", depth=0, limit=10),
    q("neighbourhood depth 99", NEIGHBOURHOOD, BAD, "depth", id="acme", depth=99, limit=10),
    q("neighbourhood limit 0", NEIGHBOURHOOD, BAD, "limit", id="acme", depth=1, limit=0),
    q("neighbourhood limit huge", NEIGHBOURHOOD, BAD, "limit", id="acme", depth=1, limit=10**6),
    q("neighbourhood unknown id", NEIGHBOURHOOD, MISSING, "id", id="ghost", depth=1, limit=10),
    q("search empty text", SEARCH, BAD, "text", t=""),
    q("search whitespace text", SEARCH, BAD, "text", t="   "),
    q("search first negative", SEARCH, BAD, "first", t="acme", first=-1),
    q("search too many words", SEARCH, BAD, "text", t=" ".join(f"w{i}" for i in range(21))),
    # ---------------------------------------------------------------- library
    q("library name a path", LIBRARY, BAD, "name", n="../secrets"),
    q("library unknown name", LIBRARY, MISSING, "name", n="no_such_query"),
    q("library params a list", LIBRARY, BAD, "params", n="single_threaded_accounts", params=[1]),
    q(
        "library unknown param",
        LIBRARY,
        BAD,
        "params.bogus",
        n="single_threaded_accounts",
        params={"bogus": 1},
    ),
]


def message_names(error: dict[str, Any], name: str) -> bool:
    """The message names the field: its last part (`input.amount` -> amount)."""
    last = name.rsplit(".", 1)[-1]
    return last in error["message"]


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_value(world: GQL, db: neo4j.Driver, bad: Case) -> None:
    before = snapshot(db)

    body = world.client.post(
        "/graphql",
        content=json.dumps({"query": bad.query, "variables": bad.variables}),
        headers={"content-type": "application/json"},
    )
    errors = body.json().get("errors") or []

    assert snapshot(db) == before
    assert errors, body.text
    assert_clean(errors)
    (error,) = errors
    assert (code(error), field(error)) == (bad.code, bad.field), error
    if bad.field is not None:
        assert message_names(error, bad.field), error


# Values that look wrong but are taken on purpose (SPEC 2, 4 and 14, records.py):
ACCEPTED = [
    (
        "a purchase of amount 0 (amount >= 0)",
        'mutation { recordPurchase(input: {buyerId: "leo", sellerId: "acme", offering: "Free",'
        ' amount: 0, currency: "eur", at: "2024-03-01T10:00:00"}) { ... on Purchase'
        " { amount currency at } } }",
        {"recordPurchase": {"amount": 0.0, "currency": "EUR", "at": "2024-03-01T10:00:00+00:00"}},
    ),
    (
        "a country in lower case",
        'mutation { upsertPerson(input: {id: "p", name: " Pia ", country: "de"})'
        " { name country } }",
        {"upsertPerson": {"name": "Pia", "country": "DE"}},
    ),
    (
        "first above 500 is capped at 500 (SPEC 4: 'first is capped')",
        '{ customersOf(providerId: "acme", first: 501) { totalCount } }',
        {"customersOf": {"totalCount": 2}},
    ),
    (
        "a search with spaces around finds the name, a blank one is no search",
        '{ a: stakeholders(search: "  acm ") { totalCount } b: stakeholders(search: "  ")'
        " { totalCount } }",
        {"a": {"totalCount": 1}, "b": {"totalCount": 5}},
    ),
    (
        "an offering with spaces around is the offering",
        '{ customersOf(providerId: "acme", offering: " Widget ") { totalCount } }',
        {"customersOf": {"totalCount": 1}},
    ),
    ("an empty id reads as unknown", '{ stakeholder(id: "") { id } }', {"stakeholder": None}),
    ("an unknown relation reads as null", '{ relation(id: "ghost") { id } }', {"relation": None}),
    (
        "removing an unknown relation answers false",
        'mutation { removeRelation(id: "ghost") }',
        {"removeRelation": False},
    ),
    (
        "removing an unknown stakeholder answers false",
        'mutation { removeStakeholder(id: "ghost") }',
        {"removeStakeholder": False},
    ),
]


@pytest.mark.parametrize(
    ("query", "expected"), [a[1:] for a in ACCEPTED], ids=[a[0] for a in ACCEPTED]
)
def test_value_taken_on_purpose(world: GQL, query: str, expected: dict[str, Any]) -> None:
    assert world.query(query) == expected
