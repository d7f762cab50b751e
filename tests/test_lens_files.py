"""The lens files under cypher/lenses/, run as they are against a real Neo4j.

One small graph holds the seed examples of SPEC 3 (a parent buys a toy the child plays
with, a teacher's reports reach the parents, HR serving its organisation, a B2B buying
center, creators on a platform, prospects, a free app paid with data, clients, repeat
buyers, two organisations buying from each other). It is created once by Cypher that
follows the graph conventions, and every test only reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from neo4j.graph import Path

from stakegraph.evidence import steps, summarize
from stakegraph.graph.cypher import all_files, load
from stakegraph.graph.lens_query import lens_union
from stakegraph.lenses import CUSTOMER_LENSES, LENS_DESCRIPTIONS, LENS_FILES, Lens

GRAPH = """
CREATE
  // a parent buys a toy that the child plays with
  (toyco:Stakeholder:Organization {id: 'toyco', name: 'ToyCo', orgType: 'BUSINESS'}),
  (mom:Stakeholder:Person:Parent {id: 'mom', name: 'Mom'}),
  (kid:Stakeholder:Person:EndUser {id: 'kid', name: 'Kid', birthYear: 2016}),
  (ada:Stakeholder:Person:EndUser {id: 'ada', name: 'Ada'}),
  (mom)-[:PARENT_OF]->(kid),
  (mom)-[:BUYS {id: 'b-mom-toy', createdAt: datetime(), offering: 'Blocks', amount: 39.5,
                currency: 'EUR', at: datetime('2024-12-01T10:00:00Z'), kind: 'ONE_OFF',
                consideration: 'MONEY'}]->(toyco),
  (kid)-[:USES {id: 'u-kid-toy', createdAt: datetime(), offering: 'Blocks'}]->(toyco),
  (ada)-[:BUYS {id: 'b-ada-toy', createdAt: datetime(), offering: 'Kite', amount: 20.0,
                currency: 'EUR', at: datetime('2024-07-01T00:00:00Z'), kind: 'ONE_OFF',
                consideration: 'MONEY'}]->(toyco),
  (ada)-[:USES {id: 'u-ada-toy', createdAt: datetime(), offering: 'Kite'}]->(toyco),

  // a teacher serves progress reports to a student's parents
  (teacher:Stakeholder:Person {id: 'teacher', name: 'Teacher'}),
  (pam:Stakeholder:Person:Parent {id: 'pam', name: 'Pam'}),
  (stu:Stakeholder:Person {id: 'stu', name: 'Stu'}),
  (pam)-[:PARENT_OF]->(stu),
  (teacher)-[:SERVES {id: 's-teacher-pam', createdAt: datetime(),
                      offering: 'progress reports', ongoing: false}]->(pam),
  (teacher)-[:SERVES {id: 's-teacher-stu', createdAt: datetime(),
                      offering: 'lessons', ongoing: true}]->(stu),

  // HR serves its organisation, other departments (nested) and employees, and an outsider
  (hooli:Stakeholder:Organization {id: 'hooli', name: 'Hooli', orgType: 'BUSINESS'}),
  (hr:Stakeholder:Department {id: 'hr', name: 'HR'}),
  (eng:Stakeholder:Department {id: 'eng', name: 'Engineering'}),
  (platform:Stakeholder:Department {id: 'platform', name: 'Platform'}),
  (erin:Stakeholder:Person {id: 'erin', name: 'Erin'}),
  (olga:Stakeholder:Person {id: 'olga', name: 'Olga'}),
  (hr)-[:PART_OF]->(hooli), (eng)-[:PART_OF]->(hooli), (platform)-[:PART_OF]->(eng),
  (erin)-[:MEMBER_OF {title: 'Engineer'}]->(platform),
  (hr)-[:SERVES {id: 's-hr-eng', createdAt: datetime(), offering: 'recruiting',
                 ongoing: true}]->(eng),
  (hr)-[:SERVES {id: 's-hr-platform', createdAt: datetime(), offering: 'onboarding',
                 ongoing: false}]->(platform),
  (hr)-[:SERVES {id: 's-hr-erin', createdAt: datetime(), offering: 'payroll',
                 ongoing: true}]->(erin),
  (hr)-[:SERVES {id: 's-hr-hooli', createdAt: datetime(), offering: 'HR reporting',
                 ongoing: false}]->(hooli),
  (hr)-[:SERVES {id: 's-hr-olga', createdAt: datetime(), offering: 'background check',
                 ongoing: false}]->(olga),

  // a B2B purchase and its buying center
  (initech:Stakeholder:Organization {id: 'initech', name: 'Initech', orgType: 'BUSINESS',
                                     industry: 'Software'}),
  (globex:Stakeholder:Organization {id: 'globex', name: 'Globex', orgType: 'BUSINESS',
                                    industry: 'Logistics', employees: 300}),
  (ops:Stakeholder:Department {id: 'ops', name: 'Operations'}),
  (procurement:Stakeholder:Department {id: 'procurement', name: 'Procurement'}),
  (dana:Stakeholder:Person:BuyingCenterMember {id: 'dana', name: 'Dana'}),
  (bob:Stakeholder:Person:BuyingCenterMember:EndUser {id: 'bob', name: 'Bob'}),
  (carl:Stakeholder:Person:BuyingCenterMember {id: 'carl', name: 'Carl'}),
  (fay:Stakeholder:Person:BuyingCenterMember {id: 'fay', name: 'Fay'}),
  (eve:Stakeholder:Person {id: 'eve', name: 'Eve'}),
  (ops)-[:PART_OF]->(globex), (procurement)-[:PART_OF]->(ops),
  (dana)-[:MEMBER_OF {title: 'COO', buyingRole: 'DECIDER', scope: []}]->(globex),
  (bob)-[:MEMBER_OF {title: 'Buyer', buyingRole: 'BUYER'}]->(procurement),
  (carl)-[:MEMBER_OF {title: 'Analyst', buyingRole: 'INFLUENCER',
                      scope: ['umbrella']}]->(procurement),
  (fay)-[:MEMBER_OF {title: 'CFO', buyingRole: 'APPROVER', scope: ['initech']}]->(globex),
  (eve)-[:MEMBER_OF {title: 'Engineer'}]->(globex),
  (globex)-[:BUYS {id: 'b-globex-crm', createdAt: datetime(), offering: 'CRM suite',
                   amount: 120000.0, currency: 'USD', at: datetime('2024-03-01T00:00:00Z'),
                   kind: 'CONTRACT', consideration: 'MONEY'}]->(initech),
  (globex)-[:BUYS {id: 'b-globex-training', createdAt: datetime(), offering: 'Training',
                   amount: 5000.0, currency: 'USD', at: datetime('2024-06-01T00:00:00Z'),
                   kind: 'ONE_OFF', consideration: 'MONEY'}]->(initech),
  (bob)-[:USES {id: 'u-bob-crm', createdAt: datetime(), offering: 'CRM suite'}]->(initech),
  // two organisations that are each other's customers
  (initech)-[:BUYS {id: 'b-initech-freight', createdAt: datetime(), offering: 'Freight',
                    amount: 800.0, currency: 'USD', at: datetime('2024-04-15T00:00:00Z'),
                    kind: 'ONE_OFF', consideration: 'MONEY'}]->(globex),

  // creators who contribute to a platform and use it, and a contributor who does not use it
  (vidtube:Stakeholder:Organization {id: 'vidtube', name: 'VidTube', orgType: 'BUSINESS'}),
  (pat:Stakeholder:Person:EndUser:Prosumer {id: 'pat', name: 'Pat'}),
  (quinn:Stakeholder:Person {id: 'quinn', name: 'Quinn'}),
  (pat)-[:CONTRIBUTES {id: 'c-pat', createdAt: datetime(), what: 'videos',
                       at: datetime('2024-02-02T00:00:00Z')}]->(vidtube),
  (pat)-[:USES {id: 'u-pat', createdAt: datetime(), offering: 'video hosting'}]->(vidtube),
  (quinn)-[:CONTRIBUTES {id: 'c-quinn', createdAt: datetime(), what: 'subtitles',
                         at: datetime('2024-02-03T00:00:00Z')}]->(vidtube),

  // a prospect, and an engaged buyer who is no longer a prospect
  (acme:Stakeholder:Organization {id: 'acme', name: 'Acme', orgType: 'BUSINESS'}),
  (lead:Stakeholder:Person {id: 'lead', name: 'Lead'}),
  (bea:Stakeholder:Person {id: 'bea', name: 'Bea'}),
  (lead)-[:ENGAGES {id: 'e-lead', createdAt: datetime(), stage: 'INTENT', channel: 'webinar',
                    at: datetime('2024-05-02T09:00:00Z')}]->(acme),
  (bea)-[:ENGAGES {id: 'e-bea', createdAt: datetime(), stage: 'CONSIDERATION',
                   channel: 'email', at: datetime('2024-04-01T00:00:00Z')}]->(acme),
  (bea)-[:BUYS {id: 'b-bea-acme', createdAt: datetime(), offering: 'Anvil', amount: 250.0,
                currency: 'USD', at: datetime('2024-05-10T00:00:00Z'), kind: 'ONE_OFF',
                consideration: 'MONEY'}]->(acme),

  // a free app paid for with data
  (freeapp:Stakeholder:Organization {id: 'freeapp', name: 'FreeApp', orgType: 'BUSINESS'}),
  (lee:Stakeholder:Person {id: 'lee', name: 'Lee'}),
  (lee)-[:BUYS {id: 'b-lee-app', createdAt: datetime(), offering: 'Photo app', amount: 0.0,
                currency: 'USD', at: datetime('2024-01-05T00:00:00Z'), kind: 'ONE_OFF',
                consideration: 'DATA'}]->(freeapp),

  // clients: a subscription, an ongoing service, and a one-off service
  (gym:Stakeholder:Organization {id: 'gym', name: 'Gym', orgType: 'BUSINESS'}),
  (sue:Stakeholder:Person {id: 'sue', name: 'Sue'}),
  (sue)-[:BUYS {id: 'b-sue-gym', createdAt: datetime(), offering: 'Monthly pass',
                amount: 30.0, currency: 'EUR', at: datetime('2024-01-01T00:00:00Z'),
                kind: 'SUBSCRIPTION', consideration: 'MONEY'}]->(gym),
  (ledgerly:Stakeholder:Organization {id: 'ledgerly', name: 'Ledgerly', orgType: 'BUSINESS'}),
  (wayne:Stakeholder:Person {id: 'wayne', name: 'Wayne'}),
  (tim:Stakeholder:Person {id: 'tim', name: 'Tim'}),
  (ledgerly)-[:SERVES {id: 's-ledgerly-wayne', createdAt: datetime(), offering: 'bookkeeping',
                       ongoing: true}]->(wayne),
  (ledgerly)-[:SERVES {id: 's-ledgerly-tim', createdAt: datetime(), offering: 'tax return',
                       ongoing: false}]->(tim),

  // a repeat buyer and a one-off buyer
  (cafe:Stakeholder:Organization {id: 'cafe', name: 'Cafe', orgType: 'BUSINESS'}),
  (reg:Stakeholder:Person {id: 'reg', name: 'Reg'}),
  (once:Stakeholder:Person {id: 'once', name: 'Once'}),
  (reg)-[:BUYS {id: 'b-reg-1', createdAt: datetime(), offering: 'Coffee', amount: 3.5,
                currency: 'EUR', at: datetime('2024-09-01T08:00:00Z'), kind: 'ONE_OFF',
                consideration: 'MONEY'}]->(cafe),
  (reg)-[:BUYS {id: 'b-reg-2', createdAt: datetime(), offering: 'Coffee', amount: 3.5,
                currency: 'EUR', at: datetime('2024-09-02T08:00:00Z'), kind: 'ONE_OFF',
                consideration: 'MONEY'}]->(cafe),
  (reg)-[:BUYS {id: 'b-reg-3', createdAt: datetime(), offering: 'Cake', amount: 4.0,
                currency: 'EUR', at: datetime('2024-09-03T08:00:00Z'), kind: 'ONE_OFF',
                consideration: 'IN_KIND'}]->(cafe),
  (once)-[:BUYS {id: 'b-once', createdAt: datetime(), offering: 'Tea', amount: 2.0,
                 currency: 'EUR', at: datetime('2024-09-01T09:00:00Z'), kind: 'ONE_OFF',
                 consideration: 'MONEY'}]->(cafe)
