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
   EMPTY_LISTS); the rest (a later record of the same node or relationship, a value such
   as an empty text or one with a line break) is *rewritten*: kept in a spool and written
   at the first start through `import`'s own write path, in input order, so the graph
   ends exactly as `import` leaves it.
3. Run the importer into DATA_DIR/store (`stakegraph.localdb.bulk`).
4. First start, on a free port: create the schema in one transaction (its indexes are then
   populated in one pass over the store), set the empty lists, write the rewritten rows,
   set the :Prosumer labels (writes/label_prosumers: the other role labels are in
   nodes.csv, see _Writer), stop. `stakegraph neo4j start` then serves it.
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
from stakegraph.graph.schema import await_indexes, create_schema_at_once
from stakegraph.importer import (
    BATCH_SIZE,
    BULK_TIMEOUT,
    Checked,
    ImportSummary,
    InvalidInput,
    Problem,
    _ends,
    _Found,
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


EMPTY_LISTS = "_emptyLists"  # importer column: the list properties that are [] (see below)

# Per column set: property -> (its column's place, its cell function, whether it is a list)
_PLANS: dict[int, dict[str, tuple[int, Any, bool]]] = {}


def _plan(columns: Columns) -> dict[str, tuple[int, Any, bool]]:
    plan = _PLANS.get(id(columns))
    if plan is None:
        plan = {
            name: (place, _CELL[kind], kind == "string[]")
            for place, (name, kind) in enumerate(columns.items())
        }
        _PLANS[id(columns)] = plan
    return plan


def _cells(columns: Columns, properties: dict[str, Any]) -> tuple[list[str], bool]:
    """The property cells of a row, then its EMPTY_LISTS cell, and whether they say all of
    its properties.

    The importer reads an empty cell as no value, so a list property given as [] is named
    in EMPTY_LISTS instead, and set to [] at the first start (writes/empty_lists)."""
    plan = _plan(columns)
    cells = [""] * (len(plan) + 1)
    empty = []
    exact = True
    for name, value in properties.items():
        if value is None:  # null, which on a new node or relationship is absent
            continue
        place, cell_of, listed = plan[name]
        if listed and value == []:
            empty.append(name)
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


NODE_START = ["id:ID", ":LABEL", "createdAt:datetime", "updatedAt:datetime"]
RELATION_START = [":START_ID", ":END_ID", "id", "createdAt:datetime"]
LABELS = {kind.value: f"Stakeholder{ARRAY_DELIMITER}{kind.label}" for kind in StakeholderKind}


class _Writer:
    """The sink of validation (`importer._validate`): writes each valid batch to the
    importer's files, and the rest to the rewrites, as validation goes (one pass); checks
    the relations' ends against the input's stakeholders (`problems`).

    The role labels that follow from one relationship (SPEC 2, writes/refresh_roles) go
    into nodes.csv's labels: a stakeholder with a USES is an EndUser, with a PARENT_OF
    (Person to Person) a Parent, with a MEMBER_OF that has a buyingRole (from a Person) a
    BuyingCenterMember. They are known once the relations are, so the stakeholder rows
    wait in `nodes.body` and `finish` writes nodes.csv. A relationship rewritten later
    refreshes its `from` end's roles as `import` does; Prosumer, which needs two
    relationships, is set at the first start (writes/label_prosumers).
    """

    def __init__(self, folder: Path, seen: _Seen, rewrites: tuple[_Spool, _Spool]) -> None:
        self.files = _Files(folder, {})
        self.seen = seen
        self.rewrites = rewrites
        self.problems: list[Problem] = []  # the ends' problems, in input order
        self.now = datetime.now(UTC).isoformat()  # createdAt/updatedAt not given
        self.handles: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.empty_lists = {"stakeholders": 0, "relations": 0}  # rows naming some
        self.roles: dict[str, set[str]] = {"EndUser": set(), "Parent": set()}
        self.roles["BuyingCenterMember"] = set()
        self._writer("nodes.body", [], {})  # the stakeholder rows, waiting for their roles

    def _writer(self, name: str, start: list[str], columns: Columns) -> Any:
        """The CSV writer of file `name` (opened, with its header, on first use: looked up
        once per row, so it does nothing else after that)."""
        writer = self.writers.get(name)
        if writer is None:
            path = self.files.folder / f"{name}.csv"
            handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
            self.handles[name] = handle
            writer = self.writers[name] = csv.writer(handle, lineterminator="\n")
            if name != "nodes.body":
                writer.writerow(_header(start, columns))
                self.files.relationships[name] = path
        return writer

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()

    def finish(self) -> None:
        """Write nodes.csv: the stakeholder rows, each with its role labels."""
        self.close()
        body = self.files.folder / "nodes.body.csv"
        roles = list(self.roles.items())
        with (
            open(body, encoding="utf-8", newline="") as rows,
            open(self.files.nodes, "w", encoding="utf-8", newline="") as out,
        ):
            csv.writer(out, lineterminator="\n").writerow(_header(NODE_START, NODE_COLUMNS))
            for line in rows:  # one row a line (no cell holds a line break), id unquoted
                id_, labels, rest = line.split(",", 2)
                for label, holders in roles:
                    if id_ in holders:
                        labels += ARRAY_DELIMITER + label
                out.write(f"{id_},{labels},{rest}")
        body.unlink()

    def stakeholders(self, batch: list[Checked]) -> None:
        out = self.writers["nodes.body"]
        now = self.now
        rows = []
        for where, row, first in batch:
            if not first:  # a later record of the node: as `import` writes it
                self.rewrites[0].add(where, row)
                continue
            cells, exact = _cells(NODE_COLUMNS, row["properties"])
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
            if cells[-1]:
                self.empty_lists["stakeholders"] += 1
        out.writerows(rows)

    def relations(self, batch: list[Checked]) -> None:
        self._check_ends(batch)
        structural = [i for i, (_, row, _) in enumerate(batch) if row["type"] in STRUCTURAL]
        pairs = [_pair(batch[i][1]) for i in structural]
        firsts = [first for _, _, first in batch]
        for index, new in zip(structural, self.seen.new_pairs(pairs), strict=True):
            firsts[index] = new  # a structural relation is one relationship per pair
        now = self.now
        for (where, row, _), first in zip(batch, firsts, strict=True):
            if not first:
                self.rewrites[1].add(where, row)
                continue
            type_ = row["type"]
            out = self.writers.get(type_) or self._writer(
                type_, RELATION_START, RELATION_COLUMNS[RelationType(type_)]
            )
            properties = row["properties"]
            cells, exact = _cells(RELATION_COLUMNS[type_], properties)
            if type_ in ROLES and (type_ != "MEMBER_OF" or properties.get("buyingRole")):
                self.roles[ROLES[type_]].add(row["from"])
            created = row["createdAt"]
            time = now if created is None else created.isoformat()
            out.writerow([row["from"], row["to"], row["id"], time, *cells])
            if not exact:
                self.rewrites[1].add(where, row)
            if cells[-1]:
                self.empty_lists["relations"] += 1

    def _check_ends(self, batch: list[Checked]) -> None:
        """The database checks of `import` on a new database, for one batch of relations:
        the kinds of the ends come from the input alone."""
        ends = [_ends(row) for _, row, _ in batch]
        kinds = self.seen.kinds_of(
            i for e in ends for i in (e.from_id, e.to_id, e.provider_id) if i
        )
        for refusal in writes.end_refusals(ends, kinds):
            message = refusal.message
            if refusal.missing:
                message = f"no stakeholder {refusal.value!r} in the input"
            self.problems.append(Problem(batch[refusal.index][0], refusal.field, message))


STRUCTURAL = {kind.value for kind in RelationType if kind.structural}
# The role label a relationship gives its `from` end (a MEMBER_OF: when it has a buyingRole)
ROLES = {"USES": "EndUser", "PARENT_OF": "Parent", "MEMBER_OF": "BuyingCenterMember"}


def _pair(row: dict[str, Any]) -> str:
    """A structural relation's key, "TYPE from to": one relationship per pair."""
    return f"{row['type']} {row['from']} {row['to']}"


# ----------------------------------------------------------------------------- one pass


def _spools(stack: ExitStack) -> tuple[_Spool, _Spool]:
    """Two spools (stakeholders, relations) in temporary files that `stack` removes."""
    files = [stack.enter_context(tempfile.TemporaryFile()) for _ in range(2)]  # noqa: SIM115
    return _Spool(files[0], BATCH_SIZE), _Spool(files[1], BATCH_SIZE)


@dataclass
class _Rest:
    """What the first start writes: the rows rewritten (as a _Validated, which
    `importer._write` takes), and whether some node or relationship names empty lists."""

    rewrites: _Validated
    empty_lists: dict[str, int]


def _validated(
    stakeholders: Iterable[Raw],
    relations: Iterable[Raw],
    folder: Path,
    stack: ExitStack,
    bar: Progress | None,
) -> tuple[_Found, _Files, _Rest]:
    """Validate as `import` does, writing the importer's files into `folder` as it goes;
    InvalidInput (every problem) when anything is wrong (the caller removes `folder`)."""
    seen = _Seen(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "seen.db")
    stack.callback(seen.close)
    rewrites = _spools(stack)
    writer = _Writer(folder, seen, rewrites)
    task = bar.add_task("validating", total=None) if bar else None
    tick = _ticker(bar, task) if bar and task is not None else lambda: None
    try:
        found = _validate(stakeholders, relations, writer, seen, tick)
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
    writer.finish()
    return found, writer.files, _Rest(_Validated(*rewrites, seen), writer.empty_lists)


# ----------------------------------------------------------------------------- the whole


@contextmanager
def _phase(bar: Progress | None, name: str) -> Iterator[None]:
    """A step without a count (the importer, the first start): shown with its time."""
    task = bar.add_task(name, total=1) if bar else None
    yield
    if bar and task is not None:
        bar.update(task, completed=1)


async def _first_start(data_dir: Path, rest: _Rest, password: str, bar: Progress | None) -> None:
    """Start the new database once: schema, empty lists, :Prosumer labels, rewritten rows
    (in this order: the rewritten rows are later records, which win); then stop it. The
    indexes are populated (in Neo4j's own threads) while the empty lists and labels are
    set; the rewritten rows wait for them (their MERGEs look ids up)."""
    with _phase(bar, "first start"):
        started = localdb.start(localdb.free_port(), data_dir, password=password)
    try:
        assert started.uri is not None
        settings = Neo4jSettings(uri=started.uri, password=password)
        graph = Graph.from_settings(settings, ServerSettings(transaction_timeout=BULK_TIMEOUT))
        try:
            with _phase(bar, "schema"):
                await create_schema_at_once(graph, timeout=SCHEMA_WAIT)
            if any(rest.empty_lists.values()):
                with _phase(bar, "empty lists"):
                    await writes.set_empty_lists(
                        graph,
                        nodes=rest.empty_lists["stakeholders"] > 0,
                        relationships=rest.empty_lists["relations"] > 0,
                    )
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
            read_section(source, "stakeholders"),
            read_section(source, "relations"),
            folder,
            stack,
            bar,
        )
        target = require_new(target)  # nothing started there meanwhile
        try:
            with _phase(bar, "importer"):
                bulk_import(target, files.nodes, files.relationships)
            asyncio.run(_first_start(target, rest, password, bar))
        except BaseException:
            localdb.stop(target)
            raise
        return ImportSummary(found.stakeholders, found.relations)
    raise AssertionError("unreachable")  # pragma: no cover - ExitStack swallows nothing
