"""Every type, field, argument, input field and enum value of the served schema is described.

GraphiQL's docs pane is the API's manual: this walks the introspection result (what
GraphiQL reads) and names every element left without a description. Describe new ones
in the code (`description=` on the Strawberry type, field, argument or enum value), or in
the table of api/descriptions.py.
"""

from __future__ import annotations

from typing import Any

from graphql import get_introspection_query

from stakegraph.api.descriptions import DESCRIPTIONS, coordinates
from stakegraph.api.schema import build_schema
from stakegraph.config import ServerSettings

HOW = (
    "describe them with description= in the code (strawberry.type/field/argument/"
    "enum_value) or in the DESCRIPTIONS table of src/stakegraph/api/descriptions.py"
)


def introspection() -> dict[str, Any]:
    """The served schema's introspection result, as GraphiQL asks for it."""
    served = build_schema(ServerSettings(introspection=True))
    result = served.execute_sync(get_introspection_query(descriptions=True))
    assert result.errors is None, result.errors
    assert result.data is not None
    schema: dict[str, Any] = result.data["__schema"]
    return schema


def undescribed(schema: dict[str, Any]) -> list[str]:
    """Schema coordinates of every element without a description (built-ins left out)."""
    missing: list[str] = []

    def check(coordinate: str, element: dict[str, Any]) -> None:
        if not (element.get("description") or "").strip():
            missing.append(coordinate)

    for kind in schema["types"]:
        name = kind["name"]
        if name.startswith("__") or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        check(name, kind)
        for field in kind.get("fields") or []:
            check(f"{name}.{field['name']}", field)
            for arg in field["args"]:
                check(f"{name}.{field['name']}({arg['name']})", arg)
        for field in kind.get("inputFields") or []:
            check(f"{name}.{field['name']}", field)
        for value in kind.get("enumValues") or []:
            check(f"{name}.{value['name']}", value)
    return missing


def test_every_schema_element_has_a_description() -> None:
    missing = undescribed(introspection())
    assert not missing, f"{len(missing)} without a description ({HOW}):\n" + "\n".join(missing)


def test_the_walk_finds_a_missing_description() -> None:
    """The check can fail: an element without a description is named."""
    schema = introspection()
    kind = next(k for k in schema["types"] if k["name"] == "Lens")
    kind["enumValues"][0]["description"] = None
    field = next(k for k in schema["types"] if k["name"] == "Query")["fields"][0]
    field["args"][0]["description"] = ""
    missing = undescribed(schema)
    argument = f"Query.{field['name']}({field['args'][0]['name']})"
    assert sorted(missing) == sorted([argument, "Lens.TRANSACTIONAL"])


def test_the_manual_names_only_what_the_schema_has() -> None:
    present = coordinates(build_schema()._schema)
    stale = [key for key in DESCRIPTIONS if not key.startswith("*") and key not in present]
    assert not stale, "api/descriptions.py describes what the schema no longer has:\n" + (
        "\n".join(stale)
    )
    for key in (k for k in DESCRIPTIONS if k.startswith("*")):
        suffix, _, field = key[1:].partition(".")
        assert any(c.endswith(f"{suffix}.{field}") for c in present), key


def test_descriptions_read_as_a_manual() -> None:
    """Spot checks: domain words reach GraphiQL, and implementers inherit their interface's."""
    schema = introspection()
    by_name = {kind["name"]: kind for kind in schema["types"]}
    lens = {v["name"]: v["description"] for v in by_name["Lens"]["enumValues"]}
    assert "buying role" in lens["BUYING_CENTER"]
    organization = {f["name"]: f["description"] for f in by_name["Organization"]["fields"]}
    stakeholder = {f["name"]: f["description"] for f in by_name["Stakeholder"]["fields"]}
    assert organization["name"] == stakeholder["name"]
