"""Query speed: stakegraph's GraphQL against the raw Cypher floor and against @neo4j/graphql.

Runs against a Neo4j that already holds a generated world (bench/run.py generates and
imports it). In one run, side by side, for each benchmark provider (bench-p10, bench-p100,
bench-p1000) and each case:

- `graphql`: end to end over HTTP to `stakegraph serve` (started here on a free port, with
  the README's defaults), driven by wrk (Debian's, a Lua script POSTing the query);
- `raw`: the same Cypher with the same parameters (lens_query.paged_query(...),
  explain_query(), reads/buying_center) through the Python async driver directly, in a read
  transaction as the server does, from `concurrency` asyncio tasks;
- `peer`: the Neo4j GraphQL Library (bench/peer, Apollo Server) over the same Neo4j, asked
  for the provider's paying customers (incoming BUYS with the purchase properties, first
  50), compared with customersOf(lenses: [TRANSACTIONAL], first: 50). Also driven by wrk.

It also records PROFILE db hits for every lens file with each provider's parameters, and
the server's RSS during the 16-client runs. `--soak SECONDS` adds a long 16-client run of
customersOf (all lenses) sampling the server's RSS every 5 s; `--pyspy SECONDS` records
where the server spends its time under that load (py-spy, top functions).

    python bench/query_bench.py --label 10k --uri bolt://127.0.0.1:7708 --duration 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import neo4j
from common import Figures, auth, wrk_figures
from neo4j import AsyncGraphDatabase, GraphDatabase

from stakegraph import localdb
from stakegraph.graph import lens_query
from stakegraph.graph.cypher import load
from stakegraph.graph.lens_query import ALL_TIME, Listing
from stakegraph.lenses import Lens

HERE = Path(__file__).resolve().parent
PEER = HERE / "peer"
PROVIDERS = ("bench-p10", "bench-p100", "bench-p1000")
AUTH = auth()

EVIDENCE = "evidence { lens summary path { from { id name } type to { id name } relationId } }"
CUSTOMERS = (
    "query($p: ID!, $lenses: [Lens!]) { customersOf(providerId: $p, lenses: $lenses, first: 50)"
    " { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {"
    " customer { id name } lenses " + EVIDENCE + " } } } }"
)
PROVIDERS_OF = (
    "query($c: ID!) { providersOf(customerId: $c, first: 50)"
    " { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {"
    " provider { id name } lenses " + EVIDENCE + " } } } }"
)
EXPLAIN = (
    "query($c: ID!, $p: ID!) { explain(customerId: $c, providerId: $p)"
    " { isCustomer lenses { lens holds " + EVIDENCE + " } } }"
)
BUYING_CENTER = (
    "query($o: ID!) { buyingCenter(organizationId: $o) { organization { id name }"
    " members { person { id name } of { id name } title buyingRole }"
    " coveredRoles missingRoles singleThreaded } }"
)
PEER_CUSTOMERS = (
    "query($p: ID!) { stakeholders(where: {id: {eq: $p}}) { id name"
    ' customersConnection(first: 50, where: {edge: {consideration: {eq: "MONEY"}}},'
    " sort: [{node: {name: ASC}}, {node: {id: ASC}}]) { totalCount"
    " pageInfo { hasNextPage endCursor } edges { cursor"
    " properties { offering amount currency at kind consideration }"
    " node { id name } } } } }"
)

WRK_LUA = """
local f = io.open(os.getenv("BENCH_BODY"), "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
function done(summary, latency, requests)
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p95": %d, "p99": %d, '
    .. '"mean": %f}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
"""


@dataclass
class Case:
    name: str
    provider: str | None
    graphql: str
    variables: dict[str, Any]
    cypher: str
    params: dict[str, Any]
    peer: bool = False  # `graphql` is sent to the peer instead of stakegraph


def wait_http(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer in {seconds} s")
        time.sleep(0.3)


def post(url: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        answer: dict[str, Any] = json.loads(r.read())
    if answer.get("errors"):
        raise RuntimeError(f"{url} answered with errors: {answer['errors']}")
    return answer


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextmanager
def sampling_rss(pid: int | None, every: float) -> Iterator[list[float]]:
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while pid is not None and not stop.wait(every):
            samples.append(round(rss_mb(pid), 1))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield samples
    finally:
        stop.set()
        thread.join()


@contextmanager
def process(
    cmd: list[str], env: dict[str, str], log: Path, cwd: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wrk(
    url: str, query: str, variables: dict[str, Any], concurrency: int, seconds: int, pid: int | None
) -> Figures:
    """wrk POSTing one GraphQL request over `concurrency` connections for `seconds`."""
    with tempfile.TemporaryDirectory() as tmp:
        body, script = Path(tmp, "body.json"), Path(tmp, "post.lua")
        body.write_text(json.dumps({"query": query, "variables": variables}))
        script.write_text(WRK_LUA)
        threads = 1 if concurrency == 1 else 2
        cmd = [
            "wrk",
            f"-t{threads}",
            f"-c{concurrency}",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-s",
            str(script),
            url,
        ]
        with sampling_rss(pid, 1.0) as samples:
            out = subprocess.run(
                cmd,
                env={**os.environ, "BENCH_BODY": str(body)},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
    return wrk_figures(out, samples)


async def raw(
    uri: str, cypher: str, params: dict[str, Any], concurrency: int, seconds: int
) -> Figures:
    """The floor: the same statement through the async driver, in a read transaction, as
    the server's Graph.read runs it (execute_query: BEGIN sent with the statement, the
    transaction timeout, no bookmarks), records pulled."""
    driver = AsyncGraphDatabase.driver(uri, auth=AUTH, notifications_min_severity="OFF")
    timings: list[float] = []

    async def records(result: neo4j.AsyncResult) -> list[neo4j.Record]:
        return [record async for record in result]

    async def once() -> None:
        await driver.execute_query(
            neo4j.Query(cypher, timeout=5.0),
            params,
            routing_=neo4j.RoutingControl.READ,
            database_="neo4j",
            bookmark_manager_=None,
            result_transformer_=records,
        )

    async def client(deadline: float) -> None:
        while (start := time.perf_counter()) < deadline:
            await once()
            timings.append(time.perf_counter() - start)

    try:
        for _ in range(3):  # warm the pool and the plan cache
            await once()
        began = time.perf_counter()
        await asyncio.gather(*(client(began + seconds) for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    finally:
        await driver.close()
    ms = sorted(t * 1000 for t in timings)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return Figures(
        len(ms), round(len(ms) / elapsed, 1), round(q[49], 3), round(q[94], 3), round(q[98], 3)
    )


def db_hits(plan: Any) -> int:
    hits = int(plan.get("dbHits", 0) if isinstance(plan, dict) else getattr(plan, "db_hits", 0))
    children = plan.get("children", []) if isinstance(plan, dict) else plan.children
    return hits + sum(db_hits(c) for c in children)


def profile_lenses(uri: str, customers: dict[str, str]) -> dict[str, dict[str, int]]:
    """PROFILE + each lens file (and the composed customersOf) with a provider's parameters."""
    hits: dict[str, dict[str, int]] = {}
    with GraphDatabase.driver(uri, auth=AUTH, notifications_min_severity="OFF") as driver:
        for provider in customers:
            row: dict[str, int] = {}
            queries = {lens.value: load(lens.file).body for lens in Lens}
            queries["customersOf(all)"] = lens_query.paged_query(tuple(Lens), Listing.CUSTOMERS_OF)
            for name, cypher in queries.items():
                params = (
                    paged_params(provider, list(Lens))
                    if name.startswith("customersOf")
                    else {"providerId": provider, "customerId": None, **ALL_TIME.params()}
                )
                with driver.session(database="neo4j") as session:
                    result = session.run("PROFILE " + cypher, params)
                    list(result)  # PROFILE needs the rows pulled, not discarded
                    summary = result.consume()
                row[name] = db_hits(summary.profile)
            hits[provider] = row
        for provider, customer in customers.items():
            hits[f"customer of {provider} (providersOf)"] = profile_providers_of(driver, customer)
    return hits


