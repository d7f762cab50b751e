"""Every Cypher file the server loads: the exact set, a header analysts can read, and a
plan from the real Neo4j (EXPLAIN compiles each statement without running it)."""

from __future__ import annotations

import re

import neo4j
import pytest

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
        assert file.optional_parameters == ["since", "until", "offering"], lens
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
