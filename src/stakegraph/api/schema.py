"""The schema: queries and mutations merged, with the error-code and limit extensions.

`build_schema(settings)` is the server's schema with its limits, access check and
introspection switch (see api/limits.py, api/auth.py); `schema` is the same with the
default settings, for the SDL and for tests that execute without HTTP.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from strawberry.extensions import (
    DisableIntrospection,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.tools import merge_types

from stakegraph.api.access_log import RecordOperation
from stakegraph.api.analytics import AnalyticsQuery
from stakegraph.api.auth import RoleCheck
from stakegraph.api.descriptions import describe
from stakegraph.api.errors import ErrorCodes, coded
from stakegraph.api.execution import PlainCompletion
from stakegraph.api.explore import ExploreQuery
from stakegraph.api.library import LibraryQueries
from stakegraph.api.limits import QueryLimits
from stakegraph.api.mutations import Mutation
from stakegraph.api.queries import Query as LensQuery
from stakegraph.api.relations import RELATION_CLASSES
from stakegraph.api.summaries import SummaryQuery
from stakegraph.api.voice import VoiceQuery
from stakegraph.config import ServerSettings

Query = merge_types(
    "Query", (LensQuery, AnalyticsQuery, ExploreQuery, LibraryQueries, SummaryQuery, VoiceQuery)
)


class Schema(strawberry.Schema):
    limits: ServerSettings  # the query limits QueryLimits applies (build_schema)

    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """Expected errors are answers, not incidents: ErrorCodes logs the unexpected ones.

        Errors raised before ErrorCodes could see them (by an extension's parse or execute
        hook) are coded here, in place, so they too carry a code and nothing internal.
        """
        for index, error in enumerate(errors):
            if not (error.extensions or {}).get("code"):
                errors[index] = coded(error)


Extension = type[SchemaExtension] | Callable[[], SchemaExtension]


def build_schema(settings: ServerSettings | None = None, *, check_roles: bool = False) -> Schema:
    """The schema with the limits of `settings`; `check_roles` for the HTTP app."""
    settings = settings or ServerSettings()
    extensions: list[Extension] = [ErrorCodes]
    if check_roles:
        extensions += [RoleCheck, RecordOperation]
    extensions += [
        lambda: QueryLimits(settings),  # before ParserCache: tokens are counted unparsed
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    built = Schema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        execution_context_class=PlainCompletion,  # plain selections in one pass (api/execution.py)
        types=list(RELATION_CLASSES.values()),  # reached only through the Relation interface
    )
    built.limits = settings
    describe(built._schema)  # the manual's descriptions (api/descriptions.py)
    return built


schema = build_schema()
