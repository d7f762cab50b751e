"""stakegraph against @neo4j/graphql on the same question, in one run (issue 15, point 4).

The question: a page of 50 paying customers of a provider with every purchase's
properties. stakegraph answers it with customersOf(lenses: [TRANSACTIONAL], first: 50)
selecting each evidence step's `relation { ... on Purchase {...} }` (SPEC 9); the peer
(bench/peer: the Neo4j GraphQL Library on Apollo Server, one Node process) with
`stakeholdersConnection` of the stakeholders that BUYS from the provider with money, each
with its `purchasesFromConnection` edge properties: the same customers in the same order,
each with all its purchases (checked before timing). The issue's own wording,
`customersConnection` of the provider with edge properties, is measured too ("peer,
purchases"): its page is 50 purchases, not 50 customers (a customer with 3 purchases
fills 3 edges), so it answers less.

For each of bench-p10, bench-p100 and bench-p1000 and each concurrency (1 and 16):

- both servers over HTTP, driven by wrk (as bench/query_bench.py), one process each
  (`stakegraph serve`, one uvicorn worker, the README's defaults);
- the raw Cypher of each: stakegraph's page statement (lens_query.PageAsk.statement) and the
  statement the peer itself ran (captured by a short-lived second peer with
  PEER_CYPHER_LOG), each through the async Python driver in a read transaction;
- at concurrency 16 also `stakegraph serve --workers 2`.

`--rounds` rounds; in each, the servers go in turn, in the opposite order every other round,
so the other work on the machine falls on all of them alike. Each figure is the median over
rounds of the per-round p50 / p95 and the requests over all rounds' seconds.

Then the write benchmark: recordPurchase from 16 clients, each to its own seller (and own
buyer, so no two clients lock the same node), against the same write without HTTP and
GraphQL: (a) the mutation's statements (writes.merge_relations + relations.relation_in, in
one write transaction, as the server runs them) through the async driver from 16 asyncio
tasks, (b) one statement, writes/merge_buys alone (no checks, no role refresh, no read-back).

    python bench/peer_compare.py --size 10000          # fresh local Neo4j, imports the world
    python bench/peer_compare.py --size 1000000 --initial   # the offline importer (faster)
    python bench/peer_compare.py --uri bolt://127.0.0.1:7708   # a Neo4j holding a world

Needs wrk and `(cd bench/peer && npm ci)`. Prints the tables and `uptime` before and after;
writes JSON (--out). The write benchmark adds purchases between `bench-w-buyer-N` and
`bench-w-seller-N` (created here), leaving the benchmark providers untouched.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common import Figures, auth, world, wrk_figures
from neo4j import AsyncGraphDatabase
from query_bench import (
    PEER,
    PROVIDERS,
    post,
    process,
    raw,
    wait_for_line,
    wait_http,
    wrk,
)

from stakegraph import localdb, records
from stakegraph.graph import lens_query, relations, writes
from stakegraph.graph.cypher import load
from stakegraph.graph.lens_query import Listing
from stakegraph.lenses import Lens

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
AUTH = auth()

PURCHASE_FIELDS = "offering amount currency at kind consideration"
STAKEGRAPH = (
    "query($p: ID!) { customersOf(providerId: $p, lenses: [TRANSACTIONAL], first: 50)"
    " { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {"
    " customer { id name } evidence { path { relation { ... on Purchase { id "
    + PURCHASE_FIELDS
    + " } } } } } } } }"
)
MONEY = 'edge: {consideration: {eq: "MONEY"}}'
PEER_CUSTOMERS = (
    "query($p: ID!) { stakeholdersConnection(first: 50, where: {purchasesFromConnection:"
    " {some: {node: {id: {eq: $p}}, " + MONEY + "}}}, sort: [{name: ASC}, {id: ASC}])"
    " { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name"
    " purchasesFromConnection(where: {node: {id: {eq: $p}}, " + MONEY + "})"
    " { edges { properties { id " + PURCHASE_FIELDS + " } } } } } } }"
)
PEER_PURCHASES = (
    "query($p: ID!) { stakeholders(where: {id: {eq: $p}}) { id name"
    " customersConnection(first: 50, where: {" + MONEY + "},"
    " sort: [{node: {name: ASC}}, {node: {id: ASC}}]) { totalCount"
    " pageInfo { hasNextPage endCursor } edges { cursor"
    " properties { id " + PURCHASE_FIELDS + " } node { id name } } } } }"
)
RECORD_PURCHASE = "mutation($input: PurchaseInput!) { recordPurchase(input: $input) { id } }"
WRITERS = 16

# wrk, one thread per connection so each connection writes to its own seller and buyer.
WRK_WRITE_LUA = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("me", #threads)
end
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
function request()
  n = n + 1
  local i = me - 1
  local body = string.format(
    '{"query": "%s", "variables": {"input": {"id": "%s-%d-%d", "buyerId": "bench-w-buyer-%d",'
    .. ' "sellerId": "bench-w-seller-%d", "offering": "Bench write", "amount": 10.5,'
    .. ' "currency": "EUR", "at": "2026-01-01T00:00:00Z", "kind": "ONE_OFF",'
    .. ' "consideration": "MONEY"}}}',
    os.getenv("BENCH_MUTATION"), os.getenv("BENCH_PREFIX"), i, n, i, i)
  return wrk.format(nil, nil, nil, body)
end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"') then
    failed = (failed or 0) + 1
  end
end
function done(summary, latency, requests)
  local refused = 0
  for _, thread in ipairs(threads) do
    refused = refused + (thread:get("failed") or 0)
  end
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p95": %d, "p99": %d, '
    .. '"mean": %f}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout + refused,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
"""


