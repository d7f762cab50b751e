"""The server's fixed cost per request (issue 15): GraphQL over HTTP against the raw Cypher,
at concurrency 1, for the small pages, with the server process's CPU time per request.

    python bench/fixed_cost.py --uri bolt://127.0.0.1:7708 --duration 6 --rounds 2
    python bench/fixed_cost.py --uri ... --source before=/tmp/before/src   # A/B in one run

Each `--source NAME=DIR` is one `stakegraph serve` whose code comes from DIR (put first on
PYTHONPATH; "." = this checkout); all are started at once, and in each round every server
and the raw floor run each query in turn (the order reversed every other round). For each
query: wrk at concurrency 1 (1 s off the record first), the CPU the serve process spent
(utime + stime from /proc) divided by the requests answered, and the raw floor: the same
statement with the same parameters through the async driver in a read transaction, as
the server runs it (bench/query_bench.py `raw`). `--pyspy S` records each server with py-spy
for S seconds on bench-p10's question (raw stacks under bench/out/).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from peer_compare import STAKEGRAPH, uptime
from query_bench import (
    BUYING_CENTER,
    CUSTOMERS,
    EXPLAIN,
    PROVIDERS_OF,
    pick,
    post,
    process,
    raw,
    wait_http,
    wrk,
)

from stakegraph import localdb
from stakegraph.graph import lens_query
from stakegraph.graph.cypher import load
from stakegraph.graph.lens_query import ALL_TIME, Listing
from stakegraph.lenses import Lens

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def queries(
    uri: str, providers: list[str]
) -> list[tuple[str, str, dict[str, Any], str, dict[str, Any]]]:
    """(name, GraphQL, variables, Cypher, parameters) of each query measured."""
    customers, org = pick(uri)
    tx = (Lens.TRANSACTIONAL,)
    out = []
    # The raw floor sends what the server sends for these selections: each reads only ids
    # and names of its stakeholders, so the node maps hold only those ($namesOnly).
    for p in providers:
        c = customers[p]
        cypher, params = lens_query.PageAsk(
            anchor_id=p, listing=Listing.CUSTOMERS_OF, lenses=tx, names_only=True
        ).statement()
        out.append((f"question {p}", STAKEGRAPH, {"p": p}, cypher, params))
        cypher, params = lens_query.PageAsk(
            anchor_id=p, listing=Listing.CUSTOMERS_OF, lenses=tx, names_only=True
        ).statement()
        out.append(
            (
                f"customersOf(TRANSACTIONAL) {p}",
                CUSTOMERS,
                {"p": p, "lenses": ["TRANSACTIONAL"]},
                cypher,
                params,
            )
        )
        out.append(
            (
                f"explain {p}",
                EXPLAIN,
                {"c": c, "p": p},
                lens_query.explain_query(),
                {"customerId": c, "providerId": p, **ALL_TIME.params(names_only=True)},
            )
        )
        cypher, params = lens_query.PageAsk(
            anchor_id=c, listing=Listing.PROVIDERS_OF, names_only=True
        ).statement()
        out.append((f"providersOf {p}", PROVIDERS_OF, {"c": c}, cypher, params))
    out.append(
        (
            "buyingCenter",
            BUYING_CENTER,
            {"o": org},
            load("reads/buying_center").text,
            {"organizationId": org, "providerId": None},
        )
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", required=True)
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        help="NAME=DIR: a server running the code in DIR (default: this one)",
    )
    parser.add_argument("--providers", default="bench-p10,bench-p100")
    parser.add_argument("--only", default="", help="measure only queries whose name has this")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--no-raw", action="store_true")
    parser.add_argument("--pyspy", type=int, default=0)
    parser.add_argument("--out", default=str(OUT / "fixed-cost.json"))
    args = parser.parse_args()
    sources = dict(s.split("=", 1) for s in args.source) or {"now": "."}
    measured = [q for q in queries(args.uri, args.providers.split(",")) if args.only in q[0]]
    OUT.mkdir(exist_ok=True)
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    with ExitStack() as stack:
        servers: dict[str, tuple[str, int]] = {}
        for name, src in sources.items():
            port = localdb.free_port()
            env = {**os.environ, "NEO4J_URI": args.uri}
            if src != ".":
                env["PYTHONPATH"] = str(Path(src).resolve())
            proc = stack.enter_context(
                process(
                    [sys.executable, "-m", "stakegraph", "serve", "--port", str(port)],
                    env,
                    OUT / f"fixed-cost-{name}.log",
                )
            )
            servers[name] = (f"http://127.0.0.1:{port}/graphql", proc.pid)
        for url, _ in servers.values():
            wait_http(url.replace("/graphql", "/ready"), 300)
        for url, _ in servers.values():  # every query answers without errors first
            for q in measured:
                post(url, q[1], q[2])
        print(uptime(), flush=True)
        for round_ in range(args.rounds):
            for qname, query, variables, cypher, params in measured:
                who = [*servers, *([] if args.no_raw else ["raw"])]
                if round_ % 2:
                    who.reverse()
                for name in who:
                    if name == "raw":
                        began = time.process_time()
                        f = asyncio.run(raw(args.uri, cypher, params, 1, args.duration))
                        cpu = (time.process_time() - began) * 1000 / max(f.requests, 1)
                        runs.setdefault((qname, name), []).append(
                            {"p50": f.p50, "rps": f.rps, "cpu_ms": round(cpu, 2)}
                        )
                        continue
                    url, pid = servers[name]
                    wrk(url, query, variables, 1, 1, None)
                    before = cpu_seconds(pid)
                    f = wrk(url, query, variables, 1, args.duration, None)
                    cpu = (cpu_seconds(pid) - before) * 1000 / max(f.requests, 1)
                    runs.setdefault((qname, name), []).append(
                        {"p50": f.p50, "rps": f.rps, "cpu_ms": round(cpu, 2)}
                    )
                print(f"round {round_ + 1} {qname}: load {os.getloadavg()[0]:.1f}", flush=True)
        if args.pyspy:
            for name, (url, pid) in servers.items():
                q = measured[0]
                stacks = OUT / f"fixed-cost-{name}.pyspy.txt"
                spy = subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "py-spy"),
                        "record",
                        "--idle",
                        "-r",
                        "200",
                        "-f",
                        "raw",
                        "-d",
                        str(args.pyspy),
                        "-p",
                        str(pid),
                        "-o",
                        str(stacks),
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                time.sleep(1)
                wrk(url, q[1], q[2], 1, args.pyspy, None)
                spy.wait()
        after = uptime()
    names = [*sources, *([] if args.no_raw else ["raw"])]
    print(f"| query | {' | '.join(f'{n} p50 ms | {n} CPU ms/req' for n in names)} |")
    result = []
    for q in measured:
        cells = []
        for n in names:
            rs = runs[q[0], n]
            p50 = statistics.median(r["p50"] for r in rs)
            cpu = statistics.median(r["cpu_ms"] for r in rs)
            cells.append(f"{p50:.2f} | {cpu:.2f}")
            result.append({"query": q[0], "who": n, "p50": p50, "cpu_ms": cpu, "rounds": rs})
        print(f"| {q[0]} | {' | '.join(cells)} |")
    print(after)
    Path(args.out).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
