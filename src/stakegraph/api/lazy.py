"""GraphQL objects that read each field from the graph's values when it is first asked for.

An evidence page holds thousands of fields, most of which a given client never selects
(a stakeholder's dozen properties when it asks for `id name`, every relation property
when it asks for none): building them all for every response was a third of the server's
own time on such a page (bench/README.md). The hot types (stakeholders, relations, path
steps, evidence, customer relations) are therefore answered by *views*: subclasses of
their Strawberry classes, made by `view`, whose fields are `OnFirstRead` descriptors. A
view keeps what it was made from (a node, a relationship, a lens's Found); each field is
computed from that when first read and then kept in the instance's `__dict__`, so later
reads are plain attribute reads. Fields nobody reads cost nothing.

A view is an instance of its Strawberry class (Strawberry's `is_type_of` holds) and has
the class's name (so `resolve_type` by class name answers the same GraphQL type). The
values are the same ones the eager constructors gave; reading them later changes nothing
but when a stored value that no write would accept fails to convert: the error then
belongs to the field that reads it rather than to the whole page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


class OnFirstRead:
    """A field computed by `read(obj)` on first access, then kept on the instance (a
    non-data descriptor: the instance's `__dict__` answers every later read)."""

    __slots__ = ("name", "read")

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.read(obj)
        return value


def view(
    cls: type[Any],
    init: Callable[..., None],
    fields: Mapping[str, Callable[[Any], Any]],
    constants: Mapping[str, Any] | None = None,
) -> type[Any]:
    """A subclass of Strawberry class `cls`, named like it, made by `init`, whose `fields`
    are read on first access and whose `constants` are class attributes."""
    namespace: dict[str, Any] = {name: OnFirstRead(read) for name, read in fields.items()}
    namespace.update(constants or {})
    namespace["__init__"] = init
    namespace["__module__"] = cls.__module__
    namespace["__qualname__"] = f"{cls.__qualname__}.view"
    namespace["__doc__"] = f"{cls.__name__}, its fields read when first asked for."
    return type(cls.__name__, (cls,), namespace)
