"""The Python cost of a page, without HTTP or Neo4j: the server's schema executing a query
in this process, each statement's records read once from Neo4j and then reused, CPU time
(time.process_time) per execution, the least of 7 batches of 40. Run it once per source
tree to compare code (PYTHONPATH=DIR), alternating:

    NEO4J_URI=bolt://127.0.0.1:7731 PYTHONPATH=/tmp/before/src python bench/page_cost.py
    NEO4J_URI=bolt://127.0.0.1:7731 python bench/page_cost.py --dump /tmp/after.json

`--evict MB` writes MB megabytes of memory before each execution (not timed): the CPU
caches then hold nothing of the page's code and data, as in the server, where Neo4j and
the client run between a request's stages; the figure is then the mean of 200 executions.

`--dump FILE` writes instead the answers (data and errors) of ~130 pages of the world
(customersOf, providersOf, explain, customerMap for providers of many sizes, every
relation and stakeholder field selected) as JSON: two trees' files must be equal.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from peer_compare import STAKEGRAPH
from query_bench import CUSTOMERS
from starlette.requests import Request

from stakegraph.api.context import Context
from stakegraph.api.schema import build_schema
from stakegraph.config import Neo4jSettings
from stakegraph.graph.driver import Graph

RELATION = """relation { __typename id type createdAt from { id } to { id }
   ... on Purchase { offering amount currency at kind consideration }
   ... on Use { useOffering: offering since }
   ... on Service { serviceOffering: offering since ongoing }
   ... on Contribution { what at } ... on Engagement { stage channel at }
   ... on MemberOf { title buyingRole scope }
   ... on Feedback { customer { id } provider { id } nps csat comment
                     fbOffering: offering channel at }
   ... on Referral { at channel } }"""
EVIDENCE = (
    "evidence { lens summary path { from { id name } type to { id name } relationId "
    + RELATION
    + " } }"
)
STAKEHOLDER = """__typename id name kind roles tags createdAt updatedAt
 ... on Person { city birthYear } ... on Organization { industry employees orgType }"""
FULL = (
    "query($p: ID!) { customersOf(providerId: $p, first: 50) { totalCount edges {"
    " cursor node { customer { "
    + STAKEHOLDER
    + " } provider { id name } lenses "
    + EVIDENCE
    + " } } pageInfo { hasNextPage endCursor } } }"
)
PROVIDERS_FULL = FULL.replace("customersOf(providerId: $p", "providersOf(customerId: $p")
EXPLAIN = (
    "query($c: ID!, $p: ID!) { explain(customerId: $c, providerId: $p) { isCustomer"
    " customer { id } provider { id } lenses { lens holds " + EVIDENCE + " } } }"
)
MAP = (
    "query($p: ID!) { customerMap(providerId: $p) { provider { id } current {"
    " customer { id name } lenses evidence { lens summary path { relationId relation { id"
    " ... on Purchase { amount at } } } } } potential { customer { id } lenses"
    " evidence { summary } } } }"
)

PROVIDERS = """MATCH (:Stakeholder)-[:BUYS]->(p:Stakeholder) WITH p, count(*) AS n
ORDER BY n DESC, p.id SKIP 3 LIMIT 40 WITH collect(p.id) AS ps
UNWIND [i IN range(0, 39, 4) | ps[i]] AS p RETURN p"""
PAIRS = """MATCH (x:Stakeholder)-[r]->(p:Stakeholder) WHERE type(r) IN
['MEMBER_OF', 'USES', 'SERVES', 'ENGAGES', 'GIVES_FEEDBACK', 'REFERS', 'CONTRIBUTES', 'PARENT_OF']
WITH type(r) AS t, x, p ORDER BY x.id, p.id WITH t, collect({x: x.id, p: p.id})[0..4] AS ps
UNWIND ps AS pp RETURN pp.x AS x, pp.p AS p"""


class Reused(Graph):
    """A Graph answering each statement (by text and parameters) from its first records."""

    kept: dict[tuple[str, str], Any] = {}

    async def read(self, cypher: str, **params: Any) -> Any:
        key = (cypher, repr(sorted(params.items())))
        if key not in self.kept:
            self.kept[key] = await super().read(cypher, **params)
        return self.kept[key]


async def main(dump: str | None, evict_mb: int) -> None:
    graph = Reused.from_settings(Neo4jSettings())
    schema = build_schema()
    request = Request({"type": "http", "method": "POST", "headers": [], "path": "/"})

    async def run(query: str, variables: dict[str, Any]) -> dict[str, Any]:
        context = Context(request=request, response=None, graph=graph)
        result = await schema.execute(query, variable_values=variables, context_value=context)
        return {"data": result.data, "errors": [(e.message, e.path) for e in result.errors or []]}

    try:
        if dump:
            providers = [r["p"] for r in await Graph.read(graph, PROVIDERS)]
            providers += ["bench-p10", "bench-p100", "bench-p1000"]
            pairs = [(r["x"], r["p"]) for r in await Graph.read(graph, PAIRS)]
            answers = {}
            for p in providers:
                answers[f"full {p}"] = await run(FULL, {"p": p})
                answers[f"question {p}"] = await run(STAKEGRAPH, {"p": p})
                answers[f"customersOf {p}"] = await run(CUSTOMERS, {"p": p, "lenses": None})
                answers[f"customerMap {p}"] = await run(MAP, {"p": p})
            for x, p in pairs:
                answers[f"providersOf {x}"] = await run(PROVIDERS_FULL, {"p": x})
                answers[f"explain {x} {p}"] = await run(EXPLAIN, {"c": x, "p": p})
                answers[f"providersOf {p}"] = await run(PROVIDERS_FULL, {"p": p})
                answers[f"full {p}"] = await run(FULL, {"p": p})
            with open(dump, "w") as out:
                json.dump(answers, out, sort_keys=True, default=str, indent=0)
            print(len(answers), "answers")
            return
        cases = [
            ("question bench-p100", STAKEGRAPH, {"p": "bench-p100"}),
            ("question bench-p1000", STAKEGRAPH, {"p": "bench-p1000"}),
            (
                "customersOf(TRANSACTIONAL) bench-p100",
                CUSTOMERS,
                {"p": "bench-p100", "lenses": ["TRANSACTIONAL"]},
            ),
            ("question bench-p10", STAKEGRAPH, {"p": "bench-p10"}),
            ("customersOf, every field, bench-p100", FULL, {"p": "bench-p100"}),
        ]
        junk = bytearray(evict_mb << 20)
        for name, query, variables in cases:
            for _ in range(20):
                await run(query, variables)
            if evict_mb:
                spent = 0.0
                for _ in range(200):
                    junk[:] = bytes(len(junk))  # the caches now hold this, not the page
                    began = time.process_time()
                    await run(query, variables)
                    spent += time.process_time() - began
                print(f"{name}, caches evicted: {spent / 200 * 1000:.2f} ms CPU", flush=True)
                continue
            batches = []
            for _ in range(7):
                began = time.process_time()
                for _ in range(40):
                    await run(query, variables)
                batches.append((time.process_time() - began) / 40 * 1000)
            print(f"{name}: {min(batches):.2f} ms CPU", flush=True)
    finally:
        await graph.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", help="write the answers of ~130 pages to this file")
    parser.add_argument(
        "--evict",
        type=int,
        default=0,
        metavar="MB",
        help="write MB megabytes of memory before each execution",
    )
    args = parser.parse_args()
    asyncio.run(main(args.dump, args.evict))
