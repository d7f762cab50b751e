"""`stakegraph import PATH --initial`: a new local database, built by Neo4j's own offline
importer (SPEC 12). For first loads of large worlds; `import` adds to a live database.

1. Validate exactly as `import` does (`stakegraph.importer`: the records one by one, then
   the input against itself, a batch at a time), plus the database checks that need no
   database when it is new: every end (and a referral's provider) is in the input,
   structural relations join the right kinds. Any problem: InvalidInput listing every
   one, and no store is created.
2. In the same pass, write the importer's CSV files from each validated batch into a
   temporary folder (removed when validation fails): `nodes.csv`, and one file per
   relationship type. A row goes to the CSV only as the first record of its node or
   relationship (its id; a structural relation's pair), and only with the values a CSV
   cell says exactly (`_cell`; a list given as [] is named in a column of its own,
   EMPTY_LISTS, which the importer turns into an empty list); the rest (a later record of
   the same node or relationship, a value such as an empty text or one with a line
   break) is *rewritten*: kept in a spool and written at the first start through
   `import`'s own write path, in input order, so the graph ends exactly as `import`
   leaves it. Both cores: a helper process validates a share of the relations (its own
   parts of the files) while this one does the stakeholders and the rest; when anything
   is wrong, or the two shares hold records of one node or relationship, all is validated
   again in one process (`_validated`).
3. Run the importer into DATA_DIR/store (`stakegraph.localdb.bulk`).
4. First start, on a free port: create the schema in one transaction (its indexes are then
   populated in one pass over the store), set the :Prosumer labels
   (writes/label_prosumers: the other role labels are in nodes.csv, see _Writer), write
   the rewritten rows, stop. `stakegraph neo4j start` then serves it.
"""

from __future__ import annotations

import asyncio
import csv
import io
import math
import multiprocessing
import tempfile
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Annotated, Any, Literal, Union, get_args, get_origin

from rich.progress import Progress

