"""Every lens through GraphQL, on the seeds' examples.

The worlds are built only through the GraphQL mutations, so these tests also test them:
a mutation that stored the wrong thing shows up as a lens that does not hold.
"""

from __future__ import annotations

from typing import Any

import pytest

from stakegraph.lenses import Lens
from tests.gql import GQL

ALL_LENSES = [lens.value for lens in Lens]


# ----------------------------------------------------------------------------- the world


class World:
    """Builds a graph through the GraphQL mutations; relation methods return the new id."""

    def __init__(self, gql: GQL) -> None:
        self.gql = gql

    def org(self, id: str, name: str, **extra: Any) -> dict[str, Any]:
        data = self.gql.query(
            "mutation($input: OrganizationInput!) {"
            " upsertOrganization(input: $input) { id name kind roles } }",
            input={"id": id, "name": name, **extra},
        )
        result: dict[str, Any] = data["upsertOrganization"]
        return result

    def dept(self, id: str, name: str, part_of: str | None = None) -> dict[str, Any]:
        data = self.gql.query(
            "mutation($input: DepartmentInput!) {"
            " upsertDepartment(input: $input) { id name kind } }",
            input={"id": id, "name": name, "partOfId": part_of},
        )
        result: dict[str, Any] = data["upsertDepartment"]
        return result

    def person(self, id: str, name: str) -> dict[str, Any]:
        data = self.gql.query(
            "mutation($input: PersonInput!) { upsertPerson(input: $input) { id name kind } }",
            input={"id": id, "name": name},
        )
        result: dict[str, Any] = data["upsertPerson"]
        return result

    def member(
        self,
        person: str,
        of: str,
        title: str | None = None,
        role: str | None = None,
        scope: list[str] | None = None,
    ) -> dict[str, Any]:
        data = self.gql.query(
            "mutation($input: MembershipInput!) { addMembership(input: $input) {"
            " person { id } of { id } title buyingRole } }",
            input={
                "personId": person,
                "ofId": of,
                "title": title,
                "buyingRole": role,
                "scope": scope,
            },
        )
        result: dict[str, Any] = data["addMembership"]
        return result

    def parent(self, parent: str, child: str) -> None:
        data = self.gql.query(
            "mutation($p: ID!, $c: ID!) { addParentOf(parentId: $p, childId: $c) { id roles } }",
            p=parent,
            c=child,
        )
        assert data["addParentOf"] == {"id": parent, "roles": ["PARENT"]}

    def _relation(self, mutation: str, input_type: str, input: dict[str, Any]) -> str:
        data = self.gql.query(
            f"mutation($input: {input_type}!) {{ {mutation}(input: $input) {{"
            " id type from { id } to { id } } }",
            input=input,
        )
        relation = data[mutation]
        assert relation["id"]
        return str(relation["id"])

    def buy(
        self,
        buyer: str,
        seller: str,
        offering: str,
        amount: float = 0.0,
        currency: str = "EUR",
        **extra: Any,
    ) -> str:
        return self._relation(
            "recordPurchase",
            "PurchaseInput",
            {
                "buyerId": buyer,
                "sellerId": seller,
                "offering": offering,
                "amount": amount,
                "currency": currency,
                **extra,
            },
        )

    def use(self, user: str, provider: str, offering: str | None = None) -> str:
        return self._relation(
            "recordUse",
            "UseInput",
            {"userId": user, "providerId": provider, "offering": offering},
        )

    def serve(
        self, provider: str, recipient: str, offering: str | None = None, ongoing: bool = False
    ) -> str:
        return self._relation(
            "recordService",
            "ServiceInput",
            {
                "providerId": provider,
                "recipientId": recipient,
                "offering": offering,
                "ongoing": ongoing,
            },
        )

    def contribute(self, contributor: str, platform: str, what: str | None = None) -> str:
        return self._relation(
            "recordContribution",
            "ContributionInput",
            {"contributorId": contributor, "platformId": platform, "what": what},
        )

    def engage(self, prospect: str, provider: str, stage: str, channel: str | None = None) -> str:
        return self._relation(
            "recordEngagement",
            "EngagementInput",
            {"prospectId": prospect, "providerId": provider, "stage": stage, "channel": channel},
        )


@pytest.fixture
def world(gql: GQL) -> World:
    return World(gql)


# ----------------------------------------------------------------------------- the reads

RELATION = """
  customer { id name }
  provider { id name }
  lenses
  evidence { lens summary path { from { id } type to { id } relationId } }
"""

