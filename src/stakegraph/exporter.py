"""Exporting the graph as the JSON form of SPEC 8, streamed page by page.

    {"stakeholders": [{"id": ..., "kind": ..., "name": ..., ...}, ...],
     "relations":    [{"id": ..., "type": ..., "from": ..., "to": ..., ...}, ...]}

Every property is written, datetimes as ISO 8601 (UTC); role labels are not, since import
recomputes them from the relationships. Importing an export into an empty database gives
the same graph. Memory holds one page at a time, never the graph.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from neo4j.time import Date, DateTime

from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph

PAGE_SIZE = 2_000


@dataclass(frozen=True)
class ExportSummary:
    stakeholders: int
    relations: int


def _plain(value: Any) -> Any:
    """A property value as JSON: datetimes as ISO 8601 strings, lists element by element."""
    if isinstance(value, DateTime | Date):
        return value.to_native().isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _stakeholder(id: str, kind: str, properties: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": id, "kind": kind, "name": properties.get("name")}
    out.update((k, _plain(v)) for k, v in sorted(properties.items()) if k not in out)
    return out


def _relation(row: dict[str, Any]) -> dict[str, Any]:
    properties = dict(row["properties"])
    out: dict[str, Any] = {}
    if properties.get("id") is not None:
        out["id"] = properties.pop("id")
    out.update(type=row["type"], **{"from": row["from"], "to": row["to"]})
    out.update((k, _plain(v)) for k, v in sorted(properties.items()) if k != "id")
    return out


class _ArrayWriter:
    """Writes the items of one JSON array, one per line."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.count = 0

    def write(self, item: dict[str, Any]) -> None:
        self.handle.write(",\n  " if self.count else "\n  ")
        self.handle.write(json.dumps(item, ensure_ascii=False))
        self.count += 1


async def export(graph: Graph, handle: IO[str], page_size: int | None = None) -> ExportSummary:
    """Write the whole graph to an open text file, `page_size` stakeholders per query."""
    page_size = page_size or PAGE_SIZE
    handle.write('{"stakeholders": [')
    people = _ArrayWriter(handle)
    query = load("export/stakeholders_page").body
    after: str | None = None
    while True:
        rows = await graph.read(query, after=after, limit=page_size)
        for row in rows:
            people.write(_stakeholder(row["id"], row["kind"], row["properties"]))
        if len(rows) < page_size:
            break
        after = rows[-1]["id"]
    handle.write('\n],\n "relations": [')
    links = _ArrayWriter(handle)
    query = load("export/relations_page").body
    after = None
    while True:
        page = (await graph.read(query, after=after, limit=page_size))[0]
        for relation in page["relations"]:
            links.write(_relation(relation))
        if page["last"] is None:
            break
        after = page["last"]
    handle.write("\n]}\n")
    return ExportSummary(stakeholders=people.count, relations=links.count)


async def export_path(graph: Graph, path: Path | str) -> ExportSummary:
    """Write the whole graph to a JSON file at `path` (replaced when it exists)."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        summary = await export(graph, handle)
    partial.replace(target)
    return summary
