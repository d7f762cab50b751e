"""Exporting the graph in the forms of SPEC 8 that `import` reads, streamed page by page.

JSON (one file):

    {"stakeholders": [{"id": ..., "kind": ..., "name": ..., ...}, ...],
     "relations":    [{"id": ..., "type": ..., "from": ..., "to": ..., ...}, ...]}

CSV (a folder with `stakeholders.csv` and `relations.csv`): one column per field the
import models know, list values `;`-separated (an empty list is the cell `;`), an absent
property an empty cell.

Every property is written, datetimes as ISO 8601 (UTC); role labels are not, since import
recomputes them from the relationships. Importing an export into an empty database gives
the same graph. Memory holds one page at a time, never the graph: PAGE_SIZE stakeholders,
or RELATION_PAGE_SIZE relations (however many go out of one stakeholder: a hub's are paged
too).
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from stakegraph import errors
from stakegraph.graph import reads
from stakegraph.graph.driver import Graph
from stakegraph.records import LIST_FIELDS, RELATION_MODELS, STAKEHOLDER_MODELS, Counts

PAGE_SIZE = 2_000
# About the relations of an average page of 2,000 stakeholders (the 1M world has ~5 each);
# a page of hubs was far larger when pages were counted in stakeholders (peak RSS 391 MiB).
RELATION_PAGE_SIZE = 10_000
# Seconds per page query, as import's bulk timeout: the configured timeout is the API's
# (5 s by default), which a page of a large graph on a busy machine can pass (the 1M world
# at load 18 did, and the export stopped).
PAGE_TIMEOUT = 600.0


class ExportSummary(Counts):
    """What an export wrote."""


def _plain(value: Any) -> Any:
    """A property value as JSON: datetimes as ISO 8601 strings, lists element by element."""
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _stakeholder(id: str, kind: str, properties: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": id, "kind": kind, "name": properties.get("name")}
    out.update(
        (k, _plain(v)) for k, v in sorted(properties.items()) if k not in out and v is not None
    )
    return out


def _relation(row: dict[str, Any]) -> dict[str, Any]:
    # The page files send datetimes as text, null for an absent one: no stored property is null
    properties = {k: v for k, v in row["properties"].items() if v is not None}
    out: dict[str, Any] = {}
    if properties.get("id") is not None:
        out["id"] = properties.pop("id")
    out.update(type=row["type"], **{"from": row["from"], "to": row["to"]})
    out.update((k, _plain(v)) for k, v in sorted(properties.items()) if k != "id")
    return out


async def stakeholders(graph: Graph, page_size: int) -> AsyncIterator[dict[str, Any]]:
    """Every stakeholder as an import record, in id order, one page in memory at a time."""
    after: str | None = None
    while True:
        rows = await reads.rows(graph, "export/stakeholders_page", after=after, limit=page_size)
        for row in rows:
            yield _stakeholder(row["id"], row["kind"], row["properties"])
        if len(rows) < page_size:
            return
        after = rows[-1]["id"]


async def relations(graph: Graph, page_size: int) -> AsyncIterator[dict[str, Any]]:
    """Every relationship as an import record, by (from, type, to, id), `page_size` of them
    in memory at a time."""
    after: list[Any] | None = None
    while True:
        page = (await reads.rows(graph, "export/relations_page", after=after, limit=page_size))[0]
        for relation in page["relations"]:
            yield _relation(relation)
        if len(page["relations"]) < page_size:
            return
        after = page["after"]


class _ArrayWriter:
    """Writes the items of one JSON array, one per line."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.count = 0

    def write(self, item: dict[str, Any]) -> None:
        self.handle.write(",\n  " if self.count else "\n  ")
        self.handle.write(json.dumps(item, ensure_ascii=False))
        self.count += 1


