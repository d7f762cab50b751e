"""A small GraphQL client for the API tests: POSTs to /graphql of a running test app.

    with serve(neo4j_settings) as gql:
        data = gql.query("query($id: ID!) { stakeholder(id: $id) { name } }", id="leo")
        errors = gql.errors("{ explain(customerId: \"x\", providerId: \"y\") { isCustomer } }")

The `gql` fixture of tests/conftest.py serves the app on the emptied test database.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from starlette.testclient import TestClient

from stakegraph.api.app import create_app
from stakegraph.config import Neo4jSettings
from stakegraph.demo import load_demo
from stakegraph.graph.driver import Graph
from stakegraph.localdb import free_port


class GraphQLFailed(AssertionError):
    """The server answered with errors where the test expected data."""


class GQL:
    def __init__(self, client: TestClient) -> None:
        self.client = client

    @property
    def graph(self) -> Graph:
        """The app's one Graph (its `statements` counter counts Cypher statements sent)."""
        graph: Graph = self.client.app.state.graph  # type: ignore[attr-defined]
        return graph

    def post(self, text: str, **variables: Any) -> dict[str, Any]:
        """The whole response body; the HTTP status must be 200."""
        response = self.client.post("/graphql", json={"query": text, "variables": variables})
        assert response.status_code == 200, (response.status_code, response.text)
        body: dict[str, Any] = response.json()
        return body

    def query(self, text: str, **variables: Any) -> dict[str, Any]:
        """The data of a request that must succeed."""
        body = self.post(text, **variables)
        if body.get("errors"):
            raise GraphQLFailed(json.dumps(body["errors"], indent=2))
        data: dict[str, Any] = body["data"]
        return data

    def errors(self, text: str, **variables: Any) -> list[dict[str, Any]]:
        """The errors of a request that must fail."""
        body = self.post(text, **variables)
        found: list[dict[str, Any]] = body.get("errors") or []
        assert found, f"expected errors, got data {body.get('data')!r}"
        return found

    def error(self, text: str, **variables: Any) -> dict[str, Any]:
        """The one error of a request that must fail with exactly one."""
        found = self.errors(text, **variables)
        assert len(found) == 1, found
        return found[0]


@contextmanager
def serve(settings: Neo4jSettings) -> Iterator[GQL]:
    """The app on the given Neo4j, with its lifespan running."""
    with TestClient(create_app(settings)) as client:
        yield GQL(client)


@contextmanager
def serve_process(
    *options: str, env: dict[str, str], stderr: Path | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`stakegraph serve` in a process of its own on a free port (`options` added, `env`
    over this process's environment, its stderr into the file `stderr` when given), once
    /health answers: the process and its URL. Terminated on the way out."""
    port = free_port()
    with stderr.open("wb") if stderr else open(os.devnull, "wb") as errors:
        server = subprocess.Popen(
            [sys.executable, "-m", "stakegraph", "serve", "--port", str(port), *options],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, **env},
        )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)
        yield server, url
    finally:
        server.terminate()
        server.wait(30)


def code(error: dict[str, Any]) -> str | None:
    extensions: dict[str, Any] = error.get("extensions") or {}
    return extensions.get("code")


def field(error: dict[str, Any]) -> str | None:
    extensions: dict[str, Any] = error.get("extensions") or {}
    return extensions.get("field")


def readme_query(marker: str) -> str:
    """The one ```graphql block of the README that contains `marker`: tour steps are
    tested exactly as a reader pastes them."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    (query,) = [b for b in re.findall(r"```graphql\n(.*?)```", readme, re.S) if marker in b]
    return query


def load_demo_world(settings: Neo4jSettings) -> None:
    """Load the demo world (`stakegraph demo`) into the test database."""

    async def load() -> None:
        graph = Graph.from_settings(settings)
        try:
            await load_demo(graph)
        finally:
            await graph.close()

    asyncio.run(load())
