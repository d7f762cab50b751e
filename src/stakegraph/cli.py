"""The `stakegraph` command."""

from __future__ import annotations

import asyncio
import difflib
import json
import re
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from stakegraph import errors, formats, localdb
from stakegraph.config import LOCAL_BOLT_PORT, neo4j_settings, server_settings
from stakegraph.formats import Format
from stakegraph.graph.cypher import all_files, load
from stakegraph.graph.driver import Graph

T = TypeVar("T")

app = typer.Typer(no_args_is_help=True, help="Who counts as whose customer, and why.")
neo4j_app = typer.Typer(
    no_args_is_help=True, help="The local Neo4j (when no server is configured)."
)
schema_app = typer.Typer(no_args_is_help=True, help="The Neo4j schema and the GraphQL SDL.")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(schema_app, name="schema")

out = Console()
err = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Store, log and pid file (default: per user, ~/.local/share/stakegraph/neo4j)",
    ),
]


def say(message: str) -> None:
    """A command's message on stdout, never broken inside a path or a command to copy."""
    out.print(message, soft_wrap=True)


def fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@app.callback()
def check_settings() -> None:
    """Refuse a malformed setting before any command, in one line naming its variable."""
    if "--help" in sys.argv[1:]:  # help stays readable whatever the environment holds
        return
    from pydantic import ValidationError
    from pydantic_settings import BaseSettings, SettingsError

    from stakegraph.analytics import AnalyticsSettings
    from stakegraph.config import Neo4jSettings, ServerSettings

    reads: tuple[tuple[type[BaseSettings], Callable[[], object]], ...] = (
        (Neo4jSettings, neo4j_settings),
        (ServerSettings, server_settings),
        (AnalyticsSettings, AnalyticsSettings),
    )
    for model, read in reads:
        prefix = str(model.model_config.get("env_prefix", ""))
        try:
            read()
        except ValidationError as exc:
            fail(
                "; ".join(
                    f"{prefix}{'_'.join(map(str, problem['loc'])).upper()}="
                    f"{problem['input']!r}: {problem['msg']}"
                    for problem in exc.errors()
                )
            )
        except SettingsError as exc:  # a map that is not JSON, e.g. STAKEGRAPH_STAGE_WEIGHTS
            field = re.search(r'field "(\w+)"', str(exc))
            name = f"{prefix}{field.group(1).upper()}" if field else "a setting"
            fail(f"{name} is not valid JSON (maps are given as JSON, e.g. '{{\"INTENT\": 25}}')")


def with_graph(work: Callable[[Graph], Awaitable[T]]) -> T:
    """Run `work` against the configured Neo4j, turning its errors into one line."""

    async def run() -> T:
        graph = Graph.from_settings(neo4j_settings(), server_settings())
        try:
            return await work(graph)
        finally:
            await graph.close()

    try:
        return asyncio.run(run())
    except errors.StakegraphError as exc:
        if isinstance(exc, errors.ServiceUnavailable):
            where = neo4j_settings().effective_uri
            hint = "" if neo4j_settings().configured else local_neo4j_hint(exc)
            fail(f"{exc.message}: {where}{hint}")
        cause = f": {exc.__cause__}" if exc.code == "INTERNAL" and exc.__cause__ else ""
        fail(exc.message + cause)
        raise  # unreachable: fail() exits


def local_neo4j_hint(exc: errors.ServiceUnavailable) -> str:
    """What to do when the local Neo4j (NEO4J_URI unset) does not answer or refuses us."""
    if isinstance(exc, errors.CredentialsRefused):  # a Neo4j answers, to another password
        return (
            "; the local Neo4j takes its password from NEO4J_PASSWORD when it starts: restart"
            " it with the NEO4J_PASSWORD set now (`stakegraph neo4j stop`, then `start`)"
        )
    local = localdb.status()
    if not local.running:
        return "; no local Neo4j runs: start it with `stakegraph neo4j start` (or set NEO4J_URI)"
    if local.port != LOCAL_BOLT_PORT:
        return (
            f"; the local Neo4j listens on port {local.port}, and with NEO4J_URI unset "
            f"stakegraph talks to port {LOCAL_BOLT_PORT}: set NEO4J_URI={local.uri}"
        )
    return ""


# ----------------------------------------------------------------------------- neo4j


