"""What the benchmark scripts share: the worlds, the database's credentials, emptying it."""

from __future__ import annotations

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
