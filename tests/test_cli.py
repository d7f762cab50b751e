"""The `stakegraph` command, run as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import neo4j

from stakegraph.config import Neo4jSettings
from tests.gql import serve_process


def stakegraph(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stakegraph", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **env},
        timeout=120,
    )


def stakegraph_input(text: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`stakegraph` with `text` on standard input."""
    return subprocess.run(
        [sys.executable, "-m", "stakegraph", *args],
        input=text,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=120,
    )


def test_serve_refuses_a_public_address_without_api_keys() -> None:
    result = stakegraph(
        "serve", "--host", "0.0.0.0", STAKEGRAPH_API_KEYS="", STAKEGRAPH_ALLOW_OPEN="0"
    )
    assert result.returncode == 1
    assert "refusing to serve 0.0.0.0 without API keys" in result.stderr


def test_help_names_where_each_option_default_comes_from() -> None:
    # rich markup once swallowed help written as "[default: ...]": --host said nothing
    serve = stakegraph("serve", "--help")
    assert serve.returncode == 0, serve.stderr
    for variable in ("STAKEGRAPH_HOST", "STAKEGRAPH_PORT", "STAKEGRAPH_WORKERS"):
        assert variable in serve.stdout
    status = stakegraph("neo4j", "status", "--help")
    assert "~/.local/share/stakegraph/neo4j" in status.stdout


def test_help_never_breaks_a_sentence_of_a_command_description() -> None:
    # typer keeps a docstring's single line breaks: on a wide terminal they cut sentences
    commands = ["serve", "query", "cypher", "import", "export", "demo", "generate"]
    commands += ["neo4j start", "neo4j stop", "neo4j status", "neo4j dump", "neo4j load"]
    for command in commands:
        shown = stakegraph(*command.split(), "--help").stdout
        prose = shown.split("Usage:", 1)[1].split("\n", 1)[1].split("╭", 1)[0]
        for line in filter(None, (line.strip() for line in prose.splitlines())):
            assert line.endswith((".", ")", ":")), f"{command}: {line!r}"


def test_a_malformed_setting_is_one_line_naming_its_variable_not_a_traceback() -> None:
    port = stakegraph("schema", "apply", STAKEGRAPH_PORT="abc")
    assert port.returncode == 1
    assert "STAKEGRAPH_PORT='abc'" in port.stderr and "Traceback" not in port.stderr
    weights = stakegraph("demo", STAKEGRAPH_STAGE_WEIGHTS="{bad")
    assert weights.returncode == 1
    assert "STAKEGRAPH_STAGE_WEIGHTS is not valid JSON" in weights.stderr
    assert "Traceback" not in weights.stderr
    helped = stakegraph("serve", "--help", STAKEGRAPH_PORT="abc")
    assert helped.returncode == 0 and "STAKEGRAPH_PORT" in helped.stdout


def test_an_unreachable_local_neo4j_gets_told_how_to_start_it(tmp_path: Path) -> None:
    # NEO4J_URI unset, no local Neo4j in the data dir: the one thing to do is start it
    # (a spare port stands for 7687, which a developer's own Neo4j may hold)
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        spare = probe.getsockname()[1]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import stakegraph.config as c; c.LOCAL_BOLT_PORT = {spare}; "
            "import stakegraph.cli as cli; cli.app(['schema', 'apply'], prog_name='stakegraph')",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", "NEO4J_URI": "", "XDG_DATA_HOME": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 1
    assert "no local Neo4j runs: start it with `stakegraph neo4j start`" in result.stderr


def test_the_local_neo4j_hint_for_refused_credentials_is_a_restart() -> None:
    from stakegraph.cli import local_neo4j_hint
    from stakegraph.errors import CredentialsRefused

    refused = CredentialsRefused("the database refused stakegraph's credentials")
    assert "restart it with the NEO4J_PASSWORD set now" in local_neo4j_hint(refused)


def test_a_path_in_a_message_is_never_broken_across_lines(tmp_path: Path) -> None:
    out = tmp_path / "a-folder-with-a-long-name-to-pass-eighty-columns" / "world.json"
    out.parent.mkdir()
    result = stakegraph("generate", "--stakeholders", "5", "--out", str(out), COLUMNS="80")
    assert result.returncode == 0, result.stderr
    assert f"to {out}\n" in result.stdout  # one line: a path a person can copy


