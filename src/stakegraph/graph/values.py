"""Nodes, relationships and paths sent by Cypher as plain maps, and read back here.

The driver turns every Neo4j node into a `neo4j.graph.Node` and every temporal property into
a pure-Python `neo4j.time.DateTime`: on a page of customers with their evidence that was
the largest single cost of the server (bench/README.md). The hot queries (lens_query)
therefore project nodes, relationships and paths into maps, with datetimes as ISO text, by
the fragments below; `node`, `relationship` and `path` read those maps into small objects
that answer the same questions as the driver's classes (`element_id`, `labels`, `type`,
`get`, `start_node`, `end_node`, `nodes`, `relationships`). Either kind can be handed to
the lens sentences and the GraphQL types, which are written against the protocols here.

Every read of the graph layer answers with these nodes, never the driver's: the other reads
turn what the driver returns into them (`record`), with temporal values as Python ones,
so the API knows one kind of node and one kind of datetime.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol, cast

import neo4j
from neo4j import graph as driver_graph
from neo4j import time as driver_time

# The properties stored as datetimes (records.Timestamp); they travel as ISO text.
NODE_TEMPORAL = ("createdAt", "updatedAt")
RELATIONSHIP_TEMPORAL = ("at", "since", "createdAt", "updatedAt")


def _as_text(v: str, keys: tuple[str, ...]) -> str:
    return ", ".join(f"{key}: toString({v}.{key})" for key in keys)


def node_map(v: str) -> str:
    """Cypher for node variable `v` as a map: its properties, `~id` and `~labels`."""
    dates = _as_text(v, NODE_TEMPORAL)
    return f"{v} {{.*, {dates}, `~id`: elementId({v}), `~labels`: labels({v})}}"


def named_node_map(v: str) -> str:
    """Cypher for node variable `v` as a map of its id and name only, with `~id` and
    `~labels`: for a page whose client reads nothing else of its stakeholders."""
    return f"{v} {{.id, .name, `~id`: elementId({v}), `~labels`: labels({v})}}"


def relationship_map(v: str) -> str:
    """Cypher for relationship variable `v` as a map; its ends come from the path around it."""
    dates = _as_text(v, RELATIONSHIP_TEMPORAL)
    return (
        f"{v} {{.*, {dates}, `~id`: elementId({v}), `~type`: type({v}), "
        f"`~start`: elementId(startNode({v}))}}"
    )


def path_map(v: str) -> str:
    """Cypher for path variable `v` as a map: its nodes' element ids and its relationships,
    in path order. The nodes themselves travel once each, beside the paths (`path`)."""
    return (
        f"{{nodes: [node IN nodes({v}) | elementId(node)], "
        f"relationships: [rel IN relationships({v}) | {relationship_map('rel')}]}}"
    )


class GraphNode(Protocol):
    @property
    def element_id(self) -> str: ...

    @property
    def labels(self) -> frozenset[str]: ...

    def get(self, name: str, default: object = None) -> Any: ...


class GraphRelationship(Protocol):
    @property
    def element_id(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def start_node(self) -> GraphNode | None: ...

    @property
    def end_node(self) -> GraphNode | None: ...

    def get(self, name: str, default: object = None) -> Any: ...


class GraphPath(Protocol):
    @property
    def relationships(self) -> Sequence[GraphRelationship]: ...

    @property
    def start_node(self) -> GraphNode: ...

    @property
    def end_node(self) -> GraphNode: ...


# Every temporal key, of nodes too: what a map's `get` reads as a datetime.
_DATED = frozenset(RELATIONSHIP_TEMPORAL)
_MISSING = object()


def _datetime(text: str) -> datetime:
    """Neo4j's text of a datetime: ISO 8601, maybe followed by a zone name in brackets."""
    return datetime.fromisoformat(text.split("[", 1)[0])


