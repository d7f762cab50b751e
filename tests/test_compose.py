"""docker-compose.yml, checked as far as a machine without a Docker engine can."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from stakegraph.config import DEFAULT_PASSWORD, Neo4jSettings, ServerSettings

ROOT = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def test_neo4j_is_the_official_5_26_community_image_with_healthcheck_and_volume() -> None:
    neo4j = compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j
    volume = neo4j["volumes"][0].split(":")[0]
    assert volume in compose()["volumes"]
    assert neo4j["environment"]["NEO4J_AUTH"] == "neo4j/${NEO4J_PASSWORD:-stakegraph}"


def test_app_reads_the_same_variables_the_settings_read() -> None:
    app = compose()["services"]["app"]
    env = app["environment"]
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_PASSWORD"] == f"${{NEO4J_PASSWORD:-{DEFAULT_PASSWORD}}}"
    names = {f"NEO4J_{n.upper()}" for n in Neo4jSettings.model_fields} | {
        "STAKEGRAPH_HOST",
        "STAKEGRAPH_PORT",
    }
    assert set(env) <= names | {f"STAKEGRAPH_{n.upper()}" for n in ServerSettings.model_fields}
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert app["build"] == "."


def test_dockerfile_installs_the_package_and_serves() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    lines = dockerfile.splitlines()
    install = next(i for i, line in enumerate(lines) if "pip install" in line)
    assert "pip install --no-cache-dir -c constraints.txt ." in lines[install]
    copies = [i for i, line in enumerate(lines) if line.startswith("COPY ")]
    assert any("constraints.txt" in lines[i] for i in copies if i < install)
    assert 'CMD ["stakegraph", "serve"]' in dockerfile