WITH 1 AS done
MATCH (n:Stakeholder)
SET n.createdAt = datetime(), n.updatedAt = datetime()
"""


@pytest.fixture(scope="module")
def driver(_driver: neo4j.Driver, _schema: None) -> Iterator[neo4j.Driver]:
    """The conftest's driver on a database holding only GRAPH, for this module's tests."""
    _driver.execute_query("MATCH (n) DETACH DELETE n")
    _driver.execute_query(GRAPH)
    yield _driver
    _driver.execute_query("MATCH (n) DETACH DELETE n")


def run(driver: neo4j.Driver, name: str, **params: Any) -> list[neo4j.Record]:
    """The file as an analyst runs it: parameters its header marks optional are null
    unless given (the lens files' window)."""
    file = load(name)
    given = {name: None for name in file.optional_parameters} | params
    records, _, _ = driver.execute_query(file.text, given, routing_="r")
    return list(records)


NO_WINDOW: dict[str, Any] = {"since": None, "until": None, "offering": None, "evidence": None}


def lens_rows(
    driver: neo4j.Driver, lens: Lens, provider: str, customer: str | None = None
) -> list[neo4j.Record]:
    rows = run(driver, LENS_FILES[lens], providerId=provider, customerId=customer)
    for row in rows:
        assert row.keys() == ["customer", "lens", "evidence"]
        assert row["lens"] == lens.value
        assert all(isinstance(path, Path) for path in row["evidence"])
    return rows


def customers(driver: neo4j.Driver, lens: Lens, provider: str) -> set[str]:
    return {row["customer"]["id"] for row in lens_rows(driver, lens, provider)}


def sentences(driver: neo4j.Driver, lens: Lens, provider: str, customer: str) -> list[str]:
    return sorted(
        summarize(lens, row["evidence"]) for row in lens_rows(driver, lens, provider, customer)
    )


def ids(evidence: list[Path]) -> list[list[str]]:
    """Every path as the ids of its nodes, in path order."""
    return [[node["id"] for node in path.nodes] for path in evidence]


# --- the lens catalogue -------------------------------------------------------------------


def test_every_lens_has_its_file_and_nothing_else_lives_in_lenses() -> None:
    shipped = {name for name in all_files() if name.startswith("lenses/")}
    assert shipped == {*LENS_FILES.values(), "lenses/candidate_providers"}
    assert [lens.value for lens in Lens] == [
        "TRANSACTIONAL", "EXCHANGE", "BUYING_CENTER", "END_USER", "INTERNAL",
        "BENEFICIARY", "COLLABORATIVE", "PROSPECT", "CLIENT", "REPEAT",
    ]  # fmt: skip
    assert Lens.PROSPECT not in CUSTOMER_LENSES and len(CUSTOMER_LENSES) == 9
    assert all(LENS_DESCRIPTIONS[lens] for lens in Lens)


def test_every_lens_file_starts_from_the_provider_and_has_a_header() -> None:
    for lens in Lens:
        file = load(LENS_FILES[lens])
        assert file.body.startswith("MATCH (p:Stakeholder {id: $providerId})"), lens
        for word in ("$providerId", "$customerId", "customer", "lens", "evidence"):
            assert word in file.description, (lens, word)


# --- TRANSACTIONAL and EXCHANGE -----------------------------------------------------------


def test_parent_who_buys_the_toy_is_transactional_child_who_plays_is_not(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.TRANSACTIONAL, "toyco") == {"mom", "ada"}


def test_transactional_gives_one_row_per_purchase(driver: neo4j.Driver) -> None:
    rows = lens_rows(driver, Lens.TRANSACTIONAL, "initech", "globex")
    assert sorted(ids(row["evidence"]) for row in rows) == [[["globex", "initech"]]] * 2
    assert sentences(driver, Lens.TRANSACTIONAL, "initech", "globex") == [
        "Globex bought 'CRM suite' from Initech (CONTRACT, 120000 USD, 2024-03-01)",
        "Globex bought 'Training' from Initech (ONE_OFF, 5000 USD, 2024-06-01)",
    ]


def test_free_app_paid_with_data_is_exchange_not_transactional(driver: neo4j.Driver) -> None:
    assert customers(driver, Lens.TRANSACTIONAL, "freeapp") == set()
    assert customers(driver, Lens.EXCHANGE, "freeapp") == {"lee"}
    assert sentences(driver, Lens.EXCHANGE, "freeapp", "lee") == [
        "Lee bought 'Photo app' from FreeApp (ONE_OFF, paid with DATA, 2024-01-05)"
    ]


def test_two_organisations_are_each_others_customers(driver: neo4j.Driver) -> None:
    assert "globex" in customers(driver, Lens.TRANSACTIONAL, "initech")
    assert customers(driver, Lens.TRANSACTIONAL, "globex") == {"initech"}


def test_customer_id_restricts_the_answer_to_that_customer(driver: neo4j.Driver) -> None:
    assert lens_rows(driver, Lens.TRANSACTIONAL, "toyco", "kid") == []
    assert {r["customer"]["id"] for r in lens_rows(driver, Lens.EXCHANGE, "cafe", "reg")} == {"reg"}


# --- BUYING_CENTER ------------------------------------------------------------------------


def test_buying_center_holds_for_members_with_a_buying_role_in_scope(
    driver: neo4j.Driver,
) -> None:
    # Carl's scope excludes Initech, Eve has no buying role, Globex itself is no person
    assert customers(driver, Lens.BUYING_CENTER, "initech") == {"dana", "bob", "fay"}
    assert customers(driver, Lens.BUYING_CENTER, "umbrella") == set()


def test_buying_center_member_of_a_nested_department_reaches_the_organisation(
    driver: neo4j.Driver,
) -> None:
    (row,) = lens_rows(driver, Lens.BUYING_CENTER, "initech", "bob")
    # one path, through Globex's earliest purchase from Initech
    assert ids(row["evidence"]) == [["bob", "procurement", "ops", "globex", "initech"]]
    assert [s[1] for s in steps(row["evidence"])] == ["MEMBER_OF", "PART_OF", "PART_OF", "BUYS"]
    assert steps(row["evidence"])[-1][3] == "b-globex-crm"
    assert summarize(Lens.BUYING_CENTER, row["evidence"]) == (
        "Bob is BUYER in Globex's buying center (member of Procurement, part of Operations); "
        "Globex bought 'CRM suite' from Initech"
    )
    assert sentences(driver, Lens.BUYING_CENTER, "initech", "dana") == [
        "Dana is DECIDER in Globex's buying center; Globex bought 'CRM suite' from Initech"
    ]


# --- END_USER -----------------------------------------------------------------------------


def test_child_who_uses_parents_purchase_is_end_user_with_parent_as_payer(
    driver: neo4j.Driver,
) -> None:
    (row,) = lens_rows(driver, Lens.END_USER, "toyco", "kid")
    assert ids(row["evidence"]) == [["kid", "toyco"], ["kid", "mom", "toyco"]]
    assert [s[1] for s in steps(row["evidence"])] == ["USES", "PARENT_OF", "BUYS"]
    kid_uses, mom_parent_of, mom_buys = steps(row["evidence"])
    assert (kid_uses[0]["id"], kid_uses[2]["id"], kid_uses[3]) == ("kid", "toyco", "u-kid-toy")
    assert (mom_parent_of[0]["id"], mom_parent_of[2]["id"], mom_parent_of[3]) == (
        "mom", "kid", None
    )  # fmt: skip
    assert (mom_buys[0]["id"], mom_buys[2]["id"]) == ("mom", "toyco")
    assert summarize(Lens.END_USER, row["evidence"]) == (
        "Kid uses 'Blocks' from ToyCo; paid for by Mom, a parent of Kid"
    )


def test_end_user_who_bought_it_is_their_own_payer(driver: neo4j.Driver) -> None:
    (row,) = lens_rows(driver, Lens.END_USER, "toyco", "ada")
    assert ids(row["evidence"]) == [["ada", "toyco"], ["ada", "toyco"]]
    assert (
        summarize(Lens.END_USER, row["evidence"]) == "Ada uses 'Kite' from ToyCo; Ada paid for it"
    )


def test_employee_using_software_is_end_user_paid_for_by_the_organisation(
    driver: neo4j.Driver,
) -> None:
    (row,) = lens_rows(driver, Lens.END_USER, "initech", "bob")
    assert ids(row["evidence"]) == [
        ["bob", "initech"],
        ["bob", "procurement", "ops", "globex", "initech"],
    ]
    assert summarize(Lens.END_USER, row["evidence"]) == (
        "Bob uses 'CRM suite' from Initech; paid for by Globex, Bob's organisation"
    )


def test_end_user_without_a_known_payer_has_only_the_use_path(driver: neo4j.Driver) -> None:
    (row,) = lens_rows(driver, Lens.END_USER, "vidtube", "pat")
    assert ids(row["evidence"]) == [["pat", "vidtube"]]
    assert summarize(Lens.END_USER, row["evidence"]) == "Pat uses 'video hosting' from VidTube"


# --- INTERNAL -----------------------------------------------------------------------------


def test_internal_holds_for_insiders_served_by_hr_not_for_the_outsider(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.INTERNAL, "hr") == {"eng", "platform", "erin", "hooli"}
    assert "olga" in customers(driver, Lens.BENEFICIARY, "hr")


def test_internal_evidence_names_the_shared_home(driver: neo4j.Driver) -> None:
    (row,) = lens_rows(driver, Lens.INTERNAL, "hr", "erin")
    assert ids(row["evidence"]) == [
        ["erin", "hr"],
        ["erin", "platform", "eng", "hooli"],
        ["hr", "hooli"],
    ]
    assert summarize(Lens.INTERNAL, row["evidence"]) == (
        "HR serves 'payroll' to Erin (ongoing); Erin and HR both belong to Hooli"
    )
    (row,) = lens_rows(driver, Lens.INTERNAL, "hr", "hooli")
    assert ids(row["evidence"]) == [["hooli", "hr"], ["hooli"], ["hr", "hooli"]]
    assert summarize(Lens.INTERNAL, row["evidence"]) == (
        "HR serves 'HR reporting' to Hooli; HR is part of Hooli"
    )


def test_organisation_serving_itself_is_not_its_own_internal_customer(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.INTERNAL, "hooli") == set()
    assert customers(driver, Lens.INTERNAL, "globex") == set()  # Initech is outside Globex


# --- BENEFICIARY --------------------------------------------------------------------------


def test_parents_who_receive_the_teachers_reports_are_beneficiaries(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.BENEFICIARY, "teacher") == {"pam", "stu"}
    assert customers(driver, Lens.TRANSACTIONAL, "teacher") == set()
    assert sentences(driver, Lens.BENEFICIARY, "teacher", "pam") == [
        "Teacher serves 'progress reports' to Pam"
    ]


def test_beneficiary_covers_buyers_and_users_too(driver: neo4j.Driver) -> None:
    assert customers(driver, Lens.BENEFICIARY, "toyco") == {"mom", "kid", "ada"}
    assert len(lens_rows(driver, Lens.BENEFICIARY, "toyco", "ada")) == 2  # bought and uses


# --- COLLABORATIVE ------------------------------------------------------------------------


def test_creator_who_contributes_and_uses_is_collaborative_contributor_only_is_not(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.COLLABORATIVE, "vidtube") == {"pat"}
    (row,) = lens_rows(driver, Lens.COLLABORATIVE, "vidtube", "pat")
    assert [s[1] for s in steps(row["evidence"])] == ["CONTRIBUTES", "USES"]
    assert summarize(Lens.COLLABORATIVE, row["evidence"]) == (
        "Pat contributes 'videos' to VidTube and uses it"
    )


# --- PROSPECT -----------------------------------------------------------------------------


def test_engaged_non_buyer_is_prospect_engaged_buyer_is_not(driver: neo4j.Driver) -> None:
    assert customers(driver, Lens.PROSPECT, "acme") == {"lead"}
    assert sentences(driver, Lens.PROSPECT, "acme", "lead") == [
        "Lead is engaging with Acme (INTENT, webinar, 2024-05-02)"
    ]


# --- CLIENT -------------------------------------------------------------------------------


def test_subscription_and_ongoing_service_make_clients_one_off_service_does_not(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.CLIENT, "gym") == {"sue"}
    assert customers(driver, Lens.CLIENT, "ledgerly") == {"wayne"}
    assert customers(driver, Lens.CLIENT, "initech") == {"globex"}  # the CONTRACT only
    assert len(lens_rows(driver, Lens.CLIENT, "initech", "globex")) == 1
    assert sentences(driver, Lens.CLIENT, "gym", "sue") == [
        "Sue bought 'Monthly pass' from Gym (SUBSCRIPTION, 30 EUR, 2024-01-01)"
    ]
    assert sentences(driver, Lens.CLIENT, "ledgerly", "wayne") == [
        "Ledgerly serves 'bookkeeping' to Wayne (ongoing)"
    ]
    (row,) = lens_rows(driver, Lens.CLIENT, "ledgerly", "wayne")
    ((start, kind, end, rel_id),) = steps(row["evidence"])
    assert (start["id"], kind, end["id"]) == ("ledgerly", "SERVES", "wayne")
    assert rel_id == "s-ledgerly-wayne"


# --- REPEAT -------------------------------------------------------------------------------


def test_repeat_buyer_gets_one_row_with_every_purchase_one_off_buyer_none(
    driver: neo4j.Driver,
) -> None:
    assert customers(driver, Lens.REPEAT, "cafe") == {"reg"}
    (row,) = lens_rows(driver, Lens.REPEAT, "cafe", "reg")
    assert [s[3] for s in steps(row["evidence"])] == ["b-reg-1", "b-reg-2", "b-reg-3"]
    assert summarize(Lens.REPEAT, row["evidence"]) == (
        "Reg bought from Cafe 3 times: 'Coffee' (ONE_OFF, 3.5 EUR, 2024-09-01); "
        "'Coffee' (ONE_OFF, 3.5 EUR, 2024-09-02); "
        "'Cake' (ONE_OFF, paid with IN_KIND, 4 EUR, 2024-09-03)"
    )


# --- the lenses composed, as the server runs them -----------------------------------------


def composed(lenses: list[Lens]) -> str:
    """The lens files joined by the server's own lens_union, for every customer of p."""
    return (
        "WITH $providerId AS providerId, $customerId AS customerId\n"
        f"CALL (providerId, customerId) {{\n{lens_union(tuple(lenses))}\n}}\n"
        "RETURN customer, lens, evidence"
    )


def test_all_ten_lens_files_compose_into_one_union_subquery(driver: neo4j.Driver) -> None:
    query = composed(list(Lens))
    inner = query.split("\n", 1)[1]
    for window in ("$since", "$until", "$offering", "$evidence"):  # stay query parameters
        inner = inner.replace(window, "")
    assert "$" not in inner
    for provider, customer in [("initech", None), ("toyco", "kid"), ("hr", None), ("x", None)]:
        records, _, _ = driver.execute_query(
            query, providerId=provider, customerId=customer, **NO_WINDOW, routing_="r"
        )
        together = sorted((r["customer"]["id"], r["lens"]) for r in records)
        one_by_one = sorted(
            (row["customer"]["id"], lens.value)
            for lens in Lens
            for row in lens_rows(driver, lens, provider, customer)
        )
        assert together == one_by_one, provider
    records, _, _ = driver.execute_query(query, providerId="toyco", customerId="kid", **NO_WINDOW)
    assert {r["lens"] for r in records} == {"END_USER", "BENEFICIARY"}


# --- candidate providers ------------------------------------------------------------------


def candidates(driver: neo4j.Driver, customer: str) -> set[str]:
    rows = run(driver, "lenses/candidate_providers", customerId=customer)
    assert all(row.keys() == ["providerId"] for row in rows)
    assert len(rows) == len({row["providerId"] for row in rows})  # distinct
    return {row["providerId"] for row in rows}


def test_candidate_providers_cover_every_relationship_a_lens_can_hold_on(
    driver: neo4j.Driver,
) -> None:
    assert candidates(driver, "bob") == {"initech"}  # uses it, and is in Globex's buying center
    assert candidates(driver, "dana") == {"initech"}  # only through the buying center
    assert candidates(driver, "eve") == set()  # a member without a buying role
    assert candidates(driver, "erin") == {"hr"}  # served
    assert candidates(driver, "pat") == {"vidtube"}  # contributes and uses
    assert candidates(driver, "lead") == {"acme"}  # engages
    assert candidates(driver, "globex") == {"initech"}
    assert candidates(driver, "nobody") == set()


def test_candidate_providers_include_every_provider_any_lens_finds(driver: neo4j.Driver) -> None:
    everyone = [r["id"] for r in driver.execute_query("MATCH (n:Stakeholder) RETURN n.id AS id")[0]]
    for provider in everyone:
        for lens in Lens:
            for row in lens_rows(driver, lens, provider):
                assert provider in candidates(driver, row["customer"]["id"]), (lens, provider)


def test_candidates_then_lenses_answer_providers_of_in_one_query(driver: neo4j.Driver) -> None:
    query = (
        f"CALL () {{ {load('lenses/candidate_providers').body} }}\n"
        "WITH providerId, $customerId AS customerId\n"
        f"CALL (providerId, customerId) {{\n{lens_union(tuple(Lens))}\n}}\n"
        "RETURN providerId, customer.id AS customerId, lens"
    )
    records, _, _ = driver.execute_query(query, customerId="bob", **NO_WINDOW, routing_="r")
    assert {(r["providerId"], r["customerId"], r["lens"]) for r in records} == {
        ("initech", "bob", "BUYING_CENTER"),
        ("initech", "bob", "END_USER"),
        ("initech", "bob", "BENEFICIARY"),
    }


# --- the analyst queries under cypher/queries/ --------------------------------------------

# Every query file, with sample parameters, its columns, and the rows it gives on the graph
# above (only the columns named in the expected rows are compared).
QUERIES: dict[str, tuple[dict[str, Any], list[str], list[dict[str, Any]]]] = {
    "queries/consumers_not_customers": (
        {"providerId": "toyco"},
        ["consumer", "consumerId", "offerings", "payer", "payerId", "payerRelation"],
        [
            {
                "consumerId": "kid",
                "offerings": ["Blocks"],
                "payerId": "mom",
                "payerRelation": "PARENT",
            }
        ],
    ),
    "queries/internal_service_map": (
        {"organizationId": "hooli"},
        ["provider", "providerId", "recipient", "recipientId", "relation", "offering", "ongoing"],
        [
            {"providerId": "hr", "recipientId": "eng", "offering": "recruiting", "ongoing": True},
            {"providerId": "hr", "recipientId": "erin", "offering": "payroll", "ongoing": True},
            {"providerId": "hr", "recipientId": "hooli", "offering": "HR reporting"},
            {"providerId": "hr", "recipientId": "platform", "offering": "onboarding"},
        ],
    ),
    "queries/single_threaded_accounts": (
        {"providerId": "globex"},
        ["account", "accountId", "buyingRoleMembers", "members", "purchases"],
        [{"accountId": "initech", "buyingRoleMembers": 0, "members": [], "purchases": 1}],
    ),
    "queries/prosumer_share": (
        {},
        ["platform", "platformId", "contributors", "users", "prosumers", "prosumerShare"],
        [{"platformId": "vidtube", "contributors": 2, "users": 1, "prosumerShare": 1.0}],
    ),
    "queries/customers_by_lens_count": (
        {"limit": 2},
        ["customer", "customerId", "provider", "providerId", "lenses", "lensCount"],
        [
            {"customerId": "globex", "providerId": "initech", "lensCount": 5},
            {"customerId": "ada", "providerId": "toyco", "lensCount": 4},
        ],
    ),
    "queries/parents_paying_for_children": (
        {"providerId": None},
        ["parent", "parentId", "child", "childId", "provider", "providerId", "childUses"]
        + ["parentBought", "purchases"],
        [{"parentId": "mom", "childId": "kid", "providerId": "toyco", "purchases": 1}],
    ),
    "queries/top_providers_by_customers": (
        {"limit": 3},
        ["provider", "providerId", "customers", "payingCustomers", "prospects"],
        [
            {"providerId": "hr", "customers": 5, "payingCustomers": 0},
            {"providerId": "initech", "customers": 4, "payingCustomers": 1},
            {"providerId": "toyco", "customers": 3, "payingCustomers": 2},
        ],
    ),
    "queries/stalled_prospects": (
        {"providerId": "acme", "asOf": "2024-09-01T00:00:00Z", "days": 30},
        ["prospect", "prospectId", "furthestStage", "lastChannel", "lastEngagedAt", "daysSilent"],
        [{"prospectId": "lead", "furthestStage": "INTENT", "daysSilent": 121}],
    ),
    "queries/mutual_customers": (
        {},
        ["a", "aId", "b", "bId", "aReceives", "bReceives"],
        [{"aId": "globex", "bId": "initech", "bReceives": ["BUYS Freight"]}],
    ),
    # This graph holds no feedback: these run and answer nothing (test_voice_analytics
    # checks their rows on a world with feedback).
    "queries/promoters_without_referrals": (
        {"providerId": "toyco"},
        ["promoter", "promoterId", "latestNps", "answeredAt", "channel", "responses"],
        [],
    ),
    "queries/detractors_among_top_customers": (
        {"providerId": "initech", "limit": None},
        [
            "valueRank",
            "customer",
            "customerId",
            "revenue",
            "currency",
            "purchases",
            "latestNps",
            "comment",
            "answeredAt",
        ],
        [],
    ),
}


def test_the_query_files_are_exactly_those_tested() -> None:
    assert {name for name in all_files() if name.startswith("queries/")} == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_file_runs_with_sample_parameters(driver: neo4j.Driver, name: str) -> None:
    params, columns, expected = QUERIES[name]
    file = load(name)
    assert "Parameters" in file.description and "Returns" in file.description
    records, summary, keys = driver.execute_query(file.text, params, routing_="r")
    assert keys == columns
    got = [{k: record[k] for k in row} for record, row in zip(records, expected, strict=False)]
    assert (len(records), got) == (len(expected), expected)


def test_stalled_prospects_respect_the_silence_threshold(driver: neo4j.Driver) -> None:
    params = {"providerId": "acme", "asOf": "2024-05-20T00:00:00Z", "days": 30}
    assert run(driver, "queries/stalled_prospects", **params) == []


def test_lens_count_query_agrees_with_the_lens_files(driver: neo4j.Driver) -> None:
    rows = run(driver, "queries/customers_by_lens_count", limit=1000)
    from_query = {(r["customerId"], r["providerId"]): r["lenses"] for r in rows}
    everyone = [r["id"] for r in driver.execute_query("MATCH (n:Stakeholder) RETURN n.id AS id")[0]]
    from_files: dict[tuple[str, str], list[str]] = {}
    for provider in everyone:
        for lens in CUSTOMER_LENSES:
            for row in lens_rows(driver, lens, provider):
                held = from_files.setdefault((row["customer"]["id"], provider), [])
                if lens.value not in held:
                    held.append(lens.value)
    assert from_query == from_files


def test_composed_lenses_start_from_the_provider_index_seek_on_a_larger_graph(
    driver: neo4j.Driver,
) -> None:
    """With 20 000 more stakeholders, every branch seeks p by id instead of scanning."""

    def operators(plan: dict[str, Any]) -> list[str]:
        own = str(plan["operatorType"]).split("@")[0]
        return [own] + [op for child in plan.get("children", []) for op in operators(child)]

    driver.execute_query(
        "UNWIND range(1, 20000) AS i CREATE (:Stakeholder:Person {id: 'bulk-' + i, "
        "name: 'Bulk ' + i, createdAt: datetime(), updatedAt: datetime()})"
    )
    try:
        cases: list[tuple[str, dict[str, Any]]] = [
            (composed(list(Lens)), {"providerId": "initech", "customerId": None, **NO_WINDOW}),
            (load("lenses/candidate_providers").text, {"customerId": "bob"}),
        ]
        for query, params in cases:
            _, summary, _ = driver.execute_query(f"CYPHER replan=force EXPLAIN {query}", params)
            assert summary.plan is not None
            used = operators(summary.plan)
            assert not [op for op in used if "Scan" in op], used
    finally:
        driver.execute_query("MATCH (n:Stakeholder) WHERE n.id STARTS WITH 'bulk-' DELETE n")


def test_lens_files_with_a_customer_id_cost_that_customer_not_the_providers_popularity(
    driver: neo4j.Driver,
) -> None:
    """With customerId given, x is sought by id and the lens is matched between x and p:
    on a provider with thousands of customers, that stays a few dozen db hits per file."""

    def hits(plan: dict[str, Any]) -> int:
        return int(plan.get("dbHits", 0)) + sum(hits(c) for c in plan.get("children", []))

    many = 3000
    driver.execute_query(
        """
        CREATE (hub:Stakeholder:Organization {id: 'hubtest-hub', name: 'Hub'}),
               (org:Stakeholder:Organization {id: 'hubtest-org', name: 'Org'}),
               (one:Stakeholder:Person {id: 'hubtest-one', name: 'One'}),
               (org)-[:BUYS {id: 'hubtest-b-org', at: datetime(), kind: 'CONTRACT',
                             consideration: 'MONEY'}]->(hub),
               (one)-[:BUYS {id: 'hubtest-b-one-1', at: datetime(), kind: 'ONE_OFF',
                             consideration: 'MONEY'}]->(hub),
               (one)-[:BUYS {id: 'hubtest-b-one-2', at: datetime(), kind: 'SUBSCRIPTION',
                             consideration: 'MONEY'}]->(hub),
               (one)-[:USES {id: 'hubtest-u-one'}]->(hub),
               (one)-[:CONTRIBUTES {id: 'hubtest-c-one'}]->(hub),
               (one)-[:ENGAGES {id: 'hubtest-e-one'}]->(hub),
               (hub)-[:SERVES {id: 'hubtest-s-one', ongoing: true}]->(one),
               (one)-[:MEMBER_OF {buyingRole: 'DECIDER'}]->(org)
        WITH hub, org
        UNWIND range(1, $many) AS i
        CREATE (c:Stakeholder:Person {id: 'hubtest-' + i, name: 'C' + i}),
               (c)-[:BUYS {id: 'hubtest-b' + i, at: datetime(), kind: 'ONE_OFF',
                           consideration: 'MONEY'}]->(hub),
               (c)-[:USES {id: 'hubtest-u' + i}]->(hub),
               (c)-[:ENGAGES {id: 'hubtest-e' + i}]->(hub),
               (c)-[:CONTRIBUTES {id: 'hubtest-c' + i}]->(hub),
               (hub)-[:SERVES {id: 'hubtest-s' + i, ongoing: false}]->(c),
               (c)-[:MEMBER_OF {buyingRole: 'USER'}]->(org)
        """,
        many=many,
    )
    try:
        for lens in Lens:
            cost = {}
            for customer in ("hubtest-one", None):
                _, summary, _ = driver.execute_query(
                    "CYPHER replan=force PROFILE " + load(LENS_FILES[lens]).text,
                    providerId="hubtest-hub",
                    customerId=customer,
                    **NO_WINDOW,
                )
                assert summary.profile is not None
                cost[customer] = hits(summary.profile)
            assert cost["hubtest-one"] < 2000, (lens, cost)
            assert cost[None] > many, (lens, cost)
    finally:
        driver.execute_query(
            "MATCH (n:Stakeholder) WHERE n.id STARTS WITH 'hubtest-' DETACH DELETE n"
        )


def test_evidence_false_keeps_every_row_and_drops_only_the_paths(driver: neo4j.Driver) -> None:
    """$evidence false (the server, for a client that selects no evidence) returns the same
    rows with [] as evidence; null (the analyst's default) returns the paths."""
    for lens in Lens:
        for provider in ("initech", "toyco", "hr", "acme"):
            full = run(driver, LENS_FILES[lens], providerId=provider, customerId=None)
            bare = run(
                driver, LENS_FILES[lens], providerId=provider, customerId=None, evidence=False
            )
            ids = sorted(r["customer"]["id"] for r in full)
            assert sorted(r["customer"]["id"] for r in bare) == ids
            assert all(r["evidence"] for r in full), (lens, provider)
            assert all(r["evidence"] == [] for r in bare), (lens, provider)