class Node:
    """A node: element id, labels and properties, as Python values."""

    __slots__ = ("element_id", "labels", "_properties")

    def __init__(self, element_id: str, labels: frozenset[str], properties: dict[str, Any]):
        self.element_id = element_id
        self.labels = labels
        self._properties = properties

    def get(self, name: str, default: object = None) -> Any:
        value = self._properties.get(name)
        return default if value is None else value

    def __getitem__(self, name: str) -> Any:
        value = self.get(name, _MISSING)
        if value is _MISSING:
            raise KeyError(name)
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Node) and other.element_id == self.element_id

    def __hash__(self) -> int:
        return hash(self.element_id)

    def __repr__(self) -> str:
        return f"Node({self.element_id!r}, {sorted(self.labels)}, {self._properties!r})"


class _FromMap(Node):
    """A node read from `node_map`: it keeps the map itself (no copy per node) and reads a
    date, sent as ISO text, as a datetime only when asked for it."""

    __slots__ = ()

    def get(self, name: str, default: object = None) -> Any:
        value = self._properties.get(name)
        if value is None:
            return default
        if name in _DATED and value.__class__ is str:
            return _datetime(value)
        return value


class Relationship:
    """A relationship between two nodes, its properties read as `_FromMap` reads them."""

    __slots__ = ("element_id", "type", "start_node", "end_node", "_properties")

    def __init__(
        self, element_id: str, type_: str, start: Node, end: Node, properties: dict[str, Any]
    ):
        self.element_id = element_id
        self.type = type_
        self.start_node = start
        self.end_node = end
        self._properties = properties

    get = _FromMap.get

    def __repr__(self) -> str:
        return f"Relationship({self.element_id!r}, {self.type!r})"


class Path:
    __slots__ = ("nodes", "relationships")

    def __init__(self, nodes: list[Node], relationships: list[Relationship]):
        self.nodes = nodes
        self.relationships = relationships

    @property
    def start_node(self) -> Node:
        return self.nodes[0]

    @property
    def end_node(self) -> Node:
        return self.nodes[-1]


def node(raw: Mapping[str, Any]) -> Node:
    """A node from `node_map` (the map is kept as it is, not copied)."""
    return _FromMap(raw["~id"], frozenset(raw["~labels"]), raw)  # type: ignore[arg-type]


def path(raw: Mapping[str, Any], nodes: Mapping[str, Node]) -> Path:
    """A path from `path_map`, its nodes looked up by element id in `nodes`: relationship i
    joins nodes i and i + 1, in its own direction."""
    on_path = [nodes[element_id] for element_id in raw["nodes"]]
    relationships = []
    for i, r in enumerate(raw["relationships"]):
        a, b = on_path[i], on_path[i + 1]
        start, end = (a, b) if r["~start"] == a.element_id else (b, a)
        relationships.append(Relationship(r["~id"], r["~type"], start, end, r))
    return Path(on_path, relationships)


def nodes_by_id(raws: Iterable[Mapping[str, Any]]) -> dict[str, Node]:
    """Nodes from a list of `node_map`s, by element id."""
    return {raw["~id"]: node(raw) for raw in raws}


def from_driver(value: Any) -> Any:
    """A value as the driver returns it, with nodes as `Node` and temporal values (and lists
    and maps of them) as Python ones: what the graph layer hands on."""
    if isinstance(value, driver_graph.Node):
        properties = {k: from_driver(v) for k, v in cast(Any, value).items()}
        return Node(value.element_id, frozenset(value.labels), properties)
    if isinstance(value, driver_time.DateTime | driver_time.Date | driver_time.Time):
        return value.to_native()
    if isinstance(value, list):
        return [from_driver(v) for v in value]
    if isinstance(value, dict):
        return {k: from_driver(v) for k, v in value.items()}
    return value


def record(raw: neo4j.Record) -> dict[str, Any]:
    """A record as a dict, its values converted by `from_driver`."""
    return {key: from_driver(raw[key]) for key in raw.keys()}  # noqa: SIM118 (iterating a Record yields values)
