"""Analytics statements composed from the files of `cypher/analytics/` (the others run as
they are, through `reads.rows`)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph


@cache
def journey_stages_query() -> str:
    """analytics/journey_stage once per customer id of `$customerIds`."""
    per_customer = load("analytics/journey_stage").inline(customerId="customerId")
    return (
        "UNWIND $customerIds AS customerId\n"
        f"CALL (customerId) {{\n{per_customer}\n}}\n"
        "RETURN customerId, stage"
    )


async def journey_stages(
    graph: Graph, customer_ids: Iterable[str], provider_id: str
) -> dict[str, str]:
    """The journey stage of each of several customers with p, in one statement."""
    records = await graph.read(
        journey_stages_query(), customerIds=list(customer_ids), providerId=provider_id
    )
    return {r["customerId"]: r["stage"] for r in records}
