"""The query library over GraphQL (SPEC 11): `libraryQueries` lists the files under
cypher/queries/ as their headers describe them, `runLibraryQuery` runs one of them in a
read transaction. No other Cypher text is accepted over HTTP.

Values in rows are JSON in the shape `stakegraph cypher --format json` prints
(graph/plain.py): nodes as {elementId, labels, properties}, dates as ISO 8601 text.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from stakegraph.api.context import Info
from stakegraph.graph import library
from stakegraph.graph.plain import plain


@strawberry.enum(description="What a library query's parameter takes.")
class LibraryParameterType(Enum):
    STRING = strawberry.enum_value("string", description="Text.")
    INTEGER = strawberry.enum_value("integer", description="A whole number.")
    FLOAT = strawberry.enum_value("float", description="A number.")
    BOOLEAN = strawberry.enum_value("boolean", description="true or false.")
    DATETIME = strawberry.enum_value(
        "datetime", description="ISO 8601 text, e.g. 2024-09-01T00:00:00Z (UTC when no zone)."
    )


@strawberry.type(description="A parameter of a library query, from its file's header.")
class LibraryParameter:
    name: str = strawberry.field(description="The name, as in `params` (and `$name` in Cypher).")
    description: str = strawberry.field(description="What it means.")
    example: JSON = strawberry.field(description="A value that works with the demo world.")
    type: LibraryParameterType = strawberry.field(description="What it takes.")
    required: bool = strawberry.field(
        description="Whether it must be given; an optional one left out is null."
    )


@strawberry.type(description="An analysis of the query library: one file under cypher/queries/.")
class LibraryQuery:
    name: str = strawberry.field(
        description="The file's stem, e.g. single_threaded_accounts: runLibraryQuery's name."
    )
    description: str = strawberry.field(description="What it answers, from the file's header.")
    parameters: list[LibraryParameter] = strawberry.field(
        description="What `params` takes, in the header's order."
    )


@strawberry.type(description="The rows a library query returned.")
class QueryResult:
    columns: list[str] = strawberry.field(description="The returned columns, in order.")
    rows: list[list[JSON | None] | None] = strawberry.field(
        description="One list of values per row, in column order (at most 500 rows); nodes "
        "as {elementId, labels, properties}, relationships as {elementId, type, "
        "startNodeElementId, endNodeElementId, properties}, paths as {nodes, "
        "relationships}, dates as ISO 8601 text."
    )
    truncated: bool = strawberry.field(
        description="Whether the query returned more rows than the 500 here."
    )


def query_from(query: library.LibraryQuery) -> LibraryQuery:
    return LibraryQuery(
        name=query.name,
        description=query.description,
        parameters=[
            LibraryParameter(
                name=p.name,
                description=p.description,
                example=p.example,
                type=LibraryParameterType[p.type.name],
                required=p.required,
            )
            for p in query.parameters
        ],
    )


def resolve_library_queries() -> list[LibraryQuery]:
    return [query_from(query) for query in library.library().values()]


async def resolve_run_library_query(
    info: Info,
    name: Annotated[
        str, strawberry.argument(description="A library query's name, e.g. prosumer_share.")
    ],
    params: Annotated[
        JSON | None,
        strawberry.argument(description='Its parameters by name, e.g. {providerId: "acme"}.'),
    ] = None,
) -> QueryResult:
    rows = await library.run(info.context.graph, name, params)
    return QueryResult(
        columns=rows.columns,
        rows=[[plain(value) for value in row] for row in rows.rows],
        truncated=rows.truncated,
    )


@strawberry.type
class LibraryQueries:
    library_queries: list[LibraryQuery] = strawberry.field(
        resolver=resolve_library_queries,
        description="The query library: the analyses under cypher/queries/, by name.",
    )
    run_library_query: QueryResult = strawberry.field(
        resolver=resolve_run_library_query,
        description="Run one library query in a read transaction; at most 500 rows.",
    )
