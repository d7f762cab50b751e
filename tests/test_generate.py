"""The synthetic world generator: deterministic, valid, realistic, streaming."""

from __future__ import annotations

import json
import re
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from stakegraph.generate import BENCH_PROVIDERS, generate
from stakegraph.graph.driver import Graph
from stakegraph.importer import import_path
from stakegraph.records import RELATION, STAKEHOLDER

World = dict[str, list[dict[str, Any]]]
ISO_Z = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


@pytest.fixture(scope="module")
def world_10k(tmp_path_factory: pytest.TempPathFactory) -> World:
    path = tmp_path_factory.mktemp("world") / "world.json"
    summary = generate(10_000, 7, path)
    assert summary.stakeholders == 10_000
    world: World = json.loads(path.read_text())
    assert len(world["relations"]) == summary.relations
    return world


def test_same_seed_writes_the_same_bytes_and_another_seed_another_world(tmp_path: Path) -> None:
    generate(2_000, 42, tmp_path / "a.json")
    generate(2_000, 42, tmp_path / "b.json")
    generate(2_000, 43, tmp_path / "c.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (tmp_path / "a.json").read_bytes() != (tmp_path / "c.json").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "c.json"]


def test_every_record_validates_ids_are_unique_and_every_relation_end_exists(
    world_10k: World,
) -> None:
    ids: set[str] = set()
    for record in world_10k["stakeholders"]:
        STAKEHOLDER.validate_python(record)
        assert record["id"] not in ids
        ids.add(record["id"])
    relation_ids: set[str] = set()
    pairs: set[tuple[str, str, str]] = set()
    for record in world_10k["relations"]:
        RELATION.validate_python(record)
        assert record["from"] in ids and record["to"] in ids, record
        assert record["from"] != record["to"], record
        if "id" in record:
            assert record["id"] not in relation_ids
            relation_ids.add(record["id"])
        else:  # structural: one per pair
            pair = (record["type"], record["from"], record["to"])
            assert pair not in pairs
            pairs.add(pair)
        for key in ("at", "since", "createdAt"):
            if key in record:
                assert ISO_Z.fullmatch(record[key]), record


def test_world_has_the_stakeholders_asked_for_and_three_to_six_relations_each(
    world_10k: World,
) -> None:
    assert len(world_10k["stakeholders"]) == 10_000
    assert 3 <= len(world_10k["relations"]) / 10_000 <= 6


def test_benchmark_providers_have_about_10_100_and_1000_customers(world_10k: World) -> None:
    customers: dict[str, set[str]] = defaultdict(set)
    for record in world_10k["relations"]:
        if record["type"] == "BUYS":
            customers[record["to"]].add(record["from"])
    for provider, wanted in BENCH_PROVIDERS.items():
        assert 0.9 * wanted <= len(customers[provider]) <= 1.1 * wanted, provider


def test_most_buyers_never_answer_and_promoters_refer_more_than_detractors(
    world_10k: World,
) -> None:
    relations = world_10k["relations"]
    pairs = {(r["from"], r["to"]) for r in relations if r["type"] == "BUYS"}
    feedback = [r for r in relations if r["type"] == "GIVES_FEEDBACK"]
    answered = {(r["from"], r["to"]) for r in feedback}
    assert answered <= pairs  # only buyers answer, about what they bought from
    assert 0.05 < len(answered) / len(pairs) < 0.25
    referred_for = Counter((r["from"], r["providerId"]) for r in relations if r["type"] == "REFERS")
    assert all(r["to"] != r["providerId"] for r in relations if r["type"] == "REFERS")

    def referral_rate(scores: range) -> float:
        group = [r for r in feedback if r["nps"] in scores]
        return sum(referred_for[(r["from"], r["to"])] > 0 for r in group) / len(group)

    assert referral_rate(range(9, 11)) > 3 * referral_rate(range(0, 7))


def test_world_speaks_the_whole_vocabulary_of_the_spec(world_10k: World) -> None:
    stakeholders, relations = world_10k["stakeholders"], world_10k["relations"]
    kind_of = {s["id"]: s["kind"] for s in stakeholders}
    assert Counter(s["kind"] for s in stakeholders).keys() == {
        "ORGANIZATION",
        "DEPARTMENT",
        "PERSON",
    }
    assert {s.get("orgType") for s in stakeholders if s["kind"] == "ORGANIZATION"} == {
        "BUSINESS",
        "GOVERNMENT",
        "INSTITUTION",
        "NONPROFIT",
    }
    assert {r["type"] for r in relations} == {
        "BUYS",
        "USES",
        "SERVES",
        "CONTRIBUTES",
        "ENGAGES",
        "GIVES_FEEDBACK",
        "REFERS",
        "MEMBER_OF",
        "PART_OF",
        "PARENT_OF",
    }

    buys = [r for r in relations if r["type"] == "BUYS"]
    assert {r["kind"] for r in buys} == {"ONE_OFF", "SUBSCRIPTION", "CONTRACT", "MEMBERSHIP"}
    considerations = Counter(r["consideration"] for r in buys)
    assert considerations.keys() == {"MONEY", "DATA", "ATTENTION", "IN_KIND"}
    assert considerations["MONEY"] > 0.8 * len(buys)
    assert {r["currency"] for r in buys} == {"USD", "EUR", "GBP", "JPY"}
    assert {r["at"][:4] for r in buys} == {str(year) for year in range(2021, 2027)}
    stages = {r["stage"] for r in relations if r["type"] == "ENGAGES"}
    assert stages == {"AWARENESS", "CONSIDERATION", "INTENT", "ADVOCACY"}

    # Buying centers: several roles, single-threaded accounts, members without role, scoped.
    members = [r for r in relations if r["type"] == "MEMBER_OF"]
    assert {r.get("buyingRole") for r in members} >= {
        None,
        "INITIATOR",
        "USER",
        "INFLUENCER",
        "DECIDER",
        "APPROVER",
        "BUYER",
        "GATEKEEPER",
        "CHAMPION",
    }
    assert any(r.get("scope") for r in members)
    home = {r["from"]: r["to"] for r in relations if r["type"] == "PART_OF"}

    def organization(unit: str) -> str:
        while kind_of[unit] == "DEPARTMENT":
            unit = home[unit]
        return unit

    roles_per_org = Counter(organization(r["to"]) for r in members if r.get("buyingRole"))
    assert 1 in roles_per_org.values() and max(roles_per_org.values()) >= 5
    assert any(kind_of[home[d]] == "DEPARTMENT" for d in home)  # nested departments

    # Internal service between departments of one organisation, and ongoing service.
    serves = [r for r in relations if r["type"] == "SERVES"]
    assert any(
        kind_of[r["from"]] == kind_of[r["to"]] == "DEPARTMENT"
        and organization(r["from"]) == organization(r["to"])
        for r in serves
    )
    assert any(r["ongoing"] for r in serves) and not all(r["ongoing"] for r in serves)

    # Families: a parent buys from a provider the child uses.
    bought = {(r["from"], r["to"]) for r in buys}
    uses = {(r["from"], r["to"]) for r in relations if r["type"] == "USES"}
    assert any(
        (r["from"], p) in bought and (r["to"], p) in uses
        for r in relations
        if r["type"] == "PARENT_OF"
        for (u, p) in uses
        if u == r["to"]
    )
    # Platforms: prosumers (contribute and use), plain contributors, plain viewers.
    contributes = {(r["from"], r["to"]) for r in relations if r["type"] == "CONTRIBUTES"}
    platforms = {p for _, p in contributes}
    viewers = {pair for pair in uses if pair[1] in platforms}
    assert contributes & viewers and contributes - viewers and viewers - contributes

    people = [s for s in stakeholders if s["kind"] == "PERSON"]
    assert all("birthYear" in p for p in people)
    assert any(p["interests"] and p["values"] and p["needs"] for p in people)
    employees = sorted(s["employees"] for s in stakeholders if s["kind"] == "ORGANIZATION")
    assert employees[-1] > 50 * employees[len(employees) // 2]  # heavy-tailed


def test_memory_stays_flat_as_the_world_grows(tmp_path: Path) -> None:
    def peak(stakeholders: int) -> int:
        tracemalloc.start()
        try:
            generate(stakeholders, 1, tmp_path / f"{stakeholders}.json")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(1_000), peak(10_000)
    assert large < 2 * small, (small, large)


@pytest.mark.anyio
async def test_generated_world_imports_whole_with_its_role_labels(
    graph: Graph, tmp_path: Path
) -> None:
    summary = generate(1_000, 3, tmp_path / "world.json")
    imported = await import_path(graph, tmp_path / "world.json")
    assert (imported.stakeholders, imported.relations) == (1_000, summary.relations)
    rows = await graph.read(
        "MATCH (n:Stakeholder) RETURN count(n) AS nodes, "
        "count { MATCH ()-[]->() } AS links, "
        "count { MATCH (b:BuyingCenterMember) } AS members, count { MATCH (p:Parent) } AS parents, "
        "count { MATCH (e:EndUser) } AS users, count { MATCH (c:Prosumer) } AS prosumers"
    )
    counts = rows[0]
    assert (counts["nodes"], counts["links"]) == (1_000, summary.relations)
    assert min(counts["members"], counts["parents"], counts["users"], counts["prosumers"]) > 0
