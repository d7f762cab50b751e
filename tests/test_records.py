"""The input records: every validation rule of SPEC 2, and errors that name the field."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from stakegraph.records import (
    RELATION,
    RELATION_ROWS,
    STAKEHOLDER,
    STAKEHOLDER_ROWS,
    BuysRecord,
    MemberOfRecord,
    OrganizationRecord,
    PersonRecord,
    RelationType,
    ServesRecord,
    end_kind_problem,
    field_errors,
    identity,
    stakeholder_content_id,
)


def stakeholder_errors(**data: Any) -> set[str]:
    """The fields the validation errors of a stakeholder name."""
    with pytest.raises(ValidationError) as caught:
        STAKEHOLDER.validate_python(data)
    return {field for field, _ in field_errors(caught.value, "kind")}


def relation_errors(**data: Any) -> set[str]:
    with pytest.raises(ValidationError) as caught:
        RELATION.validate_python(data)
    return {field for field, _ in field_errors(caught.value, "type")}


BUY = {
    "type": "BUYS",
    "from": "globex",
    "to": "initech",
    "offering": "CRM",
    "amount": 1200.0,
    "currency": "USD",
    "at": "2024-03-01T00:00:00Z",
}


def test_kind_chooses_the_stakeholder_model() -> None:
    org = STAKEHOLDER.validate_python(
        {"kind": "ORGANIZATION", "id": "acme", "name": "Acme", "orgType": "BUSINESS"}
    )
    assert isinstance(org, OrganizationRecord)
    person = STAKEHOLDER.validate_python({"kind": "PERSON", "id": "mia", "name": "Mia"})
    assert isinstance(person, PersonRecord)


def test_unknown_or_missing_kind_is_rejected_naming_kind() -> None:
    assert stakeholder_errors(kind="ROBOT", name="R2") == {"kind"}
    assert stakeholder_errors(name="R2") == {"kind"}


def test_error_messages_say_what_is_wrong() -> None:
    with pytest.raises(ValidationError) as caught:
        STAKEHOLDER.validate_python({"kind": "PERSON", "country": "XX"})
    assert dict(field_errors(caught.value, "kind")) == {
        "name": "required",
        "country": "'XX' is not an ISO 3166-1 alpha-2 country code (e.g. DE, US)",
    }


def test_id_is_generated_when_absent() -> None:
    a = PersonRecord(name="Mia")
    b = PersonRecord(name="Mia")
    assert a.id and b.id and a.id != b.id


@pytest.mark.parametrize("bad", ["", "a b", "x" * 129, "naïve", "a/b"])
def test_id_outside_the_allowed_characters_or_length_is_rejected(bad: str) -> None:
    assert stakeholder_errors(kind="PERSON", id=bad, name="X") == {"id"}


def test_id_of_128_allowed_characters_is_accepted() -> None:
    ok = "aZ0_.:-" + "x" * 121
    assert STAKEHOLDER.validate_python({"kind": "PERSON", "id": ok, "name": "X"}).id == ok


def test_name_must_not_be_empty() -> None:
    assert stakeholder_errors(kind="PERSON", id="p", name="  ") == {"name"}
    assert stakeholder_errors(kind="PERSON", id="p") == {"name"}


def test_country_is_iso_alpha_2_normalised_to_upper_case() -> None:
    rec = STAKEHOLDER.validate_python({"kind": "PERSON", "name": "X", "country": "de"})
    assert rec.country == "DE"
    assert stakeholder_errors(kind="PERSON", name="X", country="XX") == {"country"}
    assert stakeholder_errors(kind="PERSON", name="X", country="DEU") == {"country"}


def test_enums_reject_unknown_values_naming_the_field() -> None:
    assert stakeholder_errors(kind="ORGANIZATION", name="X", orgType="SHOP") == {"orgType"}
    assert relation_errors(**{**BUY, "kind": "LEASE"}) == {"kind"}
    assert relation_errors(**{**BUY, "consideration": "BITCOIN"}) == {"consideration"}
    assert relation_errors(
        type="ENGAGES", **{"from": "a", "to": "b"}, stage="LOVE", at="2024-01-01"
    ) == {"stage"}
    assert relation_errors(type="MEMBER_OF", **{"from": "a", "to": "b"}, buyingRole="BOSS") == {
        "buyingRole"
    }


def test_organization_numbers_have_their_ranges() -> None:
    assert stakeholder_errors(kind="ORGANIZATION", name="X", grossMargin=1.5) == {"grossMargin"}
    assert stakeholder_errors(kind="ORGANIZATION", name="X", grossMargin=-0.1) == {"grossMargin"}
    assert stakeholder_errors(kind="ORGANIZATION", name="X", employees=-1) == {"employees"}
    ok = STAKEHOLDER.validate_python(
        {
            "kind": "ORGANIZATION",
            "name": "X",
            "grossMargin": 0,
            "employees": 0,
            "technologies": ["k8s"],
        }
    )
    assert ok.properties() == {
        "name": "X",
        "grossMargin": 0.0,
        "employees": 0,
        "technologies": ["k8s"],
    }


def test_unknown_field_is_rejected_by_name() -> None:
    assert stakeholder_errors(kind="PERSON", name="X", orgType="BUSINESS") == {"orgType"}
    assert relation_errors(**{**BUY, "colour": "red"}) == {"colour"}


def test_list_fields_must_be_lists_of_strings() -> None:
    rec = STAKEHOLDER.validate_python(
        {
            "kind": "PERSON",
            "name": "X",
            "tags": ["a"],
            "interests": ["toys"],
            "values": ["v"],
            "needs": ["n"],
        }
    )
    assert rec.properties()["interests"] == ["toys"]
    assert stakeholder_errors(kind="PERSON", name="X", tags="a") == {"tags"}


def test_amount_must_not_be_negative() -> None:
    assert relation_errors(**{**BUY, "amount": -1}) == {"amount"}


def test_currency_is_iso_4217() -> None:
    assert RELATION.validate_python({**BUY, "currency": "eur"}).properties()["currency"] == "EUR"
    assert relation_errors(**{**BUY, "currency": "EURO"}) == {"currency"}
    assert relation_errors(**{**BUY, "currency": "ABC"}) == {"currency"}


def test_purchase_defaults_are_stored() -> None:
    purchase = RELATION.validate_python(BUY)
    assert isinstance(purchase, BuysRecord)
    props = purchase.properties()
    assert props["kind"] == "ONE_OFF" and props["consideration"] == "MONEY"
    serves = ServesRecord(from_id="teacher", to_id="parent")
    assert serves.properties() == {"ongoing": False}


def test_purchase_requires_offering_currency_and_date() -> None:
    data = {k: v for k, v in BUY.items() if k not in {"offering", "currency", "at"}}
    assert relation_errors(**data) == {"offering", "currency", "at"}


def test_naive_datetime_is_taken_as_utc_and_offsets_are_converted() -> None:
    naive = RELATION.validate_python({**BUY, "at": "2024-03-01T10:00:00"})
    assert naive.properties()["at"] == datetime(2024, 3, 1, 10, tzinfo=UTC)
    cet = RELATION.validate_python({**BUY, "at": "2024-03-01T10:00:00+01:00"})
    assert cet.properties()["at"] == datetime(2024, 3, 1, 9, tzinfo=UTC)
    assert cet.properties()["at"].utcoffset() == timedelta(0)
    aware = BuysRecord.model_validate(
        {**BUY, "at": datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=2)))}
    )
    assert aware.at.tzinfo == UTC
    assert relation_errors(**{**BUY, "at": "yesterday"}) == {"at"}


def test_relation_ends_are_from_and_to_with_valid_ids() -> None:
    assert relation_errors(type="PART_OF", to="b") == {"from"}
    assert relation_errors(type="PART_OF", **{"from": "a b", "to": "b"}) == {"from"}
    part = RELATION.validate_python({"type": "PART_OF", "from": "it", "to": "initech"})
    assert (part.from_id, part.to_id) == ("it", "initech")


@pytest.mark.parametrize(
    "data",
    [
        {"type": "PART_OF", "from": "it", "to": "it"},
        {"type": "PARENT_OF", "from": "mia", "to": "mia"},
        {**BUY, "from": "globex", "to": "globex"},
    ],
    ids=["department PART_OF itself", "person PARENT_OF themself", "x BUYS x"],
)
def test_relation_from_a_stakeholder_to_itself_is_rejected_on_to(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        RELATION.validate_python(data)
    assert field_errors(caught.value, "type") == [
        ("to", f"both ends are the same stakeholder ({data['to']!r})")
    ]
    with pytest.raises(ValidationError):
        MemberOfRecord(from_id="dana", to_id="dana")


def test_unknown_relation_type_is_rejected_naming_type() -> None:
    assert relation_errors(type="LIKES", **{"from": "a", "to": "b"}) == {"type"}


def test_membership_scope_is_a_list_of_ids() -> None:
    member = RELATION.validate_python(
        {
            "type": "MEMBER_OF",
            "from": "dana",
            "to": "globex",
            "buyingRole": "DECIDER",
            "scope": ["initech"],
        }
    )
    assert member.properties() == {"buyingRole": "DECIDER", "scope": ["initech"]}
    assert relation_errors(type="MEMBER_OF", **{"from": "d", "to": "g"}, scope=["not an id"]) == {
        "scope[0]"
    }


def test_null_removes_a_property_and_absent_leaves_it() -> None:
    rec = STAKEHOLDER.validate_python({"kind": "PERSON", "id": "p", "name": "P", "city": None})
    assert rec.properties() == {"name": "P", "city": None}


def test_relation_without_id_gets_the_same_id_for_the_same_content() -> None:
    a = RELATION.validate_python(BUY)
    b = RELATION.validate_python(
        {**BUY, "amount": 1200, "kind": "ONE_OFF", "at": "2024-03-01T01:00:00+01:00"}
    )
    c = RELATION.validate_python({**BUY, "amount": 1300})
    assert a.relation_id == b.relation_id != c.relation_id
    assert a.relation_id.startswith("BUYS:")
    assert RELATION.validate_python({**BUY, "id": "r1"}).relation_id == "r1"


def test_structural_relation_id_depends_only_on_its_ends() -> None:
    a = MemberOfRecord(from_id="dana", to_id="globex", title="CTO")
    b = MemberOfRecord(from_id="dana", to_id="globex", buyingRole="DECIDER")
    assert a.relation_id == b.relation_id == identity(RelationType.MEMBER_OF, "dana", "globex", {})


def test_structural_relations_only_join_the_right_kinds() -> None:
    assert end_kind_problem(RelationType.MEMBER_OF, "from", "PERSON") is None
    assert end_kind_problem(RelationType.MEMBER_OF, "to", "PERSON") is not None
    assert end_kind_problem(RelationType.PART_OF, "from", "ORGANIZATION") is not None
    assert end_kind_problem(RelationType.PARENT_OF, "to", "PERSON") is None
    assert end_kind_problem(RelationType.BUYS, "to", "PERSON") is None


def test_each_stakeholder_type_answers_with_exactly_its_records_fields() -> None:
    """The records are the one list of a stakeholder's fields: the GraphQL inputs are made
    from them (api/mutations.input_from) and the GraphQL types must name the same ones
    (plus `roles`, which the labels give), which from_node then reads."""
    import typing

    from pydantic.alias_generators import to_camel

    from stakegraph.api import types
    from stakegraph.records import DepartmentRecord, OrganizationRecord, PersonRecord

    for graphql, record in (
        (types.Organization, OrganizationRecord),
        (types.Department, DepartmentRecord),
        (types.Person, PersonRecord),
    ):
        named = {to_camel(name) for name in typing.get_type_hints(graphql)} - {"roles"}
        assert named == set(record.model_fields), graphql.__name__


# ------------------------------------------------------------------ import rows, the fast way

SAMPLE_STAKEHOLDERS: list[dict[str, Any]] = [
    {
        "id": "org-1",
        "kind": "ORGANIZATION",
        "name": " Toy Co ",
        "orgType": "BUSINESS",
        "country": "DE",
        "employees": 12,
        "annualRevenue": 1000,
        "grossMargin": 0.4,
        "technologies": ["AWS", "React"],
        "icpCountries": [],
        "createdAt": "2024-01-01T10:00:00Z",
    },
    {"kind": "PERSON", "name": "Mia", "birthYear": 1990, "interests": [], "needs": None},
    {"id": "dept-1", "kind": "DEPARTMENT", "name": "Sales", "region": " BY ", "tags": ["x"]},
]
SAMPLE_RELATIONS: list[dict[str, Any]] = [
    {**BUY, "id": "rel-1", "amount": 10, "kind": "SUBSCRIPTION", "createdAt": "2024-01-01"},
    {**BUY, "at": "2024-05-01T10:00:00+02:00"},
    {"consideration": "DATA", "at": "2024-05-01T10:00:00Z", "kind": "ONE_OFF", **BUY},
    {"type": "USES", "from": "mia", "to": "toyco", "since": "2024-01-01T10:00:00"},
    {"type": "SERVES", "from": "a", "to": "b", "ongoing": True, "offering": None},
    {"type": "CONTRIBUTES", "from": "a", "to": "b", "what": " code "},
    {"type": "ENGAGES", "from": "a", "to": "b", "stage": "INTENT", "at": "2024-01-01T00:00:00Z"},
    {"type": "GIVES_FEEDBACK", "from": "a", "to": "b", "nps": 9},
    {"type": "GIVES_FEEDBACK", "from": "a", "to": "b", "comment": " fine "},
    {"type": "REFERS", "from": "a", "to": "b", "providerId": "c", "channel": "web"},
    {"type": "MEMBER_OF", "from": "a", "to": "b", "buyingRole": "DECIDER", "scope": ["x"]},
    {"type": "PART_OF", "from": "a", "to": "b"},
    {"type": "PARENT_OF", "from": "a", "to": "b", "id": None},
]
ODD_VALUES: list[Any] = [
    None, "", " ", "x", "a b", "x" * 129, "de", " us ", "XX", "DE", "eur", "EUR", 0, -1, 1.5,
    11, True, "5", [], ["a", ""], ["a b"], {}, "2024-02-30T00:00:00Z", "2024-01-01T10:00:00",
    "2024-01-01T10:00:00+02:00", "INTENT", "DECIDER", "ONE_OFF", "BUYS", "PERSON",
]  # fmt: skip


def variants(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each record, and each with one field removed, set to an odd value, or renamed."""
    found = []
    for record in records:
        found.append(record)
        for key in [*record, "from_id", "extra", "id", "country", "currency", "nps", "to"]:
            found.append({k: v for k, v in record.items() if k != key})
            found.extend({**record, key: value} for value in ODD_VALUES)
        if "from" in record:  # the checks of the relation models' own validators
            found.append({**record, "to": record["from"]})
            found.append({**record, "providerId": record["to"]})
            found.append({**record, "nps": None, "csat": None, "comment": " "})
    return found