def test_query_runs_a_named_file_with_parameters_and_prints_a_table(
    db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    db.execute_query(
        "CREATE (:Stakeholder:Organization {id: 'shop', name: 'Shop'})"
        "<-[:BUYS {id: 'b1', offering: 'Tea', amount: 3.0, currency: 'EUR',"
        " at: datetime('2025-01-01T00:00:00Z'), kind: 'ONE_OFF', consideration: 'MONEY'}]-"
        "(:Stakeholder:Person {id: 'ann', name: 'Ann'})"
    )
    result = stakegraph(
        "query", "lenses/transactional", "--param", "providerId=shop", "--param", "customerId=null"
    )
    assert result.returncode == 0, result.stderr
    assert "TRANSACTIONAL" in result.stdout and "(Ann #ann)" in result.stdout


def test_query_passes_a_window_to_a_lens_file_and_nulls_the_window_left_out(
    db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    db.execute_query(
        "CREATE (:Stakeholder:Organization {id: 'shop', name: 'Shop'})"
        "<-[:BUYS {id: 'b1', offering: 'Tea', amount: 3.0, currency: 'EUR',"
        " at: datetime('2025-01-01T00:00:00Z'), kind: 'ONE_OFF', consideration: 'MONEY'}]-"
        "(:Stakeholder:Person {id: 'ann', name: 'Ann'})"
    )
    base = ["query", "lenses/transactional", "-p", "providerId=shop", "-p", "customerId=null"]
    inside = stakegraph(*base, "-p", "since=2025-01-01T00:00:00Z", "-p", "offering=Tea")
    assert inside.returncode == 0, inside.stderr
    assert "(Ann #ann)" in inside.stdout
    after = stakegraph(*base, "-p", "since=2025-01-02T00:00:00Z")
    assert after.returncode == 0, after.stderr
    assert "(Ann #ann)" not in after.stdout


def test_query_names_the_known_files_when_the_name_is_wrong() -> None:
    result = stakegraph("query", "lenses/nope")
    assert result.returncode == 1
    assert "lenses/end_user" in result.stderr
    assert "writes/" not in result.stderr  # `query` would refuse those anyway


def test_query_of_a_library_name_without_its_folder_suggests_the_file() -> None:
    # runLibraryQuery and the explorer call it "stalled_prospects"; the file is queries/...
    result = stakegraph("query", "stalled_prospects", "-p", "providerId=initech")
    assert result.returncode == 1
    assert "did you mean queries/stalled_prospects?" in result.stderr
    typo = stakegraph("query", "queries/stalled_prospect")
    assert "did you mean queries/stalled_prospects" in typo.stderr


def test_query_without_a_required_parameter_names_it_with_its_header_line() -> None:
    result = stakegraph("query", "queries/stalled_prospects", "-p", "providerId=initech")
    assert result.returncode == 1
    assert "needs -p days=..." in result.stderr
    assert "$days        integer, required" in result.stderr
    assert "asOf" not in result.stderr  # optional: null when left out


def test_query_reads_iso_datetimes_and_refuses_files_that_write() -> None:
    writes = stakegraph("query", "writes/refresh_roles", "--param", "ids=[]")
    assert writes.returncode == 1
    assert "changes data" in writes.stderr

    from stakegraph.cli import _parse_param

    key, value = _parse_param("asOf=2026-01-01T00:00:00Z")
    assert key == "asOf" and value.isoformat() == "2026-01-01T00:00:00+00:00"
    assert _parse_param("first=3") == ("first", 3)
    assert _parse_param("providerId=acme") == ("providerId", "acme")


def test_demo_if_empty_loads_once_and_never_into_a_database_in_use(
    db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    def count() -> int:
        records, _, _ = db.execute_query("MATCH (n:Stakeholder) RETURN count(n) AS n")
        return int(records[0]["n"])

    db.execute_query("CREATE (:Stakeholder:Person {id: 'mine', name: 'Mine'})")
    refused = stakegraph("demo", "--if-empty")
    assert refused.returncode == 0, refused.stderr
    assert "not empty; demo not loaded" in refused.stdout
    assert count() == 1

    db.execute_query("MATCH (n:Stakeholder {id: 'mine'}) DELETE n")
    loaded = stakegraph("demo", "--if-empty")
    assert loaded.returncode == 0, loaded.stderr
    assert re.search(r"Demo loaded: \d+ stakeholders and \d+ relations", loaded.stdout)
    assert count() > 300


def test_serve_with_two_workers_answers_from_two_processes(
    db: neo4j.Driver, neo4j_env: Neo4jSettings
) -> None:
    import time
    from pathlib import Path

    import httpx

    with serve_process("--workers", "2", env={"STAKEGRAPH_API_KEYS": ""}) as (server, url):
        deadline = time.monotonic() + 60
        db.execute_query("CREATE (:Stakeholder:Person {id: 'w', name: 'Worker test'})")
        answer = httpx.post(f"{url}/graphql", json={"query": '{ stakeholder(id: "w") { name } }'})
        assert answer.json() == {"data": {"stakeholder": {"name": "Worker test"}}}

        def children() -> int:
            found = 0
            for stat in Path("/proc").glob("[0-9]*/stat"):
                try:
                    fields = stat.read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                found += int(fields[1]) == server.pid  # ppid
            return found

        while children() < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert children() >= 2  # uvicorn's two worker processes (plus its own helpers)


def test_serve_logs_when_warming_ends_and_how_long_it_took(
    neo4j_env: Neo4jSettings, tmp_path: Path
) -> None:
    import time

    import httpx

    log = tmp_path / "serve.log"
    warming = {"STAKEGRAPH_API_KEYS": "", "STAKEGRAPH_WARM_UP": "1"}
    with serve_process(env=warming, stderr=log) as (_, url):
        deadline = time.monotonic() + 600
        while httpx.get(f"{url}/ready").status_code != 200:
            assert time.monotonic() < deadline, "the server was still warming after 10 minutes"
            time.sleep(0.5)
    printed = log.read_text()
    assert re.search(r"^INFO: +ready: planned [1-9]\d* statements in \d+\.\d s$", printed, re.M)
    assert re.search(r"^WARNING: +no API keys", printed, re.M), printed


def test_export_csv_refuses_a_file_path(tmp_path: Path) -> None:
    target = tmp_path / "world.json"
    target.write_text("{}", encoding="utf-8")
    result = stakegraph("export", str(target), "--format", "csv")
    assert result.returncode == 1
    assert "--format csv writes a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "{}"
