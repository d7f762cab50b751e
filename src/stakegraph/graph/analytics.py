"""Analytics statements composed from the files of `cypher/analytics/` and the lens files
(the others run as they are, through `reads.rows`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from stakegraph.graph import lens_query
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph, Reader
from stakegraph.graph.values import record
from stakegraph.lenses import Lens


def _stage_of_each(ids: str) -> str:
    """analytics/journey_stage once per customer id of the list `ids`: rows customerId, stage."""
    per_customer = load("analytics/journey_stage").inline(customerId="customerId")
    return f"UNWIND {ids} AS customerId\nCALL (customerId) {{\n{per_customer}\n}}"


@cache
def journey_stages_query() -> str:
    """analytics/journey_stage once per customer id of `$customerIds`."""
    return f"{_stage_of_each('$customerIds')}\nRETURN customerId, stage"


async def journey_stages(
    graph: Reader, customer_ids: Iterable[str], provider_id: str
) -> dict[str, str]:
    """The journey stage of each of several customers with p, in one statement."""
    records = await graph.read(
        journey_stages_query(), customerIds=list(customer_ids), providerId=provider_id
    )
    return {r["customerId"]: r["stage"] for r in records}


@cache
def provider_summary_query() -> str:
    """The lens files (every lens, all time) as customersOf runs them, then
    analytics/provider_summary with their answer as its `$customers`."""
    summary = load("analytics/provider_summary").inline(customers="held")
    return (
        "MATCH (anchor:Stakeholder {id: $providerId})\n"
        f"{lens_query.held_call(tuple(Lens), rows='held')}\n"
        f"WITH held\n{summary}"
    )


async def provider_summary(graph: Graph, provider_id: str) -> dict[str, Any] | None:
    """analytics/provider_summary's row for p's customers under every lens, in one
    statement; None when p does not exist."""
    records = await graph.read(
        provider_summary_query(),
        providerId=provider_id,
        lenses=[lens.value for lens in Lens],
        **lens_query.ALL_TIME.params(evidence=False),
    )
    return record(records[0]) if records else None


@dataclass(frozen=True)
class CustomerKeys:
    """p's customers under some lenses, and what the segment files take as `$keys`."""

    customers: dict[str, list[str]]  # id -> the names of the lenses that hold
    rfm: dict[str, str]  # id -> RFM segment, for p's paying customers (analytics/rfm)
    stages: dict[str, str]  # id -> journey stage, for each of `customers`


@cache
def customer_keys_query(lenses: tuple[Lens, ...], rfm: bool, stages: bool) -> str:
    """The lens files (`lenses`; none: no customers), analytics/rfm when `rfm`, and
    analytics/journey_stage for each customer when `stages`, in one statement."""
    parts = ["MATCH (anchor:Stakeholder {id: $providerId})"]
    if lenses:
        parts.append(lens_query.held_call(lenses, rows="customers"))
    else:
        parts.append("WITH anchor, [] AS customers")
    if rfm:
        segments = load("analytics/rfm").body
        parts.append(
            f"CALL () {{\nCALL () {{\n{segments}\n}}\n"
            "RETURN collect({id: customer.id, key: segment}) AS rfm\n}"
        )
    else:
        parts.append("WITH *, [] AS rfm")
    if stages:
        parts.append(
            f"CALL (customers) {{\n{_stage_of_each('[c IN customers | c.id]')}\n"
            "RETURN collect({id: customerId, key: stage}) AS stages\n}"
        )
    else:
        parts.append("WITH *, [] AS stages")
    return "\n".join([*parts, "RETURN customers, rfm, stages"])


async def customer_keys(
    graph: Graph,
    provider_id: str,
    lenses: Iterable[Lens],
    *,
    rfm: bool = False,
    stages: bool = False,
    as_of: datetime | None = None,
) -> CustomerKeys | None:
    """p's customers under `lenses` (as `lens_query.held` finds them; none asked, none
    run), with RFM segments as of `as_of` and journey stages when asked: one statement.
    None when p does not exist."""
    wanted = set(lenses)
    chosen = tuple(lens for lens in Lens if lens in wanted)
    records = await graph.read(
        customer_keys_query(chosen, rfm, stages),
        providerId=provider_id,
        lenses=[lens.value for lens in chosen],
        asOf=as_of,
        **lens_query.ALL_TIME.params(evidence=False),
    )
    if not records:
        return None
    row = records[0]
    order = list(Lens)
    return CustomerKeys(
        customers={
            c["id"]: sorted(c["lenses"], key=lambda name: order.index(Lens(name)))
            for c in row["customers"]
        },
        rfm={r["id"]: r["key"] for r in row["rfm"]},
        stages={r["id"]: r["key"] for r in row["stages"]},
    )