@neo4j_app.command("start")
def neo4j_start(
    port: Annotated[int, typer.Option(help="Bolt port on 127.0.0.1")] = LOCAL_BOLT_PORT,
    data_dir: DataDir = None,
) -> None:
    """Start the local Neo4j (built with Maven on first use) and wait until Bolt answers."""
    try:
        if not localdb.status(data_dir).running:
            building = "" if localdb.is_built() else " (building it with Maven first)"
            err.print(f"Starting Neo4j 5.26{building}…")
        started = localdb.start(port, data_dir, password=neo4j_settings().password)
    except localdb.LocalNeo4jError as exc:
        fail(str(exc))
        return
    say(f"Neo4j is running at {started.uri} (pid {started.pid}, data in {started.data_dir})")
    if started.uri != neo4j_settings().effective_uri:  # another --port: say how to use it
        say(
            f"stakegraph talks to {neo4j_settings().effective_uri}; to use this one: "
            f"export NEO4J_URI={started.uri}"
        )


Port = Annotated[int | None, typer.Option(help="Only the instance on this Bolt port")]


def _check_port(data_dir: Path | None, port: int | None) -> None:
    current = localdb.status(data_dir)
    if port is not None and current.running and current.port != port:
        say(f"not running on port {port} (the instance in {current.data_dir} uses {current.port})")
        raise typer.Exit(3)


@neo4j_app.command("stop")
def neo4j_stop(port: Port = None, data_dir: DataDir = None) -> None:
    """Shut the local Neo4j down cleanly."""
    _check_port(data_dir, port)
    try:
        stopped = localdb.stop(data_dir)
    except localdb.LocalNeo4jError as exc:
        fail(str(exc))
    out.print("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j_app.command("dump")
def neo4j_dump(
    path: Annotated[Path, typer.Argument(help="The dump file to write (Neo4j's dump format)")],
    data_dir: DataDir = None,
) -> None:
    """Back up the stopped local database to one file (restore with `neo4j load`)."""
    from stakegraph.localdb.backup import dump

    try:
        dumped = dump(path, data_dir)
    except localdb.LocalNeo4jError as exc:
        fail(str(exc))
        return
    say(f"Dumped the database in {dumped} to {path}")


@neo4j_app.command("load")
def neo4j_load(
    path: Annotated[
        Path,
        typer.Argument(help="A dump: of `stakegraph neo4j dump` or Neo4j 5.26's neo4j-admin"),
    ],
    data_dir: DataDir = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace the database the data dir holds")
    ] = False,
) -> None:
    """Restore a backup into the stopped local data dir (refuses existing data by default)."""
    from stakegraph.localdb.backup import load

    try:
        loaded = load(path, data_dir, overwrite=overwrite)
    except localdb.LocalNeo4jError as exc:
        fail(str(exc))
        return
    say(f"Loaded {path} into {loaded}; start it with `stakegraph neo4j start`")


@neo4j_app.command("status")
def neo4j_status(port: Port = None, data_dir: DataDir = None) -> None:
    """Say whether the local Neo4j runs, where, and with which data."""
    _check_port(data_dir, port)
    current = localdb.status(data_dir)
    if current.running:
        say(f"running at {current.uri} (pid {current.pid}, data in {current.data_dir})")
    else:
        say(f"not running (data dir {current.data_dir})")
        raise typer.Exit(3)


# ----------------------------------------------------------------------------- schema


@schema_app.command("apply")
def schema_apply() -> None:
    """Create the constraints and indexes of cypher/schema.cypher (idempotent)."""
    from stakegraph.graph.schema import apply_schema

    count = with_graph(apply_schema)
    out.print(f"Schema applied ({count} statements).")


@schema_app.command("sdl")
def schema_sdl() -> None:
    """Print the GraphQL SDL (the repository keeps it in schema.graphql)."""
    from stakegraph.api.schema import schema

    sys.stdout.write(schema.as_str() + "\n")


# ----------------------------------------------------------------------------- serve


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind (else STAKEGRAPH_HOST, 127.0.0.1)")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (else STAKEGRAPH_PORT, 8000)")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Server processes (else STAKEGRAPH_WORKERS, 1)"),
    ] = None,
) -> None:
    """Serve GraphQL at /graphql (GraphiQL in a browser), /health and /ready."""
    import uvicorn

    from stakegraph.api.app import create_app
    from stakegraph.api.auth import open_bind_refusal

    settings = server_settings()
    host = host or settings.host
    port = port or settings.port
    refusal = open_bind_refusal(host, settings)
    if refusal:
        fail(refusal)
    err.print(
        f"stakegraph on http://{host}:{port}/graphql · Neo4j {neo4j_settings().effective_uri}"
    )
    workers = workers or settings.workers
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "info", "access_log": False}
    try:  # an answer's headers and body in one send (api/http_protocol.py)
        from stakegraph.api.http_protocol import CoalescingHttpTools

        options["http"] = CoalescingHttpTools
    except ImportError:  # uvicorn without httptools: its own choice
        pass
    if workers == 1:
        uvicorn.run(create_app(), **options)
    else:  # each process builds the app itself, with its own driver and connection pool
        uvicorn.run("stakegraph.api.app:create_app", factory=True, workers=workers, **options)