# ----------------------------------------------------------------------------- the world


@contextmanager
def database(args: argparse.Namespace) -> Iterator[str]:
    """The Neo4j to measure: --uri as it is, or a fresh local one holding the world."""
    if args.uri:
        yield args.uri
        return
    data_dir = OUT / f"neo4j-compare-{args.size}"
    subprocess.run(["rm", "-rf", str(data_dir)], check=True)
    bin_dir = Path(sys.executable).parent
    path = world(args.size, 1)
    if args.initial:  # Neo4j's offline importer builds the store; the first start follows
        began = time.monotonic()
        env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
        subprocess.run(
            [bin_dir / "stakegraph", "import", path, "--initial", "--data-dir", data_dir],
            env=env,
            check=True,
        )
        print(f"imported (--initial) in {time.monotonic() - began:.0f} s", flush=True)
    port = localdb.free_port()
    os.environ.setdefault("STAKEGRAPH_NEO4J_HEAP", "2g")
    os.environ.setdefault("STAKEGRAPH_NEO4J_PAGECACHE", "1g")
    localdb.start(port, data_dir)
    uri = f"bolt://127.0.0.1:{port}"
    try:
        if not args.initial:
            env = {**os.environ, "NEO4J_URI": uri}
            subprocess.run([bin_dir / "stakegraph", "schema", "apply"], env=env, check=True)
            began = time.monotonic()
            subprocess.run([bin_dir / "stakegraph", "import", path], env=env, check=True)
            print(f"imported in {time.monotonic() - began:.0f} s", flush=True)
        yield uri
    finally:
        localdb.stop(data_dir)


# ----------------------------------------------------------------------- the same answer


def same_answer(ours: dict[str, Any], peer: dict[str, Any]) -> tuple[int, int]:
    """Both pages list the same customers in the same order with the same purchases;
    returns (customers on the page, purchases on the page). Raises when they differ."""
    mine = [
        (
            e["node"]["customer"]["id"],
            sorted(s["relation"]["id"] for ev in e["node"]["evidence"] for s in ev["path"]),
        )
        for e in ours["data"]["customersOf"]["edges"]
    ]
    theirs = [
        (
            e["node"]["id"],
            sorted(x["properties"]["id"] for x in e["node"]["purchasesFromConnection"]["edges"]),
        )
        for e in peer["data"]["stakeholdersConnection"]["edges"]
    ]
    if mine != theirs:
        raise RuntimeError(f"the two servers answer differently:\n{mine}\n{theirs}")
    total = ours["data"]["customersOf"]["totalCount"]
    if total != peer["data"]["stakeholdersConnection"]["totalCount"]:
        raise RuntimeError("totalCount differs")
    return len(mine), sum(len(p) for _, p in mine)


