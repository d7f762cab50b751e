"""Nodes, relationships and paths projected to maps in Cypher read back as the driver's own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import neo4j

from stakegraph.graph import values

GRAPH = """
CREATE (a:Stakeholder:Person:EndUser {id: 'a', name: 'Ann', tags: ['x', 'y'], birthYear: 1990,
                                      createdAt: datetime('2024-01-02T03:04:05.123456Z')}),
       (b:Stakeholder:Organization {id: 'b', name: 'Bee',
                                    updatedAt: datetime('2024-05-06T07:08:09+02:00')}),
       (c:Stakeholder:Organization {id: 'c', name: 'Cee',
                                    createdAt: datetime('2024-03-01T10:00[Europe/Berlin]')}),
       (a)-[:BUYS {id: 'r1', at: datetime('2023-12-31T23:59:59Z'), amount: 9.5}]->(b),
       (c)-[:SERVES {id: 'r2', since: datetime('2020-01-01T00:00Z'), ongoing: true}]->(b)
"""

PATH = "MATCH path = (:Stakeholder {id: 'a'})-[:BUYS]->(:Stakeholder)<-[:SERVES]-(:Stakeholder)"


def native(value: object) -> object:
    return value.to_native() if isinstance(value, neo4j.time.DateTime) else value


def test_a_path_as_maps_reads_back_as_the_driver_reads_the_path(db: neo4j.Driver) -> None:
    db.execute_query(GRAPH)
    records, _, _ = db.execute_query(
        f"{PATH} UNWIND nodes(path) AS n "
        f"RETURN path, {values.path_map('path')} AS projected, "
        f"collect({values.node_map('n')}) AS nodes"
    )
    record = records[0]
    driver_path = record["path"]
    projected = values.path(record["projected"], values.nodes_by_id(record["nodes"]))

    assert [n.element_id for n in projected.nodes] == [n.element_id for n in driver_path.nodes]
    for mine, theirs in zip(projected.nodes, driver_path.nodes, strict=True):
        assert mine.labels == theirs.labels
        assert {k: mine.get(k) for k in theirs} == {k: native(v) for k, v in theirs.items()}
        assert mine.get("missing") is None
    for mine_rel, theirs_rel in zip(
        projected.relationships, driver_path.relationships, strict=True
    ):
        assert mine_rel.type == theirs_rel.type
        assert mine_rel.element_id == theirs_rel.element_id
        assert mine_rel.start_node.element_id == theirs_rel.start_node.element_id
        assert mine_rel.end_node.element_id == theirs_rel.end_node.element_id
        assert {k: mine_rel.get(k) for k in theirs_rel} == {
            k: native(v) for k, v in theirs_rel.items()
        }
    # the SERVES relationship points against the path: its start is the path's last node
    assert projected.relationships[1].start_node == projected.end_node
    assert projected.start_node.get("createdAt") == datetime(2024, 1, 2, 3, 4, 5, 123456, UTC)
    bee = projected.nodes[1]
    plus_two = timezone(timedelta(hours=2))
    assert bee.get("updatedAt") == datetime(2024, 5, 6, 7, 8, 9, tzinfo=plus_two)
    assert projected.end_node.get("createdAt") == datetime(
        2024, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1))
    )


def test_a_node_without_dates_has_none_for_them(db: neo4j.Driver) -> None:
    db.execute_query("CREATE (:Stakeholder:Department {id: 'd', name: 'Dee'})")
    records, _, _ = db.execute_query(
        f"MATCH (d:Stakeholder {{id: 'd'}}) RETURN {values.node_map('d')} AS d"
    )
    dee = values.node(records[0]["d"])
    assert dee.labels == frozenset({"Stakeholder", "Department"})
    assert (dee.get("createdAt"), dee.get("updatedAt")) == (None, None)
    assert dee["name"] == "Dee"
