"""Import benchmark: `stakegraph import` against the plain-Cypher floor, same world, same run.

    NEO4J_URI=bolt://127.0.0.1:7687 python bench/import_bench.py --sizes 10000,100000

For each size: generate the world once (cached in bench/worlds/, git-ignored), then

1. floor: empty the database, apply the schema, write the same stakeholders and relations
   with UNWIND batches of 10,000 CREATEs (no validation, no MERGE, no role labels;
   datetimes kept as the input's strings);
2. import: empty the database, run `stakegraph import WORLD` as a user does (its own
   process, so its peak RSS is its own), and check the counts;
3. --initial: run `stakegraph import WORLD --initial --data-dir TMP` (a new local database
   in a temporary data dir, NEO4J_URI unset for it), end to end: validation writing the
   CSV files (two processes), Neo4j's offline importer, the first start (schema, empty
   lists, Prosumer labels), the stop; then start it once more to check the counts, and
   delete it;

and print one table: seconds of each, x floor, relations/s and the peak RSS of the
stakegraph process (for --initial its main process's own, without its helper process and
the Java importer and server it runs).
`--methods` picks some of floor, import, initial (x floor needs the floor).
With --merge-baseline, also one MERGE per record in auto-commit transactions on the 10,000
world (slow: minutes).

It starts no Neo4j: point NEO4J_URI (NEO4J_USERNAME, NEO4J_PASSWORD) at a running one, or
run `stakegraph neo4j start` first (the default URI is the local Neo4j's). THE DATABASE IS
EMPTIED: never point this at data you want to keep.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]
import neo4j
from common import EMPTY, world

from stakegraph import localdb
from stakegraph.config import Neo4jSettings, ServerSettings, neo4j_settings
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import apply_schema

BASELINE_SIZE = 10_000
FLOOR_BATCH = 10_000
TIMEOUT = 600.0  # seconds per statement
LABELS = {"ORGANIZATION": "Organization", "DEPARTMENT": "Department", "PERSON": "Person"}
STRUCTURAL = {"MEMBER_OF", "PART_OF", "PARENT_OF"}
TYPES = {"BUYS", "USES", "SERVES", "CONTRIBUTES", "ENGAGES", "GIVES_FEEDBACK", "REFERS"}
TYPES |= STRUCTURAL


@dataclass(frozen=True)
class Run:
    """One way of writing one world: counts, seconds, peak RSS of the writing process."""

    method: str
    size: int
    stakeholders: int
    relations: int
    seconds: float
    peak_rss_mib: float | None = None

    @property
    def relations_per_second(self) -> float:
        return self.relations / self.seconds

    @property
    def records_per_second(self) -> float:
        return (self.stakeholders + self.relations) / self.seconds


def say(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", file=sys.stderr, flush=True)


async def empty(graph: Graph) -> None:
    for statement in EMPTY:
        await graph.run_unmanaged(statement)
    await apply_schema(graph)


async def count(graph: Graph) -> tuple[int, int]:
    nodes = await graph.read("MATCH (n:Stakeholder) RETURN count(n) AS c")
    links = await graph.read("MATCH ()-[r]->() RETURN count(r) AS c")
    return int(nodes[0]["c"]), int(links[0]["c"])


def records(path: Path, section: str) -> Iterator[dict[str, Any]]:
    with path.open("rb") as handle:
        yield from ijson.items(handle, f"{section}.item", use_float=True)


def batches(path: Path, section: str, size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for record in records(path, section):
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def floor(graph: Graph, path: Path, size: int) -> Run:
    """UNWIND batches of 10,000 CREATEs: the least any importer must do to write the world."""
    await empty(graph)
    started = time.perf_counter()
    for batch in batches(path, "stakeholders", FLOOR_BATCH):
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in batch:
            by_kind[record["kind"]].append({k: v for k, v in record.items() if k != "kind"})
        for kind, rows in by_kind.items():
            await graph.run_unmanaged(
                f"UNWIND $rows AS row CREATE (n:Stakeholder:{LABELS[kind]}) SET n = row", rows=rows
            )
    for batch in batches(path, "relations", FLOOR_BATCH):
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in batch:
            kind = record["type"]
            assert kind in TYPES, kind  # the type is spliced into the statement
            props = {k: v for k, v in record.items() if k not in ("type", "from", "to")}
            by_type[kind].append({"from": record["from"], "to": record["to"], "props": props})
        for kind, rows in by_type.items():
            await graph.run_unmanaged(
                "UNWIND $rows AS row MATCH (a:Stakeholder {id: row.from}) "
                f"MATCH (b:Stakeholder {{id: row.to}}) "
                f"CREATE (a)-[r:{kind}]->(b) SET r = row.props",
                rows=rows,
            )
    seconds = time.perf_counter() - started
    nodes, links = await count(graph)
    return Run("floor: UNWIND 10,000 CREATEs", size, nodes, links, seconds)


# Runs `stakegraph` and prints its own peak RSS at exit (RUSAGE_SELF). RUSAGE_CHILDREN of
# this process would be wrong twice over: it is the largest child so far, and it counts
# whatever is reaped meanwhile (a Neo4j this process started, reaped by the subprocess
# module during a later run, showed up as a 705 MiB "import").
OWN_RSS = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print('PEAK_RSS_KIB', resource.getrusage("
    "resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
    "from stakegraph.cli import app\n"
    "app(prog_name='stakegraph')\n"
)


def own_peak_rss_mib(stderr: str) -> float | None:
    lines = [ln.split()[1] for ln in stderr.splitlines() if ln.startswith("PEAK_RSS_KIB")]
    return int(lines[-1]) / 1024 if lines else None


async def stakegraph_import(graph: Graph, path: Path, size: int) -> Run:
    """`stakegraph import PATH`, in its own process, as a user runs it."""
    await empty(graph)
    command = [sys.executable, "-c", OWN_RSS, "import", str(path)]
    env = {**os.environ, "STAKEGRAPH_TRANSACTION_TIMEOUT": str(TIMEOUT)}
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    nodes, links = await count(graph)
    return Run("stakegraph import", size, nodes, links, seconds, own_peak_rss_mib(done.stderr))


async def stakegraph_initial(path: Path, size: int) -> Run:
    """`stakegraph import PATH --initial` into a new temporary data dir, end to end."""
    data_dir = Path(tempfile.mkdtemp(prefix="stakegraph-initial-"))
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    command = [sys.executable, "-c", OWN_RSS, "import", str(path), "--initial"]
    try:
        started = time.perf_counter()
        done = subprocess.run(
            [*command, "--data-dir", str(data_dir)], env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - started
        assert done.returncode == 0, done.stderr
        password = neo4j_settings().password
        again = localdb.start(localdb.free_port(), data_dir, password=password)
        try:
            assert again.uri is not None
            graph = Graph.from_settings(Neo4jSettings(uri=again.uri, password=password))
            try:
                nodes, links = await count(graph)
            finally:
                await graph.close()
        finally:
            localdb.stop(data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    peak = own_peak_rss_mib(done.stderr)
    return Run("stakegraph import --initial", size, nodes, links, seconds, peak)


def merge_per_record(driver: neo4j.Driver, path: Path, size: int, database: str) -> Run:
    """The simplest alternative: one MERGE per record, one auto-commit transaction each."""
    started = time.perf_counter()
    people = links = 0
    with driver.session(database=database) as session:
        for record in records(path, "stakeholders"):
            label = LABELS[record["kind"]]
            props = {k: v for k, v in record.items() if k not in ("id", "kind")}
            session.run(
                f"MERGE (n:Stakeholder {{id: $id}}) SET n:{label} SET n += $props",
                id=record["id"],
                props=props,
            ).consume()
            people += 1
        for record in records(path, "relations"):
            kind = record["type"]
            assert kind in TYPES, kind
            props = {k: v for k, v in record.items() if k not in ("id", "type", "from", "to")}
            key = "" if kind in STRUCTURAL else " {id: $id}"
            session.run(
                "MATCH (a:Stakeholder {id: $from}) MATCH (b:Stakeholder {id: $to}) "
                f"MERGE (a)-[r:{kind}{key}]->(b) SET r += $props",
                {"from": record["from"], "to": record["to"], "id": record.get("id")},
                props=props,
            ).consume()
            links += 1
    seconds = time.perf_counter() - started
    return Run("MERGE per record", size, people, links, seconds)


def table(runs: list[Run]) -> str:
    head = "| size | method | stakeholders | relations | seconds | x floor | relations/s | RSS |"
    lines = [head, "|---:|---|---:|---:|---:|---:|---:|---:|"]
    floors = {r.size: r for r in runs if r.method.startswith("floor")}
    for r in runs:
        ratio = r.seconds / floors[r.size].seconds if r.size in floors else float("nan")
        rss = f"{r.peak_rss_mib:,.0f} MiB" if r.peak_rss_mib else ""
        lines.append(
            f"| {r.size:,} | {r.method} | {r.stakeholders:,} | {r.relations:,} | "
            f"{r.seconds:,.1f} | {ratio:.2f} | {r.relations_per_second:,.0f} | {rss} |"
        )
    return "\n".join(lines)


def load() -> str:
    """The load averages (1, 5, 15 min), as `uptime` shows them."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


