"""A real Neo4j on machines without Docker.

Neo4j 5.26 LTS Community runs embedded in a small Java program (`java/`, shipped inside
the package) with its Bolt connector on 127.0.0.1. The first start builds that program
with Maven into a per-user cache directory; later starts reuse the build. Each data
directory holds its store, a log (`neo4j.log`) and a state file (`neo4j.json`: pid, port).
"""

from stakegraph.localdb.launcher import (
    LocalNeo4jError,
    Status,
    build,
    default_data_dir,
    free_port,
    is_built,
    start,
    status,
    stop,
)

__all__ = [
    "LocalNeo4jError",
    "Status",
    "build",
    "default_data_dir",
    "free_port",
    "is_built",
    "start",
    "status",
    "stop",
]
