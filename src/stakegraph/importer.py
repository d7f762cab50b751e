"""Importing stakeholders and relations (SPEC 8): validate everything, then write in batches.

1. Validate: every record goes through the pydantic models of `stakegraph.records`; each
   problem is collected as (where, field, message). Valid rows are spooled to a temporary
   file in batches, so memory holds one batch of rows, not the input. The per-id
   bookkeeping that checks the input against itself (each stakeholder id's kind, each
   relation id's type and ends) lives in a temporary SQLite file (`_Seen`), not in RAM,
   asked one batch at a time.
   Within the input, an id may not name two kinds, nor two different relations (another
   type or other ends); the same relation repeated is allowed, the last one wins.
2. Check against the database, one spooled batch at a time as validation spools it (the
   two overlap: validation runs in a worker thread), with the checks the mutations
   use (`stakegraph.graph.writes`): no id may change an existing node's kind; relation ends
   not in the input must exist there; structural relations must join the right kinds; no
   relation id may be held by another relationship.
3. If anything is wrong, raise `InvalidInput` listing every problem; nothing is written.
   The schema is applied before the checks (idempotent): a fresh database never sees a
   look-up or a MERGE without the id index.
4. Write: stakeholders, then relations, one transaction per batch (by CREATE into a
   database that held no stakeholder, see `_write`); each relation batch refreshes the
   role labels of its `from` ends in the same transaction.

Importing the same input twice leaves the graph as after the first time: stakeholders are
merged on id (without one, on the content identity of `records.stakeholder_content_id`),
relations as docs/import-export.md says.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import gc
import pickle
import sqlite3
import tempfile
import threading
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any, Protocol

from neo4j import AsyncManagedTransaction
from neo4j import exceptions as neo4j_errors
from pydantic import ValidationError
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from stakegraph import errors
from stakegraph.graph import reads, writes
from stakegraph.graph.driver import Graph
from stakegraph.graph.schema import apply_schema
from stakegraph.inputs import Raw, ReadProblem, UnreadableInput, read_section
from stakegraph.records import (
    ENDS,
    RELATION_ROWS,
    STAKEHOLDER_ROWS,
    Counts,
    RelationType,
    _Rows,
    field_errors,
    relation_type,
)

BATCH_SIZE = 10_000
VALIDATION_CHUNK = 1_000  # records validated at once (fewer raw records alive than a batch)
SHOWN_PROBLEMS = 200  # problems written into the error message; `problems` has them all
BULK_TIMEOUT = 600.0  # seconds per batch transaction


@dataclass(frozen=True)
class Problem:
    where: str  # "stakeholders[3]" or "relations.csv line 7"
    field: str | None
    message: str

    def __str__(self) -> str:
        if self.field:
            return f"{self.where}, {self.field}: {self.message}"
        return f"{self.where}: {self.message}"


class InvalidInput(errors.BadUserInput):
    """The input has problems; nothing was written. `problems` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = "\n".join(f"  {p}" for p in problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        tail = f"\n  ... and {more} more" if more > 0 else ""
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"the input has {count}; nothing was written:\n{shown}{tail}")
        self.problems = problems


class ImportSummary(Counts):
    """What an import wrote."""


Spooled = tuple[str, dict[str, Any]]  # (where the record came from, its row)


class _Spool:
    """Batches of (where, row) pickled to a temporary file, read back in order (repeatably)."""

    def __init__(
        self,
        handle: IO[bytes],
        batch_size: int,
        on_flush: Callable[[list[Spooled]], None] | None = None,
    ) -> None:
        self.handle = handle
        self.batch_size = batch_size
        self.on_flush = on_flush  # sees each batch as it is written
        self.buffer: list[Spooled] = []
        self.count = 0

    def add(self, where: str, row: dict[str, Any]) -> None:
        self.buffer.append((where, row))
        self.count += 1
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.handle.seek(0, 2)
            pickle.dump(self.buffer, self.handle, protocol=pickle.HIGHEST_PROTOCOL)
            if self.on_flush:
                self.on_flush(self.buffer)
            self.buffer = []

    def batches(self) -> Iterator[list[Spooled]]:
        self.flush()
        self.handle.seek(0)
        while True:
            try:
                yield pickle.load(self.handle)
            except EOFError:
                return


