"""The records stakegraph writes: stakeholders and relations, validated here and only here.

Import, the demo and the GraphQL mutations all validate their input through these pydantic
models (SPEC 2 and 5), then hand the records to `stakegraph.graph.writes`. Field names are
the graph's own property names (camelCase); a relation's ends are `from` and `to` (Python
names `from_id` and `to_id`).

    StakeholderRecord = OrganizationRecord | DepartmentRecord | PersonRecord   (by `kind`)
    RelationRecord    = BuysRecord | UsesRecord | ServesRecord | ContributesRecord
                        | EngagesRecord | GivesFeedbackRecord | RefersRecord
                        | MemberOfRecord | PartOfRecord | ParentOfRecord
                                                                               (by `type`)

A field left out is left as it is on an existing node or relationship; a field given as
null is removed. Datetimes are stored in UTC; a datetime without a time zone is taken as UTC.
"""

from __future__ import annotations

import hashlib
import json
import re
import types
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal, Required, Union, get_args, get_origin

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetPydanticSchema,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
    with_config,
)
from pydantic_core import core_schema
from typing_extensions import TypedDict


class StakeholderKind(StrEnum):
    ORGANIZATION = "ORGANIZATION"
    DEPARTMENT = "DEPARTMENT"
    PERSON = "PERSON"

    @property
    def label(self) -> str:
        """The node label of this kind: ORGANIZATION -> Organization."""
        return self.value.title()


class RelationType(StrEnum):
    BUYS = "BUYS"
    USES = "USES"
    SERVES = "SERVES"
    CONTRIBUTES = "CONTRIBUTES"
    ENGAGES = "ENGAGES"
    GIVES_FEEDBACK = "GIVES_FEEDBACK"
    REFERS = "REFERS"
    MEMBER_OF = "MEMBER_OF"
    PART_OF = "PART_OF"
    PARENT_OF = "PARENT_OF"

    @property
    def structural(self) -> bool:
        """Structural relations are unique per (from, to); interactions per id."""
        return self in STRUCTURAL


STRUCTURAL = frozenset({RelationType.MEMBER_OF, RelationType.PART_OF, RelationType.PARENT_OF})
_RELATION_TYPES = {kind.value: kind for kind in RelationType}


def relation_type(name: str) -> RelationType:
    """`RelationType(name)` by a dict look-up (an Enum call costs more, and every relation
    of a page is named this way); ValueError for a name that is none."""
    found = _RELATION_TYPES.get(name)
    return found if found is not None else RelationType(name)


class OrgType(StrEnum):
    BUSINESS = "BUSINESS"
    GOVERNMENT = "GOVERNMENT"
    INSTITUTION = "INSTITUTION"
    NONPROFIT = "NONPROFIT"


class BuyingRole(StrEnum):
    INITIATOR = "INITIATOR"
    USER = "USER"
    INFLUENCER = "INFLUENCER"
    DECIDER = "DECIDER"
    APPROVER = "APPROVER"
    BUYER = "BUYER"
    GATEKEEPER = "GATEKEEPER"
    CHAMPION = "CHAMPION"


class PurchaseKind(StrEnum):
    ONE_OFF = "ONE_OFF"
    SUBSCRIPTION = "SUBSCRIPTION"
    CONTRACT = "CONTRACT"
    MEMBERSHIP = "MEMBERSHIP"


class Consideration(StrEnum):
    MONEY = "MONEY"
    IN_KIND = "IN_KIND"
    DATA = "DATA"
    ATTENTION = "ATTENTION"
    NONE = "NONE"


class EngagementStage(StrEnum):
    AWARENESS = "AWARENESS"
    CONSIDERATION = "CONSIDERATION"
    INTENT = "INTENT"
    ADVOCACY = "ADVOCACY"


# ------------------------------------------------------------------------- field types

_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")


def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError("an id is 1-128 characters of letters, digits and _ . : -")
    return value


