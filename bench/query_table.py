"""Markdown tables from bench/query_bench.py's JSON files, for bench/README.md.

python bench/query_table.py bench/out/queries-10k.json bench/out/queries-100k.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def lat(f: dict[str, Any], *keys: str) -> str:
    if f["requests"] == 0:
        return "none answered in the run"
    return " / ".join(fmt(f[k]) for k in keys)


def ratio(a: dict[str, Any], b: dict[str, Any] | None) -> str:
    if not b or not a["requests"] or not b["requests"]:
        return ""
    return f"{a['p50'] / b['p50']:.2f}"


def fmt(x: float) -> str:
    return f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def latency_table(runs: list[dict[str, Any]], label: str) -> list[str]:
    lines = [
        f"#### {label}: GraphQL over HTTP (wrk) against the raw Cypher (Python driver)",
        "",
        "| provider | query | c | GraphQL p50 / p95 / p99 ms | req/s | raw p50 / p95 / p99 ms"
        " | req/s | p50 ratio |",
        "|---|---|---:|---|---:|---|---:|---:|",
    ]
    for r in runs:
        if "graphql" not in r:
            continue
        g, w = r["graphql"], r.get("raw")
        raw = lat(w, "p50", "p95", "p99") if w else ""
        lines.append(
            f"| {r['provider'] or ''} | {r['case']} | {r['concurrency']} | "
            f"{lat(g, 'p50', 'p95', 'p99')} | {g['rps']} | {raw} | "
            f"{w['rps'] if w else ''} | {ratio(g, w)} |"
        )
    return lines


def peer_table(runs: list[dict[str, Any]], label: str) -> list[str]:
    ours = {
        (r["provider"], r["concurrency"]): r["graphql"]
        for r in runs
        if r["case"] == "customersOf(TRANSACTIONAL)"
    }
    lines = [
        f"#### {label}: customersOf(lenses: [TRANSACTIONAL], first: 50) against @neo4j/graphql",
        "",
        "| provider | c | stakegraph p50 / p99 ms | req/s | @neo4j/graphql p50 / p99 ms | req/s"
        " | p50 ratio (stakegraph / peer) |",
        "|---|---:|---|---:|---|---:|---:|",
    ]
    for r in runs:
        if "peer" not in r:
            continue
        p, s = r["peer"], ours[(r["provider"], r["concurrency"])]
        lines.append(
            f"| {r['provider']} | {r['concurrency']} | {lat(s, 'p50', 'p99')} | "
            f"{s['rps']} | {lat(p, 'p50', 'p99')} | {p['rps']} | {ratio(s, p)} |"
        )
    return lines


def hits_table(results: list[dict[str, Any]]) -> list[str]:
    labels = [r["label"] for r in results]
    lines = [
        "#### PROFILE db hits per lens file (customersOf: the provider's parameters,"
        " customerId null; providersOf: summed over the customer's candidate providers)",
        "",
        "| provider | query | " + " | ".join(labels) + " |",
        "|---|---|" + "---:|" * len(labels),
    ]
    first = results[-1]["db_hits"]
    for provider, row in first.items():
        for query in row:
            cells = [str(r["db_hits"].get(provider, {}).get(query, "")) for r in results]
            lines.append(f"| {provider} | {query} | " + " | ".join(cells) + " |")
    return lines


def same(case: str) -> str:
    """providersOf(person-1499) and providersOf(person-10499) ask the same question."""
    return case.split("(")[0] if case.startswith(("providersOf", "buyingCenter")) else case


def scale_table(results: list[dict[str, Any]]) -> list[str]:
    """p50 at concurrency 1 of the same query on the same provider, per world size."""
    labels = [r["label"] for r in results]
    keyed = [
        {(x["provider"], same(x["case"])): x for x in r["runs"] if x["concurrency"] == 1}
        for r in results
    ]
    lines = [
        "#### Scale: p50 ms at concurrency 1, same provider degree, growing world",
        "",
        "| provider | query | "
        + " | ".join(f"GraphQL {x}" for x in labels)
        + " | "
        + " | ".join(f"raw {x}" for x in labels)
        + f" | GraphQL {labels[-1]}/{labels[0]} |"
        f" raw {labels[-1]}/{labels[0]} |",
        "|---|---|" + "---:|" * (2 * len(labels) + 2),
    ]
    for key, first in keyed[0].items():
        rows = [k.get(key) for k in keyed]
        if any(r is None for r in rows) or "graphql" not in first:
            continue
        g = [r["graphql"]["p50"] for r in rows if r]
        w = [r["raw"]["p50"] for r in rows if r]
        lines.append(
            f"| {key[0] or ''} | {key[1]} | "
            + " | ".join(fmt(x) for x in g + w)
            + f" | {g[-1] / g[0]:.2f} | {w[-1] / w[0]:.2f} |"
        )
    return lines


def main(paths: list[str]) -> None:
    results = [json.loads(Path(p).read_text()) for p in paths]
    out: list[str] = []
    for r in results:
        out += latency_table(r["runs"], r["label"]) + [""]
        out += peer_table(r["runs"], r["label"]) + [""]
        rss = [x for run in r["runs"] for x in run.get("graphql", {}).get("rss_mb", [])]
        if rss:
            out += [
                f"Server RSS during the {r['label']} runs: {min(rss):.0f}-{max(rss):.0f} MB.",
                "",
            ]
    if len(results) > 1:
        out += scale_table(results) + [""]
    out += hits_table(results)
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
