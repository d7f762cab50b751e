"""Fixtures: a real Neo4j for every test run, and an emptied database for every test.

Where the Neo4j comes from, in order:
1. NEO4J_URI, when set (with NEO4J_USERNAME / NEO4J_PASSWORD); it must hold no data,
   unless STAKEGRAPH_TEST_WIPE=1 (every test starts by emptying the database);
2. testcontainers with the official image, when a Docker daemon answers a ping;
3. the local embedded Neo4j (`stakegraph.localdb`), started once per session on a free
   port in a temporary data directory and stopped at the end.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import neo4j
import pytest

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD, Neo4jSettings
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import apply_schema
from stakegraph.localdb import free_port
from tests.gql import GQL, serve

NEO4J_IMAGE = "neo4j:5.26-community"

# The first run of a large lens query includes planning it; on a loaded 2-core machine that
# can pass the 5 s production default. Timeouts are tested on purpose in test_faults.py.
os.environ.setdefault("STAKEGRAPH_TRANSACTION_TIMEOUT", "60")
# Test apps start without planning the hot statements in the background (its connections
# would disturb the pool tests); tests/test_warmup.py turns it on.
os.environ.setdefault("STAKEGRAPH_WARM_UP", "0")


def docker_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=3)
        return bool(client.ping())
    except Exception:
        return False


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jSettings]:
    if os.environ.get("NEO4J_URI"):
        yield Neo4jSettings()
    elif docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE, password=DEFAULT_PASSWORD) as container:
            yield Neo4jSettings(
                uri=container.get_connection_url(), username="neo4j", password=DEFAULT_PASSWORD
            )
    else:
        data_dir = tmp_path_factory.mktemp("neo4j")
        started = localdb.start(free_port(), data_dir, password=DEFAULT_PASSWORD)
        try:
            yield Neo4jSettings(uri=started.uri, username="neo4j", password=DEFAULT_PASSWORD)
        finally:
            localdb.stop(data_dir)


@pytest.fixture(scope="session")
def neo4j_env(neo4j_settings: Neo4jSettings) -> Iterator[Neo4jSettings]:
    """The test database's settings, also exported as NEO4J_* for code that reads the env."""
    saved = {k: os.environ.get(k) for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD")}
    os.environ["NEO4J_URI"] = neo4j_settings.effective_uri
    os.environ["NEO4J_USERNAME"] = neo4j_settings.username
    os.environ["NEO4J_PASSWORD"] = neo4j_settings.password
    try:
        yield neo4j_settings
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def _schema(neo4j_settings: Neo4jSettings) -> None:
    async def run() -> None:
        graph = Graph.from_settings(neo4j_settings)
        try:
            await apply_schema(graph)
        finally:
            await graph.close()

    asyncio.run(run())


@pytest.fixture(scope="session")
def _driver(neo4j_settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    driver = neo4j.GraphDatabase.driver(
        neo4j_settings.effective_uri, auth=(neo4j_settings.username, neo4j_settings.password)
    )
    refuse_to_wipe_data(driver)
    yield driver
    driver.close()


def refuse_to_wipe_data(driver: neo4j.Driver) -> None:
    """Tests empty the database before each test: never a database someone is using.

    A database given by NEO4J_URI must be empty at the start of the session, unless
    STAKEGRAPH_TEST_WIPE=1 says its data may go (e.g. a scratch instance reused).
    """
    if os.environ.get("STAKEGRAPH_TEST_WIPE") == "1":
        return
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) > 0 AS used")
    if records[0]["used"]:
        pytest.exit(
            "the test database (NEO4J_URI) holds data, and the tests would delete it: point "
            "NEO4J_URI at a scratch database, unset it, or set STAKEGRAPH_TEST_WIPE=1",
            returncode=2,
        )


@pytest.fixture
def db(_driver: neo4j.Driver, _schema: None) -> neo4j.Driver:
    """A sync driver on an emptied database (schema applied)."""
    with _driver.session() as session:
        # Relationships first: DETACH DELETE of a node with 100k relationships in one
        # transaction can run out of transaction memory.
        for statement in (
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
            "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
        ):
            session.run(statement).consume()
    return _driver


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def graph(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> AsyncIterator[Graph]:
    """An async Graph on the emptied database (use with @pytest.mark.anyio)."""
    g = Graph.from_settings(neo4j_settings)
    yield g
    await g.close()


@pytest.fixture
def gql(db: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[GQL]:
    """A GraphQL client of the app (tests/gql.py) on the emptied database."""
    with serve(neo4j_settings) as client:
        yield client


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path