@lru_cache(maxsize=512)
def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. DE, US)")
    return code


@lru_cache(maxsize=512)
def _currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"{value!r} is not an ISO 4217 currency code (e.g. EUR, USD)")
    return code


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


Id = Annotated[str, AfterValidator(_check_id)]
# Text a person types in one line (names, offerings, cities, titles) is at most MAX_TEXT
# characters: names and industries are in range indexes, whose keys Neo4j caps at about
# 8 kB (4 bytes a character at worst); free text (a comment) at most MAX_LONG_TEXT.
MAX_TEXT = 1_000
MAX_LONG_TEXT = 10_000
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
Country = Annotated[str, AfterValidator(_country)]
Currency = Annotated[str, AfterValidator(_currency)]
Timestamp = Annotated[datetime, AfterValidator(_utc)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_LONG_TEXT)]


@dataclass(frozen=True)
class Counts:
    """How many stakeholders and relations a file or a database held, as the commands say
    it: "335 stakeholders and 1002 relations"."""

    stakeholders: int
    relations: int

    def __str__(self) -> str:
        return f"{self.stakeholders} stakeholders and {self.relations} relations"


def new_id() -> str:
    """A fresh stakeholder id, for a record given without one."""
    return uuid.uuid4().hex


class _Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, str_strip_whitespace=False, frozen=True
    )

    # Fields that are not Neo4j properties set from the record's own data.
    META: ClassVar[frozenset[str]] = frozenset()
    # Fields with a default that is stored even when the input leaves them out.
    STORED_DEFAULTS: ClassVar[frozenset[str]] = frozenset()

    def properties(self) -> dict[str, Any]:
        """The Neo4j properties to SET: fields given (None removes), plus stored defaults."""
        given = self.model_fields_set | self.STORED_DEFAULTS
        values = self.__dict__
        found = {name: values[name] for name in _property_names(type(self)) if name in given}
        for name in _enum_fields(type(self)):
            if found.get(name) is not None:
                found[name] = found[name].value
        return found


_PROPERTY_NAMES: dict[type[_Record], tuple[str, ...]] = {}


def _property_names(model: type[_Record]) -> tuple[str, ...]:
    """The fields of `model` that are Neo4j properties, in declaration order (computed once:
    `properties` runs for every imported record)."""
    names = _PROPERTY_NAMES.get(model)
    if names is None:
        names = tuple(n for n in model.model_fields if n not in model.META)
        _PROPERTY_NAMES[model] = names
    return names


_ENUM_FIELDS: dict[type[_Record], tuple[str, ...]] = {}


def _enum_fields(model: type[_Record]) -> tuple[str, ...]:
    """The properties of `model` that hold an enum member (stored as its string value)."""
    names = _ENUM_FIELDS.get(model)
    if names is None:
        names = tuple(n for n in _property_names(model) if _enum_of(model.model_fields[n]))
        _ENUM_FIELDS[model] = names
    return names


def _enum_of(info: Any) -> type[StrEnum] | None:
    """The StrEnum a field holds (alone or or-None), if any."""
    options = get_args(info.annotation) or (info.annotation,)
    found = [o for o in options if isinstance(o, type) and issubclass(o, StrEnum)]
    return found[0] if found else None


def _plain(value: Any) -> Any:
    """Enums as their string values; everything else as it is (datetimes stay datetimes)."""
    if isinstance(value, StrEnum):
        return value.value
    return value


# ------------------------------------------------------------------------- stakeholders


class _StakeholderRecord(_Record):
    META: ClassVar[frozenset[str]] = frozenset({"id", "kind", "createdAt", "updatedAt"})
    id: Id = Field(default_factory=new_id)
    name: Name
    country: Country | None = None
    region: Text | None = None
    city: Text | None = None
    tags: list[str] | None = None
    createdAt: Timestamp | None = None
    updatedAt: Timestamp | None = None

    def row(self) -> dict[str, Any]:
        """The row `writes/upsert_stakeholders.cypher` takes."""
        return {
            "id": self.id,
            "kind": getattr(self, "kind"),  # noqa: B009 - set by each subclass
            "properties": self.properties(),
            "createdAt": self.createdAt,
            "updatedAt": self.updatedAt,
        }


