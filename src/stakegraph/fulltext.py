"""User text as a Lucene query for the `stakeholder_search` full-text index, and which
properties a hit matched. Pure functions: no database.

The text is cut into words the way the index's analyzer cuts stored values (letters and
digits, joined by an apostrophe, a dot or an underscore; everything else separates; lower
case), so no Lucene syntax in the text (`AND`, `*`, `"`, `~`, `\\`, `(`, `:`) survives as
syntax: operators become lower-case words, punctuation separates words. Each word is then
escaped all the same (`escape`), so the query stays text even if the cutting changes.

Every word must match one of the properties (the words are joined by AND). A word matches
a stored word exactly, as a prefix, or, when it has 4 or more characters, within one edit
(Lucene `~1`: an insertion, deletion, substitution or swap of two neighbours). The country
code matches exactly. Exact matches weigh most, then prefixes, then near misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

INDEX = "stakeholder_search"
FIELDS = ("name", "tags", "city", "industry")  # words, prefixes and near misses
EXACT_FIELDS = ("country",)  # exact words only
MAX_WORDS = 20
FUZZY_FROM = 4  # words this long or longer also match within one edit

_WORD = re.compile(r"\w+(?:['.]\w+)*")
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def words(text: str) -> list[str]:
    """The words of a text, lower case, in order, each once."""
    return list(dict.fromkeys(w.lower() for w in _WORD.findall(text)))


def escape(word: str) -> str:
    """A word with every character Lucene's query parser treats as syntax escaped, and the
    operator words AND, OR, NOT quoted, so that it can only be searched as text."""
    escaped = _SPECIAL.sub(r"\\\1", word)
    return f'"{escaped}"' if escaped in ("AND", "OR", "NOT") else escaped


def lucene_query(text: str) -> str:
    """The Lucene query for `text`: one clause per word, all required. '' when the text
    has no word (only punctuation): nothing can match it."""
    clauses = []
    for word in words(text):
        e = escape(word)
        variants = f"{e}^3 OR {e}*^2" + (f" OR {e}~1" if len(word) >= FUZZY_FROM else "")
        per_field = [f"{f}:({variants})" for f in FIELDS]
        per_field += [f"{f}:{e}^3" for f in EXACT_FIELDS]
        clauses.append("(" + " OR ".join(per_field) + ")")
    return " AND ".join(clauses)


def within_one_edit(a: str, b: str) -> bool:
    """Whether b is a, or a with one insertion, deletion, substitution or neighbour swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def word_matches(word: str, stored: str, exact: bool = False) -> bool:
    if exact:
        return stored == word
    return stored.startswith(word) or len(word) >= FUZZY_FROM and within_one_edit(word, stored)


def matched(properties: Mapping[str, Any], text: str) -> list[str]:
    """The properties (of FIELDS and EXACT_FIELDS, in that order) that some word of `text`
    matches under the index's rules."""
    asked = words(text)
    found = []
    for name in (*FIELDS, *EXACT_FIELDS):
        stored = [w for value in _values(properties.get(name)) for w in words(value)]
        exact = name in EXACT_FIELDS
        if any(word_matches(w, s, exact) for w in asked for s in stored):
            found.append(name)
    return found


def _values(value: Any) -> Iterable[str]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return (v for v in value if isinstance(v, str))
