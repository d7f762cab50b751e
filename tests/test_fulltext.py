"""The search text as a Lucene query, without a database: every piece of Lucene syntax in
user text stays text, and `matched` follows the index's rules."""

from __future__ import annotations

import re

import pytest

from stakegraph import fulltext


def test_words_are_cut_like_the_analyzer_cuts_stored_values() -> None:
    assert fulltext.words("Robot-Kit, robot  O'Neil acme.com") == [
        "robot",
        "kit",
        "o'neil",
        "acme.com",
    ]


@pytest.mark.parametrize("special", list('+-&|!(){}[]^"~*?:\\/'))
def test_escape_makes_every_special_character_literal(special: str) -> None:
    assert fulltext.escape(f"a{special}b") == f"a\\{special}b"


def test_escape_quotes_the_operator_words() -> None:
    assert [fulltext.escape(w) for w in ("AND", "OR", "NOT", "and")] == [
        '"AND"',
        '"OR"',
        '"NOT"',
        "and",
    ]


def test_a_word_matches_exactly_as_a_prefix_or_within_one_edit_from_four_characters() -> None:
    query = fulltext.lucene_query("Acme de")
    assert query == (
        "(name:(acme^3 OR acme*^2 OR acme~1) OR tags:(acme^3 OR acme*^2 OR acme~1)"
        " OR city:(acme^3 OR acme*^2 OR acme~1) OR industry:(acme^3 OR acme*^2 OR acme~1)"
        " OR country:acme^3)"
        " AND (name:(de^3 OR de*^2) OR tags:(de^3 OR de*^2) OR city:(de^3 OR de*^2)"
        " OR industry:(de^3 OR de*^2) OR country:de^3)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "AND",
        "a AND b",
        "*",
        "robo*",
        '"quoted',
        "acme~2",
        "back\\slash",
        "(open",
        "name:x",
        "NOT OR",
        "a && b || !c",
        "{[^]}",
        "x/y?",
    ],
)
def test_lucene_syntax_in_the_text_never_reaches_the_query_as_syntax(text: str) -> None:
    query = fulltext.lucene_query(text)
    # what is left besides our own structure is lower-case words
    structure = re.sub(r"\b(name|tags|city|industry|country):", "", query)
    structure = re.sub(r"\^[23]|\*\^2|~1|\b(AND|OR)\b|[()]", " ", structure)
    assert all(re.fullmatch(r"[a-z0-9_'.]+", w) for w in structure.split()), query
    assert "AND" not in fulltext.words(text)


def test_text_with_no_word_gives_no_query() -> None:
    assert fulltext.lucene_query('* ~ "" \\ ( :') == ""


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("robot", "robot", True),
        ("robot", "robt", True),  # deletion
        ("robot", "roboto", True),  # insertion
        ("robot", "rabot", True),  # substitution
        ("robot", "rbot", True),
        ("robot", "orbot", True),  # neighbours swapped
        ("robot", "rbota", False),
        ("robot", "ribat", False),
        ("robot", "rob", False),
    ],
)
def test_within_one_edit(a: str, b: str, near: bool) -> None:
    assert fulltext.within_one_edit(a, b) is near


def test_matched_names_the_properties_each_word_hits() -> None:
    properties = {
        "name": "Globex Corporation",
        "tags": ["enterprise", "crm"],
        "city": "Berlin",
        "country": "DE",
        "industry": "Software",
    }
    assert fulltext.matched(properties, "globx") == ["name"]  # one typo
    assert fulltext.matched(properties, "ent berlin") == ["tags", "city"]  # prefix, exact
    assert fulltext.matched(properties, "de") == ["country"]
    assert fulltext.matched(properties, "d") == []  # the country code only exactly
    assert fulltext.matched(properties, "crn") == []  # under 4 characters: no typo allowed