class OrganizationRecord(_StakeholderRecord):
    kind: Literal["ORGANIZATION"] = "ORGANIZATION"
    orgType: OrgType | None = None
    industry: Text | None = None
    employees: Annotated[int, Field(ge=0)] | None = None
    annualRevenue: Annotated[float, Field(ge=0)] | None = None
    technologies: list[str] | None = None
    grossMargin: Annotated[float, Field(ge=0, le=1)] | None = None
    expectedLifespanYears: Annotated[float, Field(gt=0)] | None = None
    # The ideal customer profile for lead scoring, when set explicitly (docs/analytics.md).
    icpIndustries: list[str] | None = None
    icpSizeBands: list[str] | None = None
    icpCountries: list[str] | None = None
    icpTechnologies: list[str] | None = None


class DepartmentRecord(_StakeholderRecord):
    kind: Literal["DEPARTMENT"] = "DEPARTMENT"


class PersonRecord(_StakeholderRecord):
    kind: Literal["PERSON"] = "PERSON"
    birthYear: Annotated[int, Field(ge=1850, le=2100)] | None = None
    interests: list[str] | None = None
    values: list[str] | None = None
    needs: list[str] | None = None


StakeholderRecordType = OrganizationRecord | DepartmentRecord | PersonRecord
StakeholderRecord = Annotated[
    OrganizationRecord | DepartmentRecord | PersonRecord, Field(discriminator="kind")
]

# ------------------------------------------------------------------------- relations


class _RelationRecord(_Record):
    META: ClassVar[frozenset[str]] = frozenset({"id", "type", "from_id", "to_id", "createdAt"})
    id: Id | None = None
    from_id: Id = Field(validation_alias="from", serialization_alias="from")
    to_id: Id = Field(validation_alias="to", serialization_alias="to")
    createdAt: Timestamp | None = None

    @field_validator("to_id")
    @classmethod
    def _ends_differ(cls, to_id: str, info: ValidationInfo) -> str:
        """No relation joins a stakeholder to itself (x BUYS x, a department PART_OF itself).

        A field validator rather than a model one, so the error names the field `to`.
        """
        if to_id == info.data.get("from_id"):
            raise ValueError(f"both ends are the same stakeholder ({to_id!r})")
        return to_id

    @property
    def relation_type(self) -> RelationType:
        return RelationType(getattr(self, "type"))  # noqa: B009 - set by each subclass

    @property
    def relation_id(self) -> str:
        """The id given, or the deterministic one described in docs/import-export.md."""
        return self.id or identity(self.relation_type, self.from_id, self.to_id, self.properties())

    def row(self) -> dict[str, Any]:
        """The row the `writes/merge_<type>.cypher` files take."""
        return {
            "id": self.relation_id,
            "from": self.from_id,
            "to": self.to_id,
            "properties": self.properties(),
            "createdAt": self.createdAt,
        }


def identity(kind: RelationType, from_id: str, to_id: str, properties: dict[str, Any]) -> str:
    """A relation's id when none is given: its type and a hash of what it says.

    Structural relations (unique per pair) hash only (type, from, to); interactions hash
    their own properties as well, so the same purchase imported twice is one purchase.
    """
    content: dict[str, Any] = {"type": kind.value, "from": from_id, "to": to_id}
    if not kind.structural:
        content.update({k: v for k, v in properties.items() if v is not None})
    return content_id(kind.value, content)


def content_id(prefix: str, content: dict[str, Any]) -> str:
    """`<prefix>:<first 20 hex digits of sha256(content as canonical JSON)>` (sorted keys,
    no spaces; datetimes in UTC ISO form)."""
    canonical = _CANONICAL.encode(content)
    return f"{prefix}:{hashlib.sha256(canonical.encode()).hexdigest()[:20]}"


