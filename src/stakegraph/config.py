"""Settings from the environment.

The Neo4j variables use the names Neo4j's own tools use (NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE); everything of the server's own starts with STAKEGRAPH_.
With NEO4J_URI unset, stakegraph talks to the local Neo4j that `stakegraph neo4j start`
runs on its default port, with the same default credentials.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

LOCAL_BOLT_PORT = 7687
DEFAULT_USERNAME = "neo4j"
DEFAULT_PASSWORD = "stakegraph"


class Neo4jSettings(BaseSettings):
    """Where the database is and how to log in."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore")

    uri: str | None = Field(default=None, description="bolt://, neo4j://, neo4j+s:// ...")
    username: str = DEFAULT_USERNAME
    password: str = DEFAULT_PASSWORD
    database: str = "neo4j"

    @property
    def configured(self) -> bool:
        """True when NEO4J_URI names a server; False means 'use the local Neo4j'."""
        return bool(self.uri)

    @property
    def effective_uri(self) -> str:
        return self.uri or f"bolt://127.0.0.1:{LOCAL_BOLT_PORT}"


class ServerSettings(BaseSettings):
    """The HTTP server and its limits."""

    model_config = SettingsConfigDict(env_prefix="STAKEGRAPH_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64, description="server processes")
    transaction_timeout: float = Field(
        default=5.0, gt=0, description="seconds per Cypher statement"
    )
    max_connection_pool_size: int = Field(default=50, ge=1)
    connection_acquisition_timeout: float = Field(default=10.0, gt=0)

    # Query limits (api/limits.py): refused with QUERY_TOO_COMPLEX before any Cypher runs.
    max_depth: int = Field(default=10, ge=1, description="nesting of selections")
    max_aliases: int = Field(default=20, ge=0)
    max_tokens: int = Field(default=2000, ge=1, description="lexical tokens of a document")
    max_cost: int = Field(default=100_000, ge=1, description="estimated fields resolved")
    list_size: int = Field(default=5, ge=1, description="cost factor of lists without `first`")
    max_body_bytes: int = Field(default=102_400, ge=1, description="request body; else 413")
    introspection: bool = True
    warm_up: bool = Field(
        default=True, description="plan the hot statements at start; /ready says warming"
    )

    # Access (api/auth.py).
    api_keys: SecretStr = Field(
        default=SecretStr(""), description="comma-separated key:role, role reader or editor"
    )
    allow_open: bool = Field(default=False, description="serve without keys on any address")
    cors_origins: str = Field(default="", description="comma-separated origins, or *")

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


@lru_cache(maxsize=1)
def neo4j_settings() -> Neo4jSettings:
    return Neo4jSettings()


@lru_cache(maxsize=1)
def server_settings() -> ServerSettings:
    return ServerSettings()