def _ends(row: dict[str, Any]) -> writes.RelationEnds:
    provider = row["properties"].get("providerId")  # a REFERS names its provider too
    return writes.RelationEnds(
        row["id"], relation_type(row["type"]), row["from"], row["to"], provider
    )


# records.ENDS by type name
_KINDS_OF_ENDS = {kind.value: allowed for kind, allowed in ENDS.items()}


def end_problems(batch: Sequence[Spooled], kinds: Mapping[str, str], missing: str) -> list[Problem]:
    """The end checks of a batch of relations (where, row) into a new database, where
    `kinds` (id -> kind, from the input) knows every stakeholder there is: an end (or a
    referral's provider) `kinds` does not name is "no stakeholder 'x' <missing>", a
    structural relation between the wrong kinds is refused (`writes.end_refusals`'s
    words). `import` into an empty database and `import --initial` both ask this. Only
    the relations that fail a plain check here are handed to `writes.end_refusals`, which
    decides and words the problems (the rest of a million relations costs no objects)."""
    wrong = []
    for spooled in batch:
        row = spooled[1]
        from_kind, to_kind = kinds.get(row["from"]), kinds.get(row["to"])
        allowed = _KINDS_OF_ENDS.get(row["type"])
        provider = row["properties"].get("providerId")
        if (
            from_kind is None
            or to_kind is None
            or (provider is not None and provider not in kinds)
            or (allowed and (from_kind not in allowed[0] or to_kind not in allowed[1]))
        ):
            wrong.append(spooled)
    if not wrong:
        return []
    refusals = writes.end_refusals([_ends(row) for _, row in wrong], kinds)
    return _end_problems(wrong, refusals, missing)


def _end_problems(
    batch: Sequence[Spooled], refusals: Iterable[writes.Refusal], missing: str
) -> list[Problem]:
    """Refusals of the relations of `batch` as problems where each came from; a missing
    end's message says where it was looked for: "no stakeholder 'x' <missing>"."""
    problems = []
    for refusal in refusals:
        message = refusal.message
        if refusal.missing:
            message = f"no stakeholder {refusal.value!r} {missing}"
        problems.append(Problem(batch[refusal.index][0], refusal.field, message))
    return problems


