"""Load: concurrent clients of mixed reads and writes against a running stakegraph server.

    stakegraph serve --port 8123 &                       # against the Neo4j at NEO4J_URI
    NEO4J_URI=... python bench/load.py --url http://127.0.0.1:8123/graphql \\
        --server-pid $! [--clients 16] [--seconds 60] [--key EDITOR_KEY] [--json out.json]

Each client loops until the time is up (or --max-requests in all): 40% recordPurchase with
a fresh id, 30% customersOf (first 20) and 30% explain, on --shops shops and 200 buyers
that the script creates first (ids `load-shop-N`, `load-buyer-N`). With --shops 1 every
write locks the same seller node (MERGE of a relationship locks both ends), which measures
the worst case of one hot provider. Afterwards it checks in Neo4j
that every acknowledged purchase exists (lost writes), counts errors (HTTP other than 200,
or GraphQL errors), and prints latency per operation and the server's RSS, sampled every
few seconds from /proc (memory should stay flat). Purchases of earlier runs are left alone:
each run's ids carry a run prefix.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import neo4j
from common import auth, uri

BUYERS = 200

PURCHASE = """mutation Buy($input: PurchaseInput!) { recordPurchase(input: $input) { id } }"""
CUSTOMERS = """query Customers($p: ID!) { customersOf(providerId: $p, first: 20) {
  totalCount edges { node { customer { id name } lenses } } } }"""
EXPLAIN = """query Explain($c: ID!, $p: ID!) { explain(customerId: $c, providerId: $p) {
  isCustomer lenses { lens holds evidence { summary } } } }"""


class Run:
    def __init__(
        self, url: str, headers: dict[str, str], deadline: float, budget: int, shops: int
    ) -> None:
        self.url, self.headers, self.deadline, self.budget = url, headers, deadline, budget
        self.shops = shops
        self.prefix = f"load-{uuid.uuid4().hex[:8]}-"
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.acknowledged: list[str] = []
        self.sent = 0

    async def call(
        self, client: httpx.AsyncClient, op: str, query: str, variables: dict[str, Any]
    ) -> dict[str, Any] | None:
        started = time.perf_counter()
        try:
            response = await client.post(
                self.url, json={"query": query, "variables": variables}, headers=self.headers
            )
            body: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            self.errors[op].append(f"{type(exc).__name__}: {exc}")
            return None
        self.latencies[op].append((time.perf_counter() - started) * 1000)
        if response.status_code != 200 or body.get("errors"):
            self.errors[op].append(f"{response.status_code} {json.dumps(body)[:200]}")
            return None
        data: dict[str, Any] = body["data"]
        return data

    async def client(self, number: int) -> None:
        rng = random.Random(number)
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            n = 0
            while time.monotonic() < self.deadline and self.sent < self.budget:
                self.sent += 1
                n += 1
                buyer = f"load-buyer-{rng.randrange(BUYERS)}"
                shop = f"load-shop-{rng.randrange(self.shops)}"
                pick = rng.random()
                if pick < 0.4:
                    pid = f"{self.prefix}{number}-{n}"
                    purchase = {
                        "id": pid,
                        "buyerId": buyer,
                        "sellerId": shop,
                        "offering": "widget",
                        "amount": round(rng.uniform(1, 500), 2),
                        "currency": "EUR",
                    }
                    if await self.call(client, "recordPurchase", PURCHASE, {"input": purchase}):
                        self.acknowledged.append(pid)
                elif pick < 0.7:
                    await self.call(client, "customersOf", CUSTOMERS, {"p": shop})
                else:
                    await self.call(client, "explain", EXPLAIN, {"c": buyer, "p": shop})


async def setup(url: str, headers: dict[str, str], shops: int) -> None:
    async with httpx.AsyncClient(timeout=30) as client:

        async def mutate(text: str) -> None:
            response = await client.post(url, json={"query": text}, headers=headers)
            body = response.json()
            if response.status_code != 200 or body.get("errors"):
                sys.exit(f"setup failed: {response.status_code} {body}")

        for i in range(shops):
            await mutate(
                f'mutation {{ upsertOrganization(input: {{id: "load-shop-{i}", '
                f'name: "Shop {i}"}}) {{ id }} }}'
            )
        for i in range(BUYERS):
            await mutate(
                f'mutation {{ upsertPerson(input: {{id: "load-buyer-{i}", name: "Buyer {i}"}}) '
                "{ id } }"
            )


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def sample_rss(pid: int | None, deadline: float, every: float, out: list[float]) -> None:
    while pid is not None and time.monotonic() < deadline:
        value = rss_mib(pid)
        if value is not None:
            out.append(round(value, 1))
        await asyncio.sleep(every)


def lost_writes(prefix: str, acknowledged: list[str]) -> tuple[int, int]:
    """(acknowledged purchases missing from Neo4j, purchases of this run in Neo4j)."""
    with neo4j.GraphDatabase.driver(uri(), auth=auth()) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (:Stakeholder)-[r:BUYS]->(s:Stakeholder) WHERE s.id STARTS WITH 'load-shop-' "
            "AND r.id STARTS WITH $prefix RETURN collect(r.id) AS ids",
            prefix=prefix,
        )
    stored = set(records[0]["ids"])
    return len(set(acknowledged) - stored), len(stored)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--shops", type=int, default=16)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--server-pid", type=int, default=None, help="for RSS samples")
    parser.add_argument("--rss-every", type=float, default=5)
    parser.add_argument("--key", default=os.environ.get("STAKEGRAPH_LOAD_KEY"))
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    if not args.url.startswith(("http://127.0.0.1", "http://localhost")):
        sys.exit("load.py only loads a server on this machine (127.0.0.1)")
    headers = {"Authorization": f"Bearer {args.key}"} if args.key else {}

    await setup(args.url, headers, args.shops)
    started = time.monotonic()
    run = Run(args.url, headers, started + args.seconds, args.max_requests, args.shops)
    rss: list[float] = []
    await asyncio.gather(
        sample_rss(args.server_pid, run.deadline, args.rss_every, rss),
        *(run.client(i) for i in range(args.clients)),
    )
    elapsed = time.monotonic() - started
    missing, stored = lost_writes(run.prefix, run.acknowledged)

    report: dict[str, Any] = {
        "clients": args.clients,
        "shops": args.shops,
        "seconds": round(elapsed, 1),
        "requests": sum(len(v) for v in run.latencies.values()),
        "errors": {op: len(v) for op, v in run.errors.items()},
        "error_samples": {op: v[:3] for op, v in run.errors.items()},
        "acknowledged_purchases": len(run.acknowledged),
        "purchases_in_neo4j": stored,
        "lost_writes": missing,
        "rss_mib": rss,
        "ops": {},
    }
    print(
        f"{args.clients} clients, {elapsed:.1f} s, {report['requests']} answers "
        f"({report['requests'] / elapsed:.0f}/s)"
    )
    print("| operation | answers | errors | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for op in ("recordPurchase", "customersOf", "explain"):
        values = run.latencies.get(op, [])
        if not values:
            continue
        stats = {
            "answers": len(values),
            "errors": len(run.errors.get(op, [])),
            "p50": round(statistics.median(values), 1),
            "p95": round(percentile(values, 0.95), 1),
            "p99": round(percentile(values, 0.99), 1),
        }
        report["ops"][op] = stats
        print(
            f"| {op} | {stats['answers']} | {stats['errors']} | {stats['p50']} | "
            f"{stats['p95']} | {stats['p99']} |"
        )
    print(f"purchases acknowledged {len(run.acknowledged)}, in Neo4j {stored}, lost {missing}")
    print(f"server RSS MiB every {args.rss_every:g} s: {rss}")
    for op, samples in report["error_samples"].items():
        print(f"errors in {op}: {samples}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
