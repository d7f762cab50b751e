"""`pip install .` (not only -e) must carry every file the package needs at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

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
