"""Where the server's CPU per request goes: `stakegraph serve` with CPU-time totals around
its stages, driven by wrk at concurrency 1 on one query.

    python bench/stage_cost.py --uri bolt://127.0.0.1:7791 --query question --duration 5

The server runs in a child process (the code on PYTHONPATH, `--source DIR` to pick a
tree) as `stakegraph serve` runs it (uvloop, uvicorn's httptools protocol with coalesced
writes, the same middlewares), with each function of STAGES wrapped to add the thread's
CPU time (`time.thread_time_ns`: user + system) spent inside it, inclusive of what it
calls and of whatever the event loop runs while it awaits (at concurrency 1 that is only
this request's own work). The garbage collector's passes are timed by `gc.callbacks`.
After a warm-up the totals are cleared (SIGUSR1), wrk runs, and the child prints them per
request (SIGUSR2) with the process's CPU over the same requests. A stage's own cost is its
figure minus the stages inside it. A function reached through a name imported elsewhere
(`from x import f`) must be named where it is looked up (module:name of the caller's).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gc
import importlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Outermost first; each a module:attribute path, an attribute of a class by Class.name.
STAGES = (
    "stakegraph.api.access_log:AccessLog.__call__",
    "stakegraph.api.body_limit:BodyLimit.__call__",
    "stakegraph.api.auth:ApiKeys.__call__",
    "stakegraph.api.over_http:GraphQLOverHTTP.__call__",
    "stakegraph.api.over_http:GraphQLOverHTTP.answer_prepared",
    "stakegraph.api.over_http:run_prepared",
    "stakegraph.api.prepared:execute",
    "stakegraph.api.queries:_connection",
    "stakegraph.graph.lens_query:page",
    "stakegraph.graph.driver:Graph.read",
    "stakegraph.api.execution:PlainCompletion.complete_value",
    "starlette.responses:Response.__call__",
    "stakegraph.api.access_log:write_line",
)

spent: defaultdict[str, int] = defaultdict(int)
calls: defaultdict[str, int] = defaultdict(int)


def _is_lifespan(args: tuple[Any, ...]) -> bool:
    """A middleware's lifespan call lasts as long as the server: never timed."""
    return any(isinstance(a, dict) and a.get("type") == "lifespan" for a in args)


