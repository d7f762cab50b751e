"""Warm start: after a restart of Neo4j, the server plans its hot statements before /ready
says ready, so that the first call of each hot field is not charged for planning.

This test starts a Neo4j of its own (the session's database has long been warm), loads
the demo, restarts it cold, and serves with a one-second transaction timeout: before
warming, seven of these fields answered TIMEOUT on their first call.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from stakegraph import localdb
from stakegraph.api.app import create_app
from stakegraph.api.warmup import hot_calls
from stakegraph.config import DEFAULT_PASSWORD, Neo4jSettings, ServerSettings
from stakegraph.graph.warmup import NO_ID
from stakegraph.lenses import Lens
from stakegraph.localdb import free_port

HOT_FIELDS = {
    "explain": '{ explain(customerId: "leo", providerId: "toyco") '
    "{ isCustomer lenses { lens evidence { summary path { from { name } to { name } } } } } }",
    "customersOf": '{ customersOf(providerId: "toyco", lenses: [END_USER], '
    "except: [TRANSACTIONAL], first: 5) { totalCount edges { node { customer { name } "
    "evidence { summary } } } } }",
    "providersOf": '{ providersOf(customerId: "mia") { totalCount edges { node { lenses } } } }',
    "customerMap": '{ customerMap(providerId: "vidly") '
    "{ current { lenses } potential { lenses } } }",
    "segments": '{ segments(providerId: "initech", by: COUNTRY) { key count } }',
    "rfm": '{ rfm(providerId: "toyco") { segment } }',
    "leads": '{ leads(providerId: "initech", first: 3) { score } }',
    "buyingCenter": '{ buyingCenter(organizationId: "globex", providerId: "initech") '
    "{ missingRoles } }",
    "lifetimeValue": '{ lifetimeValue(customerId: "globex", providerId: "initech") '
    "{ historicalRevenue } }",
}


def test_the_hot_calls_name_no_stakeholder_and_cover_both_listings_of_every_lens() -> None:
    calls = hot_calls()
    assert NO_ID.startswith("#")  # outside the id alphabet of SPEC 2: matches no data
    assert {"explain", "rfm", "leads", "segments", "neighbourhood", "search"} <= set(calls)
    for listing in ("customers_of", "providers_of"):
        planned = {name for name in calls if name.startswith(listing + "[")}
        assert {f"{listing}[{lens.value}]" for lens in Lens} <= planned
        assert {f"{listing}[ALL]", f"{listing}[END_USER except TRANSACTIONAL]"} <= planned


def _serve_cold(data_dir: Path) -> Neo4jSettings:
    """A Neo4j of this test's own, with the demo, restarted so that no plan is cached."""
    port = free_port()
    started = localdb.start(port, data_dir, password=DEFAULT_PASSWORD)
    env = {**os.environ, "NEO4J_URI": started.uri, "NEO4J_PASSWORD": DEFAULT_PASSWORD}
    subprocess.run([sys.executable, "-m", "stakegraph", "demo"], env=env, check=True)
    localdb.stop(data_dir)
    localdb.start(port, data_dir, password=DEFAULT_PASSWORD)
    return Neo4jSettings(uri=started.uri, username="neo4j", password=DEFAULT_PASSWORD)


def test_after_a_restart_each_hot_field_answers_its_first_call_within_one_second(
    tmp_path: Path,
) -> None:
    try:
        db = _serve_cold(tmp_path)
        server = ServerSettings(transaction_timeout=1, warm_up=True)
        with TestClient(create_app(db, server)) as client:
            first = client.get("/ready")
            assert (first.status_code, first.json()) == (
                503,
                {"status": "unavailable", "reason": "warming"},
            )
            deadline = time.monotonic() + 900  # planning took 5 min on a loaded 2-core box
            while client.get("/ready").status_code != 200:
                if time.monotonic() > deadline:
                    pytest.fail("the server was still warming after 15 minutes")
                time.sleep(2)
            for name, query in HOT_FIELDS.items():
                body = client.post("/graphql", json={"query": query}).json()
                assert "errors" not in body, (name, body["errors"])
                assert body["data"], name
    finally:
        localdb.stop(tmp_path)
