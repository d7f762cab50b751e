"""The write side of the schema.

Each mutation validates its input through the same pydantic records the importer uses
(`stakegraph.records`), then runs the shared write path (`graph/writes.py`) in ONE write
transaction: checks, writes, role labels and the read-back succeed together or not at all.
"""

from __future__ import annotations

import types
import typing
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, TypeVar

import strawberry
from neo4j import AsyncManagedTransaction
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.alias_generators import to_camel, to_snake

from stakegraph import errors, records
from stakegraph.api.context import Info
from stakegraph.api.errors import bad_input_from, error_location
from stakegraph.api.relations import Relation
from stakegraph.api.types import (
    Department,
    Membership,
    NodeCache,
    Organization,
    Person,
    from_node,
    person_from_node,
)
from stakegraph.graph import relations, writes
from stakegraph.graph.values import Node
from stakegraph.records import (
    BuyingRole,
    RelationType,
)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


# ----------------------------------------------------------------------------- inputs

# The input fields that name a relation's two ends, and the time that defaults to now.
INPUT_ENDS: dict[RelationType, tuple[str, str]] = {
    RelationType.BUYS: ("buyerId", "sellerId"),
    RelationType.USES: ("userId", "providerId"),
    RelationType.SERVES: ("providerId", "recipientId"),
    RelationType.CONTRIBUTES: ("contributorId", "platformId"),
    RelationType.ENGAGES: ("prospectId", "providerId"),
    RelationType.GIVES_FEEDBACK: ("customerId", "providerId"),
    RelationType.REFERS: ("referrerId", "referredId"),
    RelationType.MEMBER_OF: ("personId", "ofId"),
    RelationType.PARENT_OF: ("parentId", "childId"),
}
NOW_BY_DEFAULT = {
    RelationType.BUYS: "at",
    RelationType.ENGAGES: "at",
    RelationType.GIVES_FEEDBACK: "at",
    RelationType.REFERS: "at",
}


def _graphql_type(annotation: Any) -> Any:
    """A record field's type as an input field's, null left out: constraints dropped (the
    record checks them), ids (`records.Id`) as ID."""
    if annotation == records.Id:
        return strawberry.ID
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):  # X | None
        (kind,) = (k for k in typing.get_args(annotation) if k is not type(None))
        return _graphql_type(kind)
    if origin is Annotated:
        return _graphql_type(typing.get_args(annotation)[0])
    if origin is list:
        return list[_graphql_type(typing.get_args(annotation)[0])]  # type: ignore[misc]
    return annotation


