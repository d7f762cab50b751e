"""Plain completion (api/execution.py) answers exactly what graphql-core's executor answers.

Each query runs twice on the same schema and data: once with PlainCompletion (the server's
executor) and once with Strawberry's own graphql-core executor; data, errors and their
paths must be equal. A small schema built here holds the awkward cases (a null where the
schema forbids one, an unexpected runtime type, a value a scalar refuses, @include/@skip);
the demo world holds the real pages.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import strawberry
from starlette.requests import Request
from strawberry.extensions import ParserCache
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from stakegraph.api.context import Context
from stakegraph.api.execution import PlainCompletion
from stakegraph.api.schema import build_schema
from stakegraph.config import Neo4jSettings
from stakegraph.graph.driver import Graph
from tests.gql import load_demo_world

# ------------------------------------------------------------------- a small awkward schema


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.interface
class Thing:
    id: strawberry.ID

    @classmethod
    def resolve_type(cls, obj: Any, info: Any, abstract_type: Any) -> str:
        return str(getattr(obj, "typename", type(obj).__name__))


@strawberry.type
class Box(Thing):
    colour: Colour
    size: float
    label: str | None
    tags: list[str]


@strawberry.type
class Bag(Thing):
    things: list[Thing]


@dataclass
class Odd:
    """Claims to be a Box but has none of its attributes."""

    id: str
    typename: str = "Box"


def box(id: str, **overrides: Any) -> Box:
    fields: dict[str, Any] = {"colour": Colour.RED, "size": 1.5, "label": None, "tags": ["a"]}
    return Box(id=strawberry.ID(id), **(fields | overrides))


@strawberry.type
class SmallQuery:
    @strawberry.field
    def things(self, case: str) -> list[Thing]:
        cases: dict[str, list[Any]] = {
            "fine": [box("1"), Bag(id=strawberry.ID("2"), things=[box("3", label="x")])],
            "null_colour": [box("1"), box("2", colour=None)],
            "odd_type": [box("1"), Odd(id="2")],
            "bad_enum": [box("1", colour="green")],
            "bad_float": [box("1", size="wide")],
            "tags_not_list": [box("1", tags=7)],
            "nested_null": [Bag(id=strawberry.ID("2"), things=[box("3"), None])],  # type: ignore[list-item]
        }
        return cases[case]


SMALL = """query($case: String!, $withTags: Boolean!) {
  things(case: $case) {
    __typename id
    ... on Box { colour size label tags @include(if: $withTags) }
    ... on Bag { things { id ...B } }
  }
}
fragment B on Box { colour alias: size }"""


def small_schema(executor: type) -> strawberry.Schema:
    return strawberry.Schema(query=SmallQuery, types=[Box, Bag], execution_context_class=executor)


def answer(result: Any) -> dict[str, Any]:
    errors = [(e.message, e.path) for e in result.errors or []]
    return {"data": result.data, "errors": sorted(errors, key=str)}


CASES = ["fine", "null_colour", "odd_type", "bad_enum", "bad_float", "tags_not_list", "nested_null"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("with_tags", [True, False])
def test_small_schema_answers_as_graphql_core(case: str, with_tags: bool) -> None:
    variables = {"case": case, "withTags": with_tags}
    plain = small_schema(PlainCompletion).execute_sync(SMALL, variable_values=variables)
    core = small_schema(StrawberryGraphQLCoreExecutionContext).execute_sync(
        SMALL, variable_values=variables
    )
    assert answer(plain) == answer(core)
    if case != "fine" and (with_tags or case != "tags_not_list"):
        assert core.errors, "each awkward case must make graphql-core answer an error"


PLAIN_SMALL = """query($case: String!) {
  things(case: $case) {
    __typename id
    ... on Box { colour size label tags }
    ... on Bag { things { id ...B } }
  }
}
fragment B on Box { colour alias: size }"""


class CountingCompiles(PlainCompletion):
    compiled = 0

    def _compile(self, *args: Any, **kwargs: Any) -> Any:
        type(self).compiled += 1
        return super()._compile(*args, **kwargs)


def test_completions_kept_between_requests_answer_as_graphql_core() -> None:
    """One schema, one text (parsed once, as the server's ParserCache does), many
    requests: the completions compiled by the first serve the next, whatever the data
    (the second time round, nothing is compiled at all); a
    document with @include is compiled for each request (its selections follow the
    variables)."""

    def schema(executor: type) -> strawberry.Schema:
        return strawberry.Schema(
            query=SmallQuery,
            types=[Box, Bag],
            execution_context_class=executor,
            extensions=[lambda: ParserCache(maxsize=4)],
        )

    plain, core = schema(CountingCompiles), schema(StrawberryGraphQLCoreExecutionContext)
    for n, case in enumerate([*CASES, *CASES]):
        CountingCompiles.compiled = 0
        mine = plain.execute_sync(PLAIN_SMALL, variable_values={"case": case})
        theirs = core.execute_sync(PLAIN_SMALL, variable_values={"case": case})
        assert answer(mine) == answer(theirs), case
        if n == 0 or n >= len(CASES):  # a give-up compiles the fields graphql-core completes
            assert (CountingCompiles.compiled == 0) == (n > 0), (case, CountingCompiles.compiled)
    for with_tags in [True, False, True]:
        CountingCompiles.compiled = 0
        variables = {"case": "fine", "withTags": with_tags}
        mine = plain.execute_sync(SMALL, variable_values=variables)
        theirs = core.execute_sync(SMALL, variable_values=variables)
        assert answer(mine) == answer(theirs), with_tags
        assert CountingCompiles.compiled > 0


# ------------------------------------------------------------------- the demo world


class Counting(PlainCompletion):
    """PlainCompletion counting the fields graphql-core executed one by one."""

    fields = 0

    def build_resolve_info(self, *args: Any, **kwargs: Any) -> Any:
        type(self).fields += 1
        return super().build_resolve_info(*args, **kwargs)


class CountingCore(StrawberryGraphQLCoreExecutionContext):
    fields = 0

    def build_resolve_info(self, *args: Any, **kwargs: Any) -> Any:
        type(self).fields += 1
        return super().build_resolve_info(*args, **kwargs)


EVIDENCE_PAGE = """{
  customersOf(providerId: "toyco", first: 50) {
    totalCount
    edges { cursor node {
      customer { __typename id name kind roles tags createdAt ... on Person { city } }
      lenses
      evidence { lens summary path {
        from { id name } type to { id name } relationId
        relation { __typename id type createdAt
          ... on Purchase { offering amount currency at kind consideration }
          ... on Use { used: offering since } }
      } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def readme_queries() -> list[str]:
    """The README's read queries, one operation each (a block may hold several)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```graphql\n(.*?)```", readme, re.S)
    operations = [op for b in blocks for op in re.split(r"\n\s*\n(?=\s*\{)", b)]
    return [op for op in operations if not op.lstrip().startswith("mutation")]


def run(
    settings: Neo4jSettings, executor: type[Counting] | type[CountingCore], texts: list[str]
) -> list[tuple[dict[str, Any], int]]:
    """Each text's answer and the number of fields executed one by one, executed in turn
    by `executor` on the server's schema."""

    async def execute() -> list[tuple[dict[str, Any], int]]:
        graph = Graph.from_settings(settings)
        schema = build_schema()
        schema.execution_context_class = executor
        request = Request({"type": "http", "method": "POST", "headers": [], "path": "/"})
        try:
            answers = []
            for text in texts:
                context = Context(request=request, response=None, graph=graph)
                executor.fields = 0
                result = await schema.execute(text, context_value=context)
                answers.append((answer(result), executor.fields))
            return answers
        finally:
            await graph.close()

    return asyncio.run(execute())


def test_demo_pages_answer_as_graphql_core(db: Any, neo4j_settings: Neo4jSettings) -> None:
    load_demo_world(neo4j_settings)
    queries = [EVIDENCE_PAGE, *readme_queries()]
    assert len(queries) >= 10
    plain = run(neo4j_settings, Counting, queries)
    core = run(neo4j_settings, CountingCore, queries)
    for text, (plain_answer, _), (core_answer, _) in zip(queries, plain, core, strict=True):
        assert plain_answer == core_answer, text
        assert not plain_answer["errors"], (text, plain_answer["errors"])
    # An evidence page: graphql-core executes each of its fields, the plain completion
    # only the root's (whose resolver runs the lens query).
    (page, plain_fields), (_, core_fields) = plain[0], core[0]
    assert page["data"]["customersOf"]["edges"], "the demo's toyco must have customers"
    assert core_fields > 100
    assert plain_fields == 1, plain_fields


NAMES_ONLY_PAGE = """{
  customersOf(providerId: "toyco", first: 50) {
    edges { cursor node {
      customer { __typename id name kind roles %s }
      provider { id name }
      evidence { summary path {
        from { id name } to { id name }
        relation { __typename id ... on Purchase { amount at kind } }
      } }
    } }
  }
}"""


class Recording(Graph):
    """A Graph keeping the parameters of every statement it reads."""

    sent: list[dict[str, Any]] = []

    async def read(self, cypher: str, **params: Any) -> Any:
        self.sent.append(params)
        return await super().read(cypher, **params)


def test_a_page_reading_only_ids_and_names_asks_neo4j_for_no_more(
    db: Any, neo4j_settings: Neo4jSettings
) -> None:
    """A page whose stakeholders are asked for nothing but id, name, kind and roles has
    its node maps sent with only ids and names (lens_query's $namesOnly) and answers as the
    same page asking for every node's tags too, without them."""
    load_demo_world(neo4j_settings)

    async def execute(text: str) -> dict[str, Any]:
        graph = Recording(*_driver_args(neo4j_settings), timeout=120)  # planned cold here
        request = Request({"type": "http", "method": "POST", "headers": [], "path": "/"})
        try:
            context = Context(request=request, response=None, graph=graph)
            return answer(await build_schema().execute(text, context_value=context))
        finally:
            await graph.close()

    Recording.sent = []
    light = asyncio.run(execute(NAMES_ONLY_PAGE % ""))
    full = asyncio.run(execute(NAMES_ONLY_PAGE % "tags"))
    assert [p["namesOnly"] for p in Recording.sent] == [True, False]
    assert not light["errors"] and not full["errors"]
    for edge in full["data"]["customersOf"]["edges"]:
        del edge["node"]["customer"]["tags"]
    assert light == full
    assert any(e["node"]["evidence"] for e in light["data"]["customersOf"]["edges"])


def _driver_args(settings: Neo4jSettings) -> tuple[Any, str]:
    made = Graph.from_settings(settings)
    return made.driver, made.database
