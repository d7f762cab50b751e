"""What the benchmark scripts share: the worlds, the database's credentials, emptying it,
and reading a wrk run's result."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from stakegraph.config import neo4j_settings
from stakegraph.generate import generate

WORLDS = Path(__file__).resolve().parent / "worlds"

# Relationships first: a hub's DETACH DELETE would hold all its relationships in one
# transaction and exceed the transaction memory limit.
EMPTY = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS",
)
"""Statements that empty a database of any size, in this order (auto-commit each)."""


def world(size: int, seed: int) -> Path:
    """The world of `size` stakeholders for `seed`, generated (once) into bench/worlds/."""
    path = WORLDS / f"world-{size}-seed{seed}.json"
    if not path.exists():
        WORLDS.mkdir(parents=True, exist_ok=True)
        print(generate(size, seed, path), flush=True)
    return path


def auth() -> tuple[str, str]:
    """NEO4J_USERNAME and NEO4J_PASSWORD, with the project's defaults."""
    settings = neo4j_settings()
    return settings.username, settings.password


def uri() -> str:
    """NEO4J_URI, or the local Neo4j's default address."""
    return neo4j_settings().effective_uri


@dataclass
class Figures:
    """One measured run: latencies in milliseconds, throughput in requests per second."""

    requests: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int = 0
    rss_mb: list[float] = field(default_factory=list)


def wrk_figures(stdout: str, rss_mb: list[float] | None = None) -> Figures:
    """The Figures of a wrk run from its output: the line `RESULT {json}` that the benchmarks'
    Lua scripts write in done() (requests, seconds, errors, and p50/p95/p99 in microseconds)."""
    line = next(x for x in stdout.splitlines() if x.startswith("RESULT "))
    r = json.loads(line.removeprefix("RESULT "))
    return Figures(
        r["requests"],
        round(r["requests"] / r["seconds"], 1),
        r["p50"] / 1000,
        r["p95"] / 1000,
        r["p99"] / 1000,
        r["errors"],
        rss_mb or [],
    )
