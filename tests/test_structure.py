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
