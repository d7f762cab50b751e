"""schema.graphql at the repository root is the SDL the code serves, kept in step with it."""

from __future__ import annotations

from pathlib import Path

from stakegraph.api.schema import schema

SDL_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"
REGENERATE = "stakegraph schema sdl > schema.graphql   (or: make sdl)"


def test_schema_graphql_is_the_sdl_the_code_serves() -> None:
    assert SDL_FILE.exists(), f"schema.graphql is missing; create it with: {REGENERATE}"
    served = schema.as_str() + "\n"
    kept = SDL_FILE.read_text(encoding="utf-8")
    assert kept == served, (
        f"schema.graphql differs from the schema in the code; regenerate it with: {REGENERATE}"
    )


def test_schema_graphql_names_the_contract_of_spec_4() -> None:
    kept = SDL_FILE.read_text(encoding="utf-8")
    for name in (
        "customersOf(",
        "providersOf(",
        "explain(",
        "buyingCenter(",
        "customerMap(",
        "mutualCustomers(",
        "upsertOrganization(",
        "recordPurchase(",
        "removeStakeholder(",
        "interface Stakeholder",
        "type PathStep",
        "enum Lens",
        "scalar DateTime",
    ):
        assert name in kept, name