def _canonical(value: Any) -> str:
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


# What json.dumps(content, sort_keys=True, separators=(",", ":"), default=_canonical) makes
# (one encoder, not one a call).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=_canonical)


class BuysRecord(_RelationRecord):
    type: Literal["BUYS"] = "BUYS"
    offering: Name
    amount: Annotated[float, Field(ge=0)] = 0.0
    currency: Currency
    at: Timestamp
    kind: PurchaseKind = PurchaseKind.ONE_OFF
    consideration: Consideration = Consideration.MONEY
    STORED_DEFAULTS: ClassVar[frozenset[str]] = frozenset({"amount", "kind", "consideration"})


class UsesRecord(_RelationRecord):
    type: Literal["USES"] = "USES"
    offering: Text | None = None
    since: Timestamp | None = None


class ServesRecord(_RelationRecord):
    type: Literal["SERVES"] = "SERVES"
    offering: Text | None = None
    since: Timestamp | None = None
    ongoing: bool = False
    STORED_DEFAULTS: ClassVar[frozenset[str]] = frozenset({"ongoing"})


class ContributesRecord(_RelationRecord):
    type: Literal["CONTRIBUTES"] = "CONTRIBUTES"
    what: LongText | None = None
    at: Timestamp | None = None


class EngagesRecord(_RelationRecord):
    type: Literal["ENGAGES"] = "ENGAGES"
    stage: EngagementStage
    channel: Text | None = None
    at: Timestamp


class GivesFeedbackRecord(_RelationRecord):
    """A customer's feedback to a provider (SPEC 13): a score, a comment, or both."""

    type: Literal["GIVES_FEEDBACK"] = "GIVES_FEEDBACK"
    at: Timestamp | None = None
    nps: Annotated[int, Field(ge=0, le=10)] | None = None
    csat: Annotated[int, Field(ge=1, le=5)] | None = None
    comment: LongText | None = Field(default=None, validate_default=True)
    offering: Text | None = None
    channel: Text | None = None

    @field_validator("comment")
    @classmethod
    def _says_something(cls, comment: str | None, info: ValidationInfo) -> str | None:
        """At least one of nps, csat or comment (reported on `comment`, the last of them)."""
        if "nps" not in info.data or "csat" not in info.data:
            return comment  # a score was refused already: that error says enough
        if info.data["nps"] is None and info.data["csat"] is None and not comment:
            raise ValueError("feedback needs at least one of nps, csat or comment")
        return comment


class RefersRecord(_RelationRecord):
    """A referral (SPEC 13): `from` referred `to` to the provider `providerId`.

    The referred stakeholder cannot be the provider itself; that the provider exists is
    checked against the database with the ends (graph/writes.py).
    """

    type: Literal["REFERS"] = "REFERS"
    providerId: Id
    at: Timestamp | None = None
    channel: Text | None = None

    @field_validator("providerId")
    @classmethod
    def _not_the_referred(cls, provider_id: str, info: ValidationInfo) -> str:
        if provider_id == info.data.get("to_id"):
            raise ValueError(f"the referred stakeholder {provider_id!r} is the provider itself")
        return provider_id


class MemberOfRecord(_RelationRecord):
    type: Literal["MEMBER_OF"] = "MEMBER_OF"
    title: Text | None = None
    buyingRole: BuyingRole | None = None
    scope: list[Id] | None = None


class PartOfRecord(_RelationRecord):
    type: Literal["PART_OF"] = "PART_OF"


class ParentOfRecord(_RelationRecord):
    type: Literal["PARENT_OF"] = "PARENT_OF"


RelationRecordType = (
    BuysRecord
    | UsesRecord
    | ServesRecord
    | ContributesRecord
    | EngagesRecord
    | GivesFeedbackRecord
    | RefersRecord
    | MemberOfRecord
    | PartOfRecord
    | ParentOfRecord
)
RelationRecord = Annotated[RelationRecordType, Field(discriminator="type")]

