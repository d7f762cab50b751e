"""The shape of the code itself: no import cycles, between modules or between the
subpackages (graph/, api/, localdb/) and the modules beside them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import stakegraph

ROOT = Path(stakegraph.__file__).parent


def module_name(path: Path) -> str:
    parts = ["stakegraph", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_at_load(path: Path, modules: set[str]) -> set[str]:
    """The stakegraph modules a module imports when it is loaded (top-level statements)."""
    found: set[str] = set()
    for statement in ast.parse(path.read_text()).body:
        if isinstance(statement, ast.Import):
            names = [alias.name for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom) and statement.module:
            base = statement.module
            names = [base] + [f"{base}.{alias.name}" for alias in statement.names]
        else:
            continue
        found |= {name for name in names if name in modules}
    return found


def unit(module: str) -> str:
    """The module, or the subpackage holding it (stakegraph.graph.values -> stakegraph.graph)."""
    return ".".join(module.split(".")[:2])


@pytest.mark.parametrize("level", ["module", "package"])
def test_nothing_imports_itself_through_others(level: str) -> None:
    paths = {module_name(p): p for p in ROOT.rglob("*.py")}
    name_of = (lambda m: m) if level == "module" else unit
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        uses = {name_of(m) for m in imports_at_load(path, set(paths))}
        graph.setdefault(name_of(module), set()).update(uses - {name_of(module)})

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            name, trail = stack.pop()
            for nxt in graph[name]:
                if nxt == start:
                    return [*trail, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
        return None

    cycles = [c for name in sorted(graph) if (c := cycle_from(name))]
    assert not cycles, " -> ".join(cycles[0])


RUNS_CYPHER = {"read", "write", "run", "run_unmanaged"}
HOLDERS = {"graph", "tx", "session", "driver"}  # what runs Cypher when called so


def cypher_calls(path: Path) -> list[str]:
    """`graph.read(...)`, `tx.run(...)` and the like: where a module runs Cypher itself."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        holder = node.func.value
        name = holder.attr if isinstance(holder, ast.Attribute) else getattr(holder, "id", "")
        if node.func.attr in RUNS_CYPHER and name in HOLDERS:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}.{node.func.attr}")
    return found


def test_only_the_graph_layer_runs_cypher() -> None:
    outside = [p for p in ROOT.rglob("*.py") if "graph" not in p.relative_to(ROOT).parts[:1]]
    assert [call for path in outside for call in cypher_calls(path)] == []
    inside = [call for path in (ROOT / "graph").rglob("*.py") for call in cypher_calls(path)]
    assert inside, "the check must see the graph layer's own calls"


def test_every_test_that_starts_a_neo4j_gives_it_a_free_port() -> None:
    """`make test` must pass beside `make run`, whose Neo4j holds the default port 7687."""
    starts = []
    for path in Path(__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            starter = isinstance(func, ast.Attribute) and func.attr == "start"
            if starter and getattr(func.value, "id", "") == "localdb":  # type: ignore[union-attr]
                starts.append((path.name, node.lineno, bool(node.args)))
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if texts[:2] == ["neo4j", "start"]:
                starts.append(
                    (
                        path.name,
                        node.lineno,
                        "--port" in texts
                        or any(isinstance(a, ast.Name) and a.id == "port" for a in node.args),
                    )
                )
    assert starts, "the check must see the tests that start a Neo4j"
    assert [s for s in starts if not s[2]] == []