class _Seen:
    """The ids seen in the input so far, in a temporary SQLite file (bounded memory).

    `kinds`: stakeholder id -> kind of its first record; `relations`: relation id ->
    "TYPE from to" of its first record; each with where that record is. Asked a batch at
    a time (`firsts`): one look-up and one insert per batch, not per record. `pairs`: the
    "TYPE from to" of structural relations seen (`import --initial` writes the first
    relation of each pair in bulk, the others as `import` does).
    """

    LOOKUP_CHUNK = 500  # ids per `IN (...)` look-up

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)  # one thread at a time
        self.db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -32000;
            CREATE TABLE kinds (id TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL)
                WITHOUT ROWID;
            CREATE TABLE relations (id TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL)
                WITHOUT ROWID;
            CREATE TABLE pairs (key TEXT PRIMARY KEY) WITHOUT ROWID;
            """
        )

    def close(self) -> None:
        self.db.close()

    def firsts(self, table: str, rows: list[tuple[str, str, str]]) -> list[tuple[str, bool]]:
        """For each (id, value, where) of `rows`, in order, recording the new ids: the value
        of the id's first record (this one's when it is the first), and whether it is.

        The batch's ids are inserted first; only when some were known before (fewer rows
        inserted than ids) are they looked up: a record is the first of its id when its
        `where` (unique in the input) is the one recorded."""
        in_batch: dict[str, str] = {}
        new: list[tuple[str, str, str]] = []
        answers = []
        for row in rows:
            earlier = in_batch.get(row[0])
            if earlier is None:
                in_batch[row[0]] = row[1]
                new.append(row)
                answers.append((row[1], True))
            else:
                answers.append((earlier, False))
        before = self.db.total_changes
        self.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?, ?)", new)
        if self.db.total_changes - before == len(new):
            return answers  # no id of the batch was known before it
        query = f"SELECT id, value, at FROM {table} WHERE id IN ({{}})"
        first = {id_: (value, at) for id_, value, at in self._lookup(query, rows)}
        return [(first[id_][0], first[id_][1] == where) for id_, _, where in rows]

    def first_of(self, table: str, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """id -> (value, where) of the first record of each of `ids` in `table`."""
        query = f"SELECT id, value, at FROM {table} WHERE id IN ({{}})"
        return {id_: (value, at) for id_, value, at in self._lookup(query, ((i,) for i in ids))}

    def kinds_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The kinds the input gives to those of `ids` it holds."""
        rows = self._lookup("SELECT id, value FROM kinds WHERE id IN ({})", ((i,) for i in ids))
        return {id_: kind for id_, kind in rows}

    def new_pairs(self, keys: list[str]) -> list[bool]:
        """For each "TYPE from to" of `keys`, in order, recording them: whether it is new."""
        known = {
            key
            for (key,) in self._lookup(
                "SELECT key FROM pairs WHERE key IN ({})", ((k,) for k in keys)
            )
        }
        answers = []
        for key in keys:
            answers.append(key not in known)
            known.add(key)
        self.db.executemany(
            "INSERT INTO pairs VALUES (?)",
            ((k,) for k, new in zip(keys, answers, strict=True) if new),
        )
        return answers

    def _lookup(self, query: str, rows: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """`query`'s rows for the ids first in `rows`, LOOKUP_CHUNK at a time (`{}`: the
        placeholders)."""
        wanted = sorted({row[0] for row in rows})
        found: list[tuple[str, ...]] = []
        for start in range(0, len(wanted), self.LOOKUP_CHUNK):
            chunk = wanted[start : start + self.LOOKUP_CHUNK]
            found.extend(self.db.execute(query.format(",".join("?" * len(chunk))), chunk))
        return found


@dataclass
class _Validated:
    stakeholders: _Spool
    relations: _Spool
    seen: _Seen
    problems: list[Problem] = field(default_factory=list)
    # (where, ends) of relation records whose id an earlier, different relation uses
    clashes: list[tuple[str, writes.RelationEnds]] = field(default_factory=list)


# A valid record: (where, its row, whether it is the first record of its id in the input)
Checked = tuple[str, dict[str, Any], bool]


class _Sink(Protocol):
    """Where validation hands the valid records, one batch at a time, in input order."""

    def stakeholders(self, batch: list[Checked]) -> None: ...

    def relations(self, batch: list[Checked]) -> None: ...


@dataclass
class _ToSpools:
    """The sink of `import`: the spools its database checks and writes read."""

    spools: tuple[_Spool, _Spool]

    def stakeholders(self, batch: list[Checked]) -> None:
        self._add(self.spools[0], batch)

    def relations(self, batch: list[Checked]) -> None:
        self._add(self.spools[1], batch)

    @staticmethod
    def _add(spool: _Spool, batch: list[Checked]) -> None:
        """One validated batch is one spooled batch (validation batches as the spool does)."""
        for where, row, _ in batch:
            spool.add(where, row)
        spool.flush()


@dataclass
class _Found:
    """What validation found: the valid records counted, and every problem."""

    stakeholders: int = 0
    relations: int = 0
    problems: list[Problem] = field(default_factory=list)
    clashes: list[tuple[str, writes.RelationEnds]] = field(default_factory=list)


def _validate(
    stakeholders: Iterable[Raw],
    relations: Iterable[Raw],
    sink: _Sink,
    seen: _Seen,
    tick: Callable[[int], None] = lambda done: None,
    batch_size: int = BATCH_SIZE,
    alone: bool = False,
) -> _Found:
    """Validate every record (pydantic, a batch at a time: `records.STAKEHOLDER_ROWS`),
    then, a batch at a time, against the input so far (`seen`); hand each batch's valid
    records to `sink`. Problems are in input order.

    (`import --initial` shares the relations between processes by what each reads:
    `inputs.read_section`'s keep.) `alone`: nothing else runs in the process meanwhile
    (`import --initial`), so the garbage collector may pause (`_collector_paused`)."""
    with _collector_paused() if alone else contextlib.nullcontext():
        return _validate_all(stakeholders, relations, sink, seen, tick, batch_size)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's automatic cyclic garbage collection off while validating: the batches of
    records, rows and dicts alive at once (no cycles among them) made it walk the whole
    heap again and again, a third of the pass's time. (Collecting once a batch instead
    cost as much.) Not in `import`: there the database checks run in the event loop's
    thread meanwhile, and their cycles (futures holding a whole batch) then stayed: peak
    RSS 324 MiB at 100k, not 167."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _start_up_frozen() -> Iterator[None]:
    """What the process built before the import (modules, pydantic's schemas, the driver:
    some 50,000 objects) frozen while it runs (`gc.freeze`, after one collection), so the
    collector's full passes, which the batches of rows set off every few batches, walk only
    the import's own objects: at 100k they took 1.7 s of the validation thread, not 3.6 s.
    Unfrozen after (a long-lived process collects as before); left alone in a process that
    froze its own already (the server's `settle_memory`)."""
    if gc.get_freeze_count():
        yield
        return
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _validate_all(
    stakeholders: Iterable[Raw],
    relations: Iterable[Raw],
    sink: _Sink,
    seen: _Seen,
    tick: Callable[[int], None],
    batch_size: int,
) -> _Found:
    found = _Found()
    problems: list[tuple[int, Problem]] = []  # this batch's, by record number

    def checked(
        records: Iterable[Raw], rows: _Rows, tag: str
    ) -> Iterator[list[tuple[int, str, dict[str, Any]]]]:
        """Batches of (number, where, row) of the valid records; problems noted."""
        numbered: Iterator[tuple[int, Raw]] = enumerate(records)
        batch: list[tuple[int, str, dict[str, Any]]] = []
        # Validated a chunk at a time, batched by whole chunks (each batch's problems
        # are then all before the next's): a batch may pass batch_size by a chunk.
        size = min(VALIDATION_CHUNK, batch_size)
        while chunk := list(islice(numbered, size)):
            taken = []
            for number, (where, raw) in chunk:
                if isinstance(raw, ReadProblem):
                    problems.append((number, Problem(where, raw.field, raw.message)))
                else:
                    taken.append((number, where, raw))
            del chunk
            for (number, where, _), row in zip(
                taken, rows.rows([raw for _, _, raw in taken]), strict=True
            ):
                if isinstance(row, ValidationError):
                    problems.extend(
                        (number, Problem(where, f, m)) for f, m in field_errors(row, tag)
                    )
                else:
                    batch.append((number, where, row))
            if len(batch) < batch_size:
                continue
            tick(len(batch))
            yield batch
            batch = []
        tick(len(batch))
        yield batch  # even empty: the section's last problems are handed on with it

    for batch in checked(stakeholders, STAKEHOLDER_ROWS, "kind"):
        answers = seen.firsts("kinds", [(row["id"], row["kind"], where) for _, where, row in batch])
        people: list[Checked] = []
        for (number, where, row), (earlier, first) in zip(batch, answers, strict=True):
            if earlier != row["kind"]:
                message = f"id {row['id']!r} appears earlier as {earlier}"
                problems.append((number, Problem(where, "kind", message)))
            else:
                people.append((where, row, first))
        found.stakeholders += len(people)
        sink.stakeholders(people)
        _in_order(problems, found)
    for batch in checked(relations, RELATION_ROWS, "type"):
        signed = [
            (row["id"], f"{row['type']} {row['from']} {row['to']}", where)
            for _, where, row in batch
        ]
        links: list[Checked] = []
        for (_, where, row), (_, signature, _), (earlier, first) in zip(
            batch, signed, seen.firsts("relations", signed), strict=True
        ):
            if earlier != signature:
                found.clashes.append((where, _ends(row)))
            else:
                links.append((where, row, first))
        found.relations += len(links)
        sink.relations(links)
        _in_order(problems, found)
    return found


