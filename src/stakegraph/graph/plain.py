"""Values from Neo4j as plain JSON values, one shape everywhere.

`stakegraph cypher --format json` and `--format csv`, and `runLibraryQuery` over GraphQL
print the rows of a statement through `plain`. Nodes, relationships and paths take the
shape of Neo4j's own Query API, so a reader of either finds the same fields:

    node          {"elementId", "labels" (sorted), "properties" (by name)}
    relationship  {"elementId", "type", "startNodeElementId", "endNodeElementId",
                   "properties"}
    path          {"nodes": [node...], "relationships": [relationship...]} in path order
    temporal      ISO 8601 text ("2025-01-01T00:00:00+00:00", "2025-01-01", "P1M2DT3S"),
                  nanoseconds only when there are some
    point         {"srid", "x", "y"} (and "z" in 3D)
    bytes         base64 text
    NaN, ±inf     their text ("NaN", "Infinity", "-Infinity"): JSON has no such numbers

Lists and maps are converted element by element; everything else (text, numbers,
booleans, null) is already JSON.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from neo4j import time as neo4j_time
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point

JSON = Any  # a value json.dumps accepts

TEMPORAL = (
    neo4j_time.DateTime,
    neo4j_time.Date,
    neo4j_time.Time,
    neo4j_time.Duration,
)


def plain(value: Any) -> JSON:
    """`value`, as the driver returns it, as a JSON value (see the module's table)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, Node):
        return node(value)
    if isinstance(value, Relationship):
        return relationship(value)
    if isinstance(value, Path):
        return {
            "nodes": [node(n) for n in value.nodes],
            "relationships": [relationship(r) for r in value.relationships],
        }
    if isinstance(value, neo4j_time.DateTime | neo4j_time.Time) and value.nanosecond % 1000 == 0:
        return value.to_native().isoformat()  # "2025-01-01T00:00:00+00:00", as GraphQL's
    if isinstance(value, TEMPORAL):
        return value.iso_format()
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return neo4j_time.Duration(seconds=value.total_seconds()).iso_format()
    if isinstance(value, Point):
        return {"srid": value.srid, **dict(zip("xyz", value, strict=False))}
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)


def node(value: Node) -> dict[str, JSON]:
    return {
        "elementId": value.element_id,
        "labels": sorted(value.labels),
        "properties": {k: plain(v) for k, v in sorted(value.items())},
    }


def relationship(value: Relationship) -> dict[str, JSON]:
    start, end = value.start_node, value.end_node
    return {
        "elementId": value.element_id,
        "type": value.type,
        "startNodeElementId": start.element_id if start is not None else None,
        "endNodeElementId": end.element_id if end is not None else None,
        "properties": {k: plain(v) for k, v in sorted(value.items())},
    }
