"""How `stakegraph query` and `stakegraph cypher` print rows: a table for people, JSON and
CSV for pipes.

    table  one rich table; a node reads `(Ann #ann)` (name and id) or `(:Label {k: v})`
           when it has no id, a relationship `[:BUYS {offering: Tea}]`, a path
           `(Ann #ann)-[:BUYS]->(Shop #shop)`, lists `[a, b]`, maps `{k: v}`, dates ISO
           8601, null `null`; at most TABLE_ROWS rows (the rest: use json or csv)
    json   one array of row objects keyed by column, values as `graph.plain` makes them
           (the shape runLibraryQuery answers with)
    csv    a header of columns, then one line per row: text, numbers and dates as they
           are, null empty, booleans true/false, nodes, relationships, paths, lists and
           maps as their JSON (`graph.plain`) in the cell
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from enum import StrEnum
from typing import IO, Any

from neo4j.graph import Node, Path, Relationship
from rich.table import Table
from rich.text import Text

from stakegraph.graph.plain import plain
from stakegraph.graph.runner import Rows

TABLE_ROWS = 1000


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"

    @property
    def limit(self) -> int | None:
        """How many rows to fetch: a table for people stops; pipes get every row."""
        return TABLE_ROWS if self is Format.table else None


def table(rows: Rows) -> Table:
    grid = Table()
    for column in rows.columns:
        grid.add_column(Text(column))
    for row in rows.rows:
        grid.add_row(*(Text(text(value)) for value in row))  # Text: no rich markup
    return grid


def write_json(rows: Rows, stream: IO[str]) -> None:
    objects = [dict(zip(rows.columns, map(plain, row), strict=True)) for row in rows.rows]
    json.dump(objects, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def write_csv(rows: Rows, stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(rows.columns)
    for row in rows.rows:
        writer.writerow([_csv_cell(value) for value in row])


def _csv_cell(value: Any) -> str:
    converted = plain(value)
    if converted is None:
        return ""
    if isinstance(converted, bool):
        return "true" if converted else "false"
    if isinstance(converted, str | int | float):
        return str(converted)
    return json.dumps(converted, ensure_ascii=False)


def text(value: Any) -> str:
    """One value as a person reads it in a table cell."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return f"[:{value.type}{_properties(value)}]"
    if isinstance(value, Path):
        return _path(value)
    if isinstance(value, list):
        return "[" + ", ".join(text(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {text(v)}" for k, v in value.items()) + "}"
    converted = plain(value)  # dates, points, bytes
    return converted if isinstance(converted, str) else json.dumps(converted)


def _properties(entity: Node | Relationship) -> str:
    inner = ", ".join(f"{k}: {text(v)}" for k, v in sorted(entity.items()))
    return f" {{{inner}}}" if inner else ""


def _node(node: Node) -> str:
    if node.get("id") is not None:
        name = node.get("name")
        return f"({name} #{node['id']})" if name is not None else f"(#{node['id']})"
    labels = "".join(f":{label}" for label in sorted(node.labels))
    return f"({labels}{_properties(node)})"


def _path(path: Path) -> str:
    nodes = path.nodes
    parts = [_node(nodes[0])]
    for before, rel, after in zip(nodes, path.relationships, nodes[1:], strict=False):
        forward = rel.start_node is not None and rel.start_node.element_id == before.element_id
        parts.append((f"-[:{rel.type}]->" if forward else f"<-[:{rel.type}]-") + _node(after))
    return "".join(parts)