def _nullable(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(annotation)


def _input(name: str, annotations: dict[str, Any], defaults: dict[str, Any]) -> type:
    cls = type(name, (), {"__annotations__": annotations, "__module__": __name__, **defaults})
    return strawberry.input(cls)


def input_from(
    record: type[records.StakeholderRecordType], name: str, *extra: tuple[str, Any, Any]
) -> type:
    """The GraphQL input of a stakeholder record, field for field in the record's order:
    `id` (new when absent) and `name` as the record has them, every other field left as it
    is in the graph when left out (UNSET) and removed when given as null; then `extra`
    (python name, type, default). The record stays the one list of a stakeholder's fields."""
    hints = typing.get_type_hints(record, include_extras=True)
    annotations: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    for field in record.model_fields:
        if field in record.META - {"id"}:
            continue
        python = to_snake(field)
        if field == "name":
            annotations[python] = str
            continue
        annotations[python] = _graphql_type(hints[field]) | None
        defaults[python] = None if field == "id" else strawberry.UNSET
    for python, kind, default in extra:
        annotations[python], defaults[python] = kind, default
    return _input(name, annotations, defaults)


def relation_input_from(record: type[records.RelationRecordType], name: str) -> type:
    """The GraphQL input of a relation record: `id` (interactions only; new when absent),
    its two ends as INPUT_ENDS names them, then the record's own fields in its order:
    required ones required, ones with a default showing it, the rest (and a time that is
    now by default) left out (UNSET) or null. The record stays the one list of fields."""
    kind = RelationType(record.model_fields["type"].default)
    hints = typing.get_type_hints(record, include_extras=True)
    annotations: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    if not kind.structural:
        annotations["id"], defaults["id"] = strawberry.ID | None, None
    for end in INPUT_ENDS[kind]:
        annotations[to_snake(end)] = strawberry.ID
    for field, info in record.model_fields.items():
        if field in record.META:
            continue
        python = to_snake(field)
        annotations[python] = _graphql_type(hints[field])
        if _nullable(hints[field]) or NOW_BY_DEFAULT.get(kind) == field:
            annotations[python] |= None
            defaults[python] = strawberry.UNSET
        elif not info.is_required():
            defaults[python] = info.default
    return _input(name, annotations, defaults)


if TYPE_CHECKING:  # classes made at import; to the type checker, any input object
    OrganizationInput: TypeAlias = Any
    DepartmentInput: TypeAlias = Any
    PersonInput: TypeAlias = Any
    MembershipInput: TypeAlias = Any
    PurchaseInput: TypeAlias = Any
    UseInput: TypeAlias = Any
    ServiceInput: TypeAlias = Any
    ContributionInput: TypeAlias = Any
    EngagementInput: TypeAlias = Any
    FeedbackInput: TypeAlias = Any
    ReferralInput: TypeAlias = Any
else:
    OrganizationInput = input_from(records.OrganizationRecord, "OrganizationInput")
    DepartmentInput = input_from(
        records.DepartmentRecord,
        "DepartmentInput",
        ("part_of_id", strawberry.ID | None, None),
    )
    PersonInput = input_from(records.PersonRecord, "PersonInput")
    MembershipInput = relation_input_from(records.MemberOfRecord, "MembershipInput")
    PurchaseInput = relation_input_from(records.BuysRecord, "PurchaseInput")
    UseInput = relation_input_from(records.UsesRecord, "UseInput")
    ServiceInput = relation_input_from(records.ServesRecord, "ServiceInput")
    ContributionInput = relation_input_from(records.ContributesRecord, "ContributionInput")
    EngagementInput = relation_input_from(records.EngagesRecord, "EngagementInput")
    FeedbackInput = relation_input_from(records.GivesFeedbackRecord, "FeedbackInput")
    ReferralInput = relation_input_from(records.RefersRecord, "ReferralInput")


# ----------------------------------------------------------------------------- helpers


def _fields(value: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """An input's given fields by their GraphQL (camelCase) names.

    A field left out is left as it is in the graph; a field given as null removes the
    property (ids and references given as null count as left out).
    """
    data = {k: getattr(value, k) for k in strawberry.asdict(value)}
    return {
        to_camel(k): v
        for k, v in data.items()
        if v is not strawberry.UNSET and k not in drop and not (v is None and k.endswith("id"))
    }


def _in_input(ends: tuple[str, str]) -> tuple[str, str]:
    """Field names inside the `input` argument, as validation errors name them."""
    return (f"input.{ends[0]}", f"input.{ends[1]}")


def _validate(
    adapter: TypeAdapter[M] | type[M],
    data: dict[str, Any],
    rename: dict[str, str],
    prefix: str = "input.",
) -> M:
    """A pydantic record, or BAD_USER_INPUT naming the input field at fault (`prefix`:
    "input." for an input object's fields, "" for a mutation's plain arguments)."""
    try:
        if isinstance(adapter, TypeAdapter):
            return adapter.validate_python(data)
        return adapter.model_validate(data)
    except ValidationError as exc:
        bad = bad_input_from(exc)
        first = next(iter(error_location(exc)), "")
        if first in rename:
            field = f"{prefix}{rename[first]}"
            message = bad.message.replace(f"input.{first}", field)
            raise errors.BadUserInput(message, field=field) from None
        raise bad from None


def _relation_record(kind: RelationType, value: Any) -> records.RelationRecord:
    """A relation input as a record: its two end fields become `from` and `to`."""
    ends = INPUT_ENDS[kind]
    data = _fields(value)
    data["from"], data["to"] = data.pop(ends[0], None), data.pop(ends[1], None)
    data["type"] = kind.value
    if not kind.structural:
        data.setdefault("id", f"{kind.value.lower()}-{uuid.uuid4().hex}")
    if kind in NOW_BY_DEFAULT:
        data.setdefault(NOW_BY_DEFAULT[kind], datetime.now(UTC))
    return _validate(records.RELATION, data, {"from": ends[0], "to": ends[1]})


S = TypeVar("S", Organization, Department, Person)


def _as(kind: type[S], node: Node) -> S:
    built = from_node(node)
    assert isinstance(built, kind), f"{node.get('id')} is not a {kind.__name__}"
    return built


async def _in_one_transaction(
    info: Info, work: Callable[[AsyncManagedTransaction], Awaitable[T]]
) -> T:
    return await info.context.graph.execute(work, write=True)


async def _record_relation(info: Info, kind: RelationType, value: Any) -> Relation:
    """Validate a relation input, write it, and answer with it as stored (its concrete
    type, e.g. Purchase), in one transaction."""
    record = _relation_record(kind, value)

    async def work(tx: AsyncManagedTransaction) -> Relation:
        ends = _in_input(INPUT_ENDS[kind])
        (rel_id,) = await writes.merge_relations(tx, [record], end_fields=ends)
        return NodeCache().link(await relations.relation_in(tx, rel_id))

    return await _in_one_transaction(info, work)


async def _upsert(
    info: Info, record: records.StakeholderRecord, part_of: str | None = None
) -> Node:
    async def work(tx: AsyncManagedTransaction) -> Node:
        (id_,) = await writes.upsert_stakeholders(tx, [record], kind_field="input.id")
        if part_of is not None:
            await writes.place_department(tx, id_, part_of, ("input.id", "input.partOfId"))
        return await writes.stakeholder(tx, id_)

    return await _in_one_transaction(info, work)


async def _remove_link(info: Info, kind: RelationType, from_id: str, to_id: str) -> bool:
    ends = INPUT_ENDS[kind]  # plain arguments, not inside `input`
    return await _in_one_transaction(
        info, lambda tx: writes.remove_link(tx, kind, from_id, to_id, ends)
    )


# ----------------------------------------------------------------------------- mutations


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create or update an organisation (idempotent on id).")
    async def upsert_organization(self, info: Info, input: OrganizationInput) -> Organization:
        data = {**_fields(input), "kind": "ORGANIZATION"}
        node = await _upsert(info, _validate(records.OrganizationRecord, data, {}))
        return _as(Organization, node)

    @strawberry.mutation(description="Create or update a department, optionally PART_OF another.")
    async def upsert_department(self, info: Info, input: DepartmentInput) -> Department:
        data = {**_fields(input, drop=("part_of_id",)), "kind": "DEPARTMENT"}
        record = _validate(records.DepartmentRecord, data, {})
        part_of = str(input.part_of_id) if input.part_of_id else None
        if part_of is not None:  # checked before the transaction: BAD_USER_INPUT, not INTERNAL
            link = {"from": record.id, "to": part_of}
            _validate(records.PartOfRecord, link, {"to": "partOfId"})
        node = await _upsert(info, record, part_of)
        return _as(Department, node)

    @strawberry.mutation(description="Create or update a person (idempotent on id).")
    async def upsert_person(self, info: Info, input: PersonInput) -> Person:
        data = {**_fields(input), "kind": "PERSON"}
        node = await _upsert(info, _validate(records.PersonRecord, data, {}))
        return person_from_node(node)

    @strawberry.mutation(description="Make a person a member of an organisation or department.")
    async def add_membership(self, info: Info, input: MembershipInput) -> Membership:
        record = _relation_record(RelationType.MEMBER_OF, input)
        assert isinstance(record, records.MemberOfRecord)

        async def work(tx: AsyncManagedTransaction) -> Membership:
            ends = _in_input(INPUT_ENDS[RelationType.MEMBER_OF])
            await writes.merge_relations(tx, [record], end_fields=ends)
            await writes.check_scope(tx, record.scope, "input.scope")
            person = await writes.stakeholder(tx, record.from_id)
            of = await writes.stakeholder(tx, record.to_id)
            stored = await writes.membership(tx, record.from_id, record.to_id)
            role = stored["buyingRole"]
            return Membership(
                person=person_from_node(person),
                of=from_node(of),
                title=stored["title"],
                buying_role=BuyingRole(role) if role else None,
            )

        return await _in_one_transaction(info, work)

    @strawberry.mutation(description="Record that one person is a parent of another.")
    async def add_parent_of(
        self, info: Info, parent_id: strawberry.ID, child_id: strawberry.ID
    ) -> Person:
        ends = INPUT_ENDS[RelationType.PARENT_OF]  # plain arguments, not inside `input`
        data = {"type": "PARENT_OF", "from": str(parent_id), "to": str(child_id)}
        record = _validate(records.RELATION, data, {"from": ends[0], "to": ends[1]}, prefix="")

        async def work(tx: AsyncManagedTransaction) -> Person:
            await writes.merge_relations(tx, [record], end_fields=ends)
            return person_from_node(await writes.stakeholder(tx, record.from_id))

        return await _in_one_transaction(info, work)

    @strawberry.mutation(description="Record one purchase (BUYS: buyer -> seller).")
    async def record_purchase(self, info: Info, input: PurchaseInput) -> Relation:
        return await _record_relation(info, RelationType.BUYS, input)

    @strawberry.mutation(description="Record that a stakeholder uses a provider's offering.")
    async def record_use(self, info: Info, input: UseInput) -> Relation:
        return await _record_relation(info, RelationType.USES, input)

    @strawberry.mutation(description="Record that a provider serves a recipient.")
    async def record_service(self, info: Info, input: ServiceInput) -> Relation:
        return await _record_relation(info, RelationType.SERVES, input)

    @strawberry.mutation(description="Record a contribution to a platform.")
    async def record_contribution(self, info: Info, input: ContributionInput) -> Relation:
        return await _record_relation(info, RelationType.CONTRIBUTES, input)

    @strawberry.mutation(description="Record a prospect's engagement with a provider.")
    async def record_engagement(self, info: Info, input: EngagementInput) -> Relation:
        return await _record_relation(info, RelationType.ENGAGES, input)

    @strawberry.mutation(
        description="Record a customer's feedback to a provider (GIVES_FEEDBACK: customer ->"
        " provider): an NPS 0-10, a CSAT 1-5 and/or a comment."
    )
    async def record_feedback(self, info: Info, input: FeedbackInput) -> Relation:
        return await _record_relation(info, RelationType.GIVES_FEEDBACK, input)

    @strawberry.mutation(
        description="Record a referral (REFERS: referrer -> referred) made for a provider."
    )
    async def record_referral(self, info: Info, input: ReferralInput) -> Relation:
        return await _record_relation(info, RelationType.REFERS, input)

    @strawberry.mutation(description="Remove a relationship by id; false when there is none.")
    async def remove_relation(self, info: Info, id: strawberry.ID) -> bool:
        return await _in_one_transaction(info, lambda tx: writes.remove_relation(tx, str(id)))

    @strawberry.mutation(
        description="End a person's membership of an organisation or department (its buying "
        "role label refreshed); false when the person is not a member there."
    )
    async def remove_membership(
        self,
        info: Info,
        person_id: Annotated[strawberry.ID, strawberry.argument(description="The person.")],
        of_id: Annotated[
            strawberry.ID, strawberry.argument(description="The organisation or department.")
        ],
    ) -> bool:
        return await _remove_link(info, RelationType.MEMBER_OF, str(person_id), str(of_id))

    @strawberry.mutation(
        description="Remove a PARENT_OF link (the parent's PARENT label refreshed); false "
        "when the two are not so linked."
    )
    async def remove_parent_of(
        self,
        info: Info,
        parent_id: Annotated[strawberry.ID, strawberry.argument(description="The parent.")],
        child_id: Annotated[strawberry.ID, strawberry.argument(description="The child.")],
    ) -> bool:
        return await _remove_link(info, RelationType.PARENT_OF, str(parent_id), str(child_id))

    @strawberry.mutation(
        description="Remove a stakeholder and its relationships, and the referrals made for it."
    )
    async def remove_stakeholder(self, info: Info, id: strawberry.ID) -> bool:
        return await _in_one_transaction(info, lambda tx: writes.remove_stakeholder(tx, str(id)))


__all__ = ["Mutation", "RelationType"]
