"""Reading JSON a line at a time (stakegraph.linejson) gives what ijson gives: the same
records, numbers, read problems and errors, for the writers' layouts and for every file
the line reader does not know (it hands over to ijson, without yielding twice)."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ijson  # type: ignore[import-untyped]
import pytest

from stakegraph import linejson
from stakegraph.exporter import _ArrayWriter
from stakegraph.inputs import ReadProblem, Section, UnreadableInput, read_section

SECTIONS: tuple[Section, ...] = ("stakeholders", "relations")


def ijson_read(path: Path, section: Section) -> Iterator[tuple[str, Any]]:
    """What reading was before the line reader: ijson alone."""
    with path.open("rb") as handle:
        try:
            items = ijson.items(handle, f"{section}.item", use_float=True)
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    yield f"{section}[{index}]", item
                else:
                    yield f"{section}[{index}]", ReadProblem(None, "expected a JSON object")
        except ijson.JSONError as exc:
            raise UnreadableInput(path.name, f"not valid JSON: {exc}") from exc


def outcome(records: Iterator[tuple[str, Any]], keep: Callable[[int], bool] | None) -> Any:
    """The records (with their keys in order: a duplicate key's value and place count),
    or the error; kept ones only."""
    got: list[Any] = []
    try:
        for number, (where, value) in enumerate(records):
            if keep is None or keep(number):
                shown = list(value.items()) if isinstance(value, dict) else value
                got.append((where, shown))
    except UnreadableInput as exc:
        got.append(("error", str(exc)))
    return got


def line_reader_knows(path: Path, section: Section) -> bool:
    try:
        for _ in linejson.records(path, section, None):
            pass
    except linejson.Unknown:
        return False
    return True


def generated(stakeholders: list[Any], relations: list[Any], end: str = "\n") -> str:
    """`stakegraph generate`'s layout (generate/__init__.py, generate/common.py)."""
    encode = json.JSONEncoder(separators=(",", ":")).encode
    text = '{"stakeholders":['
    text += "".join(("\n" if i == 0 else ",\n") + encode(r) for i, r in enumerate(stakeholders))
    text += '\n],\n"relations":['
    text += "".join(("\n" if i == 0 else ",\n") + encode(r) for i, r in enumerate(relations))
    text += "\n]}\n"
    return text.replace("\n", end)


def exported(stakeholders: list[Any], relations: list[Any]) -> str:
    """`stakegraph export`'s layout (exporter.export, with its own writer)."""
    handle = io.StringIO()
    handle.write('{"stakeholders": [')
    people = _ArrayWriter(handle)
    for item in stakeholders:
        people.write(item)
    handle.write('\n],\n "relations": [')
    links = _ArrayWriter(handle)
    for item in relations:
        links.write(item)
    handle.write("\n]}\n")
    return handle.getvalue()


PEOPLE = [
    {"id": f"p{i}", "kind": "PERSON", "name": f"Person {i}", "birthYear": 1950 + i}
    for i in range(12)
]
LINKS = [
    {"id": f"r{i}", "type": "BUYS", "from": f"p{i % 12}", "to": "p0", "amount": i * 1.5}
    for i in range(40)
]
ODD = [
    {"id": "a", "name": 'Zoë \u2028 "quoted" \\ back', "tags": [], "x": -0.0, "y": 1e-300},
    {"id": "b", "name": "{braces} [and] }, {", "n": 9223372036854775807},
    {"id": "c", "nested": {"deep": [1, {"x": None}]}, "n": -9223372036854775807},
    {"id": "d", "digits": "12345678901234567890123456789", "t": True, "f": False},
    {"id": "e", "big": 1e300, "small": -1e300, "int": 10**18},
    {},
]
PLAIN = generated(PEOPLE, LINKS)


def variant(old: str, new: str) -> str:
    assert old in PLAIN
    return PLAIN.replace(old, new)


def known() -> dict[str, str]:
    """Files the line reader reads to their end."""
    rng = random.Random(7)
    floats = [
        {"id": f"f{i}", "v": rng.uniform(-1e6, 1e6), "w": rng.random() * 10 ** rng.randint(-30, 30)}
        for i in range(30)
    ]
    return {
        "generated": PLAIN,
        "generated CRLF": generated(PEOPLE, LINKS, "\r\n"),
        "exported": exported(PEOPLE, LINKS),
        "odd values": generated(ODD, floats + ODD),
        "odd values exported": exported(ODD, floats),
        "empty sections": exported([], []),
        "empty relations": generated(PEOPLE, []),
        "spaces, tabs, blank lines": PLAIN.replace(",\n", " ,\t\n\n  \t").replace("[\n", "[ \n\n"),
        "duplicate keys": '{"stakeholders":[\n{"id":"x","name":"A","id":2,"name":"B"}\n],\n'
        '"relations":[\n{"a":1,"b":2,"a":3}\n]}\n',
        "only relations": '{"relations": [\n{"id": 1},\n{"id": 2}\n]}',
        "only stakeholders": '{"stakeholders":[\n{"id": 1}\n]}\n',
        "numbers": generated(
            [{"v": float(f"{x}e{e}")} for x in (1, 3.5, 9.99) for e in (-320, -5, 0, 7, 300)],
            [{"v": 1e2, "w": 1e-2, "x": 12.0, "y": 0.1e1, "z": -0, "i": -(2**63) + 1}],
        ),
    }


def unknown() -> dict[str, str]:
    """Files the line reader hands to ijson (at once, midway or at the end)."""
    return {
        "one line": json.dumps({"stakeholders": PEOPLE, "relations": LINKS}),
        "pretty": json.dumps({"stakeholders": PEOPLE, "relations": LINKS}, indent=2),
        "keys on their own lines": '{\n"stakeholders"\n:\n[\n{"id":1}\n]\n,\n"relations":[\n]\n}',
        "other order": '{"relations":[\n{"id": 1},\n{"id": 2}\n],\n"stakeholders":[\n{"id": 3}\n]}',
        "a section twice": variant("\n]}\n", '\n],\n"stakeholders":[\n{"id":"again"}\n]}\n'),
        "another key": variant('"relations":[', '"version":1,\n"relations":['),
        "escaped key": variant('"relations"', '"rel\\u0061tions"'),
        "split record": variant('"name":"Person 3",', '"name":"Person 3",\n'),
        "split nested record": variant(
            '"birthYear":1953}', '"birthYear":[{"a":1},\n{"b":2},\n{"c":3}]}'
        ),
        "two on a line": variant('"birthYear":1953},\n', '"birthYear":1953},'),
        "items on the header line": variant('"relations":[\n', '"relations":['),
        "not objects": variant('"birthYear":1954},', '"birthYear":1954},\n5,\n"x",\nnull,'),
        "array item": variant('"birthYear":1954},', '"birthYear":1954},\n[1, 2],'),
        "missing comma": variant('"amount":6.0},', '"amount":6.0}'),
        "trailing comma": variant('"amount":58.5}\n]', '"amount":58.5},\n]'),
        "leading comma": variant('"amount":7.5},\n', '"amount":7.5}\n,'),
        # a line with more braces is classified by parsing it, by every read
        "huge integer nested": variant("1958", '{"a":[18446744073709551615]}'),
        "garbage after": PLAIN + "x",
        "truncated": PLAIN[: len(PLAIN) // 2],
        "no end": variant("\n]}\n", "\n]\n"),
        "byte order mark": "\ufeff" + PLAIN,
        "not JSON": "stakeholders,relations\n",
        "empty file": "",
    }


# A fault inside one record line, and its section: only the read of that section (or,
# with keep, the one that keeps the line) parses it; the other section reads as if the
# line were right (import reads both sections, so reports the same error).
FAULTS: dict[str, tuple[str, Section]] = {
    "lone surrogate": (variant('"Person 5"', '"Person \\ud800"'), "stakeholders"),
    "integer past int64": (variant("1955", "9223372036854775808"), "stakeholders"),
    "integer below int64": (variant("1956", "-9223372036854775809"), "stakeholders"),
    "integer -2**63": (variant('"amount":3.0', '"amount":-9223372036854775808'), "relations"),
    "integer past uint64": (
        variant('"amount":9.0', '"amount":123456789012345678901234567890'),
        "relations",
    ),
    "broken record": (variant('"amount":4.5}', '"amount":4.5,}'), "relations"),
    "broken stakeholder": (variant('"birthYear":1951', '"birthYear":NaN'), "stakeholders"),
    "control character": (variant("Person 7", "Person\t7"), "stakeholders"),
}
CASES = {**known(), **unknown(), **{name: text for name, (text, _) in FAULTS.items()}}
KEEPS: dict[str, Callable[[int], bool]] = {
    "thirds": lambda n: n % 3 != 1,
    "chunks": lambda n: (n // 4) % 4 < 3,
    "none": lambda n: False,
}


@pytest.fixture(params=[1 << 20, 40, 200], ids=["one block", "tiny blocks", "small blocks"])
def block(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(linejson, "BLOCK", request.param)
    return int(request.param)


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("name", list(CASES))
def test_the_line_reader_or_ijson_gives_what_ijson_gives(
    name: str, block: int, tmp_path: Path
) -> None:
    path = write(tmp_path / "input.json", CASES[name])
    for section in SECTIONS:
        oracle = path
        if name in FAULTS and FAULTS[name][1] != section:  # read as if the line were right
            oracle = write(tmp_path / "plain.json", PLAIN)
        expected = outcome(ijson_read(oracle, section), None)
        knows = name in known() or (name in FAULTS and FAULTS[name][1] != section)
        assert line_reader_knows(path, section) == knows, section
        assert outcome(read_section(path, section), None) == expected, section
        for keep_name, keep in KEEPS.items():
            kept = [item for n, item in enumerate(expected) if item[0] == "error" or keep(n)]
            mine = outcome(read_section(path, section, keep), None)
            if name in FAULTS and mine != kept:
                # the faulty line not kept, so not parsed (its error is the keeper's): the
                # records kept are those of the file without the fault
                plain = outcome(ijson_read(write(tmp_path / "plain.json", PLAIN), section), None)
                assert mine == [item for n, item in enumerate(plain) if keep(n)], keep_name
            else:
                assert mine == kept, (section, keep_name)


def test_the_writers_layouts_are_read_a_line_at_a_time(tmp_path: Path) -> None:
    from stakegraph.generate import generate

    world = tmp_path / "world.json"
    generate(200, 5, world)
    for section in SECTIONS:
        assert line_reader_knows(world, section)
        assert outcome(read_section(world, section), None) == outcome(
            ijson_read(world, section), None
        )


def test_a_record_not_kept_is_not_parsed(tmp_path: Path) -> None:
    """So each of `import --initial`'s two processes parses only its own share."""
    path = tmp_path / "input.json"
    path.write_text(generated(PEOPLE, LINKS))
    parsed: list[bytes] = []
    loads = linejson.orjson.loads

    def counting(line: bytes) -> Any:
        parsed.append(line)
        return loads(line)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(linejson.orjson, "loads", counting)
        kept = list(read_section(path, "relations", lambda n: n % 4 == 0))
    assert [where for where, _ in kept] == [f"relations[{n}]" for n in range(0, 40, 4)]
    assert len(parsed) == 10


def test_a_csv_folder_keeps_by_the_same_numbers(tmp_path: Path) -> None:
    (tmp_path / "relations.csv").write_text("id,type,from,to,bogus\nr1,USES,a,b,x\nr2,USES,a,c,y\n")
    every = list(read_section(tmp_path, "relations"))
    assert len(every) == 3  # the unknown column's problem, then the rows
    assert list(read_section(tmp_path, "relations", lambda n: n != 1)) == [every[0], every[2]]
