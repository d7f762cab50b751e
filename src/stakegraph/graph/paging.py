"""Pages of every connection: the page sizes and the opaque cursor.

A cursor names the last item of a page by (name, id), the order every list is sorted in;
it is base64 of JSON, so a client treats it as opaque text.
"""

from __future__ import annotations

import base64
import json

from stakegraph import errors

MAX_PAGE = 500
DEFAULT_PAGE = 50
EVERYTHING = 2**31 - 1  # `first` for an uncapped page


def encode_cursor(name: str, id_: str) -> str:
    if name.__class__ is str and id_.__class__ is str:  # json.dumps's own text, written directly
        text = f"[{_json_text(name)}, {_json_text(id_)}]"
    else:
        text = json.dumps([name, id_])
    return base64.urlsafe_b64encode(text.encode()).decode()


# How json.dumps writes a string (ensure_ascii, its default)
_json_text = json.encoder.encode_basestring_ascii


def decode_cursor(cursor: str | None) -> tuple[str | None, str | None]:
    if cursor is None:
        return None, None
    try:
        name, id_ = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if isinstance(name, str) and isinstance(id_, str):
            return name, id_
    except (ValueError, TypeError):
        pass
    raise errors.BadUserInput("not a cursor this server gave out", field="after")


def encode_keyed_cursor(order: str, key: str | None, id_: str) -> str:
    """A cursor for a list in another order than (name, id): it names the order, so a cursor
    of one order is refused in another."""
    return base64.urlsafe_b64encode(json.dumps([order, key, id_]).encode()).decode()


def decode_keyed_cursor(cursor: str | None, order: str) -> tuple[str | None, str | None]:
    """(key, id) of a cursor given out for `order`; (None, None) when absent."""
    if cursor is None:
        return None, None
    try:
        cursor_order, key, id_ = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        if cursor_order == order and isinstance(key, str | None) and isinstance(id_, str):
            return key, id_
    except (ValueError, TypeError):
        pass
    raise errors.BadUserInput("not a cursor this server gave out for this order", field="after")


def check_first(first: int | None) -> int:
    """A page size: absent or null means DEFAULT_PAGE; at most MAX_PAGE."""
    if first is None:
        return DEFAULT_PAGE
    if first < 0:
        raise errors.BadUserInput("first must be 0 or more", field="first")
    return min(first, MAX_PAGE)
