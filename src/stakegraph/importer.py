"""Importing stakeholders and relations (SPEC 8): validate everything, then write in batches.

1. Validate: every record goes through the pydantic models of `stakegraph.records`; each
   problem is collected as (where, field, message). Valid rows are spooled to a temporary
   file in batches, so memory holds one batch, not the input. Relation ends are checked
   against the input's own stakeholders as they stream by.
2. Check against the database: ends not in the input must exist there, structural
   relations must join the right kinds, and no input id may change an existing node's kind.
3. If anything is wrong, raise `InvalidInput` listing every problem; nothing is written.
4. Write: stakeholders, then relations, one transaction per batch; each relation batch
   refreshes the role labels of its `from` ends in the same transaction.

Importing the same input twice leaves the graph as after the first time: stakeholders are
merged on id (without one, on the content identity of `stakeholder_identity`), relations as
docs/import-export.md says.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from neo4j import AsyncManagedTransaction
from pydantic import ValidationError
from rich.progress import Progress

from stakegraph import errors
from stakegraph.graph import writes
from stakegraph.graph.driver import Graph
from stakegraph.inputs import Raw, ReadProblem, UnreadableInput, read_section
from stakegraph.records import (
    RELATION,
    STAKEHOLDER,
    RelationType,
    StakeholderRecord,
    end_kind_problem,
    field_errors,
)

BATCH_SIZE = 5_000
LOOKUP_CHUNK = 20_000  # ids per database look-up
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


@dataclass(frozen=True)
class ImportSummary:
    stakeholders: int
    relations: int


class _Spool:
    """Batches of rows pickled to a temporary file, read back in order."""

    def __init__(self, handle: IO[bytes], batch_size: int) -> None:
        self.handle = handle
        self.batch_size = batch_size
        self.buffer: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.buffer.append(row)
        self.count += 1
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            pickle.dump(self.buffer, self.handle, protocol=pickle.HIGHEST_PROTOCOL)
            self.buffer = []

    def batches(self) -> Iterator[list[dict[str, Any]]]:
        self.flush()
        self.handle.seek(0)
        while True:
            try:
                yield pickle.load(self.handle)
            except EOFError:
                return


@dataclass
class _Validated:
    stakeholders: _Spool
    relations: _Spool
    problems: list[Problem] = field(default_factory=list)
    kinds: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (kind, where)
    # ends not in the input: id -> [(where, end, relation type)]
    outside: dict[str, list[tuple[str, str, RelationType]]] = field(
        default_factory=lambda: defaultdict(list)
    )


def _validate(
    stakeholders: Iterable[Raw], relations: Iterable[Raw], spools: tuple[_Spool, _Spool]
) -> _Validated:
    found = _Validated(*spools)
    problems = found.problems
    for where, raw in stakeholders:
        if isinstance(raw, ReadProblem):
            problems.append(Problem(where, raw.field, raw.message))
            continue
        try:
            record = STAKEHOLDER.validate_python(raw)
        except ValidationError as exc:
            problems.extend(Problem(where, f, m) for f, m in field_errors(exc, "kind"))
            continue
        if "id" not in record.model_fields_set:
            record = record.model_copy(update={"id": stakeholder_identity(record)})
        earlier, _ = found.kinds.setdefault(record.id, (record.kind, where))
        if earlier != record.kind:
            message = f"id {record.id!r} appears earlier as {earlier}"
            problems.append(Problem(where, "kind", message))
            continue
        found.stakeholders.add(record.row())
    for where, raw in relations:
        if isinstance(raw, ReadProblem):
            problems.append(Problem(where, raw.field, raw.message))
            continue
        try:
            relation = RELATION.validate_python(raw)
        except ValidationError as exc:
            problems.extend(Problem(where, f, m) for f, m in field_errors(exc, "type"))
            continue
        kind = relation.relation_type
        for end, id_ in (("from", relation.from_id), ("to", relation.to_id)):
            known = found.kinds.get(id_)
            if known is None:
                found.outside[id_].append((where, end, kind))
            elif problem := end_kind_problem(kind, end, known[0]):
                problems.append(Problem(where, end, f"{problem} ({id_!r})"))
        row = relation.row()
        row["type"] = kind.value
        found.relations.add(row)
    return found


def stakeholder_identity(record: StakeholderRecord) -> str:
    """The id of a stakeholder imported without one: its kind and a hash of what it says.

    `<KIND>:<first 20 hex digits of sha256(canonical JSON)>`, the canonical JSON being the
    record's properties after validation (nulls, `id`, `kind`, `createdAt`, `updatedAt`
    left out), sorted keys, no spaces; so importing the same record twice gives one node.
    Import only: a mutation without an id gets a random one (two people may share a name).
    """
    content = {k: v for k, v in record.properties().items() if v is not None}
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return f"{record.kind}:{hashlib.sha256(canonical.encode()).hexdigest()[:20]}"


async def _lookup_kinds(graph: Graph, ids: Iterable[str]) -> dict[str, str]:
    """Kinds of those ids that exist in the database, looked up in chunks."""
    found: dict[str, str] = {}
    chunk: list[str] = []

    async def look(tx: AsyncManagedTransaction) -> dict[str, str]:
        return await writes.stakeholder_kinds(tx, chunk)

    for id_ in ids:
        chunk.append(id_)
        if len(chunk) >= LOOKUP_CHUNK:
            found.update(await graph.execute(look, write=False))
            chunk = []
    if chunk:
        found.update(await graph.execute(look, write=False))
    return found


async def _check_database(graph: Graph, found: _Validated) -> None:
    problems = found.problems
    existing = await _lookup_kinds(graph, found.kinds)
    for id_, kind in existing.items():
        given, where = found.kinds[id_]
        if given != kind:
            message = f"{id_!r} is a {kind} in the database; a kind cannot change"
            problems.append(Problem(where, "kind", message))
    existing.update(await _lookup_kinds(graph, found.outside))
    for id_, uses in found.outside.items():
        actual = existing.get(id_)
        for where, end, kind in uses:
            if actual is None:
                message = f"no stakeholder {id_!r} in the input or the database"
                problems.append(Problem(where, end, message))
            elif problem := end_kind_problem(kind, end, actual):
                problems.append(Problem(where, end, f"{problem} ({id_!r})"))


async def _write(graph: Graph, found: _Validated, progress: Progress | None) -> ImportSummary:
    bulk = Graph(graph.driver, graph.database, timeout=max(graph.timeout, BULK_TIMEOUT))
    tasks = (
        (
            progress.add_task("stakeholders", total=found.stakeholders.count),
            progress.add_task("relations", total=found.relations.count),
        )
        if progress
        else None
    )
    stakeholders = relations = 0
    for rows in found.stakeholders.batches():

        async def people(tx: AsyncManagedTransaction, rows: list[dict[str, Any]] = rows) -> int:
            return await writes.write_stakeholder_rows(tx, rows)

        stakeholders += await bulk.execute(people, write=True)
        if progress and tasks:
            progress.advance(tasks[0], len(rows))
    for rows in found.relations.batches():
        by_type: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_type[RelationType(row["type"])].append(row)

        async def links(
            tx: AsyncManagedTransaction,
            by_type: dict[RelationType, list[dict[str, Any]]] = by_type,
            rows: list[dict[str, Any]] = rows,
        ) -> int:
            written = await writes.write_relation_rows(tx, by_type)
            await writes.refresh_roles(tx, {row["from"] for row in rows})
            return written

        relations += await bulk.execute(links, write=True)
        if progress and tasks:
            progress.advance(tasks[1], len(rows))
    return ImportSummary(stakeholders=stakeholders, relations=relations)


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
    """
    with ExitStack() as stack:
        spools = (
            _Spool(stack.enter_context(tempfile.TemporaryFile()), batch_size),
            _Spool(stack.enter_context(tempfile.TemporaryFile()), batch_size),
        )
        bar = stack.enter_context(Progress(transient=False)) if progress else None
        if bar:
            bar.add_task("validating", total=None)
        try:
            found = _validate(stakeholders, relations, spools)
        except UnreadableInput as exc:
            raise InvalidInput([Problem(exc.where, None, exc.message)]) from exc
        if bar:
            bar.remove_task(bar.task_ids[0])
        await _check_database(graph, found)
        if found.problems:
            raise InvalidInput(found.problems)
        return await _write(graph, found, bar)
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


def read_input(path: Path | str) -> tuple[Iterator[Raw], Iterator[Raw]]:
    """The raw stakeholder and relation records at `path`, streamed (see stakegraph.inputs)."""
    source = Path(path)
    return read_section(source, "stakeholders"), read_section(source, "relations")
