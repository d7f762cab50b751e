"""Files shipped inside the package (Cypher, the launcher's Maven project, static assets)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable


def package_files(package: str, folder: str) -> Iterator[tuple[str, Traversable]]:
    """Every file below `folder` of `package`, as (path relative to the folder, file)."""

    def walk(entry: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
        for child in sorted(entry.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                yield from walk(child, f"{prefix}{child.name}/")
            else:
                yield prefix + child.name, child

    yield from walk(resources.files(package) / folder, "")
