"""`pip install .` (not only -e) must carry every file the package needs at run time, and
what it installs is what constraints.txt pins."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from stakegraph.graph.cypher import all_files

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_holds_cypher_files_launcher_sources_and_graphiql_assets(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("stakegraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"stakegraph/cypher/{name}.cypher" for name in all_files()} | {
        "stakegraph/localdb/java/pom.xml",
        "stakegraph/localdb/java/src/main/java/stakegraph/LocalNeo4j.java",
        "stakegraph/api/graphiql.html",
        "stakegraph/api/static/graphiql/graphiql.min.js",
        "stakegraph/api/static/graphiql/graphiql.min.css",
        "stakegraph/api/static/graphiql/react.production.min.js",
        "stakegraph/api/static/graphiql/react-dom.production.min.js",
        "stakegraph/api/static/explore/index.html",
        "stakegraph/api/static/explore/explore.js",
        "stakegraph/api/static/explore/explore.css",
    }
    # The explorer's bundle is split by route: every chunk web/ built goes into the wheel.
    explore = ROOT / "src" / "stakegraph" / "api" / "static" / "explore"
    chunks = {f"stakegraph/api/static/explore/{p.name}" for p in explore.glob("*.js")}
    assert len(chunks) > 1
    expected |= chunks
    assert expected <= names, sorted(expected - names)


def test_the_cypher_folder_at_the_root_is_the_packaged_one() -> None:
    assert (ROOT / "cypher").resolve() == (ROOT / "src" / "stakegraph" / "cypher").resolve()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version
    return pins


def test_constraints_pin_every_dependency_and_the_environment_is_the_pinned_one() -> None:
    """Every package pyproject.toml names (run time and test) has its version in
    constraints.txt, within pyproject's range, and is installed at that version: what the
    suite tests is what a fresh machine installs (`make install`, the Dockerfile)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    wanted += [Requirement(r) for r in project["optional-dependencies"]["test"]]
    pins = _pins()
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in constraints.txt: run make lock"
        assert requirement.specifier.contains(pins[name]), (requirement, pins[name])
        assert metadata.version(requirement.name) == pins[name], (
            f"{requirement.name} {metadata.version(requirement.name)} is installed, "
            f"constraints.txt says {pins[name]}: run make install"
        )