def timed_async(name: str, fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(fn)
    async def timed(*args: Any, **kwargs: Any) -> Any:
        if _is_lifespan(args):
            return await fn(*args, **kwargs)
        began = time.thread_time_ns()
        try:
            return await fn(*args, **kwargs)
        finally:
            spent[name] += time.thread_time_ns() - began
            calls[name] += 1

    return timed


def timed_sync(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.thread_time_ns()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.thread_time_ns() - began
            calls[name] += 1

    return timed


def wrap(path: str) -> None:
    """Time the function at `path`; a path this tree does not have is left out."""
    module, _, attribute = path.partition(":")
    owner: Any = importlib.import_module(module)
    *outer, name = attribute.split(".")
    for part in outer:
        owner = getattr(owner, part)
    space = owner.__dict__ if isinstance(owner, type) else vars(owner)
    fn = space.get(name)
    if fn is None:
        print(f"{path}: not in this tree", file=sys.stderr)
        return
    if not callable(fn):  # a classmethod or staticmethod: not wrapped here
        raise SystemExit(f"{path}: not a plain function")
    timed = timed_async if asyncio.iscoroutinefunction(fn) else timed_sync
    setattr(owner, name, timed(attribute, fn))


def serve(port: int, stages: list[str]) -> None:
    """The child: the app with its stages timed, served until terminated."""
    for stage in stages:
        wrap(stage)
    collecting = [0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = time.thread_time_ns()
        else:
            spent[f"gc generation {info['generation']}"] += time.thread_time_ns() - collecting[0]
            calls[f"gc generation {info['generation']}"] += 1

    gc.callbacks.append(on_gc)
    import uvicorn
    import uvloop

    from stakegraph.api.app import create_app
    from stakegraph.api.http_protocol import CoalescingHttpTools

    app = create_app()
    started = [time.process_time_ns()]

    async def counted(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        began = time.thread_time_ns()
        try:
            await app(scope, receive, send)
        finally:
            spent["the app (Starlette, from uvicorn's call)"] += time.thread_time_ns() - began
            calls["the app (Starlette, from uvicorn's call)"] += 1

    def clear() -> None:
        spent.clear()
        calls.clear()
        started[0] = time.process_time_ns()

    def report() -> None:
        n = calls["the app (Starlette, from uvicorn's call)"] or 1
        cpu = (time.process_time_ns() - started[0]) / n / 1e6
        lines = {"requests": n, "process": round(cpu, 3)}
        lines |= {k: [round(v / n / 1e6, 3), round(calls[k] / n, 2)] for k, v in spent.items()}
        print("STAGES " + json.dumps(lines), flush=True)

    async def main() -> None:
        config = uvicorn.Config(
            counted, port=port, log_level="warning", access_log=False, http=CoalescingHttpTools
        )
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGUSR1, clear)
        loop.add_signal_handler(signal.SIGUSR2, report)
        await uvicorn.Server(config).serve()

    uvloop.run(main())


def drive(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(HERE))
    from peer_compare import STAKEGRAPH
    from query_bench import CUSTOMERS, WRK_LUA, wait_http

    from stakegraph import localdb

    queries = {
        "question": (STAKEGRAPH, {"p": args.provider}),
        "customersOf": (CUSTOMERS, {"p": args.provider, "lenses": ["TRANSACTIONAL"]}),
        "typename": ("{ __typename }", {}),
    }
    query, variables = queries[args.query]
    port = localdb.free_port()
    env = {**os.environ, "NEO4J_URI": args.uri}
    if args.source:
        env["PYTHONPATH"] = str(Path(args.source).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        body, script, out = Path(tmp, "body.json"), Path(tmp, "post.lua"), Path(tmp, "out")
        body.write_text(json.dumps({"query": query, "variables": variables}))
        script.write_text(WRK_LUA)
        cmd = [sys.executable, __file__, "--serve", str(port), "--stages", ",".join(args.stages)]
        with out.open("w") as log:
            child = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while True:  # until ready; a child that stopped says why
                if child.poll() is not None:
                    raise SystemExit(out.read_text()[-3000:])
                try:
                    wait_http(f"http://127.0.0.1:{port}/ready", 1)
                    break
                except RuntimeError:
                    continue
            url = f"http://127.0.0.1:{port}/graphql"

            def wrk(seconds: int) -> None:
                ran = subprocess.run(
                    ["wrk", "-t1", "-c1", f"-d{seconds}s", "-s", str(script), url],
                    env={**os.environ, "BENCH_BODY": str(body)},
                    capture_output=True,
                    check=True,
                    text=True,
                )
                result = next(x for x in ran.stdout.splitlines() if x.startswith("RESULT "))
                if json.loads(result.removeprefix("RESULT "))["errors"]:
                    raise SystemExit(f"wrk saw errors: {result}")

            wrk(2)
            for _ in range(args.rounds):
                child.send_signal(signal.SIGUSR1)
                time.sleep(0.2)
                wrk(args.duration)
                child.send_signal(signal.SIGUSR2)
                time.sleep(0.5)
        finally:
            child.terminate()
            child.wait()
        reports = [
            json.loads(line.removeprefix("STAGES "))
            for line in out.read_text().splitlines()
            if line.startswith("STAGES ")
        ]
    print(f"{args.query} {variables}; load {os.getloadavg()[0]:.1f}")
    for r in reports:
        print(f"{r.pop('requests')} requests, process CPU {r.pop('process'):.3f} ms/request")
        for name, (ms, per) in sorted(r.items(), key=lambda kv: -kv[1][0]):
            print(f"  {name:58s} {ms:7.3f} ms  ({per:g} calls)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default="bolt://127.0.0.1:7687")
    parser.add_argument("--source", help="the source tree to serve (default: as installed)")
    parser.add_argument(
        "--query", choices=("question", "customersOf", "typename"), default="question"
    )
    parser.add_argument("--provider", default="bench-p10")
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--stages", type=lambda s: s.split(","), default=list(STAGES))
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.stages)
    else:
        drive(args)


if __name__ == "__main__":
    main()
