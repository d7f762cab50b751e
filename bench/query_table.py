"""Markdown tables from bench/query_bench.py's JSON files, for bench/README.md.

    python bench/query_table.py bench/out/queries-10k.json bench/out/queries-100k.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


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
        raw = f"{fmt(w['p50'])} / {fmt(w['p95'])} / {fmt(w['p99'])}" if w else ""
        ratio = f"{g['p50'] / w['p50']:.2f}" if w else ""
        lines.append(
            f"| {r['provider'] or ''} | {r['case']} | {r['concurrency']} | "
            f"{fmt(g['p50'])} / {fmt(g['p95'])} / {fmt(g['p99'])} | {g['rps']} | {raw} | "
            f"{w['rps'] if w else ''} | {ratio} |"
        )
    return lines


def peer_table(runs: list[dict[str, Any]], label: str) -> list[str]:
    ours = {(r["provider"], r["concurrency"]): r["graphql"] for r in runs
            if r["case"] == "customersOf(TRANSACTIONAL)"}
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
            f"| {r['provider']} | {r['concurrency']} | {fmt(s['p50'])} / {fmt(s['p99'])} | "
            f"{s['rps']} | {fmt(p['p50'])} / {fmt(p['p99'])} | {p['rps']} | "
            f"{s['p50'] / p['p50']:.2f} |"
        )
    return lines


def hits_table(results: list[dict[str, Any]]) -> list[str]:
    labels = [r["label"] for r in results]
    lines = ["#### PROFILE db hits per lens file (provider parameters, customerId null)", "",
             "| provider | query | " + " | ".join(labels) + " |",
             "|---|---|" + "---:|" * len(labels)]
    first = results[0]["db_hits"]
    for provider, row in first.items():
        for query in row:
            cells = [str(r["db_hits"].get(provider, {}).get(query, "")) for r in results]
            lines.append(f"| {provider} | {query} | " + " | ".join(cells) + " |")
    return lines


def main(paths: list[str]) -> None:
    results = [json.loads(Path(p).read_text()) for p in paths]
    out: list[str] = []
    for r in results:
        out += latency_table(r["runs"], r["label"]) + [""]
        out += peer_table(r["runs"], r["label"]) + [""]
        rss = [x for run in r["runs"] for x in run.get("graphql", {}).get("rss_mb", [])]
        if rss:
            out += [f"Server RSS during the {r['label']} runs: {min(rss):.0f}-{max(rss):.0f} MB.",
                    ""]
    out += hits_table(results)
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
