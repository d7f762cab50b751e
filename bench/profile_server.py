"""Where `stakegraph serve` spends its time under load: pyinstrument around the server.

    NEO4J_URI=bolt://127.0.0.1:7708 python bench/profile_server.py --seconds 60 \
        --provider bench-p1000 --lenses TRANSACTIONAL --out bench/out/profile.txt

Starts the server under `pyinstrument` (wall-clock sampling of the event-loop thread: time
the loop waits for Neo4j or the socket shows up under the loop's select), drives it with
wrk at 16 connections on customersOf, stops it, and writes pyinstrument's text report.
py-spy cannot attach here (it finds no Python version in the uv-built interpreter).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from query_bench import CUSTOMERS, free_port, process, wait_http, wrk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--provider", default="bench-p1000")
    parser.add_argument("--lenses", default="", help="comma-separated; empty = all")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "profile.txt")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    cmd = [sys.executable, "-m", "pyinstrument", "-r", "text", "--no-color", "-o", str(args.out),
           "-m", "stakegraph", "serve", "--port", str(port)]
    variables = {"p": args.provider, "lenses": args.lenses.split(",") if args.lenses else None}
    with process(cmd, dict(os.environ), args.out.with_suffix(".log")):
        wait_http(f"http://127.0.0.1:{port}/ready")
        figures = wrk(f"http://127.0.0.1:{port}/graphql", CUSTOMERS, variables,
                      args.concurrency, args.seconds, None)
    print(figures)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
