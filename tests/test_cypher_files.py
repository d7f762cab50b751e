"""Every Cypher file the server loads: the exact set, a header analysts can read, and a
plan from the real Neo4j (EXPLAIN compiles each statement without running it)."""

from __future__ import annotations

import re
from pathlib import Path

import neo4j
import pytest

import stakegraph
from stakegraph.graph.cypher import CypherFile, all_files, load
from stakegraph.lenses import Lens

FILES = all_files()
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def test_the_loaded_files_are_exactly_these_folders_and_the_ten_lenses() -> None:
    folders = {name.split("/")[0] for name in FILES if "/" in name}
    assert folders == {"lenses", "queries", "analytics", "reads", "writes", "export"}
    assert "schema" in FILES
    lens_files = {name for name in FILES if name.startswith("lenses/")}
    assert lens_files == {lens.file for lens in Lens} | {"lenses/candidate_providers"}
    assert len([n for n in FILES if n.startswith("queries/")]) >= 8


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="lenses/end_user"):
        load("lenses/no_such_lens")


@pytest.mark.parametrize("file", FILES.values(), ids=list(FILES))
def test_every_file_has_a_header_naming_each_parameter_it_uses(file: CypherFile) -> None:
    assert file.text.startswith("//"), "a file opens with a comment saying what it answers"
    header = file.description
    assert len(header) > 40
    for parameter in set(PARAMETER.findall(file.body)):
        described = re.search(rf"(\$|:param ){parameter}\b", header)
        assert described, f"{file.name}: ${parameter} is not described in the header"


def test_every_lens_file_takes_the_window_as_optional_parameters() -> None:
    for lens in Lens:
        file = load(lens.file)
        assert file.optional_parameters == ["since", "until", "offering", "evidence"], lens
        assert {"since", "until", "offering"} <= set(PARAMETER.findall(file.body)), lens
    assert load("lenses/candidate_providers").optional_parameters == []


@pytest.mark.parametrize("file", FILES.values(), ids=list(FILES))
def test_every_statement_compiles_on_the_real_neo4j(file: CypherFile, db: neo4j.Driver) -> None:
    with db.session(notifications_min_severity="OFF") as session:
        for statement in file.statements():
            session.run("EXPLAIN " + statement).consume()


def test_every_relation_write_turns_the_wire_datetimes_back() -> None:
    """graph/writes.py sends datetimes as ISO text (`times`, `createdAt`): each merge file
    must turn them back with datetime(), or they would be stored as strings."""
    for name, file in FILES.items():
        if name.startswith("writes/merge_"):
            assert "datetime(row.createdAt)" in file.body, name
            assert "SET r[key] = datetime(row.times[key])" in file.body, name


# ----------------------------------------------------------------- one rule, one text
#
# cypher/README.md holds the lens files' shared opening and the rules several files state;
# these tests read them there, so the README is the one place they are written.

README = (Path(stakegraph.__file__).parent / "cypher" / "README.md").read_text()


def _code_block_after(marker: str) -> str:
    start = README.index(marker)
    block = README.index("```\n", start) + len("```\n")
    return README[block : README.index("```", block)]


def _pattern(text: str) -> str:
    """A README text as a regex: any spacing where it has a space or a line break."""
    return r"\s+".join(re.escape(part) for part in text.split())


def test_every_lens_file_opens_as_the_readme_says() -> None:
    opening = _code_block_after("Every lens file opens the same way")
    before, after = opening.split("<candidates>")
    expected = re.compile(_pattern(before) + r"\s+MATCH [^\n]+\s+" + _pattern(after))
    for lens in Lens:
        assert expected.match(load(lens.file).body), f"{lens.file} opens another way"


_RULES_SECTION = README.split("## One rule, one text")[1].split("\n## ")[0]
RULES = re.findall(r"^\| [^|]+ \| `([^`]+)` \| `([^`]+)` \|$", _RULES_SECTION, flags=re.M)
# Files that store or hand back these properties rather than apply the rules.
NOT_RULES = ("schema", "reads/membership")


