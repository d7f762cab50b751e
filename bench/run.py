"""What `make bench` runs: the query benchmark on generated worlds of growing size.

    python bench/run.py                           # 10k and 100k, 10 s per measured run
    python bench/run.py --sizes 10000,100000,1000000 --duration 10 --soak 300 --pyspy 60
    python bench/run.py --with-import             # the import benchmark first, if present

For each size: generate the world (cached in bench/worlds/, git-ignored), start a local
Neo4j in a fresh data dir under bench/out/ (or use NEO4J_URI: THAT DATABASE IS EMPTIED),
apply the schema, `stakegraph import` the world, then bench/query_bench.py. Results go to
bench/out/queries-<size>.json; bench/README.md explains them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import EMPTY, auth, world
from neo4j import GraphDatabase

from stakegraph import localdb

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


def empty(uri: str) -> None:
    with GraphDatabase.driver(uri, auth=auth()) as driver, driver.session() as session:
        for statement in EMPTY:
            session.run(statement).consume()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--soak", type=int, default=0, help="seconds, on the largest world")
    parser.add_argument("--pyspy", type=int, default=0, help="seconds of py-spy in the soak")
    parser.add_argument("--with-import", action="store_true")
    args, rest = parser.parse_known_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    bin_dir = Path(sys.executable).parent
    if args.with_import and (HERE / "import_bench.py").exists():
        subprocess.run(
            [sys.executable, str(HERE / "import_bench.py"), "--sizes", args.sizes], check=True
        )
    own_db = "NEO4J_URI" not in os.environ
    data_dir = OUT / "neo4j"
    for size in sizes:
        path = world(size, args.seed)
        if own_db:
            shutil.rmtree(data_dir, ignore_errors=True)
            port = localdb.free_port()
            os.environ.setdefault("STAKEGRAPH_NEO4J_HEAP", "4g")
            os.environ.setdefault("STAKEGRAPH_NEO4J_PAGECACHE", "2g")
            localdb.start(port, data_dir)
            uri = f"bolt://127.0.0.1:{port}"
        else:
            uri = os.environ["NEO4J_URI"]
            empty(uri)
        env = {**os.environ, "NEO4J_URI": uri}
        try:
            subprocess.run([bin_dir / "stakegraph", "schema", "apply"], env=env, check=True)
            began = time.monotonic()
            subprocess.run([bin_dir / "stakegraph", "import", path], env=env, check=True)
            print(f"imported {path.name} in {time.monotonic() - began:.0f} s", flush=True)
            cmd = [
                sys.executable,
                str(HERE / "query_bench.py"),
                "--label",
                label(size),
                "--uri",
                uri,
                "--duration",
                str(args.duration),
                "--out",
                str(OUT / f"queries-{label(size)}.json"),
                *rest,
            ]
            if size == sizes[-1] and args.soak:
                cmd += ["--soak", str(args.soak), "--pyspy", str(args.pyspy)]
            subprocess.run(cmd, env=env, check=True)
        finally:
            if own_db:
                localdb.stop(data_dir)


if __name__ == "__main__":
    main()