def profile_providers_of(driver: neo4j.Driver, customer: str) -> dict[str, int]:
    """db hits of each lens file summed over the customer's candidate providers (what
    providersOf runs for one customer), and of the composed providersOf query."""

    def hits(cypher: str, params: dict[str, Any]) -> int:
        with driver.session(database="neo4j") as session:
            result = session.run("PROFILE " + cypher, params)
            list(result)
            return db_hits(result.consume().profile)

    records, _, _ = driver.execute_query(
        load("lenses/candidate_providers").body, customerId=customer, routing_="r"
    )
    candidates = [r["providerId"] for r in records]
    row = {
        lens.value: sum(
            hits(
                load(lens.file).body, {"providerId": p, "customerId": customer, **ALL_TIME.params()}
            )
            for p in candidates
        )
        for lens in Lens
    }
    row["candidates"] = len(candidates)
    row["providersOf(all)"] = hits(
        lens_query.paged_query(tuple(Lens), Listing.PROVIDERS_OF),
        paged_params(customer, list(Lens)),
    )
    return row


def paged_params(anchor: str, lenses: list[Lens]) -> dict[str, Any]:
    """The parameters lens_query.page sends for a first page."""
    return {
        "anchorId": anchor,
        "customerId": anchor,
        "lenses": [x.value for x in lenses],
        "except": [],
        "afterName": None,
        "afterId": None,
        "first": 50,
        **ALL_TIME.params(),
    }


