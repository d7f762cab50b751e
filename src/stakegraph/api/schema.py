"""The schema: queries and mutations merged, with the error-code extension."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ParserCache, ValidationCache

from stakegraph.api.errors import ErrorCodes
from stakegraph.api.mutations import Mutation
from stakegraph.api.queries import Query

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[ErrorCodes(), ParserCache(maxsize=256), ValidationCache(maxsize=256)],
)