def _rule_regex(text: str) -> re.Pattern[str]:
    """The rule's text with its variables free: `b.`/`m.` any variable (the same one
    throughout), `p.id` any variable's id or a parameter. A rule without such a variable
    is matched as it is written (any spacing)."""
    variable = re.match(r".*?\b([a-z])\.", text)
    if not variable:
        return re.compile(_pattern(text))
    name = variable.group(1)
    pattern = _pattern(text).replace(r"p\.id", r"(?:[A-Za-z_]\w*\.id|\$[A-Za-z_]\w*)")
    pattern = re.sub(rf"\b{name}\\\.", r"(?P=v)\\.", pattern)
    return re.compile(pattern.replace(r"(?P=v)\.", r"(?P<v>[A-Za-z_]\w*)\.", 1))


def test_the_readme_lists_the_five_rules() -> None:
    assert len(RULES) == 5
    assert all(_rule_regex(rule).fullmatch(rule) for rule, _ in RULES)


@pytest.mark.parametrize(("rule", "marker"), RULES, ids=[m for _, m in RULES])
def test_a_rule_is_written_one_way_in_every_file(rule: str, marker: str) -> None:
    """Once every copy of the rule is cut out of a file, nothing in it mentions what the
    rule reads (outside comments, and outside the write path, which stores it)."""
    regex = _rule_regex(rule)
    copies = 0
    for name, file in FILES.items():
        if name.startswith("writes/") or name in NOT_RULES:
            continue
        copies += len(regex.findall(file.body))
        assert marker not in regex.sub("", file.body), f"{name} states '{rule}' another way"
    assert copies >= 2, "a rule with one copy belongs in its file alone"


_PASSAGES_SECTION = README.split("## One passage, one text")[1].split("\n## ")[0]
PASSAGES = re.findall(
    r"^\| `([^`]+)`, `([^`]+)` \| `([^`]+)` \| `([^`]+)` \|$", _PASSAGES_SECTION, flags=re.M
)


def _passage(name: str, first: str, last: str) -> str:
    """The lines of a file's body from the one starting with `first` to the next one
    ending with `last`."""
    lines = load(name).body.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip().startswith(first)]
    assert starts, f"{name} has no line starting with {first!r}"
    ends = [i for i in range(starts[0], len(lines)) if lines[i].rstrip().endswith(last)]
    assert ends, f"{name} has no line ending with {last!r} after {first!r}"
    return "\n".join(lines[starts[0] : ends[0] + 1])


def test_the_readme_lists_the_shared_passages_of_segments_and_journey() -> None:
    assert [(one, other) for one, other, _, _ in PASSAGES] == [
        ("analytics/segments", "analytics/segment_members"),
        ("analytics/journey", "analytics/journey_stage"),
        ("analytics/journey", "analytics/journey_stage"),
        ("analytics/segments", "analytics/satisfaction"),
        ("analytics/segments", "analytics/satisfaction"),
        ("analytics/segments", "analytics/cross_segments"),
    ]
    # The passages hold the rules: the bucket of each dimension, the advocacy signals,
    # the stage; for satisfaction and cross_segments the bucket rules of every dimension,
    # and for satisfaction the 'UNKNOWN' bucket.
    segments, touchpoints, stage, satisfaction, unknown, cross = (
        _passage(one, first, last) for one, _, first, last in PASSAGES
    )
    assert "WHEN 'SIZE_BAND'" in segments
    assert "t.r.nps >= 9" in touchpoints
    assert "THEN 'RETENTION'" in stage
    for buckets in (satisfaction, cross):
        for rule in ("'INDIVIDUAL'", "'65+'", "'1000+'", "x.interests", "x.technologies"):
            assert rule in buckets
    assert "['UNKNOWN']" in unknown


@pytest.mark.parametrize(
    ("one", "other", "first", "last"), PASSAGES, ids=[f"{o}:{f[:20]}" for o, _, f, _ in PASSAGES]
)
def test_two_files_that_share_rules_state_them_word_for_word(
    one: str, other: str, first: str, last: str
) -> None:
    assert _passage(one, first, last) == _passage(other, first, last), (
        f"{one} and {other} differ from {first!r} to {last!r}: change both"
    )
