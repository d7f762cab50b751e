"""`stakegraph import PATH --initial`: a new local database, built by Neo4j's own offline
importer (SPEC 12). For first loads of large worlds; `import` adds to a live database.

1. Validate exactly as `import` does (`stakegraph.importer`: the records one by one, then
   the input against itself), plus the database checks that need no database when it is
   new: every end (and a referral's provider) is in the input, structural relations join
   the right kinds. Any problem: InvalidInput listing every one, and no store is created.
2. Write the importer's CSV files from the validated rows, streaming (one batch in memory):
   `nodes.csv`, and one file per relationship type. A row goes to the CSV only as the
   first record of its node or relationship (its id; a structural relation's pair), and
   only with the values a CSV cell says exactly (`_cell`; a list given as [] is named in
   a column of its own, EMPTY_LISTS); the rest (a later record of the same node or
   relationship, a value such as an empty text or one with a line break) is
   *rewritten*: kept in a spool and written at the first start through `import`'s own
   write path, in input order, so the graph ends exactly as `import` leaves it.
3. Run the importer into DATA_DIR/store (`stakegraph.localdb.bulk`).
4. First start, on a free port: apply the schema, set the empty lists, write the
   rewritten rows, set every stakeholder's role labels (writes/label_roles), stop.
   `stakegraph neo4j start` then serves it.
"""

from __future__ import annotations

import asyncio
import csv
import math
import tempfile
import types
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, Literal, Union, get_args, get_origin

from rich.progress import Progress

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD, Neo4jSettings, ServerSettings
from stakegraph.graph import writes
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import apply_schema
from stakegraph.importer import (
    BATCH_SIZE,
    BULK_TIMEOUT,
    ImportSummary,
    InvalidInput,
    Problem,
    Spooled,
    _ends,
    _progress,
    _report_clashes,
    _Seen,
    _Spool,
    _ticker,
    _validate,
    _Validated,
    _write,
)
from stakegraph.inputs import Raw, UnreadableInput, read_section
from stakegraph.localdb.bulk import ARRAY_DELIMITER, bulk_import, require_new
from stakegraph.records import (
    RELATION_MODELS,
    STAKEHOLDER_MODELS,
    RelationType,
    StakeholderKind,
    _property_names,
)

# Seconds the first start waits for the schema's indexes to be populated over the whole
# imported graph (`import` waits 300 on a graph it has not written yet).
SCHEMA_WAIT = 3600

# ----------------------------------------------------------------------------- columns


