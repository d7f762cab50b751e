"""The project's own exceptions.

    StakegraphError                 base; carries the GraphQL `extensions.code`
    ├── BadUserInput                BAD_USER_INPUT: invalid input, names the field
    │   └── WriteRefused            a statement that writes, run in a read transaction
    ├── NotFound                    NOT_FOUND: an id that does not exist
    ├── ServiceUnavailable          SERVICE_UNAVAILABLE: Neo4j cannot be reached
    │   └── CredentialsRefused      it answers, but not to our username and password
    └── Timeout                     TIMEOUT: a statement ran past its time limit

The graph layer translates driver exceptions into these; the API maps them to GraphQL
errors in one place (api/errors.py). Anything else is reported as INTERNAL.
"""

from __future__ import annotations


class StakegraphError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class BadUserInput(StakegraphError):
    code = "BAD_USER_INPUT"


class WriteRefused(BadUserInput):
    """Neo4j refused a write inside a read transaction: nothing was written."""


class NotFound(StakegraphError):
    code = "NOT_FOUND"


class ServiceUnavailable(StakegraphError):
    code = "SERVICE_UNAVAILABLE"


class CredentialsRefused(ServiceUnavailable):
    """Neo4j answered and refused NEO4J_USERNAME/NEO4J_PASSWORD."""


class Timeout(StakegraphError):
    code = "TIMEOUT"