STAKEHOLDER_MODELS = (OrganizationRecord, DepartmentRecord, PersonRecord)
RELATION_MODELS = (
    BuysRecord,
    UsesRecord,
    ServesRecord,
    ContributesRecord,
    EngagesRecord,
    GivesFeedbackRecord,
    RefersRecord,
    MemberOfRecord,
    PartOfRecord,
    ParentOfRecord,
)
STAKEHOLDER: TypeAdapter[StakeholderRecord] = TypeAdapter(StakeholderRecord)
RELATION: TypeAdapter[RelationRecord] = TypeAdapter(RelationRecord)

# Which kinds a structural relation may join: (allowed `from` kinds, allowed `to` kinds).
ENDS: dict[RelationType, tuple[frozenset[str], frozenset[str]]] = {
    RelationType.MEMBER_OF: (frozenset({"PERSON"}), frozenset({"ORGANIZATION", "DEPARTMENT"})),
    RelationType.PART_OF: (frozenset({"DEPARTMENT"}), frozenset({"ORGANIZATION", "DEPARTMENT"})),
    RelationType.PARENT_OF: (frozenset({"PERSON"}), frozenset({"PERSON"})),
}

# Fields holding lists of strings (`;`-separated in CSV).
LIST_FIELDS = frozenset(
    {"tags", "technologies", "interests", "values", "needs", "scope"}
    | {"icpIndustries", "icpSizeBands", "icpCountries", "icpTechnologies"}
)


def end_kind_problem(kind: RelationType, end: str, actual: str) -> str | None:
    """Why a stakeholder of kind `actual` cannot be the `end` ('from'/'to') of `kind`."""
    allowed = ENDS.get(kind)
    if allowed is None:
        return None
    kinds = allowed[0] if end == "from" else allowed[1]
    if actual in kinds:
        return None
    return f"{kind.value} {end} must be {' or '.join(sorted(kinds))}, not {actual}"


def field_errors(exc: ValidationError, discriminator: str) -> list[tuple[str, str]]:
    """A validation error as (field, message) pairs, fields named as in the input.

    `discriminator` is "kind" for stakeholders and "type" for relations: an unknown or
    missing kind/type is reported on that field. The union's tag in front of each location
    is dropped; list positions are shown as `scope[0]`.
    """
    found: list[tuple[str, str]] = []
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        if not loc:
            field = discriminator
        else:
            field = ""
            for part in loc[1:] if len(loc) > 1 else loc:
                field += f"[{part}]" if isinstance(part, int) else f".{part}" if field else part
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            message = "required"
        found.append((field, message))
    return found


# ------------------------------------------------------------------------- import rows
#
# Import validates millions of records; building a model instance for each, then its row,
# costs about three times what pydantic's checks do. So import validates a batch of records
# at once into plain dicts (`_Rows`: typed dicts derived from the models, every check done
# by pydantic-core, none in Python) and makes each row from its dict. That way is
# stricter than the models, never looser: it accepts only input the model accepts and gives
# the row the model's `row()` gives (tests/test_records.py compares them); whatever it does
# not accept (a bad record, but also a lower-case country code, a `from_id` key, ...) is
# validated by the model as before, so every problem is reported exactly as before.

_STRICT_ID = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,128}$")]

# A timestamp in UTC (offset 0, as nearly every input gives them) is taken as pydantic-core
# parsed it, without calling `_utc` (a Python call per value cost as much as the parse);
# only another one (no or another offset) is given to `_utc`. The first keeps
# pydantic-core's tzinfo for UTC: the same instant, ISO text, hash and Neo4j value.
# (Import reads JSON or CSV: a value is never a datetime with a named zone.)
_FAST_TIMESTAMP = Annotated[
    Union[  # noqa: UP007 - in Annotated: tried left to right, the common case first
        Annotated[
            datetime,
            GetPydanticSchema(lambda _, __: core_schema.datetime_schema(tz_constraint=0)),
        ],
        Timestamp,
    ],
    Field(union_mode="left_to_right"),
]