async def main(sizes: list[int], seed: int, baseline: bool, methods: set[str]) -> list[Run]:
    settings = neo4j_settings()
    uses_server = bool(methods & {"floor", "import"}) or baseline
    if uses_server:
        say(f"Neo4j at {settings.effective_uri} (this database is emptied)")
    graph = Graph.from_settings(settings, ServerSettings(transaction_timeout=TIMEOUT))
    runs: list[Run] = []
    try:
        if uses_server:
            await graph.ping()
        for size in sizes:
            path = world(size, seed)
            done: list[Run] = []
            if "floor" in methods:
                say(f"{path.name}: floor (load {load()})")
                done.append(await floor(graph, path, size))
            if "import" in methods:
                say(f"{path.name}: stakegraph import (load {load()})")
                done.append(await stakegraph_import(graph, path, size))
            if "initial" in methods:
                say(f"{path.name}: stakegraph import --initial (load {load()})")
                done.append(await stakegraph_initial(path, size))
            for run in done:
                say(f"{run.method}: {run.seconds:.1f} s")
                assert (run.stakeholders, run.relations) == (
                    done[0].stakeholders,
                    done[0].relations,
                ), f"{run.method} and {done[0].method} wrote different counts"
            say(f"load at the end of size {size:,}: {load()}")
            runs.extend(done)
            if baseline and size == BASELINE_SIZE:
                await empty(graph)
                say("one MERGE per auto-commit transaction")
                with neo4j.GraphDatabase.driver(
                    settings.effective_uri, auth=(settings.username, settings.password)
                ) as driver:
                    runs.append(merge_per_record(driver, path, size, settings.database))
    finally:
        await graph.close()
    return runs


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--merge-baseline", action="store_true", help="also MERGE per record")
    parser.add_argument(
        "--methods", default="floor,import,initial", help="some of floor,import,initial"
    )
    parser.add_argument("--json", type=Path, help="also write the runs here")
    args = parser.parse_args()
    chosen = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    picked = {m.strip() for m in args.methods.split(",") if m.strip()}
    assert picked <= {"floor", "import", "initial"}, picked
    results = asyncio.run(main(chosen, args.seed, args.merge_baseline, picked))
    print(table(results))
    print(f"(load averages at the end: {load()} on {os.cpu_count()} cores)")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2))
