"""One async Neo4j driver per process and the ways to use it: `read`, `write`, `execute`
(work of several statements as one transaction), `read_together` (reads sharing one read
transaction) and `run_unmanaged` (an auto-commit statement).

Every read runs in a read transaction (a cluster routes it to a secondary), every write in
one write transaction (it succeeds whole or writes nothing). Every statement has a
transaction timeout. Driver exceptions become the project's own here, and nowhere else.

A read function takes a `Reader`: the Graph itself (each statement its own transaction)
or, inside `Graph.read_together`, a `ReadTransaction` (every statement in one).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction
from neo4j import exceptions as neo4j_errors

from stakegraph import errors
from stakegraph.config import Neo4jSettings, ServerSettings

T = TypeVar("T")
Work = Callable[[AsyncManagedTransaction], Awaitable[T]]


def create_driver(db: Neo4jSettings, server: ServerSettings | None = None) -> AsyncDriver:
    server = server or ServerSettings()
    return AsyncGraphDatabase.driver(
        db.effective_uri,
        auth=(db.username, db.password),
        max_connection_pool_size=server.max_connection_pool_size,
        connection_acquisition_timeout=server.connection_acquisition_timeout,
        connection_timeout=5.0,
        max_transaction_retry_time=5.0,
        notifications_min_severity="OFF",
    )


class Reader(Protocol):
    """What a read function needs: a way to run one read statement and get its records."""

    async def read(self, cypher: str, **params: Any) -> list[neo4j.Record]: ...


class Graph:
    """The database as the rest of stakegraph sees it."""

    def __init__(self, driver: AsyncDriver, database: str, timeout: float = 5.0) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.statements = 0  # Cypher statements sent, for tests that count round trips
        self.transactions = 0  # transactions begun (retries too), for the same tests

    @classmethod
    def from_settings(cls, db: Neo4jSettings, server: ServerSettings | None = None) -> Graph:
        server = server or ServerSettings()
        return cls(create_driver(db, server), db.database, server.transaction_timeout)

    async def close(self) -> None:
        await self.driver.close()

    async def read(self, cypher: str, **params: Any) -> list[neo4j.Record]:
        """Run one statement in a read transaction and return all its records.

        Through the driver's `execute_query`: a managed read transaction with the same
        retries as `execute`, whose BEGIN goes out with the statement (one round trip to
        Neo4j fewer than `execute_read`, which waits for BEGIN's answer first). No
        bookmarks: a read sees what was committed before it starts, as before."""
        self.statements += 1
        self.transactions += 1
        try:
            return await self.driver.execute_query(
                neo4j.Query(cypher, timeout=self.timeout),
                params,
                routing_=neo4j.RoutingControl.READ,
                database_=self.database,
                bookmark_manager_=None,
                result_transformer_=_records,
            )
        except errors.StakegraphError:
            raise
        except Exception as exc:
            raise translate(exc) from exc

    async def write(self, cypher: str, **params: Any) -> list[neo4j.Record]:
        """Run one statement in a write transaction and return all its records."""

        async def work(tx: AsyncManagedTransaction) -> list[neo4j.Record]:
            return await self._run(tx, cypher, params)

        return await self.execute(work, write=True)

    async def execute(self, work: Work[T], *, write: bool, timeout: float | None = None) -> T:
        """Run a unit of work (several statements) as one managed transaction, within
        `timeout` seconds (the configured transaction timeout when None)."""

        async def counted(tx: AsyncManagedTransaction) -> T:
            self.transactions += 1
            return await work(tx)

        try:
            timed = neo4j.unit_of_work(timeout=timeout or self.timeout)(counted)
            async with self.driver.session(database=self.database) as session:
                if write:
                    return await session.execute_write(timed)
                return await session.execute_read(timed)
        except errors.StakegraphError:
            raise
        except Exception as exc:
            raise translate(exc) from exc

    async def read_together(self, work: Callable[[Reader], Awaitable[T]]) -> T:
        """Run `work`'s reads as the statements of one read transaction: one BEGIN and
        COMMIT, one connection (one server of a cluster), one timeout for them all. Neo4j
        reads at read committed, so this is no snapshot: a later statement can see what
        another transaction committed after an earlier one ran."""

        async def reads(tx: AsyncManagedTransaction) -> T:
            return await work(ReadTransaction(self, tx))

        return await self.execute(reads, write=False)

    async def _run(
        self, tx: AsyncManagedTransaction, cypher: str, params: dict[str, Any]
    ) -> list[neo4j.Record]:
        self.statements += 1
        result = await tx.run(cypher, params)
        return [record async for record in result]

    async def run_unmanaged(self, cypher: str, **params: Any) -> list[neo4j.Record]:
        """Run a statement that manages its own transactions (schema, CALL IN TRANSACTIONS)."""
        try:
            async with self.driver.session(database=self.database) as session:
                self.statements += 1
                self.transactions += 1
                result = await session.run(neo4j.Query(cypher, timeout=None), params)
                return [record async for record in result]
        except Exception as exc:
            raise translate(exc) from exc

    async def ping(self) -> None:
        """Raise ServiceUnavailable unless the database answers."""
        try:
            await self.driver.verify_connectivity()
        except Exception as exc:
            raise translate(exc) from exc


class ReadTransaction:
    """The reads of `Graph.read_together`: a Reader whose statements run in its one
    transaction (counted in the graph's `statements`)."""

    def __init__(self, graph: Graph, tx: AsyncManagedTransaction) -> None:
        self.graph = graph
        self.tx = tx

    async def read(self, cypher: str, **params: Any) -> list[neo4j.Record]:
        return await self.graph._run(self.tx, cypher, params)


async def _records(result: neo4j.AsyncResult) -> list[neo4j.Record]:
    return [record async for record in result]


# Codes of a statement stopped by its transaction timeout: while running, or while waiting
# for a lock (the lock client is stopped when the timeout terminates the transaction).
TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.LockClientStopped",
)


def translate(exc: Exception) -> errors.StakegraphError:
    """A driver exception as one of the project's own."""
    if isinstance(exc, errors.StakegraphError):
        return exc
    if isinstance(exc, neo4j_errors.IncompleteCommit):
        return errors.ServiceUnavailable(
            "the database went away during the commit; the write may or may not have happened"
        )
    if isinstance(exc, neo4j_errors.ConnectionAcquisitionTimeoutError):
        return errors.ServiceUnavailable("too many requests at once; try again shortly")
    if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        return errors.ServiceUnavailable("the database cannot be reached; try again shortly")
    if isinstance(exc, neo4j_errors.AuthError):
        return errors.CredentialsRefused("the database refused stakegraph's credentials")
    if isinstance(exc, neo4j_errors.Neo4jError) and exc.code in TIMEOUT_CODES:
        return errors.Timeout("the query ran longer than its time limit")
    if isinstance(exc, neo4j_errors.ConstraintError):
        return errors.BadUserInput("that id is already taken", field="id")
    if isinstance(exc, neo4j_errors.TransientError):
        return errors.ServiceUnavailable("the database is busy; try again shortly")
    return errors.StakegraphError("internal error")