def _codes(values: Iterable[str], check: Callable[[str], str]) -> Any:
    """The codes `check` takes as they are, as a Literal."""
    return Literal[tuple(sorted(v for v in values if check(v) == v))]


def _strict(annotation: Any) -> Any:
    """The type the fast way gives a field of type `annotation`: the same checks, with the
    Python ones (ids, countries, currencies, enums) done by pydantic-core."""
    if annotation == Id:
        return _STRICT_ID
    if annotation == Timestamp:
        return _FAST_TIMESTAMP
    if annotation == Country:
        return _codes((c.alpha_2 for c in pycountry.countries), _country)
    if annotation == Currency:
        return _codes((c.alpha_3 for c in pycountry.currencies), _currency)
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return Literal[tuple(member.value for member in annotation)]
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *metadata = get_args(annotation)
        return Annotated[(_strict(inner), *metadata)]
    if origin in (Union, types.UnionType):
        return Union[tuple(_strict(a) for a in get_args(annotation))]  # noqa: UP007
    if origin is list:
        return list[_strict(get_args(annotation)[0])]  # type: ignore[misc]
    return annotation


# What the model's field validators check, on the fast way's dict (True: fine); a model
# with a validator not named here is always validated by the model.
_FAST_CHECKS: dict[str, Callable[[dict[str, Any]], bool]] = {
    "_ends_differ": lambda d: d["to"] != d["from"],
    "_not_the_referred": lambda d: d["providerId"] != d["to"],
    "_says_something": lambda d: bool(
        d.get("nps") is not None or d.get("csat") is not None or d.get("comment")
    ),
}


class _Shape:
    """One model's fast way: its typed dict, its checks, and how a dict becomes its row."""

    def __init__(self, model: type[_Record], tag: str) -> None:
        self.tag = model.model_fields[tag].default
        self.names = _property_names(model)
        # META as the typed dict's keys (a relation's ends are `from` and `to`)
        self.meta = frozenset(
            info.validation_alias if isinstance(info.validation_alias, str) else name
            for name, info in model.model_fields.items()
            if name in model.META
        )
        self.stored = {n: _plain(model.model_fields[n].default) for n in model.STORED_DEFAULTS}
        validators = model.__pydantic_decorators__
        names = [v.cls_var_name for v in validators.field_validators.values()]
        self.usable = not (validators.model_validators or validators.root_validators) and all(
            n in _FAST_CHECKS for n in names
        )
        checks = [_FAST_CHECKS[n] for n in names if n in _FAST_CHECKS]
        self.check: Callable[[dict[str, Any]], bool] | None = (
            None
            if not checks
            else checks[0]
            if len(checks) == 1
            else lambda valid: all(check(valid) for check in checks)
        )
        fields: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            key = info.validation_alias if isinstance(info.validation_alias, str) else name
            typed = (
                Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            )
            annotation = _strict(typed)
            fields[key] = Required[annotation] if info.is_required() else annotation
        if not self.usable:  # never matches: such records go to the model
            fields[tag] = Literal[f"{self.tag} (by the model)"]
        else:
            fields[tag] = Required[fields[tag]]
        typed_dict: Any = TypedDict
        shape = typed_dict(f"{model.__name__}Row", fields, total=False)
        self.typed = with_config(ConfigDict(extra="forbid"))(shape)

    def properties(self, valid: dict[str, Any]) -> dict[str, Any]:
        stored = self.stored
        if stored.keys() <= valid.keys():  # each default given: the fields given but META
            meta = self.meta  # (in declaration order: pydantic-core keeps it)
            return {n: v for n, v in valid.items() if n not in meta}
        return {
            n: valid[n] if n in valid else stored[n]
            for n in self.names
            if n in valid or n in stored
        }