def _neo4j_type(annotation: Any) -> str:
    """The importer's type of a record field: long, double, boolean, datetime, string or
    string[] (every list field holds strings)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _neo4j_type(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return _neo4j_type(inner)
    if origin is list:
        assert _neo4j_type(get_args(annotation)[0]) == "string", annotation
        return "string[]"
    if (
        origin is Literal
        or annotation is str
        or (isinstance(annotation, type) and issubclass(annotation, StrEnum))
    ):
        return "string"
    known = {bool: "boolean", int: "long", float: "double", datetime: "datetime"}
    if annotation in known:
        return known[annotation]
    raise TypeError(f"no importer type for {annotation!r}")


Columns = dict[str, str]  # property -> importer type, in column order


def _columns(models: Iterable[Any]) -> Columns:
    found: Columns = {}
    for model in models:
        for name in _property_names(model):
            kind = _neo4j_type(model.model_fields[name].annotation)
            assert found.setdefault(name, kind) == kind, f"{name} has two types"
    return found


NODE_COLUMNS = _columns(STAKEHOLDER_MODELS)
RELATION_COLUMNS = {
    RelationType(model.model_fields["type"].default): _columns([model]) for model in RELATION_MODELS
}
INT64 = range(-(2**63), 2**63)


def _text(value: Any) -> str | None:
    """A text a cell says exactly: not empty (an empty cell is no value), no line break
    (the importer reads one record per line), no NUL."""
    if not isinstance(value, str) or not value or any(c in value for c in "\r\n\0"):
        return None
    return value


def _cell(kind: str, value: Any) -> str | None:
    """`value` as a cell of a column of importer type `kind`, or None when a cell cannot say
    it exactly (the row is then rewritten at the first start)."""
    if kind == "string":
        return _text(value)
    if kind == "string[]":
        if not isinstance(value, list) or not value:
            return None
        items = [_text(v) for v in value]
        if any(i is None or ARRAY_DELIMITER in i for i in items):
            return None
        return ARRAY_DELIMITER.join(items)  # type: ignore[arg-type]
    if kind == "datetime":
        return value.isoformat() if isinstance(value, datetime) else None
    if kind == "boolean":
        return ("true" if value else "false") if isinstance(value, bool) else None
    if kind == "long":
        ok = isinstance(value, int) and not isinstance(value, bool) and value in INT64
        return str(value) if ok else None
    if kind == "double":
        return repr(value) if isinstance(value, float) and math.isfinite(value) else None
    raise AssertionError(kind)


EMPTY_LISTS = "_emptyLists"  # importer column: the list properties that are [] (see below)


def _cells(columns: Columns, properties: dict[str, Any]) -> tuple[list[str], bool]:
    """The property cells of a row, then its EMPTY_LISTS cell, and whether they say all of
    its properties.

    The importer reads an empty cell as no value, so a list property given as [] is named
    in EMPTY_LISTS instead, and set to [] at the first start (writes/empty_lists)."""
    cells, empty, exact = [], [], True
    for name, kind in columns.items():
        value = properties.get(name)
        if value is None:  # absent, or null (which on a new node or relationship is absent)
            cells.append("")
            continue
        if value == [] and kind == "string[]":
            empty.append(name)
            cells.append("")
            continue
        cell = _cell(kind, value)
        exact = exact and cell is not None
        cells.append(cell or "")
    cells.append(ARRAY_DELIMITER.join(empty))
    return cells, exact


def _header(start: list[str], columns: Columns) -> list[str]:
    return (
        start + [f"{name}:{kind}" for name, kind in columns.items()] + [f"{EMPTY_LISTS}:string[]"]
    )


# ----------------------------------------------------------------------------- CSV files


@dataclass
class _Files:
    """The importer's input: nodes.csv and one file per relationship type."""

    folder: Path
    relationships: dict[str, Path]

    @property
    def nodes(self) -> Path:
        return self.folder / "nodes.csv"


class _Writer:
    """Writes the validated rows to the importer's files, and the rest to the rewrites."""

    def __init__(self, folder: Path, seen: _Seen, rewrites: tuple[_Spool, _Spool]) -> None:
        self.files = _Files(folder, {})
        self.seen = seen
        self.rewrites = rewrites
        self.now = datetime.now(UTC).isoformat()  # createdAt/updatedAt not given
        self.handles: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.first_of_repeated: set[str] = set()  # ids of repeated rows already in a file
        self.empty_lists = {"stakeholders": 0, "relations": 0}  # rows naming some

    def _writer(self, name: str, header: list[str]) -> Any:
        if name not in self.writers:
            path = self.files.folder / f"{name}.csv"
            handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            self.handles[name] = handle
            self.writers[name] = csv.writer(handle, lineterminator="\n")
            self.writers[name].writerow(header)
        return self.writers[name]

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()

    def _first(self, section: str, key: str, repeated: set[str]) -> bool:
        """Whether this is the first row of `key` (always, unless the input repeats it)."""
        if key not in repeated:
            return True
        if f"{section} {key}" in self.first_of_repeated:
            return False
        self.first_of_repeated.add(f"{section} {key}")
        return True

    def stakeholders(self, batch: list[Spooled]) -> None:
        start = ["id:ID", ":LABEL", "createdAt:datetime", "updatedAt:datetime"]
        out = self._writer("nodes", _header(start, NODE_COLUMNS))
        repeated = self.seen.repeated("kinds", (row["id"] for _, row in batch))
        for where, row in batch:
            if not self._first("stakeholders", row["id"], repeated):
                self.rewrites[0].add(where, row)
                continue
            cells, exact = _cells(NODE_COLUMNS, row["properties"])
            labels = f"Stakeholder{ARRAY_DELIMITER}{StakeholderKind(row['kind']).label}"
            times = [_time(row["createdAt"], self.now), _time(row["updatedAt"], self.now)]
            out.writerow([row["id"], labels, *times, *cells])
            if not exact:
                self.rewrites[0].add(where, row)
            if cells[-1]:
                self.empty_lists["stakeholders"] += 1

    def relations(self, batch: list[Spooled]) -> None:
        pairs = {i: p for i, (_, row) in enumerate(batch) if (p := _pair(row))}
        repeated = self.seen.repeated("relations", (row["id"] for _, row in batch))
        repeated |= self.seen.repeated_pairs(pairs.values()) if pairs else set()
        for index, (where, row) in enumerate(batch):
            if not self._first("relations", pairs.get(index) or row["id"], repeated):
                self.rewrites[1].add(where, row)
                continue
            kind = RelationType(row["type"])
            columns = RELATION_COLUMNS[kind]
            start = [":START_ID", ":END_ID", "id", "createdAt:datetime"]
            out = self._writer(kind.value, _header(start, columns))
            self.files.relationships[kind.value] = self.files.folder / f"{kind.value}.csv"
            cells, exact = _cells(columns, row["properties"])
            created = _time(row["createdAt"], self.now)
            out.writerow([row["from"], row["to"], row["id"], created, *cells])
            if not exact:
                self.rewrites[1].add(where, row)
            if cells[-1]:
                self.empty_lists["relations"] += 1