# ----------------------------------------------------------------------------- data


Params = Annotated[
    list[str] | None, typer.Option("--param", "-p", help="k=v (v read as JSON when it parses)")
]
FormatOption = Annotated[
    Format, typer.Option("--format", help="table for people; json or csv for pipes (every row)")
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(min=0.001, help="Seconds (else STAKEGRAPH_TRANSACTION_TIMEOUT, 5)"),
]


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A file under cypher/, e.g. queries/prosumer_share")],
    param: Params = None,
    format: FormatOption = Format.table,
    timeout: TimeoutOption = None,
) -> None:
    """Run a named Cypher file (read-only) and print its rows.

    Parameters its header marks (optional) are null unless given; the others need -p k=v.
    """
    try:
        file = load(name.removesuffix(".cypher").removeprefix("cypher/"))
    except KeyError:
        readable = [known for known in all_files() if not _writes(known)]
        stem = name.removesuffix(".cypher").rsplit("/", 1)[-1]
        like = [known for known in readable if known.rsplit("/", 1)[-1] == stem]
        like = like or difflib.get_close_matches(name, readable, n=3)
        guess = f"did you mean {' or '.join(like)}? " if like else ""
        fail(f"no Cypher file {name!r}; {guess}known: {', '.join(readable)}")
        return
    if _writes(file.name):
        fail(f"{file.name} changes data; `stakegraph query` runs read-only files only")
    optional = dict.fromkeys(file.optional_parameters)  # e.g. a lens file's window
    given = {_parse_param(p)[0] for p in param or []} | optional.keys()
    missing = {n: line for n, line in file.described_parameters.items() if n not in given}
    if missing:  # say which, with the header's words, before Neo4j says "Expected parameter(s)"
        needs = " ".join(f"-p {name}=..." for name in missing)
        fail(f"{file.name} needs {needs}; its header says:\n  " + "\n  ".join(missing.values()))
    _run_and_print(file.body, param, format, write=False, timeout=timeout, defaults=optional)


def _writes(name: str) -> bool:
    """Whether the named file under cypher/ changes data (`query` refuses those)."""
    return name == "schema" or name.startswith("writes/")


@app.command()
def cypher(
    statement: Annotated[
        str | None, typer.Argument(help="The statement (else -f FILE, else standard input)")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the statement from FILE (- for standard input)"),
    ] = None,
    param: Params = None,
    format: FormatOption = Format.table,
    write: Annotated[
        bool, typer.Option("--write", help="Run in a write transaction (else writes are refused)")
    ] = False,
    timeout: TimeoutOption = None,
) -> None:
    """Run any Cypher statement against the configured Neo4j and print its rows.

    A read transaction unless --write: without it a write is refused, nothing written.
    """
    if statement is not None and file is not None:
        fail("give the statement as an argument or with -f FILE, not both")
    if statement is None:
        if file is not None and str(file) != "-":
            try:
                statement = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                fail(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}")
                return
        elif sys.stdin.isatty():
            fail("give a statement: as an argument, with -f FILE, or on standard input")
            return
        else:
            statement = sys.stdin.read()
    statement = statement.strip().rstrip(";").strip()
    if not statement:
        fail("the statement is empty")
    _run_and_print(statement, param, format, write=write, timeout=timeout)


def _run_and_print(
    statement: str,
    param: list[str] | None,
    fmt: Format,
    *,
    write: bool,
    timeout: float | None,
    defaults: dict[str, Any] | None = None,
) -> None:
    """The one way `query` and `cypher` run a statement: graph.runner, then print."""
    from stakegraph.graph import runner

    params = (defaults or {}) | dict(_parse_param(p) for p in param or [])

    async def run(graph: Graph) -> runner.Rows:
        try:
            return await runner.run(
                graph, statement, params, write=write, timeout=timeout, limit=fmt.limit
            )
        except errors.WriteRefused as exc:
            raise errors.WriteRefused(f"{exc.message} (add --write to allow writes)") from exc
        except errors.Timeout as exc:
            seconds = timeout or graph.timeout
            raise errors.Timeout(f"{exc.message} ({seconds:g} s; see --timeout)") from exc
        except errors.StakegraphError as exc:
            said = getattr(exc.__cause__, "message", None)
            if exc.code != "INTERNAL" or not said:
                raise
            raise errors.StakegraphError(f"Neo4j: {said.strip().splitlines()[0]}") from None

    rows = with_graph(run)
    if fmt is Format.json:
        formats.write_json(rows, sys.stdout)
    elif fmt is Format.csv:
        formats.write_csv(rows, sys.stdout)
    elif rows.columns:
        out.print(formats.table(rows))
        if rows.truncated:
            note = f"(only the first {len(rows.rows)} rows are shown; --format csv or json: all)"
            err.print(note, soft_wrap=True)
        elif not rows.rows:
            err.print("(no rows)")
    if rows.changes:
        changes = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in rows.changes.items())
        err.print(changes, soft_wrap=True)