def pick(uri: str) -> tuple[dict[str, str], str]:
    """For each benchmark provider, one paying customer (the first by id); and the
    organisation with a buying center to ask buyingCenter about (the first by id among
    those with the most members that have a buying role, capped at 12)."""
    with GraphDatabase.driver(uri, auth=AUTH) as driver:
        customers = {}
        for p in PROVIDERS:
            records, _, _ = driver.execute_query(
                "MATCH (x:Stakeholder)-[:BUYS]->(:Stakeholder {id: $p}) "
                "RETURN x.id AS id ORDER BY id LIMIT 1",
                p=p,
                routing_="r",
            )
            if records:
                customers[p] = records[0]["id"]
        records, _, _ = driver.execute_query(
            "MATCH (o:Organization)<-[m:MEMBER_OF]-(:Person) WHERE m.buyingRole IS NOT NULL "
            "WITH o, count(m) AS n WHERE n <= 12 RETURN o.id AS id ORDER BY n DESC, id LIMIT 1",
            routing_="r",
        )
        return customers, records[0]["id"]


def cases(customers: dict[str, str], org: str, with_peer: bool) -> list[Case]:
    out: list[Case] = []
    all_lenses, tx = tuple(Lens), (Lens.TRANSACTIONAL,)
    for p, c in customers.items():
        out += [
            Case(
                "customersOf(all)",
                p,
                CUSTOMERS,
                {"p": p, "lenses": None},
                lens_query.paged_query(all_lenses, Listing.CUSTOMERS_OF),
                paged_params(p, list(all_lenses)),
            ),
            Case(
                "customersOf(TRANSACTIONAL)",
                p,
                CUSTOMERS,
                {"p": p, "lenses": ["TRANSACTIONAL"]},
                lens_query.paged_query(tx, Listing.CUSTOMERS_OF),
                paged_params(p, list(tx)),
            ),
            Case(
                "explain",
                p,
                EXPLAIN,
                {"c": c, "p": p},
                lens_query.explain_query(),
                {"customerId": c, "providerId": p, **ALL_TIME.params()},
            ),
            Case(
                f"providersOf({c})",
                p,
                PROVIDERS_OF,
                {"c": c},
                lens_query.paged_query(all_lenses, Listing.PROVIDERS_OF),
                paged_params(c, list(all_lenses)),
            ),
        ]
        if with_peer:
            out.append(
                Case("peer customersConnection", p, PEER_CUSTOMERS, {"p": p}, "", {}, peer=True)
            )
    out.append(
        Case(
            f"buyingCenter({org})",
            None,
            BUYING_CENTER,
            {"o": org},
            load("reads/buying_center").text,
            {"organizationId": org, "providerId": None},
        )
    )
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    uri: str = args.uri
    env = {**os.environ, "NEO4J_URI": uri}
    out_dir = Path(args.out).parent
    out_dir.mkdir(parents=True, exist_ok=True)
    customers, org = pick(uri)
    with_peer = not args.no_peer and (PEER / "node_modules").is_dir() and bool(shutil.which("node"))
    port, peer_port = localdb.free_port(), localdb.free_port()
    result: dict[str, Any] = {
        "label": args.label,
        "machine": machine(),
        "duration_s": args.duration,
        "load_generator": subprocess.run(
            ["wrk", "-v"], capture_output=True, text=True
        ).stdout.splitlines()[0],
        "customers": customers,
        "organization": org,
        "runs": [],
    }
    print(f"[{args.label}] profiling lens files", flush=True)
    result["db_hits"] = profile_lenses(uri, customers)
    stakegraph = [sys.executable, "-m", "stakegraph", "serve", "--port", str(port)]
    peer_cmd = ["node", "index.js"]
    peer_env = {**env, "PORT": str(peer_port)}
    with (
        process(stakegraph, env, out_dir / f"server-{args.label}.log") as server,
        process(
            peer_cmd if with_peer else ["true"],
            peer_env,
            out_dir / f"peer-{args.label}.log",
            cwd=PEER,
        ),
    ):
        wait_http(f"http://127.0.0.1:{port}/ready")
        if with_peer:
            wait_for_line(out_dir / f"peer-{args.label}.log", "READY")
        urls = {False: f"http://127.0.0.1:{port}/graphql", True: f"http://127.0.0.1:{peer_port}/"}
        for case in cases(customers, org, with_peer):
            url = urls[case.peer]
            answer = post(url, case.graphql, case.variables)  # fails loudly on errors
            for concurrency in args.concurrency:
                row: dict[str, Any] = {
                    "case": case.name,
                    "provider": case.provider,
                    "concurrency": concurrency,
                }
                wrk(url, case.graphql, case.variables, concurrency, 1, None)  # warm-up
                pid = None if case.peer else server.pid
                row["peer" if case.peer else "graphql"] = asdict(
                    wrk(url, case.graphql, case.variables, concurrency, args.duration, pid)
                )
                if case.cypher:
                    row["raw"] = asdict(
                        asyncio.run(raw(uri, case.cypher, case.params, concurrency, args.duration))
                    )
                row["answer_bytes"] = len(json.dumps(answer))
                print(json.dumps(row), flush=True)
                result["runs"].append(row)
        if args.soak:
            result["soak"] = soak(urls[False], customers, server.pid, args)
    Path(args.out).write_text(json.dumps(result, indent=1))
    return result