def _in_order(problems: list[tuple[int, Problem]], found: _Found) -> None:
    """A batch's problems, by record number, to `found` (stable: a record's own in order)."""
    problems.sort(key=lambda item: item[0])
    found.problems.extend(problem for _, problem in problems)
    problems.clear()


def _report_clashes(found: _Found | _Validated, seen: _Seen) -> None:
    """An id used by two different relations in the input: each later use, on field `id`."""
    first = seen.first_of("relations", {ends.id for _, ends in found.clashes})
    for where, ends in found.clashes:
        signature, earlier = first[ends.id]
        type_, from_id, to_id = signature.split(" ")
        message = f"relation id {ends.id!r} is used by {type_} {from_id}->{to_id} at {earlier}"
        found.problems.append(Problem(where, "id", message))


class _RateColumn(ProgressColumn):
    """Records per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f}/s", style="progress.data.speed")


def _progress() -> Progress:
    """Each phase: done of total, rate, time taken and time left."""
    return Progress(
        TextColumn("{task.description:<12}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        transient=False,
    )


def _ticker(bar: Progress, task: TaskID) -> Callable[[int], None]:
    """A callback advancing `task` by the records just done (called once a batch)."""

    def tick(done: int) -> None:
        bar.advance(task, done)

    return tick


class _Stopped(Exception):
    """Raised in the validation thread when the checks waiting for its batches are gone."""


# A spooled batch on its way to the database checks: ("stakeholders", batch, {}) or
# ("relations", batch, the kinds the input gives to the batch's ends).
Checkable = tuple[str, list[Spooled], dict[str, str]]


async def _check_batch(graph: Graph, item: Checkable, fresh: bool) -> list[Problem]:
    """The checks of `stakegraph.graph.writes` against the database, for one spooled batch.

    `fresh`: the database held no stakeholder when the import began, so there is no kind
    to change and no relationship to hold an id, and a relation's end not in the input
    names no stakeholder: the checks need no statement (`writes.end_refusals`)."""
    section, batch, known = item
    problems: list[Problem] = []
    if section == "stakeholders":
        if fresh:
            return problems
        pairs = [(row["id"], row["kind"]) for _, row in batch]

        async def kinds(tx: AsyncManagedTransaction) -> list[writes.Refusal]:
            return await writes.kind_change_refusals(tx, pairs)

        for refusal in await graph.execute(kinds, write=False):
            problems.append(Problem(batch[refusal.index][0], refusal.field, refusal.message))
        return problems
    missing = "in the input or the database"
    if fresh:
        return end_problems(batch, known, missing)
    ends = [_ends(row) for _, row in batch]

    async def links(tx: AsyncManagedTransaction) -> list[writes.Refusal]:
        return await writes.relation_refusals(tx, ends, known=known)

    return _end_problems(batch, await graph.execute(links, write=False), missing)


async def _validate_and_check(
    graph: Graph,
    stakeholders: Iterable[Raw],
    relations: Iterable[Raw],
    spools: tuple[_Spool, _Spool],
    seen: _Seen,
    bar: Progress | None,
    fresh: bool = False,
) -> _Validated:
    """Validate in a worker thread while the database checks each batch it spools
    (`fresh`: the database held no stakeholder, see `_check_batch`).

    The two overlap (Python validates batch n+1 while Neo4j checks batch n); at most
    `queue`'s size of batches wait in memory. Problems keep the order of a serial run:
    the records' own, then the database's.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Checkable | None] = asyncio.Queue(maxsize=2)
    people, links = spools

    stopped = threading.Event()  # the checks are gone (failed or cancelled): stop validating

    def hand_over(item: Checkable | None) -> None:  # in the worker thread
        put = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
        while not stopped.is_set():
            try:
                put.result(timeout=0.5)
                return
            except concurrent.futures.TimeoutError:
                continue
        put.cancel()
        raise _Stopped

    people.on_flush = lambda batch: hand_over(("stakeholders", batch, {}))
    links.on_flush = lambda batch: hand_over(
        ("relations", batch, seen.kinds_of(i for _, row in batch for i in _ends(row).named()))
    )
    task = bar.add_task("validating", total=None) if bar else None
    tick = _ticker(bar, task) if bar and task is not None else lambda done: None

    def validate() -> _Validated:
        try:
            size = people.batch_size
            found = _validate(stakeholders, relations, _ToSpools(spools), seen, tick, size)
            return _Validated(people, links, seen, found.problems, found.clashes)
        finally:
            people.on_flush = links.on_flush = None
            with contextlib.suppress(_Stopped):
                hand_over(None)

    worker = asyncio.ensure_future(asyncio.to_thread(validate))
    found_in_database: list[Problem] = []
    failure: BaseException | None = None
    try:
        while (item := await queue.get()) is not None:
            found_in_database.extend(await _check_batch(graph, item, fresh))
    except BaseException as exc:  # a failed check, or cancelled (Ctrl-C): end the worker too
        failure = exc
        stopped.set()
    try:
        found = await worker
    except _Stopped:
        assert failure is not None
        raise failure from None
    except UnreadableInput as exc:
        raise InvalidInput([Problem(exc.where, None, exc.message)]) from exc
    if failure is not None:
        raise failure
    if bar and task is not None:
        done = found.stakeholders.count + found.relations.count
        bar.update(task, description="validated", total=done, completed=done)
    if found.clashes:
        _report_clashes(found, seen)
    found.problems.extend(found_in_database)
    return found