def _parse_param(text: str) -> tuple[str, Any]:
    """k=v: v as JSON when it parses, as a datetime when it is ISO 8601, else as text."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        fail(f"--param takes k=v, not {text!r}")
    try:
        return key, json.loads(value)
    except ValueError:
        pass
    if re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return key, moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        except ValueError:
            pass
    return key, value


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A JSON file, or a folder with CSVs")],
    initial: Annotated[
        bool,
        typer.Option(
            "--initial",
            help="Build a new local database with Neo4j's offline importer (first loads)",
        ),
    ] = False,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="With --initial: the new database's data dir"),
    ] = None,
) -> None:
    """Validate a whole JSON file or CSV folder, then write it in batches (idempotent).

    With --initial: build a new local database from it instead, stopped at the end.

    --initial refuses a data dir that holds a database or runs one, and a NEO4J_URI.
    """
    from stakegraph.importer import InvalidInput, import_path

    if not path.exists():
        fail(f"{path} does not exist")
    if initial:
        _import_initial(path, data_dir)
        return
    if data_dir is not None:
        fail("--data-dir goes with --initial (`import` writes to the configured database)")

    async def run(graph: Graph) -> Any:
        return await import_path(graph, path, progress=sys.stdout.isatty())

    try:
        summary = with_graph(run)
    except InvalidInput as exc:
        fail(str(exc))
        return
    out.print(f"Imported {summary}")


def _import_initial(path: Path, data_dir: Path | None) -> None:
    from stakegraph.importer import InvalidInput
    from stakegraph.initial import import_initial

    settings = neo4j_settings()
    if settings.configured:
        fail(
            f"NEO4J_URI names a server ({settings.uri}): --initial builds the local database, "
            "which stakegraph uses when NEO4J_URI is unset; unset it, or add to that server "
            "with `stakegraph import PATH`"
        )
    try:
        summary = import_initial(
            path, data_dir, password=settings.password, progress=sys.stdout.isatty()
        )
    except InvalidInput as exc:
        fail(str(exc))
        return
    except localdb.LocalNeo4jError as exc:
        fail(str(exc))
        return
    where = f" --data-dir {data_dir}" if data_dir else ""
    say(f"Imported {summary} into a new database; start it: stakegraph neo4j start{where}")


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


@app.command("export")
def export(
    path: Annotated[Path, typer.Argument(help="The JSON file, or the CSV folder, to write")],
    format: Annotated[
        ExportFormat, typer.Option("--format", help="json: one file; csv: a folder")
    ] = ExportFormat.json,
) -> None:
    """Write the whole graph in the import format, streamed (bounded memory)."""
    from stakegraph.exporter import export_path

    if format is ExportFormat.csv and path.is_file():
        fail(f"{path} is a file; --format csv writes a folder")
    summary = with_graph(lambda graph: export_path(graph, path, format.value))
    say(f"Exported {summary} to {path}")


@app.command()
def demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Load only into an empty database")
    ] = False,
) -> None:
    """Load the demo world (the seeds' stories, a few hundred stakeholders)."""
    from stakegraph.demo import load_demo

    async def run(graph: Graph) -> Any:
        if if_empty:
            from stakegraph.graph import reads

            if not await reads.is_empty(graph):
                return None
        return await load_demo(graph)

    summary = with_graph(run)
    out.print(
        "The database is not empty; demo not loaded."
        if summary is None
        else f"Demo loaded: {summary}"
    )


@app.command()
def generate(
    stakeholders: Annotated[int, typer.Option(min=1, help="How many stakeholders")],
    out_path: Annotated[Path, typer.Option("--out", help="The JSON file to write")],
    seed: Annotated[int, typer.Option(help="Same seed, same world")] = 1,
) -> None:
    """Write a realistic synthetic world in the import format, streaming."""
    from stakegraph.generate import generate as make_world

    summary = make_world(stakeholders, seed, out_path)
    say(f"Wrote {summary} to {out_path}")
