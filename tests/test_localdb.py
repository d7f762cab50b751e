"""The local Neo4j launcher itself: start, query, stop, start again and find the data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD
from stakegraph.localdb import free_port


def count_marks(uri: str) -> int:
    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", DEFAULT_PASSWORD)) as driver:
        records, _, _ = driver.execute_query("MATCH (m:LauncherMark) RETURN count(m) AS n")
        return int(records[0]["n"])


def test_data_survives_a_clean_stop_and_a_second_start(tmp_path: Path) -> None:
    port = free_port()
    started = localdb.start(port, tmp_path)
    try:
        assert started.uri == f"bolt://127.0.0.1:{port}"
        assert localdb.status(tmp_path).running
        with neo4j.GraphDatabase.driver(started.uri, auth=("neo4j", DEFAULT_PASSWORD)) as driver:
            driver.execute_query("CREATE (:LauncherMark {at: datetime()})")
        with pytest.raises(localdb.LocalNeo4jError, match="already running"):
            localdb.start(port, tmp_path)
    finally:
        assert localdb.stop(tmp_path) is True
    assert not localdb.status(tmp_path).running
    assert localdb.stop(tmp_path) is False

    again = localdb.start(port, tmp_path)
    try:
        assert count_marks(again.uri or "") == 1
    finally:
        localdb.stop(tmp_path)
    assert "READY" in (tmp_path / "neo4j.log").read_text()


def test_wrong_password_is_refused(tmp_path: Path) -> None:
    started = localdb.start(free_port(), tmp_path)
    try:
        auth = ("neo4j", "not-it")
        with (
            neo4j.GraphDatabase.driver(started.uri or "", auth=auth) as driver,
            pytest.raises(neo4j.exceptions.AuthError),
        ):
            driver.verify_connectivity()
    finally:
        localdb.stop(tmp_path)


def stakegraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "stakegraph", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def test_cli_reports_status_and_a_missing_java_in_one_line(tmp_path: Path) -> None:
    stopped = stakegraph("neo4j", "status", "--data-dir", str(tmp_path))
    assert stopped.returncode == 3
    assert "not running" in stopped.stdout

    no_tools = {**os.environ, "PATH": str(tmp_path / "empty-bin")}
    port = str(free_port())  # never the default: `make run` may hold it
    result = stakegraph("neo4j", "start", "--port", port, "--data-dir", str(tmp_path), env=no_tools)
    assert result.returncode == 1
    assert "`java` was not found on PATH" in result.stderr
    assert "Traceback" not in result.stderr
    # Maven is named only when the start builds the launcher
    assert ("building it with Maven" in result.stderr) is not localdb.is_built()


def test_cli_start_on_another_port_says_how_to_point_stakegraph_at_it(tmp_path: Path) -> None:
    port = free_port()  # never the default: `make run` may hold it
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    started = stakegraph(
        "neo4j", "start", "--port", str(port), "--data-dir", str(tmp_path), env=env
    )
    try:
        assert started.returncode == 0, started.stderr
        assert f"export NEO4J_URI=bolt://127.0.0.1:{port}" in started.stdout
    finally:
        localdb.stop(tmp_path)


def test_a_store_left_with_a_password_change_pending_starts(tmp_path: Path) -> None:
    """A store whose neo4j user must change its password (as another server may leave it)
    starts again with the same password and no change pending."""
    port = free_port()
    started = localdb.start(port, tmp_path)
    try:
        with neo4j.GraphDatabase.driver(started.uri or "", auth=("neo4j", DEFAULT_PASSWORD)) as d:
            d.execute_query("ALTER USER neo4j SET PASSWORD CHANGE REQUIRED", database_="system")
    finally:
        localdb.stop(tmp_path)
    again = localdb.start(port, tmp_path)
    try:
        assert count_marks(again.uri or "") == 0
    finally:
        localdb.stop(tmp_path)


def test_a_start_with_another_password_changes_it(tmp_path: Path) -> None:
    """The first start's password comes from set-initial-password; a later start with
    another one changes it (the old one no longer logs in), with the data kept."""
    port = free_port()
    started = localdb.start(port, tmp_path)
    try:
        with neo4j.GraphDatabase.driver(started.uri or "", auth=("neo4j", DEFAULT_PASSWORD)) as d:
            d.execute_query("CREATE (:LauncherMark)")
    finally:
        localdb.stop(tmp_path)
    again = localdb.start(port, tmp_path, password="another-password")
    try:
        with neo4j.GraphDatabase.driver(again.uri or "", auth=("neo4j", "another-password")) as d:
            records, _, _ = d.execute_query("MATCH (m:LauncherMark) RETURN count(m) AS n")
            assert records[0]["n"] == 1
        with (
            neo4j.GraphDatabase.driver(again.uri or "", auth=("neo4j", DEFAULT_PASSWORD)) as d,
            pytest.raises(neo4j.exceptions.AuthError),
        ):
            d.verify_connectivity()
    finally:
        localdb.stop(tmp_path)