CUSTOMERS_OF = f"""
query($p: ID!, $lenses: [Lens!], $except: [Lens!]) {{
  customersOf(providerId: $p, lenses: $lenses, except: $except, first: 500) {{
    totalCount
    edges {{ node {{ {RELATION} }} }}
  }}
}}"""

PROVIDERS_OF = f"""
query($c: ID!, $lenses: [Lens!], $except: [Lens!]) {{
  providersOf(customerId: $c, lenses: $lenses, except: $except, first: 500) {{
    totalCount
    edges {{ node {{ {RELATION} }} }}
  }}
}}"""

EXPLAIN = """
query($c: ID!, $p: ID!) {
  explain(customerId: $c, providerId: $p) {
    customer { id } provider { id } isCustomer
    lenses { lens holds evidence { lens summary path { from { id } type to { id } relationId } } }
  }
}"""


def customers_of(
    gql: GQL, provider: str, lenses: list[str] | None = None, except_: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """customersOf as {customer id: relation}, in the order the server gave."""
    data = gql.query(CUSTOMERS_OF, p=provider, lenses=lenses, **{"except": except_})
    edges = data["customersOf"]["edges"]
    assert data["customersOf"]["totalCount"] == len(edges)
    return {e["node"]["customer"]["id"]: e["node"] for e in edges}


def providers_of(
    gql: GQL, customer: str, lenses: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    data = gql.query(PROVIDERS_OF, c=customer, lenses=lenses, **{"except": None})
    edges = data["providersOf"]["edges"]
    assert data["providersOf"]["totalCount"] == len(edges)
    return {e["node"]["provider"]["id"]: e["node"] for e in edges}


def explain(gql: GQL, customer: str, provider: str) -> dict[str, Any]:
    verdict: dict[str, Any] = gql.query(EXPLAIN, c=customer, p=provider)["explain"]
    assert [v["lens"] for v in verdict["lenses"]] == ALL_LENSES
    for v in verdict["lenses"]:
        assert bool(v["evidence"]) == v["holds"], v
        assert all(e["lens"] == v["lens"] for e in v["evidence"])
    return verdict


def holding(verdict: dict[str, Any]) -> set[str]:
    return {v["lens"] for v in verdict["lenses"] if v["holds"]}


def evidence_of(verdict: dict[str, Any], lens: str) -> list[dict[str, Any]]:
    return next(v["evidence"] for v in verdict["lenses"] if v["lens"] == lens)


def steps(evidence: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return [(s["from"]["id"], s["type"], s["to"]["id"], s["relationId"]) for s in evidence["path"]]


def roles(gql: GQL, id: str) -> list[str]:
    node = gql.query("query($id: ID!) { stakeholder(id: $id) { roles } }", id=id)["stakeholder"]
    assert node is not None, id
    return sorted(node["roles"])


# ----------------------------------------------------------------------------- END_USER


@pytest.fixture
def toy_world(world: World) -> dict[str, str]:
    """A parent buys a toy her child plays with; another buyer plays with his own."""
    world.org("toyco", "ToyCo", orgType="BUSINESS")
    world.person("mia", "Mia")
    world.person("leo", "Leo")
    world.person("sam", "Sam")
    world.parent("mia", "leo")
    return {
        "mia_buys": world.buy("mia", "toyco", "Blocks", 30, at="2024-05-01T10:00:00Z"),
        "leo_uses": world.use("leo", "toyco", "Blocks"),
        "sam_buys": world.buy("sam", "toyco", "Kite", 12, at="2024-06-01T10:00:00Z"),
        "sam_uses": world.use("sam", "toyco", "Kite"),
    }


def test_end_user_who_did_not_pay_names_the_parent_as_payer(
    gql: GQL, toy_world: dict[str, str]
) -> None:
    users = customers_of(gql, "toyco", lenses=["END_USER"])

    assert list(users) == ["leo", "sam"]
    leo = users["leo"]
    assert leo["lenses"] == ["END_USER"]
    (evidence,) = leo["evidence"]
    assert evidence["lens"] == "END_USER"
    assert evidence["summary"] == ("Leo uses 'Blocks' from ToyCo; paid for by Mia, a parent of Leo")
    use, parent_of, buys = steps(evidence)
    assert use == ("leo", "USES", "toyco", toy_world["leo_uses"])
    assert parent_of[:3] == ("mia", "PARENT_OF", "leo") and parent_of[3]
    assert buys == ("mia", "BUYS", "toyco", toy_world["mia_buys"])


def test_end_user_who_paid_himself_says_so(gql: GQL, toy_world: dict[str, str]) -> None:
    sam = customers_of(gql, "toyco", lenses=["END_USER"])["sam"]

    assert sam["evidence"][0]["summary"] == "Sam uses 'Kite' from ToyCo; Sam paid for it"


def test_consumers_who_did_not_pay_are_end_users_except_transactional(
    gql: GQL, toy_world: dict[str, str]
) -> None:
    consumers = customers_of(gql, "toyco", lenses=["END_USER"], except_=["TRANSACTIONAL"])

    assert list(consumers) == ["leo"]
    assert consumers["leo"]["lenses"] == ["END_USER"]


def test_the_child_is_a_customer_but_not_transactional(gql: GQL, toy_world: dict[str, str]) -> None:
    verdict = explain(gql, "leo", "toyco")

    assert verdict["customer"] == {"id": "leo"} and verdict["provider"] == {"id": "toyco"}
    assert verdict["isCustomer"] is True
    assert holding(verdict) == {"END_USER", "BENEFICIARY"}


def test_the_paying_parent_is_transactional_not_an_end_user(
    gql: GQL, toy_world: dict[str, str]
) -> None:
    verdict = explain(gql, "mia", "toyco")

    assert holding(verdict) == {"TRANSACTIONAL", "EXCHANGE", "BENEFICIARY"}
    (evidence,) = evidence_of(verdict, "TRANSACTIONAL")
    assert evidence["summary"] == "Mia bought 'Blocks' from ToyCo (ONE_OFF, 30 EUR, 2024-05-01)"
    assert steps(evidence) == [("mia", "BUYS", "toyco", toy_world["mia_buys"])]


def test_all_lenses_lists_every_customer_once_with_each_lens(
    gql: GQL, toy_world: dict[str, str]
) -> None:
    everyone = customers_of(gql, "toyco")

    assert list(everyone) == ["leo", "mia", "sam"]
    assert everyone["leo"]["lenses"] == ["END_USER", "BENEFICIARY"]
    assert everyone["mia"]["lenses"] == ["TRANSACTIONAL", "EXCHANGE", "BENEFICIARY"]
    assert everyone["sam"]["lenses"] == ["TRANSACTIONAL", "EXCHANGE", "END_USER", "BENEFICIARY"]
    for relation in everyone.values():
        assert relation["provider"] == {"id": "toyco", "name": "ToyCo"}
        assert {e["lens"] for e in relation["evidence"]} == set(relation["lenses"])


def test_providers_of_lists_whose_customer_someone_is(
    gql: GQL, world: World, toy_world: dict[str, str]
) -> None:
    world.org("school", "Sunny School")
    world.serve("school", "leo", "Lessons", ongoing=True)

    providers = providers_of(gql, "leo")

    assert list(providers) == ["school", "toyco"]  # by name: Sunny School, ToyCo
    assert providers["school"]["lenses"] == ["BENEFICIARY", "CLIENT"]
    assert providers["toyco"]["lenses"] == ["END_USER", "BENEFICIARY"]
    assert providers["toyco"]["customer"] == {"id": "leo", "name": "Leo"}
    assert list(providers_of(gql, "leo", lenses=["CLIENT"])) == ["school"]


# ----------------------------------------------------------------------------- BENEFICIARY


def test_parents_who_receive_a_teachers_reports_are_her_beneficiaries(
    gql: GQL, world: World
) -> None:
    world.person("rivera", "Ms Rivera")
    world.person("tom", "Tom")
    world.person("ana", "Ana")
    world.parent("ana", "tom")
    teaches = world.serve("rivera", "tom", "Maths lessons")
    reports = world.serve("rivera", "ana", "Progress reports")

    beneficiaries = customers_of(gql, "rivera", lenses=["BENEFICIARY"])

    assert list(beneficiaries) == ["ana", "tom"]
    (evidence,) = beneficiaries["ana"]["evidence"]
    assert evidence["summary"] == "Ms Rivera serves 'Progress reports' to Ana"
    assert steps(evidence) == [("rivera", "SERVES", "ana", reports)]
    assert steps(beneficiaries["tom"]["evidence"][0]) == [("rivera", "SERVES", "tom", teaches)]
    verdict = explain(gql, "ana", "rivera")
    assert verdict["isCustomer"] is True
    assert holding(verdict) == {"BENEFICIARY"}


# ----------------------------------------------------------------------------- INTERNAL


@pytest.fixture
def hr_world(world: World) -> None:
    """HR serves departments (one nested), an employee, and an outside contractor."""
    world.org("acme", "Acme")
    world.dept("hr", "HR", part_of="acme")
    world.dept("eng", "Engineering", part_of="acme")
    world.dept("platform", "Platform", part_of="eng")
    world.person("erin", "Erin")
    world.member("erin", "platform", title="Engineer")
    world.person("olga", "Olga")
    for recipient in ("eng", "platform", "erin", "acme", "olga"):
        world.serve("hr", recipient, "Hiring")


def test_hr_serves_internal_customers_but_not_the_outsider(gql: GQL, hr_world: None) -> None:
    internal = customers_of(gql, "hr", lenses=["INTERNAL"])

    assert list(internal) == ["acme", "eng", "erin", "platform"]
    assert internal["eng"]["evidence"][0]["summary"] == (
        "HR serves 'Hiring' to Engineering; Engineering and HR both belong to Acme"
    )
    assert internal["platform"]["evidence"][0]["summary"] == (
        "HR serves 'Hiring' to Platform; Platform and HR both belong to Acme"
    )
    assert internal["acme"]["evidence"][0]["summary"] == (
        "HR serves 'Hiring' to Acme; HR is part of Acme"
    )
    serves, *up = steps(internal["platform"]["evidence"][0])
    assert serves[:3] == ("hr", "SERVES", "platform")
    assert [s[:3] for s in up] == [
        ("platform", "PART_OF", "eng"),
        ("eng", "PART_OF", "acme"),
        ("hr", "PART_OF", "acme"),
    ]
    assert [s[:3] for s in steps(internal["erin"]["evidence"][0])][1:] == [
        ("erin", "MEMBER_OF", "platform"),
        ("platform", "PART_OF", "eng"),
        ("eng", "PART_OF", "acme"),
        ("hr", "PART_OF", "acme"),
    ]


def test_the_outsider_hr_serves_is_a_beneficiary_only(gql: GQL, hr_world: None) -> None:
    verdict = explain(gql, "olga", "hr")

    assert holding(verdict) == {"BENEFICIARY"}
    assert "olga" in customers_of(gql, "hr", lenses=["BENEFICIARY"])


# ----------------------------------------------------------------------------- BUYING_CENTER


@pytest.fixture
def b2b_world(world: World) -> dict[str, str]:
    """Globex buys a CRM from Initech; its buying center spans a procurement department."""
    world.org("initech", "Initech")
    world.org("hooli", "Hooli")
    world.org("globex", "Globex")
    world.dept("procurement", "Procurement", part_of="globex")
    world.dept("sourcing", "Strategic Sourcing", part_of="procurement")
    for id_, name in (
        ("dana", "Dana"),
        ("pat", "Pat"),
        ("sue", "Sue"),
        ("max", "Max"),
        ("chris", "Chris"),
    ):
        world.person(id_, name)
    assert world.member("dana", "globex", "COO", "DECIDER") == {
        "person": {"id": "dana"},
        "of": {"id": "globex"},
        "title": "COO",
        "buyingRole": "DECIDER",
    }
    world.member("pat", "procurement", "Buyer", "BUYER")
    world.member("sue", "sourcing", "Category manager", "GATEKEEPER")
    world.member("max", "globex", "Analyst")  # a member without a buying role
    world.member("chris", "globex", "CTO", "INFLUENCER", scope=["hooli"])
    return {
        "crm": world.buy(
            "globex",
            "initech",
            "CRM suite",
            120000,
            "USD",
            kind="CONTRACT",
            at="2024-03-01T09:00:00Z",
        ),
    }


def test_buying_center_lens_reaches_people_in_nested_departments(
    gql: GQL, b2b_world: dict[str, str]
) -> None:
    center = customers_of(gql, "initech", lenses=["BUYING_CENTER"])

    assert list(center) == ["dana", "pat", "sue"]  # not Max (no role), not Chris (scoped)
    assert center["dana"]["evidence"][0]["summary"] == (
        "Dana is DECIDER in Globex's buying center; Globex bought 'CRM suite' from Initech"
    )
    assert center["sue"]["evidence"][0]["summary"] == (
        "Sue is GATEKEEPER in Globex's buying center (member of Strategic Sourcing, part of"
        " Procurement); Globex bought 'CRM suite' from Initech"
    )
    path = steps(center["pat"]["evidence"][0])
    assert [s[:3] for s in path] == [
        ("pat", "MEMBER_OF", "procurement"),
        ("procurement", "PART_OF", "globex"),
        ("globex", "BUYS", "initech"),
    ]
    assert path[-1][3] == b2b_world["crm"]


def test_the_buying_organisation_is_transactional_and_a_client(
    gql: GQL, b2b_world: dict[str, str]
) -> None:
    verdict = explain(gql, "globex", "initech")

    assert holding(verdict) == {"TRANSACTIONAL", "EXCHANGE", "BENEFICIARY", "CLIENT"}
    assert evidence_of(verdict, "TRANSACTIONAL")[0]["summary"] == (
        "Globex bought 'CRM suite' from Initech (CONTRACT, 120000 USD, 2024-03-01)"
    )


def test_a_member_without_a_buying_role_is_no_customer(gql: GQL, b2b_world: dict[str, str]) -> None:
    verdict = explain(gql, "max", "initech")

    assert verdict["isCustomer"] is False
    assert holding(verdict) == set()


BUYING_CENTER = """
query($o: ID!, $p: ID) {
  buyingCenter(organizationId: $o, providerId: $p) {
    organization { id }
    members { person { id name } of { id } title buyingRole }
    coveredRoles missingRoles singleThreaded
  }
}"""


def test_buying_center_lists_every_member_with_covered_and_missing_roles(
    gql: GQL, b2b_world: dict[str, str]
) -> None:
    center = gql.query(BUYING_CENTER, o="globex", p=None)["buyingCenter"]

    assert center["organization"] == {"id": "globex"}
    assert [
        (m["person"]["id"], m["of"]["id"], m["title"], m["buyingRole"]) for m in center["members"]
    ] == [
        ("chris", "globex", "CTO", "INFLUENCER"),
        ("dana", "globex", "COO", "DECIDER"),
        ("max", "globex", "Analyst", None),
        ("pat", "procurement", "Buyer", "BUYER"),
        ("sue", "sourcing", "Category manager", "GATEKEEPER"),
    ]
    assert center["coveredRoles"] == ["INFLUENCER", "DECIDER", "BUYER", "GATEKEEPER"]
    assert center["missingRoles"] == ["INITIATOR", "USER", "APPROVER", "CHAMPION"]
    assert center["singleThreaded"] is False


def test_buying_center_scoped_to_a_provider_drops_roles_scoped_elsewhere(
    gql: GQL, b2b_world: dict[str, str]
) -> None:
    center = gql.query(BUYING_CENTER, o="globex", p="initech")["buyingCenter"]

    chris = next(m for m in center["members"] if m["person"]["id"] == "chris")
    assert chris["buyingRole"] is None
    assert center["coveredRoles"] == ["DECIDER", "BUYER", "GATEKEEPER"]
    assert "INFLUENCER" in center["missingRoles"]

    hooli = gql.query(BUYING_CENTER, o="globex", p="hooli")["buyingCenter"]
    assert hooli["coveredRoles"] == ["INFLUENCER", "DECIDER", "BUYER", "GATEKEEPER"]


def test_a_buying_center_with_one_role_holder_is_single_threaded(gql: GQL, world: World) -> None:
    world.org("smallco", "SmallCo")
    world.person("solo", "Solo")
    world.person("intern", "Intern")
    world.member("solo", "smallco", "Owner", "DECIDER")
    world.member("intern", "smallco", "Intern")

    center = gql.query(BUYING_CENTER, o="smallco", p=None)["buyingCenter"]

    assert center["singleThreaded"] is True
    assert center["coveredRoles"] == ["DECIDER"]
    assert len(center["members"]) == 2


def test_buying_center_roles_follow_memberships(gql: GQL, b2b_world: dict[str, str]) -> None:
    assert roles(gql, "dana") == ["BUYING_CENTER_MEMBER"]
    assert roles(gql, "max") == []


# ----------------------------------------------------------------------------- COLLABORATIVE


def test_creators_who_also_watch_are_collaborative_customers_and_prosumers(
    gql: GQL, world: World
) -> None:
    world.org("streamly", "Streamly")
    world.person("cora", "Cora")
    world.person("carl", "Carl")
    world.org("appmaker", "AppMaker")
    cora_contributes = world.contribute("cora", "streamly", "videos")
    cora_watches = world.use("cora", "streamly", "Streaming")
    world.contribute("carl", "streamly", "videos")
    world.contribute("appmaker", "streamly", "an app")
    world.buy("appmaker", "streamly", "Developer plan", 99, kind="SUBSCRIPTION")

    collaborative = customers_of(gql, "streamly", lenses=["COLLABORATIVE"])

    assert list(collaborative) == ["appmaker", "cora"]
    (evidence,) = collaborative["cora"]["evidence"]
    assert evidence["summary"] == "Cora contributes 'videos' to Streamly and uses it"
    assert steps(evidence) == [
        ("cora", "CONTRIBUTES", "streamly", cora_contributes),
        ("cora", "USES", "streamly", cora_watches),
    ]
    assert collaborative["appmaker"]["evidence"][0]["summary"] == (
        "AppMaker contributes 'an app' to Streamly and buys from it"
    )
    assert roles(gql, "cora") == ["END_USER", "PROSUMER"]
    assert roles(gql, "appmaker") == ["PROSUMER"]
    assert roles(gql, "carl") == []
    carl = explain(gql, "carl", "streamly")
    assert carl["isCustomer"] is False and holding(carl) == set()


# ----------------------------------------------------------------------------- PROSPECT

CUSTOMER_MAP = """
query($p: ID!) {
  customerMap(providerId: $p) {
    provider { id }
    current { customer { id } lenses }
    potential { customer { id } lenses evidence { summary } }
  }
}"""


def test_a_prospect_is_potential_not_current(
    gql: GQL, world: World, toy_world: dict[str, str]
) -> None:
    world.person("pia", "Pia")
    engagement = world.engage("pia", "toyco", "CONSIDERATION", "trade fair")

    prospects = customers_of(gql, "toyco", lenses=["PROSPECT"])
    assert list(prospects) == ["pia"]
    assert steps(prospects["pia"]["evidence"][0]) == [("pia", "ENGAGES", "toyco", engagement)]
    verdict = explain(gql, "pia", "toyco")
    assert verdict["isCustomer"] is False
    assert holding(verdict) == {"PROSPECT"}

    cmap = gql.query(CUSTOMER_MAP, p="toyco")["customerMap"]
    assert cmap["provider"] == {"id": "toyco"}
    assert [r["customer"]["id"] for r in cmap["current"]] == ["leo", "mia", "sam"]
    (potential,) = cmap["potential"]
    assert potential["customer"] == {"id": "pia"} and potential["lenses"] == ["PROSPECT"]
    summary = potential["evidence"][0]["summary"]
    assert summary.startswith("Pia is engaging with ToyCo (CONSIDERATION, trade fair, ")


def test_a_prospect_who_buys_is_no_longer_a_prospect(gql: GQL, world: World) -> None:
    world.org("toyco", "ToyCo")
    world.person("pia", "Pia")
    world.engage("pia", "toyco", "INTENT")
    world.buy("pia", "toyco", "Puzzle", 15)

    assert holding(explain(gql, "pia", "toyco")) == {"TRANSACTIONAL", "EXCHANGE", "BENEFICIARY"}
    assert customers_of(gql, "toyco", lenses=["PROSPECT"]) == {}


# ----------------------------------------------------------------------------- EXCHANGE


def test_a_free_app_paid_with_data_is_exchange_not_transactional(gql: GQL, world: World) -> None:
    world.org("appco", "AppCo")
    world.person("uma", "Uma")
    paid = world.buy("uma", "appco", "Free app", 0, consideration="DATA", at="2024-02-02T00:00:00Z")

    verdict = explain(gql, "uma", "appco")

    assert verdict["isCustomer"] is True
    assert holding(verdict) == {"EXCHANGE", "BENEFICIARY"}
    (evidence,) = evidence_of(verdict, "EXCHANGE")
    assert evidence["summary"] == (
        "Uma bought 'Free app' from AppCo (ONE_OFF, paid with DATA, 2024-02-02)"
    )
    assert steps(evidence) == [("uma", "BUYS", "appco", paid)]
    assert customers_of(gql, "appco", lenses=["TRANSACTIONAL"]) == {}
    assert list(customers_of(gql, "appco", lenses=["EXCHANGE"], except_=["TRANSACTIONAL"])) == [
        "uma"
    ]


# ----------------------------------------------------------------------------- CLIENT, REPEAT


def test_a_subscriber_is_a_client_and_a_one_off_buyer_is_not(gql: GQL, world: World) -> None:
    world.org("gym", "Gym")
    world.person("sub", "Subscriber")
    world.person("once", "Once")
    world.person("coached", "Coached")
    sub = world.buy(
        "sub", "gym", "Monthly pass", 40, kind="SUBSCRIPTION", at="2024-01-15T00:00:00Z"
    )
    world.buy("once", "gym", "Day pass", 10)
    world.serve("gym", "coached", "Coaching", ongoing=True)

    clients = customers_of(gql, "gym", lenses=["CLIENT"])

    assert list(clients) == ["coached", "sub"]
    (evidence,) = clients["sub"]["evidence"]
    assert evidence["summary"] == (
        "Subscriber bought 'Monthly pass' from Gym (SUBSCRIPTION, 40 EUR, 2024-01-15)"
    )
    assert steps(evidence) == [("sub", "BUYS", "gym", sub)]
    assert clients["coached"]["evidence"][0]["summary"] == (
        "Gym serves 'Coaching' to Coached (ongoing)"
    )
    assert "CLIENT" not in holding(explain(gql, "once", "gym"))


def test_a_repeat_buyer_is_repeat_and_a_single_buyer_is_not(gql: GQL, world: World) -> None:
    world.org("bakery", "Bakery")
    world.person("rita", "Rita")
    world.person("once", "Once")
    first = world.buy("rita", "bakery", "Bread", 3, at="2024-01-01T08:00:00Z")
    second = world.buy("rita", "bakery", "Cake", 20, at="2024-01-08T08:00:00Z")
    world.buy("once", "bakery", "Bread", 3)

    repeat = customers_of(gql, "bakery", lenses=["REPEAT"])

    assert list(repeat) == ["rita"]
    (evidence,) = repeat["rita"]["evidence"]
    assert evidence["summary"].startswith("Rita bought from Bakery 2 times: 'Bread' (")
    assert "'Cake' (ONE_OFF, 20 EUR, 2024-01-08)" in evidence["summary"]
    assert {s[3] for s in steps(evidence)} == {first, second}
    assert explain(gql, "rita", "bakery")["lenses"][9] == {
        "lens": "REPEAT",
        "holds": True,
        "evidence": repeat["rita"]["evidence"],
    }


# ----------------------------------------------------------------------------- mutual


def test_organisations_that_buy_from_each_other_are_mutual_customers(
    gql: GQL, world: World
) -> None:
    world.org("alpha", "Alpha")
    world.org("beta", "Beta")
    world.org("gamma", "Gamma")
    world.person("pia", "Pia")
    world.buy("alpha", "beta", "Steel", 1000)
    world.buy("beta", "alpha", "Transport", 500)
    world.buy("gamma", "alpha", "Consulting", 800)  # a customer only
    world.engage("pia", "alpha", "AWARENESS")  # a prospect only
    world.engage("alpha", "pia", "AWARENESS")

    query = "query($s: ID!) { mutualCustomers(stakeholderId: $s) { id name kind } }"

    assert gql.query(query, s="alpha")["mutualCustomers"] == [
        {"id": "beta", "name": "Beta", "kind": "ORGANIZATION"}
    ]
    assert gql.query(query, s="beta")["mutualCustomers"] == [
        {"id": "alpha", "name": "Alpha", "kind": "ORGANIZATION"}
    ]
    assert gql.query(query, s="gamma")["mutualCustomers"] == []


# ----------------------------------------------------------------------------- explain


def test_explain_gives_every_lens_a_verdict_even_when_none_holds(gql: GQL, world: World) -> None:
    world.person("a", "A")
    world.person("b", "B")

    verdict = explain(gql, "a", "b")

    assert verdict["isCustomer"] is False
    assert verdict["lenses"] == [
        {"lens": lens, "holds": False, "evidence": []} for lens in ALL_LENSES
    ]


def test_evidence_summaries_name_people_not_ids(gql: GQL, world: World) -> None:
    world.org("o-1", "Orbit Labs")
    world.person("p-1", "Priya Natarajan")
    world.buy("p-1", "o-1", "Telescope", 900, kind="CONTRACT", at="2024-07-07T00:00:00Z")
    world.use("p-1", "o-1", "Telescope")
    world.serve("o-1", "p-1", "Support", ongoing=True)
    world.contribute("p-1", "o-1", "star maps")
    world.buy("p-1", "o-1", "Lens kit", 50)

    verdict = explain(gql, "p-1", "o-1")

    assert holding(verdict) == set(ALL_LENSES) - {"BUYING_CENTER", "INTERNAL", "PROSPECT"}
    for lens_verdict in verdict["lenses"]:
        for evidence in lens_verdict["evidence"]:
            assert "Priya Natarajan" in evidence["summary"], evidence
            assert "p-1" not in evidence["summary"] and "o-1" not in evidence["summary"]


# ----------------------------------------------------------------------------- roles


def test_roles_follow_remove_relation(gql: GQL, world: World) -> None:
    world.org("streamly", "Streamly")
    world.person("cora", "Cora")
    contributes = world.contribute("cora", "streamly", "videos")
    watches = world.use("cora", "streamly")
    assert roles(gql, "cora") == ["END_USER", "PROSUMER"]

    removed = gql.query("mutation($id: ID!) { removeRelation(id: $id) }", id=watches)
    assert removed == {"removeRelation": True}
    assert roles(gql, "cora") == []
    assert customers_of(gql, "streamly") == {}

    again = gql.query("mutation($id: ID!) { removeRelation(id: $id) }", id=watches)
    assert again == {"removeRelation": False}
    gql.query("mutation($id: ID!) { removeRelation(id: $id) }", id=contributes)
    assert roles(gql, "cora") == []


def test_roles_follow_remove_stakeholder(gql: GQL, world: World) -> None:
    world.org("toyco", "ToyCo")
    world.person("mia", "Mia")
    world.person("leo", "Leo")
    world.parent("mia", "leo")
    world.use("leo", "toyco")
    assert roles(gql, "mia") == ["PARENT"]
    assert roles(gql, "leo") == ["END_USER"]

    removed = gql.query('mutation { removeStakeholder(id: "leo") }')

    assert removed == {"removeStakeholder": True}
    assert gql.query('{ stakeholder(id: "leo") { id } }') == {"stakeholder": None}
    assert roles(gql, "mia") == []
    assert customers_of(gql, "toyco") == {}
    assert gql.query('mutation { removeStakeholder(id: "leo") }') == {"removeStakeholder": False}


def test_roles_appear_on_every_stakeholder_field(gql: GQL, world: World) -> None:
    world.org("streamly", "Streamly")
    world.person("cora", "Cora")
    world.contribute("cora", "streamly")
    world.use("cora", "streamly")

    relation = customers_of(gql, "streamly")["cora"]
    data = gql.query(
        "{ stakeholders(kind: PERSON) { edges { node { id roles } } }"
        '  customersOf(providerId: "streamly") { edges { node { customer { roles } } } } }'
    )

    assert relation["lenses"] == ["END_USER", "BENEFICIARY", "COLLABORATIVE"]
    assert data["stakeholders"]["edges"] == [
        {"node": {"id": "cora", "roles": ["END_USER", "PROSUMER"]}}
    ]
    assert data["customersOf"]["edges"][0]["node"]["customer"]["roles"] == ["END_USER", "PROSUMER"]


# ----------------------------------------------------------------------------- selection


def test_a_page_without_evidence_gives_the_same_customers_lenses_and_count(
    gql: GQL, toy_world: dict[str, str], hr_world: None
) -> None:
    """Selection-shaped Cypher (SPEC 14): asking for no evidence ($evidence false) changes
    nothing else of the answer, through a fragment too, and explain's verdicts stay."""
    for provider in ("toyco", "hr"):
        full = customers_of(gql, provider)
        data = gql.query(
            "fragment R on CustomerRelation { customer { id name } provider { id } lenses }"
            " query($p: ID!) { customersOf(providerId: $p, first: 500) {"
            " totalCount edges { node { ...R } } } }",
            p=provider,
        )["customersOf"]
        assert data["totalCount"] == len(full)
        assert [e["node"]["customer"]["id"] for e in data["edges"]] == list(full)
        for edge in data["edges"]:
            assert edge["node"]["lenses"] == full[edge["node"]["customer"]["id"]]["lenses"]
    for customer in ("leo", "mia", "sam"):
        bare = gql.query(
            'query($c: ID!) { explain(customerId: $c, providerId: "toyco") {'
            " isCustomer lenses { lens holds } } }",
            c=customer,
        )["explain"]
        verdict = explain(gql, customer, "toyco")
        assert bare["isCustomer"] == verdict["isCustomer"]
        assert {v["lens"] for v in bare["lenses"] if v["holds"]} == holding(verdict)
