"""The schema: queries and mutations merged, with the error-code extension."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.tools import merge_types

from stakegraph.api.analytics import AnalyticsQuery
from stakegraph.api.errors import ErrorCodes
from stakegraph.api.mutations import Mutation
from stakegraph.api.queries import Query as LensQuery

Query = merge_types("Query", (LensQuery, AnalyticsQuery))


class Schema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """Expected errors are answers, not incidents: ErrorCodes logs the unexpected ones."""


schema = Schema(
    query=Query,
    mutation=Mutation,
    extensions=[ErrorCodes, lambda: ParserCache(maxsize=256), lambda: ValidationCache(maxsize=256)],
)
