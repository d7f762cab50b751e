"""The one runner of whole statements whose rows someone reads: `stakegraph query NAME`,
`stakegraph cypher` and `runLibraryQuery` all come through `run`.

A statement runs in a read transaction unless `write=True` (Neo4j itself refuses a write
in a read transaction: that becomes `errors.WriteRefused`, and nothing is written; with
`write=True`, `CALL { ... } IN TRANSACTIONS` runs in the auto-commit transaction it needs),
within the configured transaction timeout unless `timeout` says otherwise. Neo4j's own errors
about the statement (syntax, a missing parameter, a type or arithmetic error at run time)
become `errors.BadUserInput` carrying Neo4j's first line, since the text came from the
user; the rest is translated as everywhere else (graph/driver.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import AsyncManagedTransaction, AsyncResult
from neo4j import exceptions as neo4j_errors

from stakegraph import errors
from stakegraph.graph.driver import TIMEOUT_CODES, Graph, translate

# The summary counters worth telling someone who ran a write, in this order.
COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
    "labels_removed",
    "indexes_added",
    "indexes_removed",
    "constraints_added",
    "constraints_removed",
)

READ_ONLY = "Neo.ClientError.Statement.AccessMode"


@dataclass(frozen=True)
class Rows:
    """What a statement returned: its columns, its rows (driver values in column order),
    whether rows were left out after `limit`, and what it changed (non-zero counters)."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    changes: dict[str, int] = field(default_factory=dict)


async def run(
    graph: Graph,
    cypher: str,
    params: dict[str, Any] | None = None,
    *,
    write: bool = False,
    timeout: float | None = None,
    limit: int | None = None,
) -> Rows:
    """Run one statement in one transaction and return its rows (the first `limit`)."""

    async def work(tx: AsyncManagedTransaction) -> Rows:
        graph.statements += 1
        return await _collect(await tx.run(cypher, params or {}), limit)

    try:
        try:
            return await graph.execute(work, write=write, timeout=timeout)
        except errors.StakegraphError as exc:
            if not (write and _needs_autocommit(exc.__cause__)):
                raise
        return await _autocommit(graph, cypher, params or {}, timeout, limit)
    except errors.StakegraphError as exc:
        raise statement_error(exc) from exc.__cause__ or exc


async def _collect(result: AsyncResult, limit: int | None) -> Rows:
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    async for record in result:
        if limit is not None and len(rows) >= limit:
            truncated = True
            break
        rows.append(list(record.values()))
    counters = (await result.consume()).counters
    changes = {name: getattr(counters, name) for name in COUNTERS}
    return Rows(columns, rows, truncated, {k: v for k, v in changes.items() if v})


def _needs_autocommit(cause: BaseException | None) -> bool:
    """`CALL { ... } IN TRANSACTIONS` refused in a managed transaction: it commits its own
    batches, so only an auto-commit transaction runs it (refused before anything ran)."""
    return (
        isinstance(cause, neo4j_errors.Neo4jError)
        and cause.code == "Neo.DatabaseError.Transaction.TransactionStartFailed"
        and "IN TRANSACTIONS" in (cause.message or "")
    )


async def _autocommit(
    graph: Graph, cypher: str, params: dict[str, Any], timeout: float | None, limit: int | None
) -> Rows:
    try:
        async with graph.driver.session(database=graph.database) as session:
            graph.statements += 1
            query = neo4j.Query(cypher, timeout=timeout or graph.timeout)
            return await _collect(await session.run(query, params), limit)
    except Exception as exc:
        raise translate(exc) from exc


def statement_error(exc: errors.StakegraphError) -> errors.StakegraphError:
    """The error to show for a user's statement: Neo4j's own words for a client error."""
    cause = exc.__cause__
    if not isinstance(cause, neo4j_errors.Neo4jError) or not cause.code:
        return exc
    if cause.code == READ_ONLY:
        return errors.WriteRefused(
            "the statement writes, and it ran in a read transaction: nothing was written"
        )
    if cause.code.startswith("Neo.ClientError.") and cause.code not in TIMEOUT_CODES:
        first_line = (cause.message or cause.code).strip().splitlines()[0]
        return errors.BadUserInput(_LONG_EXPECTED.sub(r"\1 \2", first_line).rstrip("."))
    return exc


# "Invalid input 'RETRUN': expected a graph pattern, 'FOREACH', ... or <EOF> (line 1, ...)":
# a list of every token the parser could take next says less than where the typo is.
_LONG_EXPECTED = re.compile(r"^(Invalid input .*?): expected (?:[^,]*,){5,}.* (\(line \d+.*)$")
