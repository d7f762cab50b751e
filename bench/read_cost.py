"""CPU time of reading a world's input (`stakegraph.inputs.read_section`), per source tree.

    python bench/read_cost.py --source old=/path/to/old/src --source new=src \\
        bench/worlds/world-100000-seed1.json [...]

Each reading runs in a process of its own (getrusage of the child: user + system), in
turns old/new, so both see the same machine. What is read, per tree:
- `nothing`: the interpreter and the imports alone (part of every other figure);
- `stakeholders`, `relations`: one section whole (what `import` reads);
- `initial`: what the two processes of `import --initial` read together: the main one the
  stakeholders and its share of the relations, the helper its share (with a tree whose
  read_section has no `keep`, each process read every relation and dropped the others).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import resource, sys
from pathlib import Path
from stakegraph.inputs import read_section
path, what = Path(sys.argv[1]), sys.argv[2]
import inspect
KEEPS = "keep" in inspect.signature(read_section).parameters
def count(section, keep=None):
    if keep is None:
        return sum(1 for _ in read_section(path, section))
    if KEEPS:
        return sum(1 for _ in read_section(path, section, keep))
    # an old tree: every record read, then dropped (as importer._validate_all's keep did)
    return sum(1 for n, _ in enumerate(read_section(path, section)) if keep(n))
helper = lambda n: (n // 1000) % 4 < 3
main = lambda n: (n // 1000) % 4 >= 3
if what == "nothing":  # the interpreter and the imports, in every other figure too
    pass
elif what == "initial":
    count("stakeholders")
    count("relations", main)
    count("relations", helper)
else:
    count(what)
"""


def cpu(src: str, path: Path, what: str) -> float:
    """Seconds of CPU (user + system) of one reading in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    subprocess.run([sys.executable, "-c", CHILD, str(path), what], env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(
        after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
        2,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("worlds", nargs="+", type=Path)
    parser.add_argument("--source", action="append", required=True, help="NAME=SRC_DIR")
    parser.add_argument("--what", default="nothing,stakeholders,relations,initial")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    sources = dict(item.split("=", 1) for item in args.source)
    for world in args.worlds:
        for what in args.what.split(","):
            for _ in range(args.rounds):
                figures = {name: cpu(src, world, what) for name, src in sources.items()}
                load = os.getloadavg()[0]
                print(json.dumps({"world": world.name, "what": what, **figures, "load": load}))


if __name__ == "__main__":
    main()
