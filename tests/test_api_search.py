"""search: the full-text index over name, tags, city, country and industry, against the
real Neo4j: typos, prefixes, exact country codes, ranking and ties, kinds, `matched`,
Lucene syntax searched as text, refusals before any Cypher, one round trip."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from tests.gql import GQL, code, field

QUERY = """
query($q: String!, $kinds: [StakeholderKind!], $first: Int) {
  search(text: $q, kinds: $kinds, first: $first) {
    stakeholder { id kind } score matched
  }
}
"""

WORLD = """
CREATE (:Stakeholder:Organization {id: 'globex', name: 'Globex', city: 'Berlin',
        country: 'DE', industry: 'Software', tags: ['enterprise', 'robotics']})
CREATE (:Stakeholder:Organization {id: 'globetrot', name: 'Globetrotter Travel',
        city: 'Paris', country: 'FR', industry: 'Travel', tags: []})
CREATE (:Stakeholder:Person {id: 'dana', name: 'Dana Globex', city: 'Denver', country: 'US'})
CREATE (:Stakeholder:Department {id: 'rnr', name: 'Rock AND Roll (Music): "Live"',
        country: 'GB'})
CREATE (:Stakeholder:Person {id: 'twin-b', name: 'Twin', country: 'IT'})
CREATE (:Stakeholder:Person {id: 'twin-a', name: 'Twin', country: 'IT'})
"""


@pytest.fixture
def world(db: neo4j.Driver) -> None:
    db.execute_query(WORLD)


def search(gql: GQL, text: str, **args: Any) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = gql.query(QUERY, q=text, **args)["search"]
    return hits


def ids(hits: list[dict[str, Any]]) -> list[str]:
    return [h["stakeholder"]["id"] for h in hits]


def test_one_typo_still_matches_and_matched_names_the_property(gql: GQL, world: None) -> None:
    hits = search(gql, "globx")
    assert set(ids(hits)) == {"globex", "dana"}
    assert all(h["matched"] == ["name"] for h in hits)


def test_exact_words_rank_above_prefixes_and_scores_never_rise(gql: GQL, world: None) -> None:
    exact = search(gql, "globex")
    assert ids(exact) == ["globex", "dana"]  # the whole name first
    prefix = search(gql, "glob")
    assert set(ids(prefix)) == {"globex", "globetrot", "dana"}
    assert max(h["score"] for h in prefix) < exact[0]["score"]
    scores = [h["score"] for h in prefix]
    assert scores == sorted(scores, reverse=True)


def test_tags_city_and_industry_are_searched(gql: GQL, world: None) -> None:
    assert [(h["stakeholder"]["id"], h["matched"]) for h in search(gql, "robotic")] == [
        ("globex", ["tags"])
    ]
    assert ids(search(gql, "berlin software")) == ["globex"]  # every word must match
    assert ids(search(gql, "paris")) == ["globetrot"]


def test_country_codes_match_exactly(gql: GQL, world: None) -> None:
    assert ids(search(gql, "fr")) == ["globetrot"]
    assert {h["stakeholder"]["id"]: h["matched"] for h in search(gql, "DE")} == {
        "globex": ["country"],
        "dana": ["city"],  # Denver, by prefix
    }
    assert "globex" not in ids(search(gql, "d"))  # Dana and Denver, not the code DE
    assert ids(search(gql, "it")) == ["twin-a", "twin-b"]  # no stop words; ties by name, id


def test_kinds_filter_and_first_caps(gql: GQL, world: None) -> None:
    assert ids(search(gql, "globex", kinds=["PERSON"])) == ["dana"]
    assert ids(search(gql, "glob", kinds=["ORGANIZATION", "DEPARTMENT"], first=1)) in (
        ["globex"],
        ["globetrot"],
    )
    assert search(gql, "glob", first=0) == []


def test_at_most_one_hundred_hits(gql: GQL, db: neo4j.Driver) -> None:
    db.execute_query(
        "UNWIND range(1, 120) AS i CREATE (:Stakeholder:Person {id: 'p' + i, name: 'Item ' + i})"
    )
    hits = search(gql, "item", first=500)
    assert len(hits) == 100
    assert len(search(gql, "item")) == 20


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("AND", ["rnr"]),
        ("rock AND roll", ["rnr"]),
        ("rock OR nothing", []),  # OR is a word to find too, not an operator
        ('"live', ["rnr"]),
        ("music):", ["rnr"]),
        ("(rock", ["rnr"]),
        ("roll~", ["rnr"]),
        ("rock\\", ["rnr"]),
        ("name:globex", []),  # no field syntax: 'name' and 'globex' must both match
        ("*", []),
        ('" ~ \\ ( : *', []),
        ("globex*~^", ["globex", "dana"]),
        ("globex~2", []),  # '2' is a word that must match too
    ],
)
def test_lucene_syntax_in_the_text_is_searched_as_text(
    gql: GQL, world: None, text: str, found: list[str]
) -> None:
    assert sorted(ids(search(gql, text))) == sorted(found)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_text_is_refused_before_any_cypher(gql: GQL, text: str) -> None:
    before = gql.graph.statements
    error = gql.error(QUERY, q=text)
    assert (code(error), field(error)) == ("BAD_USER_INPUT", "text")
    assert gql.graph.statements == before


def test_too_many_words_or_a_negative_first_are_refused_before_any_cypher(gql: GQL) -> None:
    before = gql.graph.statements
    error = gql.error(QUERY, q=" ".join(f"w{i}" for i in range(21)))
    assert (code(error), field(error)) == ("BAD_USER_INPUT", "text")
    error = gql.error(QUERY, q="globex", first=-1)
    assert (code(error), field(error)) == ("BAD_USER_INPUT", "first")
    assert gql.graph.statements == before


def test_one_round_trip(gql: GQL, world: None) -> None:
    before = gql.graph.statements
    search(gql, "globex berlin")
    assert gql.graph.statements - before == 1
