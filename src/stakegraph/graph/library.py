"""The query library: the files under `cypher/queries/`, described by their headers, and
the only Cypher that runs over HTTP (`libraryQueries`, `runLibraryQuery`).

A file's header says what it answers, then its parameters, one line each:

    // Parameters:
    //   $providerId  string, required: the provider p                e.g. 'toyco'
    //   $asOf        datetime, optional: the day to count from; null for now
    //                                                                 e.g. '2024-09-01T00:00:00Z'

(the example may also sit at the end of the parameter's own line), or `// Parameters: none.`
A type is one of `ParameterType`; an optional parameter left out is sent as null; the
example is a Cypher literal (`'text'`, `25`, `true`, `null`), as cypher-shell's `:param`
takes it. A header that does not parse fails the loading loudly (tests/test_library.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from typing import Any

from stakegraph import errors
from stakegraph.graph import runner
from stakegraph.graph.cypher import CypherFile, all_files
from stakegraph.graph.driver import Graph

FOLDER = "queries/"
MAX_ROWS = 500


class ParameterType(StrEnum):
    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Parameter:
    name: str
    type: ParameterType
    required: bool
    description: str
    example: Any


@dataclass(frozen=True)
class LibraryQuery:
    name: str  # the file stem, e.g. single_threaded_accounts
    description: str
    parameters: tuple[Parameter, ...]
    file: CypherFile


_PARAMETER = re.compile(
    r"^\$(?P<name>[A-Za-z_]\w*)\s+(?P<type>\w+), (?P<required>required|optional): "
    r"(?P<description>.+?)(?:\s{2,}e\.g\. (?P<example>.+))?$"
)
_EXAMPLE_ONLY = re.compile(r"^e\.g\. (?P<example>.+)$")


def parse(file: CypherFile) -> LibraryQuery:
    """A library query from its file's header; ValueError saying what is wrong."""
    lines = file.description.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Parameters:")]
    if len(starts) != 1:
        raise ValueError(f"{file.name}: the header needs one 'Parameters:' line")
    start = starts[0]
    description = " ".join(line for line in lines[:start] if line)
    parameters: list[dict[str, Any]] = []
    if lines[start].removeprefix("Parameters:").strip() != "none.":
        for line in lines[start + 1 :]:
            found = _PARAMETER.match(line)
            if found:
                parameters.append(found.groupdict())
                continue
            example = _EXAMPLE_ONLY.match(line)
            if not (example and parameters and parameters[-1]["example"] is None):
                break
            parameters[-1]["example"] = example["example"]
        if not parameters:
            raise ValueError(f"{file.name}: 'Parameters:' lists no `$name  type, required: ...`")
    found_parameters = []
    for p in parameters:
        if p["type"] not in {t.value for t in ParameterType}:
            known = ", ".join(ParameterType)
            raise ValueError(f"{file.name}: ${p['name']} has type {p['type']!r}; use {known}")
        if p["example"] is None:
            raise ValueError(f"{file.name}: ${p['name']} has no example (e.g. ...)")
        parameter = Parameter(
            name=p["name"],
            type=ParameterType(p["type"]),
            required=p["required"] == "required",
            description=p["description"].strip(),
            example=_literal(p["example"].strip(), f"{file.name}: ${p['name']}"),
        )
        try:
            _check(parameter, parameter.example, f"{file.name}: the example of ${p['name']}")
        except errors.BadUserInput as exc:
            raise ValueError(exc.message) from None
        found_parameters.append(parameter)
    return LibraryQuery(file.name.removeprefix(FOLDER), description, tuple(found_parameters), file)


def _literal(text: str, where: str) -> Any:
    """A Cypher literal of an example: 'text', a number, true, false or null."""
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1]
    try:
        return json.loads(text)
    except ValueError:
        raise ValueError(f"{where}: the example {text!r} is not a Cypher literal") from None


@cache
def library() -> dict[str, LibraryQuery]:
    """Every library query, by name."""
    files = all_files()
    return {
        query.name: query
        for query in (parse(files[name]) for name in files if name.startswith(FOLDER))
    }


def find(name: str) -> LibraryQuery:
    """The library query `name`: BadUserInput for a path, NotFound for any other name."""
    if "/" in name or ".." in name or "\\" in name:
        raise errors.BadUserInput(
            f"name: {name!r} is a path; give a library query's name, e.g. single_threaded_accounts",
            field="name",
        )
    try:
        return library()[name]
    except KeyError:
        known = ", ".join(library())
        raise errors.NotFound(f"no library query {name!r}; known: {known}", field="name") from None


def bind(query: LibraryQuery, params: object) -> dict[str, Any]:
    """The Cypher parameters for `params`, checked against the header: BadUserInput naming
    the first parameter missing, mistyped or unknown. Optional ones default to null."""
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise errors.BadUserInput("params: give an object of parameters", field="params")
    known = {p.name: p for p in query.parameters}
    for name in params:
        if name not in known:
            expected = ", ".join(known) or "none"
            raise errors.BadUserInput(
                f"params.{name}: {query.name} takes no such parameter (it takes {expected})",
                field=f"params.{name}",
            )
    bound: dict[str, Any] = {}
    for parameter in query.parameters:
        value = params.get(parameter.name)
        where = f"params.{parameter.name}"
        if value is None and parameter.required:
            raise errors.BadUserInput(
                f"{where}: required ({parameter.type}, e.g. {json.dumps(parameter.example)})",
                field=where,
            )
        bound[parameter.name] = _check(parameter, value, where)
    return bound


def _check(parameter: Parameter, value: Any, where: str) -> Any:
    """`value` as Cypher takes it for `parameter`; BadUserInput when it has the wrong type."""
    if value is None:
        return None
    kind = parameter.type
    fits = {
        ParameterType.STRING: isinstance(value, str),
        ParameterType.INTEGER: isinstance(value, int) and not isinstance(value, bool),
        ParameterType.FLOAT: isinstance(value, int | float) and not isinstance(value, bool),
        ParameterType.BOOLEAN: isinstance(value, bool),
        ParameterType.DATETIME: isinstance(value, str | datetime),
    }[kind]
    if kind is ParameterType.DATETIME and isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            fits = False
        else:
            value = value if value.tzinfo else value.replace(tzinfo=UTC)
    if not fits:
        article = "an" if kind is ParameterType.INTEGER else "a"
        raise errors.BadUserInput(
            f"{where}: expected {article} {kind}"
            + (" in ISO 8601" if kind is ParameterType.DATETIME else "")
            + f", not {json.dumps(value, default=str)}",
            field=where,
        )
    return value


async def run(graph: Graph, name: str, params: object) -> runner.Rows:
    """Run a library query in a read transaction: at most MAX_ROWS rows (`truncated`)."""
    query = find(name)
    bound = bind(query, params)
    return await runner.run(graph, query.file.body, bound, limit=MAX_ROWS)
