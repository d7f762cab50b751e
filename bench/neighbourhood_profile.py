"""PROFILE db hits of reads/neighbourhood around a hub: is its cost bounded by `limit`?

Builds a provider `hub` with N customers (each a Person who BUYS from it and USES a second
provider `other`, itself a hub), then PROFILEs the neighbourhood file at several limits and
depths and prints the db hits. It EMPTIES the database first: point it at a scratch one.

    python bench/neighbourhood_profile.py --uri bolt://127.0.0.1:7687 --customers 1000
"""

from __future__ import annotations

import argparse
from typing import Any

from common import EMPTY, auth
from neo4j import GraphDatabase

from stakegraph.graph.cypher import load

BUILD = """
MERGE (h:Stakeholder:Organization {id: 'hub'}) SET h.name = 'Hub'
MERGE (o:Stakeholder:Organization {id: 'other'}) SET o.name = 'Other'
MERGE (h)-[:BUYS {id: 'hub-buys-other', offering: 'parts', amount: 1.0, currency: 'EUR'}]->(o)
WITH h, o
UNWIND range(1, $customers) AS i
CREATE (c:Stakeholder:Person {id: 'c' + i, name: 'Customer ' + i})
CREATE (c)-[:BUYS {id: 'b' + i, offering: 'kit', amount: 10.0, currency: 'EUR'}]->(h)
CREATE (c)-[:USES {id: 'u' + i, offering: 'app'}]->(o)
"""


# (centre, depth, limit): the hub itself, and a customer whose second hop reaches every
# other customer through both hubs.
CASES = [
    ("hub", 1, 50),
    ("hub", 1, 500),
    ("hub", 2, 50),
    ("hub", 2, 500),
    ("hub", 3, 1000),
    ("c1", 2, 50),
    ("c1", 2, 500),
    ("c1", 3, 1000),
]


# For contrast: the obvious query, which collects every neighbour and then cuts the list.
NAIVE = """
MATCH (centre:Stakeholder {id: $id})-[r]-(n:Stakeholder)
WITH centre, collect(DISTINCT n) AS found
WITH [centre] + found[..$limit - 1] AS nodes
UNWIND nodes AS a
MATCH (a)-[r]-(b) WHERE b IN nodes
RETURN nodes, collect(DISTINCT r) AS relations
"""


def db_hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(db_hits(child) for child in plan.get("children", []))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", required=True)
    parser.add_argument("--customers", type=int, default=1000)
    args = parser.parse_args()
    cypher = load("reads/neighbourhood").body
    with GraphDatabase.driver(args.uri, auth=auth(), notifications_min_severity="OFF") as driver:
        with driver.session() as session:
            for statement in (*EMPTY, *load("schema").statements()):
                session.run(statement).consume()
            session.run(BUILD, customers=args.customers).consume()
        print(f"hub with {args.customers} customers (each also USES `other`)")
        print("centre  depth  limit  nodes  relations  truncated  db hits")
        for centre, depth, limit in CASES:
            with driver.session() as session:
                params = {"id": centre, "depth": depth, "types": None, "limit": limit}
                session.run(cypher, params).consume()  # plan once, off the record
                result = session.run("PROFILE " + cypher, params)
                row = result.single(strict=True)
                hits = db_hits(result.consume().profile)
            nodes, relations, cut = len(row["nodes"]), len(row["relations"]), row["truncated"]
            print(f"{centre:6}  {depth:5}  {limit:5}  {nodes:5}  {relations:9}  {cut!s:9}  {hits}")
        for limit in (50, 500):
            with driver.session() as session:
                result = session.run("PROFILE " + NAIVE, {"id": "hub", "limit": limit})
                result.single(strict=True)
                hits = db_hits(result.consume().profile)
            print(f"naive collect-then-cut query, hub, depth 1, limit {limit}: {hits} db hits")


if __name__ == "__main__":
    main()