from stakegraph import localdb
from stakegraph.config import DEFAULT_PASSWORD, Neo4jSettings, ServerSettings
from stakegraph.graph import writes
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import await_indexes, create_schema_at_once
from stakegraph.importer import (
    BATCH_SIZE,
    BULK_TIMEOUT,
    Checked,
    ImportSummary,
    InvalidInput,
    Problem,
    _Found,
    _progress,
    _report_clashes,
    _Seen,
    _Spool,
    _ticker,
    _validate,
    _Validated,
    _write,
    end_problems,
)
from stakegraph.inputs import Raw, Section, UnreadableInput, read_section
from stakegraph.localdb.bulk import ARRAY_DELIMITER, EMPTY_LISTS, import_and_start, require_new
from stakegraph.records import (
    ENDS,
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
    if not isinstance(value, str) or not value:
        return None
    return None if "\n" in value or "\r" in value or "\0" in value else value


def _string(value: Any) -> str | None:
    return _text(value)


def _strings(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return None
    items = [_text(v) for v in value]
    if any(i is None or ARRAY_DELIMITER in i for i in items):
        return None
    return ARRAY_DELIMITER.join(items)  # type: ignore[arg-type]


def _datetime(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else None


def _boolean(value: Any) -> str | None:
    return ("true" if value else "false") if isinstance(value, bool) else None


def _long(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value in INT64
    return str(value) if ok else None


def _double(value: Any) -> str | None:
    return repr(value) if isinstance(value, float) and math.isfinite(value) else None


_CELL = {
    "string": _string,
    "string[]": _strings,
    "datetime": _datetime,
    "boolean": _boolean,
    "long": _long,
    "double": _double,
}


def _cell(kind: str, value: Any) -> str | None:
    """`value` as a cell of a column of importer type `kind`, or None when a cell cannot say
    it exactly (the row is then rewritten at the first start)."""
    return _CELL[kind](value)


# Per column: property -> (its column's place, its importer type, its cell function)
Plan = dict[str, tuple[int, str, Any]]


def _plan(columns: Columns) -> Plan:
    return {name: (place, kind, _CELL[kind]) for place, (name, kind) in enumerate(columns.items())}


NODE_PLAN = _plan(NODE_COLUMNS)
RELATION_PLANS = {kind.value: _plan(columns) for kind, columns in RELATION_COLUMNS.items()}


def _cells(plan: Plan, properties: dict[str, Any]) -> tuple[list[str], bool]:
    """The property cells of a row, then its EMPTY_LISTS cell, and whether they say all of
    its properties.

    The importer reads an empty cell as no value, so a list property given as [] is named
    in EMPTY_LISTS instead, which the importer turns into an empty list (localdb.bulk)."""
    cells = [""] * (len(plan) + 1)
    empty = []
    exact = True
    for name, value in properties.items():
        if value is None:  # null, which on a new node or relationship is absent
            continue
        place, kind, cell_of = plan[name]
        # The commonest cells inline (what `_string`, `_datetime`, `_double` and `_strings`
        # say of values of exactly these classes); the rest by their cell functions.
        cls = value.__class__
        if cls is str and kind == "string":
            if value and "\n" not in value and "\r" not in value and "\0" not in value:
                cells[place] = value
            else:
                exact = False
            continue
        if cls is datetime and kind == "datetime":
            cells[place] = value.isoformat()
            continue
        if cls is float and kind == "double":
            if math.isfinite(value):
                cells[place] = repr(value)
            else:
                exact = False
            continue
        if cls is list and kind == "string[]":
            if not value:
                empty.append(name)
                continue
            if all(item.__class__ is str for item in value) and "" not in value:
                joined = ARRAY_DELIMITER.join(value)
                if (
                    joined.count(ARRAY_DELIMITER) == len(value) - 1
                    and "\n" not in joined
                    and "\r" not in joined
                    and "\0" not in joined
                ):
                    cells[place] = joined
                else:
                    exact = False
                continue
        cell = cell_of(value)
        if cell is None:
            exact = False
        else:
            cells[place] = cell
    if empty:  # in column order, as the columns are
        empty.sort(key=lambda name: plan[name][0])
        cells[-1] = ARRAY_DELIMITER.join(empty)
    return cells, exact


def _write_rows(out: IO[str], rows: list[list[str]]) -> None:
    """`rows` as CSV lines, exactly as `csv.writer(out, lineterminator="\\n")` writes them.

    A row none of whose cells holds a comma, a quote or a line break (nearly every row:
    ids, numbers, times and most texts need no quoting) is its cells joined by commas, a
    fifth of what csv.writer costs; the others go through csv.writer, which quotes them."""
    buffer = io.StringIO()  # the batch's lines in order, written to `out` at once
    quoting = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        line = ",".join(row)
        if (
            line.count(",") == len(row) - 1
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
        ):
            buffer.write(line + "\n")
        else:
            quoting.writerow(row)
    out.write(buffer.getvalue())


def _header(start: list[str], columns: Columns) -> list[str]:
    return (
        start + [f"{name}:{kind}" for name, kind in columns.items()] + [f"{EMPTY_LISTS}:string[]"]
    )


# ----------------------------------------------------------------------------- CSV files


@dataclass
class _Files:
    """The importer's input: nodes.csv, and per relationship type a header file and the
    parts (one per process) that follow it."""

    folder: Path
    relationships: dict[str, list[Path]]

    @property
    def nodes(self) -> Path:
        return self.folder / "nodes.csv"


NODE_START = ["id:ID", ":LABEL", "createdAt:datetime", "updatedAt:datetime"]
RELATION_START = [":START_ID", ":END_ID", "id", "createdAt:datetime"]
LABELS = {kind.value: f"Stakeholder{ARRAY_DELIMITER}{kind.label}" for kind in StakeholderKind}
ROLE_LABELS = ("EndUser", "Parent", "BuyingCenterMember")


class _Writer:
    """The sink of validation (`importer._validate`): writes each valid batch to the
    importer's files, and the rest to the rewrites, as validation goes (one pass); checks
    the relations' ends against the input's stakeholders (`problems`), or, in a process
    that has not seen them (`check_ends` false), keeps the ends in `seen` (table `ends`).

    The role labels that follow from one relationship (SPEC 2, writes/refresh_roles) go
    into nodes.csv's labels: a stakeholder with a USES is an EndUser, with a PARENT_OF
    (Person to Person) a Parent, with a MEMBER_OF that has a buyingRole (from a Person) a
    BuyingCenterMember. They are known once the relations are, so they are kept in `seen`
    (table `roles`, on disk like the rest of the bookkeeping), the stakeholder rows wait in
    `nodes.0.csv`, and `_write_nodes` writes nodes.csv. A relationship rewritten later
    refreshes its `from` end's roles as `import` does; Prosumer, which needs two
    relationships, is set at the first start (writes/label_prosumers).
    """

    def __init__(
        self,
        folder: Path,
        seen: _Seen,
        rewrites: tuple[_Spool, _Spool],
        *,
        part: str = "0",
        check_ends: bool = True,
        now: str | None = None,
    ) -> None:
        self.folder = folder
        self.part = part
        self.parts: dict[str, Path] = {}  # relationship type -> this writer's part
        self.seen = seen
        self.rewrites = rewrites
        self.check_ends = check_ends
        if not check_ends:
            seen.db.execute("CREATE TABLE ends (type TEXT, f TEXT, t TEXT, p TEXT)")
        self.problems: list[Problem] = []  # the ends' problems, in input order
        self.now = now or datetime.now(UTC).isoformat()  # createdAt/updatedAt not given
        self.handles: dict[str, IO[str]] = {}
        seen.db.execute(ROLES_TABLE)

    def _handle(self, name: str) -> IO[str]:
        """The open file `name` (opened on first use)."""
        handle = self.handles.get(name)
        if handle is None:
            path = self.folder / f"{name}.{self.part}.csv"
            handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            self.handles[name] = handle
            if name != "nodes":
                self.parts[name] = path
        return handle

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()

    def stakeholders(self, batch: list[Checked]) -> None:
        if not batch:
            return
        out = self._handle("nodes")
        now = self.now
        rows = []
        for where, row, first in batch:
            if not first:  # a later record of the node: as `import` writes it
                self.rewrites[0].add(where, row)
                continue
            cells, exact = _cells(NODE_PLAN, row["properties"])
            created, updated = row["createdAt"], row["updatedAt"]
            rows.append(
                [
                    row["id"],
                    LABELS[row["kind"]],
                    now if created is None else created.isoformat(),
                    now if updated is None else updated.isoformat(),
                    *cells,
                ]
            )
            if not exact:
                self.rewrites[0].add(where, row)
        _write_rows(out, rows)

    def relations(self, batch: list[Checked]) -> None:
        if self.check_ends:
            self._check_ends(batch)
        else:
            self.seen.db.executemany(
                "INSERT INTO ends VALUES (?, ?, ?, ?)",
                (
                    (r["type"], r["from"], r["to"], r["properties"].get("providerId"))
                    for _, r, _ in batch
                ),
            )
        structural = [i for i, (_, row, _) in enumerate(batch) if row["type"] in STRUCTURAL]
        pairs = [_pair(batch[i][1]) for i in structural]
        firsts = [first for _, _, first in batch]
        for index, new in zip(structural, self.seen.new_pairs(pairs), strict=True):
            firsts[index] = new  # a structural relation is one relationship per pair
        now = self.now
        holders: set[tuple[str, str]] = set()  # (id, role label), each once (a third repeat)
        lines: dict[str, list[list[str]]] = {}  # per relationship type, in batch order
        for (where, row, _), first in zip(batch, firsts, strict=True):
            if not first:
                self.rewrites[1].add(where, row)
                continue
            type_ = row["type"]
            properties = row["properties"]
            cells, exact = _cells(RELATION_PLANS[type_], properties)
            if type_ in ROLES and (type_ != "MEMBER_OF" or properties.get("buyingRole")):
                holders.add((row["from"], ROLES[type_]))
            created = row["createdAt"]
            time = now if created is None else created.isoformat()
            line = [row["from"], row["to"], row["id"], time, *cells]
            if type_ in lines:
                lines[type_].append(line)
            else:
                lines[type_] = [line]
            if not exact:
                self.rewrites[1].add(where, row)
        for type_, rows in lines.items():
            _write_rows(self._handle(type_), rows)
        self.seen.db.executemany("INSERT OR IGNORE INTO roles VALUES (?, ?)", holders)

    def _check_ends(self, batch: list[Checked]) -> None:
        """The database checks of `import` on a new database, for one batch of relations
        (`importer.end_problems`): the kinds of the ends come from the input alone, the
        only place a stakeholder can be."""
        kinds = self.seen.kinds_of(
            i
            for _, r, _ in batch
            for i in (r["from"], r["to"], r["properties"].get("providerId"))
            if i
        )
        relations = [(where, row) for where, row, _ in batch]
        self.problems.extend(end_problems(relations, kinds, "in the input"))


STRUCTURAL = {kind.value for kind in RelationType if kind.structural}
# The role label a relationship gives its `from` end (a MEMBER_OF: when it has a buyingRole)
ROLES = {"USES": "EndUser", "PARENT_OF": "Parent", "MEMBER_OF": "BuyingCenterMember"}


def _pair(row: dict[str, Any]) -> str:
    """A structural relation's key, "TYPE from to": one relationship per pair."""
    return f"{row['type']} {row['from']} {row['to']}"


ROLES_TABLE = """CREATE TABLE IF NOT EXISTS roles (id TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (id, label)) WITHOUT ROWID"""


def _write_nodes(folder: Path, seen: _Seen) -> Path:
    """nodes.csv: the stakeholder rows waiting in nodes.0.csv, each with its role labels
    (looked up a batch of rows at a time)."""
    body = folder / "nodes.0.csv"
    nodes = folder / "nodes.csv"
    with open(nodes, "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerow(_header(NODE_START, NODE_COLUMNS))
        if body.exists():
            with open(body, encoding="utf-8", newline="") as rows:
                while batch := list(islice(rows, BATCH_SIZE)):
                    _write_labelled(out, batch, seen)
            body.unlink()
    return nodes


def _write_labelled(out: IO[str], lines: list[str], seen: _Seen) -> None:
    """Rows of nodes.0.csv (a row a line: no cell holds a line break; the id unquoted), with
    their role labels added to their labels."""
    split = [line.split(",", 2) for line in lines]
    held: dict[str, list[str]] = {}
    ids = sorted({id_ for id_, _, _ in split})
    for start in range(0, len(ids), _Seen.LOOKUP_CHUNK):
        chunk = ids[start : start + _Seen.LOOKUP_CHUNK]
        query = f"SELECT id, label FROM roles WHERE id IN ({','.join('?' * len(chunk))})"
        for id_, label in seen.db.execute(query, chunk):
            held.setdefault(id_, []).append(label)
    for id_, labels, rest in split:
        for label in sorted(held.get(id_, ()), key=ROLE_LABELS.index):
            labels += ARRAY_DELIMITER + label
        out.write(f"{id_},{labels},{rest}")


def _with_headers(folder: Path, parts: Iterable[dict[str, Path]]) -> dict[str, list[Path]]:
    """Per relationship type: a header file, then the parts of each process."""
    files: dict[str, list[Path]] = {}
    for found in parts:
        for type_, path in found.items():
            files.setdefault(type_, []).append(path)
    for type_, paths in files.items():
        header = folder / f"{type_}.header.csv"
        columns = RELATION_COLUMNS[RelationType(type_)]
        with open(header, "w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerow(_header(RELATION_START, columns))
        paths.insert(0, header)
    return files


# ----------------------------------------------------------------------------- one pass


def _spools(stack: ExitStack) -> tuple[_Spool, _Spool]:
    """Two spools (stakeholders, relations) in temporary files that `stack` removes."""
    files = [stack.enter_context(tempfile.TemporaryFile()) for _ in range(2)]  # noqa: SIM115
    return _Spool(files[0], BATCH_SIZE), _Spool(files[1], BATCH_SIZE)


class _Chain:
    """Spools read one after the other (the rewritten relations of each process)."""

    def __init__(self, *spools: _Spool) -> None:
        self.spools = spools
        self.count = sum(spool.count for spool in spools)

    def batches(self) -> Iterator[list[Any]]:
        for spool in self.spools:
            yield from spool.batches()


@dataclass
class _Rest:
    """What the first start writes: the rows rewritten (as a _Validated, which
    `importer._write` takes)."""

    rewrites: _Validated


Reader = Callable[[Section], Iterable[Raw]]

# Relation records are shared between two processes by chunks of CHUNK: the helper takes
# HELPER_SHARE of every SHARES chunks (the main process also does the stakeholders). Each
# parses only its share (linejson); 2/3 gave both the same CPU on the 100k world (main
# 6.8-7.2 s, helper 6.9-7.5 s; with 3/4 the helper did 8 s and the main 6 s).
CHUNK = 1000
SHARES, HELPER_SHARE = 3, 2


def _helper_keeps(chunk: int) -> Callable[[int], bool]:
    return lambda number: (number // chunk) % SHARES < HELPER_SHARE


def _main_keeps(chunk: int) -> Callable[[int], bool]:
    return lambda number: (number // chunk) % SHARES >= HELPER_SHARE


class _Serial(Exception):
    """The two processes' halves cannot simply be joined (a problem somewhere, or a node or
    relationship in both): validate again in one process, which says exactly what."""


def _validated(
    read: Reader,
    folder: Path,
    stack: ExitStack,
    bar: Progress | None,
    *,
    source: Path | None,
    chunk: int = CHUNK,
) -> tuple[_Found, _Files, _Rest]:
    """Validate as `import` does, writing the importer's files into `folder` as it goes;
    InvalidInput (every problem) when anything is wrong (the caller removes `folder`).

    With `source` (a file or folder to read again), the relations are shared with a helper
    process (both cores); when anything is wrong, or the two share a node or relationship
    (a later record of it must be rewritten), all is validated again in one process."""
    if source is not None:
        try:
            return _in_two(read, source, folder, stack, bar, chunk)
        except _Serial:
            for stale in folder.iterdir():
                stale.unlink()
    return _in_one(read, folder, stack, bar)


def _in_one(
    read: Reader, folder: Path, stack: ExitStack, bar: Progress | None
) -> tuple[_Found, _Files, _Rest]:
    seen = _Seen(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "seen.db")
    stack.callback(seen.close)
    rewrites = _spools(stack)
    writer = _Writer(folder, seen, rewrites)
    task = bar.add_task("validating", total=None) if bar else None
    tick = _ticker(bar, task) if bar and task is not None else lambda done: None
    try:
        found = _validate(read("stakeholders"), read("relations"), writer, seen, tick, alone=True)
    except UnreadableInput as exc:
        raise InvalidInput([Problem(exc.where, None, exc.message)]) from exc
    finally:
        writer.close()
    if bar and task is not None:
        done = found.stakeholders + found.relations
        bar.update(task, description="validated", total=done, completed=done)
    if found.clashes:
        _report_clashes(found, seen)
    found.problems.extend(writer.problems)
    if found.problems:
        raise InvalidInput(found.problems)
    files = _Files(folder, _with_headers(folder, [writer.parts]))
    _write_nodes(folder, seen)
    return found, files, _Rest(_Validated(*rewrites, seen))


@dataclass
class _Half:
    """What the helper process hands back (the rest is in its files)."""

    relations: int
    wrong: bool  # a problem of its records, or a clash among them
    parts: dict[str, Path]
    rewrites: int  # rows in its spool file


def _helper(source: str, folder: str, work: str, chunk: int, now: str, answer: Connection) -> None:
    """The helper process: validate its share of the relations (`_helper_keeps`), writing
    its parts of the relationship files into `folder`, its bookkeeping (with the ends it
    could not check) into WORK/seen.db and its rewritten rows into WORK/rewrites; send
    back a _Half (or, when it fails, the error's text)."""
    try:
        seen = _Seen(Path(work) / "seen.db")
        with open(Path(work) / "rewrites", "w+b") as spooled, tempfile.TemporaryFile() as unused:
            rewrites = (_Spool(unused, BATCH_SIZE), _Spool(spooled, BATCH_SIZE))
            writer = _Writer(Path(folder), seen, rewrites, part="1", check_ends=False, now=now)
            try:
                # Only its share is parsed (`read_section`'s keep), numbered as in the file.
                relations = read_section(Path(source), "relations", _helper_keeps(chunk))
                found = _validate((), relations, writer, seen, alone=True)
                rewrites[1].flush()
            finally:
                writer.close()
                seen.db.commit()
                seen.close()
        wrong = bool(found.problems or found.clashes)
        answer.send(_Half(found.relations, wrong, writer.parts, rewrites[1].count))
    except BaseException as exc:  # told to the main process, which decides
        answer.send(f"{type(exc).__name__}: {exc}")
    finally:
        answer.close()


def _joins(seen: _Seen, other: Path) -> bool:
    """Whether the helper's relations (bookkeeping in `other`) join the main process's: no
    relation id and no structural pair in both, and every end the helper kept names a
    stakeholder of the input, of a kind its relation allows (records.ENDS). If so, the
    helper's role labels are taken in."""
    db = seen.db
    db.commit()
    db.execute("ATTACH DATABASE ? AS other", (str(other),))
    try:
        wrong_kinds = " OR ".join(
            f"(e.type = '{kind.value}' AND ("
            + f"kf.value NOT IN ({','.join(repr(k) for k in sorted(allowed[0]))}) OR "
            + f"kt.value NOT IN ({','.join(repr(k) for k in sorted(allowed[1]))})))"
            for kind, allowed in ENDS.items()
        )
        checks = [
            "SELECT 1 FROM other.relations o JOIN relations r ON r.id = o.id LIMIT 1",
            "SELECT 1 FROM other.pairs o JOIN pairs p ON p.key = o.key LIMIT 1",
            # One pass over the ends, each end looked up once (kinds.value is never null:
            # a null one is an end not in the input).
            f"""SELECT 1 FROM other.ends e
                LEFT JOIN kinds kf ON kf.id = e.f LEFT JOIN kinds kt ON kt.id = e.t
                WHERE kf.value IS NULL OR kt.value IS NULL
                   OR (e.p IS NOT NULL AND NOT EXISTS (SELECT 1 FROM kinds WHERE id = e.p))
                   OR {wrong_kinds}
                LIMIT 1""",
        ]
        if any(db.execute(check).fetchone() for check in checks):
            return False
        db.execute("INSERT OR IGNORE INTO roles SELECT id, label FROM other.roles")
        db.commit()
        return True
    finally:
        db.execute("DETACH DATABASE other")


def _in_two(
    read: Reader, source: Path, folder: Path, stack: ExitStack, bar: Progress | None, chunk: int
) -> tuple[_Found, _Files, _Rest]:
    work = Path(stack.enter_context(tempfile.TemporaryDirectory()))
    (work / "helper").mkdir()
    context = multiprocessing.get_context("spawn")  # not fork: the progress bar's thread
    answer, told = context.Pipe(duplex=False)
    now = datetime.now(UTC).isoformat()
    helper = context.Process(
        target=_helper, args=(str(source), str(folder), str(work / "helper"), chunk, now, told)
    )
    helper.start()
    told.close()

    def end_helper() -> None:
        if helper.is_alive():
            helper.terminate()
        helper.join()

    stack.callback(end_helper)
    seen = _Seen(work / "seen.db")
    stack.callback(seen.close)
    rewrites = _spools(stack)
    writer = _Writer(folder, seen, rewrites, now=now)
    task = bar.add_task("validating", total=None) if bar else None
    tick = _ticker(bar, task) if bar and task is not None else lambda done: None
    try:
        # Its share of the relations read from `source` as the helper reads the rest.
        mine = read_section(source, "relations", _main_keeps(chunk))
        found = _validate(read("stakeholders"), mine, writer, seen, tick, alone=True)
    except UnreadableInput as exc:
        end_helper()
        raise _Serial from exc
    finally:
        writer.close()
    if found.problems or found.clashes or writer.problems:
        end_helper()
        raise _Serial
    try:
        half = answer.recv()
    except EOFError as exc:  # the helper died
        raise _Serial from exc
    finally:
        end_helper()
    if not isinstance(half, _Half) or half.wrong or not _joins(seen, work / "helper" / "seen.db"):
        raise _Serial
    if bar and task is not None:
        done = found.stakeholders + found.relations + half.relations
        bar.update(task, description="validated", total=done, completed=done)
    found.relations += half.relations
    files = _Files(folder, _with_headers(folder, [writer.parts, half.parts]))
    _write_nodes(folder, seen)
    spooled = stack.enter_context(open(work / "helper" / "rewrites", "rb"))  # noqa: SIM115
    theirs = _Spool(spooled, BATCH_SIZE)
    theirs.count = half.rewrites
    # The helper's rewritten relations after the main process's: all the records of one
    # relationship are in one of them, in input order (else `_joins` said no).
    rewritten = _Validated(rewrites[0], _Chain(rewrites[1], theirs), seen)  # type: ignore[arg-type]
    return found, files, _Rest(rewritten)


# ----------------------------------------------------------------------------- the whole


@contextmanager
def _phase(bar: Progress | None, name: str) -> Iterator[None]:
    """A step without a count (the importer, the first start): shown with its time."""
    task = bar.add_task(name, total=1) if bar else None
    yield
    if bar and task is not None:
        bar.update(task, completed=1)


def _import_and_start(
    data_dir: Path, files: _Files, password: str, bar: Progress | None
) -> localdb.Status:
    """The importer, then the first start of the new database, in one JVM (localdb.bulk;
    its page cache holds the new store, up to 4 GiB), each shown with its time; the
    database's Status."""
    importer = bar.add_task("importer", total=1) if bar else None
    start = None

    def imported() -> None:
        nonlocal start
        if bar and importer is not None:
            bar.update(importer, completed=1)
            start = bar.add_task("first start", total=1)

    started = import_and_start(
        data_dir, files.nodes, files.relationships, password=password, imported=imported
    )
    if bar and start is not None:
        bar.update(start, completed=1)
    return started


async def _first_start(
    data_dir: Path, started: localdb.Status, rest: _Rest, password: str, bar: Progress | None
) -> None:
    """On the new database, just started: schema, :Prosumer labels, rewritten rows (in this
    order: the rewritten rows are later records, which win); then stop it. The indexes are
    populated (in Neo4j's own threads) while the labels are set; the rewritten rows wait
    for them (their MERGEs look ids up)."""
    try:
        assert started.uri is not None
        settings = Neo4jSettings(uri=started.uri, password=password)
        graph = Graph.from_settings(settings, ServerSettings(transaction_timeout=BULK_TIMEOUT))
        try:
            with _phase(bar, "schema"):
                await create_schema_at_once(graph, timeout=SCHEMA_WAIT)
            with _phase(bar, "prosumers"):
                await writes.label_prosumers(graph)
            with _phase(bar, "indexes"):
                await await_indexes(graph, wait=SCHEMA_WAIT)
            rewrites = rest.rewrites
            if rewrites.stakeholders.count or rewrites.relations.count:
                await _write(graph, rewrites, bar)
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
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="stakegraph-")))
        found, files, rest = _validated(
            lambda section: read_section(source, section), folder, stack, bar, source=source
        )
        target = require_new(target)  # nothing started there meanwhile
        try:
            started = _import_and_start(target, files, password, bar)
            asyncio.run(_first_start(target, started, rest, password, bar))
        except BaseException:
            localdb.stop(target)
            raise
        return ImportSummary(found.stakeholders, found.relations)
    raise AssertionError("unreachable")  # pragma: no cover - ExitStack swallows nothing