async def _write(
    bulk: Graph, found: _Validated, progress: Progress | None, *, fresh: bool = False
) -> ImportSummary:
    """Write the spooled rows, a batch per transaction: every stakeholder, then every
    relation (each relation batch refreshes the role labels of its `from` ends).

    `fresh`: the database held no stakeholder when the import began, so each batch is
    first written by CREATE, without looking for its ids (writes.create_*). An id that
    exists after all (a record repeating an earlier one, or another writer's meanwhile)
    fails that transaction on its uniqueness constraint, and the batch is merged instead,
    as are all later ones.
    """
    tasks = (
        (
            progress.add_task("stakeholders", total=found.stakeholders.count),
            progress.add_task("relations", total=found.relations.count),
        )
        if progress
        else (None, None)
    )

    async def people(rows: list[dict[str, Any]], create: bool, tx: AsyncManagedTransaction) -> int:
        if create:
            return await writes.create_stakeholder_rows(tx, rows)
        return await writes.write_stakeholder_rows(tx, rows)

    async def links(rows: list[dict[str, Any]], create: bool, tx: AsyncManagedTransaction) -> int:
        by_type: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_type[relation_type(row["type"])].append(row)
        if create:
            written = await writes.create_relation_rows(tx, by_type)
        else:
            written = await writes.write_relation_rows(tx, by_type)
        await writes.refresh_roles(tx, {row["from"] for row in rows})
        return written

    written = []
    create = fresh
    for spool, work, task in (
        (found.stakeholders, people, tasks[0]),
        (found.relations, links, tasks[1]),
    ):
        count = 0
        for batch in spool.batches():
            rows = [row for _, row in batch]
            done, create = await _written(bulk, partial(work, rows), create)
            count += done
            if progress and task is not None:
                progress.advance(task, len(rows))
        written.append(count)
    return ImportSummary(stakeholders=written[0], relations=written[1])


