"""Exploring the graph: a stakeholder's neighbourhood and the full-text search.

Each function validates its arguments (BAD_USER_INPUT naming the argument, before any
Cypher runs) and answers with one statement from one Cypher file under `cypher/reads/`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j.graph import Relationship

from stakegraph import errors, fulltext
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph
from stakegraph.graph.values import Node, from_driver

MAX_DEPTH = 3
DEFAULT_DEPTH = 1
MAX_LIMIT = 1000
DEFAULT_LIMIT = 200
MAX_HITS = 100
DEFAULT_HITS = 20


@dataclass
class Subgraph:
    """The nodes around a centre (it first, then nearer first) and the relationships
    between them; `truncated` when more nodes or relationships existed."""

    nodes: list[Node]
    distances: list[int]
    relations: list[Relationship]
    truncated: bool


async def neighbourhood(
    graph: Graph, id_: str, depth: int, types: Sequence[str] | None, limit: int
) -> Subgraph:
    if not 1 <= depth <= MAX_DEPTH:
        raise errors.BadUserInput(f"depth must be 1 to {MAX_DEPTH}", field="depth")
    if not 1 <= limit <= MAX_LIMIT:
        raise errors.BadUserInput(f"limit must be 1 to {MAX_LIMIT}", field="limit")
    records = await graph.read(
        load("reads/neighbourhood").text,
        id=id_,
        depth=depth,
        types=list(types) if types is not None else None,
        limit=limit,
    )
    if not records:
        raise errors.NotFound(f"no stakeholder with id {id_!r}", field="id")
    row = records[0]
    nodes = [from_driver(node) for node in row["nodes"]]
    return Subgraph(nodes, row["distances"], row["relations"], row["truncated"])


@dataclass
class Hit:
    node: Node
    score: float
    matched: list[str]


async def search(
    graph: Graph, text: str, kinds: Sequence[str] | None, first: int | None
) -> list[Hit]:
    """The best `first` stakeholders for `text` (at most MAX_HITS), by score, name, id."""
    if not text.strip():
        raise errors.BadUserInput("text must not be empty", field="text")
    if len(fulltext.words(text)) > fulltext.MAX_WORDS:
        raise errors.BadUserInput(f"at most {fulltext.MAX_WORDS} words", field="text")
    if first is None:
        first = DEFAULT_HITS
    if first < 0:
        raise errors.BadUserInput("first must be 0 or more", field="first")
    query = fulltext.lucene_query(text)
    if not query or first == 0 or kinds == []:
        return []  # only punctuation: no word could match
    records = await graph.read(
        load("reads/search").text,
        query=query,
        kinds=list(kinds) if kinds is not None else None,
        first=min(first, MAX_HITS),
    )
    hits = [(from_driver(r["node"]), r["score"]) for r in records]
    return [Hit(node, score, fulltext.matched(node, text)) for node, score in hits]