def decode(value: Any) -> Any:
    """PEER_CYPHER_LOG's JSON back into parameters: {"$int": "50"} -> 50, {"$float": x}."""
    if isinstance(value, dict):
        if set(value) == {"$int"}:
            return int(value["$int"])
        if set(value) == {"$float"}:
            return float(value["$float"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def peer_statements(uri: str, port: int, log_dir: Path) -> dict[tuple[str, str], tuple[str, Any]]:
    """(provider, shape) -> the Cypher and parameters the peer runs for it, captured from a
    peer started with PEER_CYPHER_LOG for this alone."""
    capture = (log_dir / "peer-cypher.jsonl").resolve()
    capture.unlink(missing_ok=True)
    env = {**os.environ, "NEO4J_URI": uri, "PORT": str(port), "PEER_CYPHER_LOG": str(capture)}
    found: dict[tuple[str, str], tuple[str, Any]] = {}
    with process(["node", "index.js"], env, log_dir / "peer-capture.log", cwd=PEER):
        wait_for_line(log_dir / "peer-capture.log", "READY")
        for provider in PROVIDERS:
            for shape, query in (("customers", PEER_CUSTOMERS), ("purchases", PEER_PURCHASES)):
                before = len(capture.read_text().splitlines()) if capture.exists() else 0
                post(f"http://127.0.0.1:{port}/", query, {"p": provider})
                lines = [
                    line
                    for line in capture.read_text().splitlines()[before:]
                    if "dbms.components()" not in line
                ]  # its version check, once
                if len(lines) != 1:
                    raise RuntimeError(f"the peer ran {len(lines)} statements for one query")
                statement = json.loads(lines[0])
                found[provider, shape] = statement["query"], decode(statement["params"])
    return found


# ------------------------------------------------------------------------------ the rounds


def median_figures(runs: list[Figures]) -> dict[str, Any]:
    """One figure from a configuration's rounds: median p50/p95/p99 of the rounds, requests
    per second over all of them, and each round's p50 (the spread)."""
    seconds = sum(r.requests / r.rps for r in runs if r.rps)
    requests = sum(r.requests for r in runs)
    answered = [r for r in runs if r.requests] or runs  # a round with no answer has no p50
    return {
        "p50": round(statistics.median(r.p50 for r in answered), 2),
        "p95": round(statistics.median(r.p95 for r in answered), 2),
        "p99": round(statistics.median(r.p99 for r in answered), 2),
        "rps": round(requests / seconds, 1) if seconds else 0.0,
        "requests": requests,
        "errors": sum(r.errors for r in runs),
        "p50_rounds": [round(r.p50, 2) for r in runs],
    }


@contextmanager
def sampling_load(every: float = 5.0) -> Iterator[list[float]]:
    """The 1-minute load average every `every` seconds while the block runs."""
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(every):
            samples.append(round(os.getloadavg()[0], 1))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def reads(
    args: argparse.Namespace,
    uri: str,
    urls: dict[str, str],
    statements: dict[tuple[str, str], tuple[str, Any]],
) -> list[dict[str, Any]]:
    """Every configuration, round by round, the servers in turn."""
    tx = (Lens.TRANSACTIONAL,)
    ours: dict[str, tuple[str, dict[str, Any]]] = {
        p: lens_query.PageAsk(anchor_id=p, listing=Listing.CUSTOMERS_OF, lenses=tx).statement()
        for p in PROVIDERS
    }
    queries = {
        "stakegraph": STAKEGRAPH,
        "stakegraph, 2 workers": STAKEGRAPH,
        "peer": PEER_CUSTOMERS,
        "peer, purchases": PEER_PURCHASES,
    }
    runs: dict[tuple[str, int, str], list[Figures]] = {}
    for round_ in range(args.rounds):
        for provider in PROVIDERS:
            for c in args.concurrency:
                servers = ["stakegraph", "peer", "peer, purchases"]
                if c > 1:
                    servers.append("stakegraph, 2 workers")
                floors = ["stakegraph", "peer", "peer, purchases"]
                if round_ % 2:
                    servers.reverse()
                    floors.reverse()
                for server in servers:
                    if round_ == 0:  # warm-up, off the record
                        wrk(urls[server], queries[server], {"p": provider}, c, 1, None)
                    figures = wrk(
                        urls[server], queries[server], {"p": provider}, c, args.duration, None
                    )
                    runs.setdefault((provider, c, server), []).append(figures)
                for floor in floors:
                    if floor == "stakegraph":
                        cypher, params = ours[provider]
                    else:
                        shape = "customers" if floor == "peer" else "purchases"
                        cypher, params = statements[provider, shape]
                    figures = asyncio.run(raw(uri, cypher, params, c, args.duration))
                    runs.setdefault((provider, c, f"raw {floor}"), []).append(figures)
                print(
                    f"round {round_ + 1}: {provider} c={c} done; load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    return [
        {"provider": p, "concurrency": c, "who": who, **median_figures(figs)}
        for (p, c, who), figs in runs.items()
    ]


# ------------------------------------------------------------------------------ the writes


def create_writers(url: str) -> None:
    """16 sellers and 16 buyers of their own, for the write benchmark (idempotent)."""
    for i in range(WRITERS):
        post(
            url,
            f'mutation {{ upsertOrganization(input: {{id: "bench-w-seller-{i}", '
            f'name: "Bench seller {i}"}}) {{ id }} }}',
            {},
        )
        post(
            url,
            f'mutation {{ upsertPerson(input: {{id: "bench-w-buyer-{i}", '
            f'name: "Bench buyer {i}"}}) {{ id }} }}',
            {},
        )


def wrk_writes(url: str, seconds: int, prefix: str) -> Figures:
    """recordPurchase from 16 connections (one wrk thread each), each its own seller."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "write.lua")
        script.write_text(WRK_WRITE_LUA)
        cmd = [
            "wrk",
            f"-t{WRITERS}",
            f"-c{WRITERS}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            url,
        ]
        env = {**os.environ, "BENCH_MUTATION": RECORD_PURCHASE, "BENCH_PREFIX": prefix}
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
    return wrk_figures(out)


def purchase(prefix: str, client: int, n: int) -> records.RelationRecord:
    return records.RELATION.validate_python(
        {
            "type": "BUYS",
            "id": f"{prefix}-{client}-{n}",
            "from": f"bench-w-buyer-{client}",
            "to": f"bench-w-seller-{client}",
            "offering": "Bench write",
            "amount": 10.5,
            "currency": "EUR",
            "at": datetime(2026, 1, 1, tzinfo=UTC),
            "kind": "ONE_OFF",
            "consideration": "MONEY",
        }
    )


async def raw_writes(uri: str, seconds: int, prefix: str, whole: bool) -> Figures:
    """The same write from 16 asyncio tasks, each its own seller: `whole` = the mutation's
    statements in one write transaction (checks, merge_buys, role refresh, read-back);
    otherwise writes/merge_buys alone."""
    driver = AsyncGraphDatabase.driver(uri, auth=AUTH, notifications_min_severity="OFF")
    merge_buys = load("writes/merge_buys").body
    timings: list[float] = []

    async def once(client: int, n: int) -> None:
        record = purchase(prefix, client, n)

        async def work(tx: Any) -> None:
            if whole:
                (rel_id,) = await writes.merge_relations(
                    tx, [record], end_fields=("input.buyerId", "input.sellerId")
                )
                await relations.relation_in(tx, rel_id)
            else:
                row = record.row()
                result = await tx.run(merge_buys, rows=[writes._relation_wire(row)])
                await result.consume()

        async with driver.session(database="neo4j") as session:
            await session.execute_write(work)

    async def client(i: int, deadline: float) -> None:
        n = 0
        while (start := time.perf_counter()) < deadline:
            n += 1
            await once(i, n)
            timings.append(time.perf_counter() - start)

    try:
        await once(0, 0)
        began = time.perf_counter()
        await asyncio.gather(*(client(i, began + seconds) for i in range(WRITERS)))
        elapsed = time.perf_counter() - began
    finally:
        await driver.close()
    ms = sorted(t * 1000 for t in timings)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return Figures(
        len(ms), round(len(ms) / elapsed, 1), round(q[49], 3), round(q[94], 3), round(q[98], 3)
    )


def write_bench(args: argparse.Namespace, uri: str, url: str) -> list[dict[str, Any]]:
    create_writers(url)
    wrk_writes(url, 2, f"bw-warm-{uuid.uuid4().hex[:8]}")  # plans and pool, off the record
    asyncio.run(raw_writes(uri, 1, f"bw-warm-{uuid.uuid4().hex[:8]}", True))
    runs: dict[str, list[Figures]] = {}
    for round_ in range(args.rounds):
        order = ["graphql", "raw", "raw merge_buys"]
        if round_ % 2:
            order.reverse()
        for who in order:
            prefix = f"bw-{uuid.uuid4().hex[:8]}"
            if who == "graphql":
                figures = wrk_writes(url, args.duration, prefix)
            else:
                figures = asyncio.run(raw_writes(uri, args.duration, prefix, who == "raw"))
            runs.setdefault(who, []).append(figures)
        print(f"writes round {round_ + 1} done; load {os.getloadavg()[0]:.1f}", flush=True)
    return [{"who": who, **median_figures(figs)} for who, figs in runs.items()]


# ------------------------------------------------------------------------------- the table


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def tables(result: dict[str, Any]) -> str:
    at = {(r["provider"], r["concurrency"], r["who"]): r for r in result["reads"]}
    lines = [
        "| provider | c | stakegraph p50 / p95 ms | req/s | peer p50 / p95 ms | req/s "
        "| p50 stakegraph/peer | req/s stakegraph/peer | raw stakegraph p50 ms "
        "| stakegraph/raw p50 | raw peer p50 ms | peer/raw p50 |",
        "|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in PROVIDERS:
        for c in result["concurrency"]:
            sg, peer = at[p, c, "stakegraph"], at[p, c, "peer"]
            rsg, rpeer = at[p, c, "raw stakegraph"], at[p, c, "raw peer"]
            lines.append(
                f"| {p} | {c} | {sg['p50']} / {sg['p95']} | {sg['rps']} "
                f"| {peer['p50']} / {peer['p95']} | {peer['rps']} "
                f"| {ratio(sg['p50'], peer['p50'])} | {ratio(sg['rps'], peer['rps'])} "
                f"| {rsg['p50']} | {ratio(sg['p50'], rsg['p50'])} "
                f"| {rpeer['p50']} | {ratio(peer['p50'], rpeer['p50'])} |"
            )
    lines += [
        "",
        "The issue's `customersConnection` (a page of 50 purchases, not customers):",
        "",
        "| provider | c | peer, purchases p50 / p95 ms | req/s | raw p50 ms | peer/raw p50 "
        "| p50 stakegraph/it | req/s stakegraph/it |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for p in PROVIDERS:
        for c in result["concurrency"]:
            sg, it, rit = (
                at[p, c, "stakegraph"],
                at[p, c, "peer, purchases"],
                at[p, c, "raw peer, purchases"],
            )
            lines.append(
                f"| {p} | {c} | {it['p50']} / {it['p95']} | {it['rps']} | {rit['p50']} "
                f"| {ratio(it['p50'], rit['p50'])} | {ratio(sg['p50'], it['p50'])} "
                f"| {ratio(sg['rps'], it['rps'])} |"
            )
    workers = [c for c in result["concurrency"] if c > 1]
    if workers:
        lines += [
            "",
            "| provider | c | 1 worker req/s | 2 workers req/s | 2 / 1 "
            "| 1 worker p50 ms | 2 workers p50 ms |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for p in PROVIDERS:
            for c in workers:
                one, two = at[p, c, "stakegraph"], at[p, c, "stakegraph, 2 workers"]
                lines.append(
                    f"| {p} | {c} | {one['rps']} | {two['rps']} "
                    f"| {ratio(two['rps'], one['rps'])} | {one['p50']} | {two['p50']} |"
                )
    if result.get("writes"):
        w = {r["who"]: r for r in result["writes"]}
        g = w["graphql"]
        lines += [
            "",
            "| recordPurchase, 16 clients, 16 sellers | p50 / p95 ms | req/s | errors "
            "| GraphQL p50 / its p50 | its req/s / GraphQL req/s |",
            "|---|---|---:|---:|---:|---:|",
        ]
        names = {
            "graphql": "GraphQL over HTTP (wrk)",
            "raw": "raw: the mutation's statements, one transaction",
            "raw merge_buys": "raw: writes/merge_buys alone",
        }
        for who in ("graphql", "raw", "raw merge_buys"):
            r = w[who]
            lines.append(
                f"| {names[who]} | {r['p50']} / {r['p95']} | {r['rps']} | {r['errors']} "
                f"| {ratio(g['p50'], r['p50'])} | {ratio(r['rps'], g['rps'])} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=None, help="a Neo4j holding a generated world")
    parser.add_argument("--size", type=int, default=10000, help="without --uri: the world")
    parser.add_argument(
        "--initial",
        action="store_true",
        help="without --uri: import with `stakegraph import --initial`",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per measured run")
    parser.add_argument(
        "--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 16]
    )
    parser.add_argument("--no-writes", action="store_true")
    parser.add_argument("--out", default=str(OUT / "peer-compare.json"))
    args = parser.parse_args()
    if not (PEER / "node_modules").is_dir():
        sys.exit("the peer is not installed: (cd bench/peer && npm ci)")
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with database(args) as uri, ExitStack() as stack:
        env = {**os.environ, "NEO4J_URI": uri}
        ports = {name: localdb.free_port() for name in ("one", "two", "peer", "capture")}
        serve = [sys.executable, "-m", "stakegraph", "serve", "--port"]
        stack.enter_context(process([*serve, str(ports["one"])], env, out.parent / "sg-1.log"))
        stack.enter_context(
            process([*serve, str(ports["two"]), "--workers", "2"], env, out.parent / "sg-2.log")
        )
        statements = peer_statements(uri, ports["capture"], out.parent)
        stack.enter_context(
            process(
                ["node", "index.js"],
                {**env, "PORT": str(ports["peer"])},
                out.parent / "peer.log",
                cwd=PEER,
            )
        )
        wait_for_line(out.parent / "peer.log", "READY")
        for name in ("one", "two"):
            wait_http(f"http://127.0.0.1:{ports[name]}/ready", 900)
        urls = {
            "stakegraph": f"http://127.0.0.1:{ports['one']}/graphql",
            "stakegraph, 2 workers": f"http://127.0.0.1:{ports['two']}/graphql",
            "peer": f"http://127.0.0.1:{ports['peer']}/",
            "peer, purchases": f"http://127.0.0.1:{ports['peer']}/",
        }
        pages = {}
        for p in PROVIDERS:
            ours = post(urls["stakegraph"], STAKEGRAPH, {"p": p})
            post(urls["stakegraph, 2 workers"], STAKEGRAPH, {"p": p})
            theirs = post(urls["peer"], PEER_CUSTOMERS, {"p": p})
            post(urls["peer, purchases"], PEER_PURCHASES, {"p": p})
            customers, purchases = same_answer(ours, theirs)
            pages[p] = {
                "customers": customers,
                "purchases": purchases,
                "stakegraph_bytes": len(json.dumps(ours)),
                "peer_bytes": len(json.dumps(theirs)),
            }
        print(json.dumps(pages), flush=True)
        result: dict[str, Any] = {
            "concurrency": args.concurrency,
            "rounds": args.rounds,
            "duration_s": args.duration,
            "pages": pages,
            "uptime_before": uptime(),
        }
        print(result["uptime_before"], flush=True)
        with sampling_load() as load_samples:
            result["reads"] = reads(args, uri, urls, statements)
            if not args.no_writes:
                result["writes"] = write_bench(args, uri, urls["stakegraph"])
        result["uptime_after"] = uptime()
        result["load_1min_every_5s"] = load_samples
    out.write_text(json.dumps(result, indent=1))
    print(tables(result))
    print(f"uptime before: {result['uptime_before']}\nuptime after:  {result['uptime_after']}")
    print(f"load average (1 min) every 5 s: {result['load_1min_every_5s']}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