async def _written(
    bulk: Graph, work: Callable[[bool, AsyncManagedTransaction], Awaitable[int]], create: bool
) -> tuple[int, bool]:
    """One batch in one transaction: by CREATE when `create`, and if an id exists after
    all, by MERGE (nothing of the first try is left: its transaction was rolled back).
    Returns how many rows were written, and whether to try CREATE for the next batch: not
    after one failed (an input that repeats its records would pay twice for every batch)."""
    if create:
        try:
            return await bulk.execute(partial(work, True), write=True), True
        except errors.BadUserInput as exc:
            if not isinstance(exc.__cause__, neo4j_errors.ConstraintError):
                raise
    return await bulk.execute(partial(work, False), write=True), False


async def import_records(
    graph: Graph,
    stakeholders: Iterable[Raw],
    relations: Iterable[Raw],
    *,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
) -> ImportSummary:
    """Validate every record, check references against the database, then write.

    Raises InvalidInput (every problem, nothing written) when anything is wrong.
    Checks and writes run batch by batch with BULK_TIMEOUT, not the API's short timeout.
    """
    bulk = Graph(graph.driver, graph.database, timeout=max(graph.timeout, BULK_TIMEOUT))
    with ExitStack() as stack:
        stack.enter_context(_start_up_frozen())
        spools = (
            _Spool(stack.enter_context(tempfile.TemporaryFile()), batch_size),
            _Spool(stack.enter_context(tempfile.TemporaryFile()), batch_size),
        )
        seen = _Seen(Path(stack.enter_context(tempfile.TemporaryDirectory())) / "seen.db")
        stack.callback(seen.close)
        bar = stack.enter_context(_progress()) if progress else None
        await apply_schema(bulk)
        fresh = await reads.is_empty(bulk)
        found = await _validate_and_check(bulk, stakeholders, relations, spools, seen, bar, fresh)
        if found.problems:
            raise InvalidInput(found.problems)
        return await _write(bulk, found, bar, fresh=fresh)
    raise AssertionError("unreachable")  # pragma: no cover - ExitStack swallows nothing


async def import_path(graph: Graph, path: Path | str, progress: bool = False) -> ImportSummary:
    """Import a JSON file or a folder with stakeholders.csv and relations.csv (SPEC 8)."""
    source = Path(path)
    return await import_records(
        graph,
        read_section(source, "stakeholders"),
        read_section(source, "relations"),
        progress=progress,
    )