def _time(value: datetime | None, now: str) -> str:
    return now if value is None else value.isoformat()


def _pair(row: dict[str, Any]) -> str | None:
    """A structural relation is one relationship per pair: "TYPE from to" (ids hold no
    spaces, so this never equals an id); None for an interaction (one per id)."""
    if RelationType(row["type"]).structural:
        return f"{row['type']} {row['from']} {row['to']}"
    return None


# ----------------------------------------------------------------------------- validation


def _check_ends(seen: _Seen, problems: list[Problem], batch: list[Spooled]) -> None:
    """The database checks of `import` on a new database, for one batch of relations: the
    kinds of the ends come from the input alone."""
    ends = [_ends(row) for _, row in batch]
    kinds = seen.kinds_of(i for e in ends for i in (e.from_id, e.to_id, e.provider_id) if i)
    for refusal in writes.end_refusals(ends, kinds):
        message = refusal.message
        if refusal.missing:
            message = f"no stakeholder {refusal.value!r} in the input"
        problems.append(Problem(batch[refusal.index][0], refusal.field, message))
    seen.count_pairs(p for _, row in batch if (p := _pair(row)))


def _spools(stack: ExitStack) -> tuple[_Spool, _Spool]:
    """Two spools (stakeholders, relations) in temporary files that `stack` removes."""
    files = [stack.enter_context(tempfile.TemporaryFile()) for _ in range(2)]  # noqa: SIM115
    return _Spool(files[0], BATCH_SIZE), _Spool(files[1], BATCH_SIZE)


def _validated(
    stakeholders: Iterable[Raw], relations: Iterable[Raw], stack: ExitStack, bar: Progress | None
) -> _Validated:
    """Validate as `import` does; InvalidInput (every problem) when anything is wrong."""
    spools = _spools(stack)
    seen = _Seen(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "seen.db")
    stack.callback(seen.close)
    in_input: list[Problem] = []
    spools[1].on_flush = lambda batch: _check_ends(seen, in_input, batch)
    task = bar.add_task("validating", total=None) if bar else None
    tick = _ticker(bar, task) if bar and task is not None else lambda: None
    try:
        found = _validate(stakeholders, relations, spools, seen, tick)
    except UnreadableInput as exc:
        raise InvalidInput([Problem(exc.where, None, exc.message)]) from exc
    spools[1].on_flush = None
    if bar and task is not None:
        done = found.stakeholders.count + found.relations.count
        bar.update(task, description="validated", total=done, completed=done)
    if found.clashes:
        _report_clashes(found)
    found.problems.extend(in_input)
    if found.problems:
        raise InvalidInput(found.problems)
    return found


