"""Warm start: plan the hot statements before the server says it is ready.

Neo4j plans a statement the first time it sees its text (and its parameter types) and
caches the plan. The composed lens queries are large: on a cold database their planning
alone can take longer than the transaction timeout, and that time was charged to the
first client who asked. At start-up the server therefore sends each hot statement once,
with the parameters the real call sends but an id that no stakeholder can have, so that
Neo4j plans and compiles it and its first index seek finds nothing (only `search` and
`stakeholders`, which take no id, read a first page).
/ready answers 503 "warming" until that is done.

The statements are found by calling the same functions the resolvers call (the list is
api/warmup.py's), on a `Planner` (a Graph with a long timeout that answers no rows), so
the list cannot drift from the statement text. A function that stops early on the empty
answer (NOT_FOUND) has already sent its statement. (EXPLAIN alone plans too, but on a
loaded machine the first real call after it still took 7.5 s against 3.3 s after a run
that found nothing.)
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import AsyncManagedTransaction

from stakegraph import errors
from stakegraph.graph.driver import Graph

log = logging.getLogger("stakegraph")

# Ids are 1-128 characters of [A-Za-z0-9_.:-] (SPEC 2): this one matches nothing.
NO_ID = "#warm-up"
# Planning the largest composed statement took 50 s on this 2-core machine under a load
# of 25; the client's transaction timeout (5 s by default) does not apply to warming.
PLAN_TIMEOUT = 300.0
# Neo4j plans one statement per thread: two at a time keep two cores busy.
AT_ONCE = 2


class Planner(Graph):
    """A Graph on the same driver, with a long timeout, whose reads answer no rows.

    `statements` counts what was planned."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph.driver, graph.database, PLAN_TIMEOUT)

    async def _run(
        self, tx: AsyncManagedTransaction, cypher: str, params: dict[str, Any]
    ) -> list[neo4j.Record]:
        self.statements += 1
        result = await tx.run(cypher, params)
        await result.consume()
        return []

    async def write(self, cypher: str, **params: Any) -> list[neo4j.Record]:
        raise AssertionError("warming plans reads only")


Call = Callable[[Graph], Awaitable[object]]


@dataclass
class Warmth:
    """What warming did: statements planned, the seconds it took, calls that failed."""

    planned: int
    seconds: float
    failed: list[str]


async def warm(graph: Graph, calls: dict[str, Call]) -> Warmth:
    """Plan what each of `calls` sends (see the module docstring). Raises
    ServiceUnavailable when Neo4j cannot be reached, so that the caller can try again."""
    planner = Planner(graph)
    started = time.perf_counter()
    failed: list[str] = []
    gate = asyncio.Semaphore(AT_ONCE)

    async def plan(name: str, call: Call) -> None:
        async with gate:
            try:
                await call(planner)
            except errors.ServiceUnavailable:
                raise
            except (errors.NotFound, LookupError):
                pass  # the statement was sent; the empty answer stopped the function
            except Exception as exc:  # a statement that does not plan is a bug to report
                log.warning("warming %s failed: %s", name, exc)
                failed.append(name)

    await asyncio.gather(*(plan(name, call) for name, call in calls.items()))
    return Warmth(planner.statements, time.perf_counter() - started, failed)