async def export(graph: Graph, handle: IO[str]) -> ExportSummary:
    """Write the whole graph as JSON to an open text file, one page per query."""
    handle.write('{"stakeholders": [')
    people = _ArrayWriter(handle)
    async for item in stakeholders(graph, PAGE_SIZE):
        people.write(item)
    handle.write('\n],\n "relations": [')
    links = _ArrayWriter(handle)
    async for item in relations(graph, RELATION_PAGE_SIZE):
        links.write(item)
    handle.write("\n]}\n")
    return ExportSummary(stakeholders=people.count, relations=links.count)


# ------------------------------------------------------------------------- CSV


def _columns(models: tuple[Any, ...], first: tuple[str, ...]) -> list[str]:
    """`first`, then every other field of the models in declaration order (aliases used)."""
    names = list(first)
    for model in models:
        for name, info in model.model_fields.items():
            column = info.validation_alias if isinstance(info.validation_alias, str) else name
            if column not in names:
                names.append(column)
    return names


STAKEHOLDER_COLUMNS = _columns(STAKEHOLDER_MODELS, ("id", "kind", "name"))
RELATION_COLUMNS = _columns(RELATION_MODELS, ("id", "type", "from", "to"))


def _cell(record: dict[str, Any], column: str) -> str:
    """A value as `stakegraph.inputs` reads it back: lists `;`-joined, booleans lower case."""
    value = record.get(column)
    if value is None:
        return ""
    if column in LIST_FIELDS:
        items = [str(v) for v in value]
        if any(";" in item or not item or item != item.strip() for item in items):
            raise errors.BadUserInput(
                f"{record.get('id')!r}, {column}: a list item that is empty, holds ';' or "
                "has surrounding spaces cannot be written to CSV; export as JSON",
                field=column,
            )
        return ";".join(items) or ";"  # ';' is the empty list, an empty cell an absent field
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


class _CsvWriter:
    def __init__(self, handle: IO[str], columns: list[str]) -> None:
        self.writer = csv.writer(handle)
        self.columns = columns
        self.known = set(columns)
        self.writer.writerow(columns)
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        unknown = sorted(set(record) - self.known)
        if unknown:
            raise errors.BadUserInput(
                f"{record.get('id')!r} has properties the import format does not know "
                f"({', '.join(unknown)}); export as JSON",
                field=unknown[0],
            )
        self.writer.writerow([_cell(record, column) for column in self.columns])
        self.count += 1


async def export_csv(graph: Graph, folder: Path) -> ExportSummary:
    """Write `stakeholders.csv` and `relations.csv` into an existing folder."""
    with (folder / "stakeholders.csv").open("w", newline="", encoding="utf-8") as handle:
        people = _CsvWriter(handle, STAKEHOLDER_COLUMNS)
        async for item in stakeholders(graph, PAGE_SIZE):
            people.write(item)
    with (folder / "relations.csv").open("w", newline="", encoding="utf-8") as handle:
        links = _CsvWriter(handle, RELATION_COLUMNS)
        async for item in relations(graph, RELATION_PAGE_SIZE):
            links.write(item)
    return ExportSummary(stakeholders=people.count, relations=links.count)


async def export_path(graph: Graph, path: Path | str, format: str = "json") -> ExportSummary:
    """Write the whole graph to `path`: a JSON file, or for "csv" a folder (created) with
    stakeholders.csv and relations.csv. What was at `path` is replaced only on success."""
    if format not in ("json", "csv"):
        raise errors.BadUserInput(f"unknown export format {format!r}: json or csv", field="format")
    graph = Graph(graph.driver, graph.database, timeout=max(graph.timeout, PAGE_TIMEOUT))
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    if format == "csv":
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        try:
            summary = await export_csv(graph, partial)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        if target.is_dir():
            for name in ("stakeholders.csv", "relations.csv"):
                (partial / name).replace(target / name)
            partial.rmdir()
        else:
            partial.replace(target)
        return summary
    try:
        with partial.open("w", encoding="utf-8") as handle:
            summary = await export(graph, handle)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return summary