def the_models_row(adapter: Any, raw: Any, section: str) -> dict[str, Any] | list[Any]:
    """The row the models give (the way import went before the fast way), or the errors."""
    try:
        record = adapter.validate_python(raw)
    except ValidationError as exc:
        return field_errors(exc, "kind" if section == "stakeholders" else "type")
    row: dict[str, Any] = record.row()
    if section == "relations":
        row["type"] = record.type
    elif "id" not in record.model_fields_set:
        row["id"] = stakeholder_content_id(record.kind, record.properties())
    return row


def shown(row: dict[str, Any]) -> str:
    """A row's repr, pydantic-core's UTC tzinfo shown as datetime's: for a timestamp given in
    UTC the fast way keeps the tzinfo pydantic-core parsed (the same instant, offset, ISO
    text and Neo4j value; `records._FAST_TIMESTAMP`)."""
    for value in [*row.values(), *row["properties"].values()]:
        if isinstance(value, datetime):
            assert value.utcoffset() == timedelta(0), row
    return re.sub(r"TzInfo\((?:0|UTC)\)", "datetime.timezone.utc", repr(row))


@pytest.mark.parametrize(
    ("rows", "adapter", "records", "section"),
    [
        (STAKEHOLDER_ROWS, STAKEHOLDER, SAMPLE_STAKEHOLDERS, "stakeholders"),
        (RELATION_ROWS, RELATION, SAMPLE_RELATIONS, "relations"),
    ],
)
def test_import_rows_are_the_models_rows_and_errors(
    rows: Any, adapter: Any, records: list[dict[str, Any]], section: str
) -> None:
    """The fast way of import (records._Rows) gives what the models give, value and type,
    key order included, and the models' own errors; good records never reach the models."""
    raws = variants(records)
    tag = "kind" if section == "stakeholders" else "type"
    found = rows.rows(raws)
    accepted = 0
    for raw, got in zip(raws, found, strict=True):
        expected = the_models_row(adapter, raw, section)
        if isinstance(got, ValidationError):
            assert field_errors(got, tag) == expected, raw
            continue
        accepted += 1
        assert shown(got) == repr(expected), raw
        assert list(got["properties"]) == list(expected["properties"]), raw  # type: ignore[call-overload]
    assert accepted > len(records)
    assert all(rows.one.validate_python(record) for record in records if "from_id" not in record)