class _Rows:
    """Raw records of one section to their import rows, a batch at a time (see above)."""

    def __init__(self, models: tuple[type[_Record], ...], tag: str, exact: TypeAdapter[Any]):
        self.tag = tag
        self.exact = exact
        self.shapes = {shape.tag: shape for shape in (_Shape(m, tag) for m in models)}
        union: Any = Union[tuple(s.typed for s in self.shapes.values())]  # noqa: UP007
        tagged: Any = Annotated[union, Field(discriminator=tag)]
        self.fast: TypeAdapter[list[dict[str, Any]]] = TypeAdapter(list[tagged])
        self.one: TypeAdapter[dict[str, Any]] = TypeAdapter(tagged)

    def rows(self, raws: list[Any]) -> list[dict[str, Any] | ValidationError]:
        """Each raw record's row (`_row`), or the model's error."""
        try:
            valid: list[Any] = self.fast.validate_python(raws)
        except ValidationError:
            valid = [self._fast_one(raw) for raw in raws]
        found: list[dict[str, Any] | ValidationError] = []
        shapes, tag, row_of = self.shapes, self.tag, self._row
        for raw, checked in zip(raws, valid, strict=True):
            if checked is not None:
                shape = shapes[checked[tag]]
                if shape.check is None or shape.check(checked):
                    found.append(row_of(shape, checked))
                    continue
            try:
                record = self.exact.validate_python(raw)
            except ValidationError as exc:
                found.append(exc.with_traceback(None))  # no cycle through this frame
                continue
            found.append(self._record_row(record))
        return found

    def _fast_one(self, raw: Any) -> dict[str, Any] | None:
        try:
            return self.one.validate_python(raw)
        except ValidationError:
            return None

    def _row(self, shape: _Shape, valid: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def _record_row(self, record: Any) -> dict[str, Any]:
        raise NotImplementedError


class _StakeholderRows(_Rows):
    def _row(self, shape: _Shape, valid: dict[str, Any]) -> dict[str, Any]:
        properties = shape.properties(valid)
        id_ = valid.get("id")
        if id_ is None:
            id_ = stakeholder_content_id(shape.tag, properties)
        return {
            "id": id_,
            "kind": shape.tag,
            "properties": properties,
            "createdAt": valid.get("createdAt"),
            "updatedAt": valid.get("updatedAt"),
        }

    def _record_row(self, record: Any) -> dict[str, Any]:
        row: dict[str, Any] = record.row()
        if "id" not in record.model_fields_set:
            row["id"] = stakeholder_content_id(record.kind, row["properties"])
        return row


class _RelationRows(_Rows):
    def _row(self, shape: _Shape, valid: dict[str, Any]) -> dict[str, Any]:
        properties = shape.properties(valid)
        type_ = shape.tag
        from_id, to_id = valid["from"], valid["to"]
        return {
            "id": valid.get("id") or identity(relation_type(type_), from_id, to_id, properties),
            "from": from_id,
            "to": to_id,
            "properties": properties,
            "createdAt": valid.get("createdAt"),
            "type": type_,
        }

    def _record_row(self, record: Any) -> dict[str, Any]:
        row: dict[str, Any] = record.row()
        row["type"] = record.type
        return row


def stakeholder_content_id(kind: str, properties: dict[str, Any]) -> str:
    """The id of a stakeholder imported without one: `<kind>:<first 20 hex digits of the
    sha256 of its properties as canonical JSON>` (`content_id`; the null ones left out), so
    importing the same record twice gives one node. Import only: a mutation without an id
    gets a random one (two people may share a name)."""
    return content_id(kind, {k: v for k, v in properties.items() if v is not None})


STAKEHOLDER_ROWS = _StakeholderRows(STAKEHOLDER_MODELS, "kind", STAKEHOLDER)
RELATION_ROWS = _RelationRows(RELATION_MODELS, "type", RELATION)