def soak(url: str, customers: dict[str, str], pid: int, args: argparse.Namespace) -> Any:
    """16 clients on customersOf(all) of the largest provider; RSS every 5 s; py-spy."""
    p = list(customers)[-1]
    variables = {"p": p, "lenses": None}
    print(f"[{args.label}] soak {args.soak} s", flush=True)
    spy: subprocess.Popen[bytes] | None = None
    spy_out = Path(args.out).with_suffix(".pyspy.txt")
    if args.pyspy and shutil.which("py-spy"):
        spy = subprocess.Popen(
            [
                "py-spy",
                "record",
                "-p",
                str(pid),
                "-d",
                str(args.pyspy),
                "-f",
                "raw",
                "-o",
                str(spy_out),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    with sampling_rss(pid, 5.0) as samples:
        figures = wrk(url, CUSTOMERS, variables, 16, args.soak, None)
    report: dict[str, Any] = {"provider": p, "figures": asdict(figures), "rss_mb_every_5s": samples}
    if spy is not None:
        spy.wait()
        if spy_out.exists():
            report["pyspy"] = summarise_pyspy(spy_out)
    return report


def summarise_pyspy(raw_stacks: Path, top: int = 25) -> dict[str, Any]:
    """Own and inclusive sample shares per function, from py-spy's collapsed stacks."""
    own: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    total = 0
    for line in raw_stacks.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        total += n
        frames = stack.split(";")
        own[frames[-1]] = own.get(frames[-1], 0) + n
        for frame in set(frames):
            inclusive[frame] = inclusive.get(frame, 0) + n

    def share(table: dict[str, int]) -> list[tuple[str, float]]:
        ranked = sorted(table.items(), key=lambda kv: -kv[1])[:top]
        return [(name, round(100 * n / total, 1)) for name, n in ranked]

    return {"samples": total, "own_pct": share(own), "inclusive_pct": share(inclusive)}


def wait_for_line(log: Path, text: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while text not in (log.read_text() if log.exists() else ""):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{log} never said {text!r}")
        time.sleep(0.3)


def machine() -> dict[str, Any]:
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(int(mem) / 2**20, 1),
        "python": platform.python_version(),
        "load_avg_at_start": os.getloadavg(),
    }


def main(argv: list[str] | None = None, report: Callable[[str], None] = print) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True, help="the world's name, e.g. 10k")
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--duration", type=int, default=10, help="seconds per measured run")
    parser.add_argument(
        "--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 16]
    )
    parser.add_argument("--soak", type=int, default=0, help="seconds of 16-client soak")
    parser.add_argument("--pyspy", type=int, default=0, help="seconds of py-spy in the soak")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--out", default=str(HERE / "out" / "queries.json"))
    args = parser.parse_args(argv)
    run(args)
    report(f"wrote {args.out}")


if __name__ == "__main__":
    main()