# ----------------------------------------------------------------------------- the whole


@dataclass
class _Rest:
    """What the first start writes: the rows rewritten (as a _Validated, which
    `importer._write` takes), and whether some node or relationship names empty lists."""

    rewrites: _Validated
    empty_lists: dict[str, int]


def _write_files(
    found: _Validated, folder: Path, stack: ExitStack, bar: Progress | None
) -> tuple[_Files, _Rest]:
    """The importer's files, and what is left for the first start."""
    rewrites = _spools(stack)
    writer = _Writer(folder, found.seen, rewrites)
    total = found.stakeholders.count + found.relations.count
    task = bar.add_task("CSV files", total=total) if bar else None
    try:
        writer.stakeholders([])  # the nodes file, even for an input without stakeholders
        for write, spool in (
            (writer.stakeholders, found.stakeholders),
            (writer.relations, found.relations),
        ):
            for batch in spool.batches():
                write(batch)
                if bar and task is not None:
                    bar.advance(task, len(batch))
    finally:
        writer.close()
    return writer.files, _Rest(_Validated(*rewrites, found.seen), writer.empty_lists)


@contextmanager
def _phase(bar: Progress | None, name: str) -> Iterator[None]:
    """A step without a count (the importer, the first start): shown with its time."""
    task = bar.add_task(name, total=1) if bar else None
    yield
    if bar and task is not None:
        bar.update(task, completed=1)


async def _first_start(data_dir: Path, rest: _Rest, password: str, bar: Progress | None) -> None:
    """Start the new database once: schema, empty lists, rewritten rows, role labels (in
    this order: the rewritten rows are later records, which win); then stop it."""
    with _phase(bar, "first start"):
        started = localdb.start(localdb.free_port(), data_dir, password=password)
    try:
        assert started.uri is not None
        settings = Neo4jSettings(uri=started.uri, password=password)
        graph = Graph.from_settings(settings, ServerSettings(transaction_timeout=BULK_TIMEOUT))
        try:
            with _phase(bar, "schema"):
                await apply_schema(graph, wait=SCHEMA_WAIT)
            if any(rest.empty_lists.values()):
                with _phase(bar, "empty lists"):
                    await writes.set_empty_lists(
                        graph,
                        nodes=rest.empty_lists["stakeholders"] > 0,
                        relationships=rest.empty_lists["relations"] > 0,
                    )
            rewrites = rest.rewrites
            if rewrites.stakeholders.count or rewrites.relations.count:
                await _write(graph, rewrites, bar)
            with _phase(bar, "role labels"):
                await writes.label_all_roles(graph)
        finally:
            await graph.close()
    finally:
        localdb.stop(data_dir)


def import_initial(
    path: Path | str,
    data_dir: Path | None = None,
    *,
    password: str = DEFAULT_PASSWORD,
    progress: bool = False,
) -> ImportSummary:
    """Build a new local database in `data_dir` from the input at `path` (see the module).

    Raises InvalidInput (nothing written) when a record is wrong, LocalNeo4jError when the
    data dir holds a database or runs one, or when Neo4j fails (the new store is removed).
    """
    source = Path(path)
    target = require_new(data_dir)
    with ExitStack() as stack:
        bar = stack.enter_context(_progress()) if progress else None
        found = _validated(
            read_section(source, "stakeholders"), read_section(source, "relations"), stack, bar
        )
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="stakegraph-")))
        files, rest = _write_files(found, folder, stack, bar)
        target = require_new(target)  # nothing started there meanwhile
        try:
            with _phase(bar, "importer"):
                bulk_import(target, files.nodes, files.relationships)
            asyncio.run(_first_start(target, rest, password, bar))
        except BaseException:
            localdb.stop(target)
            raise
        return ImportSummary(found.stakeholders.count, found.relations.count)
    raise AssertionError("unreachable")  # pragma: no cover - ExitStack swallows nothing
