"""Import benchmark: stakegraph's importer on synthetic worlds of growing size.

    NEO4J_URI=bolt://127.0.0.1:7687 python bench/import_bench.py --sizes 10000,100000,1000000

For each size: generate the world once (cached in bench/worlds/, git-ignored), empty the
database, apply the schema, import the stakeholders and then the relations through
`stakegraph.importer`, and print stakeholders/s and relations/s. In the same run, on the
10,000 world, the simplest alternative: one MERGE statement per record through the Python
driver, each in its own auto-commit transaction, and the ratio between the two.

It starts no Neo4j: point NEO4J_URI (NEO4J_USERNAME, NEO4J_PASSWORD) at a running one, or
run `stakegraph neo4j start` first (the default URI is the local Neo4j's). THE DATABASE IS
EMPTIED: never point this at data you want to keep.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]
import neo4j
from common import EMPTY, world

from stakegraph.config import ServerSettings, neo4j_settings
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import apply_schema
from stakegraph.importer import import_records
from stakegraph.inputs import read_section

BASELINE_SIZE = 10_000
TIMEOUT = 600.0  # seconds per statement; the importer's look-ups use the graph's own timeout
LABELS = {"ORGANIZATION": "Organization", "DEPARTMENT": "Department", "PERSON": "Person"}
STRUCTURAL = {"MEMBER_OF", "PART_OF", "PARENT_OF"}
TYPES = {"BUYS", "USES", "SERVES", "CONTRIBUTES", "ENGAGES"} | STRUCTURAL


@dataclass(frozen=True)
class Run:
    """One import of one world: counts and seconds per phase."""

    method: str
    size: int
    stakeholders: int
    relations: int
    stakeholder_seconds: float
    relation_seconds: float

    @property
    def seconds(self) -> float:
        return self.stakeholder_seconds + self.relation_seconds

    @property
    def stakeholders_per_second(self) -> float:
        return self.stakeholders / self.stakeholder_seconds

    @property
    def relations_per_second(self) -> float:
        return self.relations / self.relation_seconds

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


async def stakegraph_import(graph: Graph, path: Path, size: int) -> Run:
    """The importer, stakeholders first, then relations (each validated, then batched)."""
    await empty(graph)
    started = time.perf_counter()
    people = await import_records(graph, read_section(path, "stakeholders"), iter(()))
    middle = time.perf_counter()
    links = await import_records(graph, iter(()), read_section(path, "relations"))
    finished = time.perf_counter()
    nodes, relationships = await count(graph)
    assert (nodes, relationships) == (people.stakeholders, links.relations), (nodes, links)
    return Run("stakegraph import", size, nodes, relationships, middle - started, finished - middle)


def records(path: Path, section: str) -> Iterator[dict[str, Any]]:
    with path.open("rb") as handle:
        yield from ijson.items(handle, f"{section}.item", use_float=True)


def merge_per_record(driver: neo4j.Driver, path: Path, size: int, database: str) -> Run:
    """The simplest alternative: one MERGE per record, one auto-commit transaction each.

    No validation, no role labels, datetimes kept as strings: it does less than the importer.
    """
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
        middle = time.perf_counter()
        for record in records(path, "relations"):
            kind = record["type"]
            assert kind in TYPES, kind  # the type is spliced into the statement
            props = {k: v for k, v in record.items() if k not in ("id", "type", "from", "to")}
            key = "" if kind in STRUCTURAL else " {id: $id}"
            session.run(
                "MATCH (a:Stakeholder {id: $from}) MATCH (b:Stakeholder {id: $to}) "
                f"MERGE (a)-[r:{kind}{key}]->(b) SET r += $props",
                {"from": record["from"], "to": record["to"], "id": record.get("id")},
                props=props,
            ).consume()
            links += 1
    finished = time.perf_counter()
    return Run("MERGE per record", size, people, links, middle - started, finished - middle)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(runs: list[Run]) -> str:
    columns = "method stakeholders relations seconds stakeholders/s relations/s records/s"
    lines = ["| " + " | ".join(columns.split()) + " |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        lines.append(
            f"| {r.method} | {r.stakeholders:,} | {r.relations:,} | {r.seconds:,.1f} | "
            f"{r.stakeholders_per_second:,.0f} | {r.relations_per_second:,.0f} | "
            f"{r.records_per_second:,.0f} |"
        )
    return "\n".join(lines)


async def main(sizes: list[int], seed: int, baseline: bool) -> list[Run]:
    settings = neo4j_settings()
    say(f"Neo4j at {settings.effective_uri} (this database is emptied)")
    graph = Graph.from_settings(settings, ServerSettings(transaction_timeout=TIMEOUT))
    runs: list[Run] = []
    try:
        await graph.ping()
        for size in sizes:
            path = world(size, seed)
            say(f"importing {path.name} through stakegraph.importer")
            run = await stakegraph_import(graph, path, size)
            say(
                f"done in {run.seconds:.1f} s ({run.stakeholder_seconds:.1f} s stakeholders); "
                f"peak RSS so far {peak_rss_mib():.0f} MiB; load {os.getloadavg()[0]:.1f}"
            )
            runs.append(run)
            if baseline and size == BASELINE_SIZE:
                await empty(graph)
                say("importing the same world with one MERGE per auto-commit transaction")
                auth = (settings.username, settings.password)
                with neo4j.GraphDatabase.driver(settings.effective_uri, auth=auth) as driver:
                    runs.append(merge_per_record(driver, path, size, settings.database))
    finally:
        await graph.close()
    return runs


def report(runs: list[Run]) -> str:
    out = [table(runs)]
    ours = {r.size: r for r in runs if r.method == "stakegraph import"}
    for base in (r for r in runs if r.method == "MERGE per record"):
        mine = ours[base.size]
        out.append(
            f"\nOn {base.size:,} stakeholders, stakegraph import vs one MERGE per record: "
            f"{mine.stakeholders_per_second / base.stakeholders_per_second:.1f}x stakeholders/s, "
            f"{mine.relations_per_second / base.relations_per_second:.1f}x relations/s, "
            f"{base.seconds / mine.seconds:.1f}x less time in all."
        )
    return "\n".join(out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true", help="skip MERGE per record")
    parser.add_argument("--json", type=Path, help="also write the runs here")
    args = parser.parse_args()
    chosen = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    results = asyncio.run(main(chosen, args.seed, not args.no_baseline))
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2))
