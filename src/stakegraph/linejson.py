"""Reading a JSON input laid out one record per line, as `stakegraph generate` and
`stakegraph export` write it, without a streaming parser (`stakegraph.inputs`):

    {"stakeholders": [
      {...},
      {...}
    ],
     "relations": [
      {...}
    ]}

Lines are found by cheap byte scanning and each record line is parsed alone with orjson
(a whole section 1.4x cheaper than ijson's events, bench/README.md); a record that is not
kept (`keep`) is not parsed at all, nor is another section. Anything this reader does
not know (another layout, a record over several lines, a line orjson refuses, an integer
ijson refuses) raises `Unknown` with the number of records already passed, and `inputs`
reads on with ijson from there: this reader never decides that a file is wrong, so every
error is ijson's own.

Why a line is one record: a JSON string holds no line break, so every line starts outside
a string. A line that starts with `{`, ends with `}` (and maybe a comma) and has no other
brace is then exactly one record, or the file is not JSON at all (and the record's reader,
which parses it, fails over to ijson, which says so). A line with more braces is a record
only if orjson parses it whole. Both processes of `import --initial` classify every line
alike, parsed or not, so they number the records alike.

Not checked here: a line of another section, or one not kept, is not parsed, so its
errors are found by the read that parses it (`import` reads both sections, and the two
processes of `import --initial` share all the records).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from stakegraph.inputs import Raw, Section


WS = b" \t\r\n"  # JSON's whitespace (bytes.strip() would take more)
BLOCK = 1 << 20
LONGEST_LINE = 1 << 24  # a longer line (minified JSON, say) is not this layout
# A digit run that may be an integer outside int64, which ijson refuses ("integer
# overflow") and orjson gives as a big int or a float: such a line is looked at closely.
DIGITS = bytes(ord("0") if ord("0") <= byte <= ord("9") else ord("x") for byte in range(256))
LONG_RUN = b"0" * 19
INTEGER = re.compile(rb"[:,\[][ \t\r\n]*(-?[0-9]{19,})(?![0-9.eE])")
# What yajl (ijson) takes: its magnitude up to 2**63 - 1, so not -2**63 either.
INT64 = range(-(2**63) + 1, 2**63)
# What may stand between records: braces, brackets, commas, and the two section keys.
TOKEN = re.compile(rb'[ \t\r\n]*(?:([{}\[\],])|"(stakeholders|relations)"[ \t\r\n]*:)')


class Unknown(Exception):
    """The file is not (or from here on not) laid out as this reader knows; `done` records
    of the section have been passed (yielded or not kept)."""

    def __init__(self, done: int) -> None:
        super().__init__(f"not one record per line after {done} records")
        self.done = done


def _overflows(line: bytes) -> bool:
    """Whether a line may hold an integer outside int64: the cheap test first (a run of 19
    digits), then an integer token (after `:`, `,` or `[`, not followed by a fraction or
    an exponent; the same text inside a string counts too, which only costs ijson)."""
    if line.translate(DIGITS).find(LONG_RUN) < 0:
        return False
    return any(int(match[1]) not in INT64 for match in INTEGER.finditer(line))


def _parsed(line: bytes, done: int) -> dict[str, Any]:
    """A record line (without its comma) as ijson would give it, or Unknown."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        raise Unknown(done) from exc
    if _overflows(line):
        raise Unknown(done)
    return record  # type: ignore[no-any-return]


class _Structure:
    """Where the lines between records leave the reader: a tiny parser of the top-level
    object `{"stakeholders": [...], "relations": [...]}` (in this order, each at most once;
    anything else is Unknown)."""

    def __init__(self) -> None:
        self.state = "start"
        self.section: str | None = None  # whose items the record lines are
        self.seen: list[str] = []
        self.records = 0  # in the current section
        self.comma = False  # after the current section's last record

    def feed(self, text: bytes, done: int) -> None:
        position = 0
        while position < len(text):
            match = TOKEN.match(text, position)
            if match is None:
                raise Unknown(done)
            position = match.end()
            self._token(match.group(1) or match.group(2), done)

    def _token(self, token: bytes, done: int) -> None:
        state = self.state
        if token == b"{" and state == "start":
            self.state = "object"
        elif token in (b"stakeholders", b"relations") and state in ("object", "comma"):
            name = token.decode()
            # A section twice (ijson reads both), or the relations first (an error in
            # the stakeholders after them would then be found before theirs): Unknown.
            if name in self.seen or (name == "stakeholders" and self.seen):
                raise Unknown(done)
            self.seen.append(name)
            self.section, self.state = name, "key"
        elif token == b"[" and state == "key":
            self.state, self.records, self.comma = "items", 0, False
        elif token == b"]" and state == "items" and not self.comma:
            self.section, self.state = None, "after"
        elif token == b"," and state == "after":
            self.state = "comma"
        elif token == b"}" and state in ("object", "after"):
            self.state = "end"
        else:
            raise Unknown(done)

    def record(self, comma: bool, done: int) -> None:
        """One more record line in the current section."""
        if self.state != "items" or (self.records and not self.comma):
            raise Unknown(done)
        self.records += 1
        self.comma = comma


def _blocks(handle: Any) -> Iterator[bytes]:
    """The file in blocks of whole lines (the last one may have no line end); Unknown(-1)
    at a line too long for this layout."""
    while block := handle.read(BLOCK):
        if not block.endswith(b"\n"):
            rest = handle.readline(LONGEST_LINE)
            if len(rest) == LONGEST_LINE:
                raise Unknown(-1)
            block += rest
        yield block


def _uniform(block: bytes) -> tuple[int, bytes] | None:
    """(records, comma and line end) when every line of `block` is the same indent, `{`,
    no other brace, `},` and the same line end (what both writers write); else None."""
    start = block.find(b"{")
    if start < 0 or block[:start].strip(b" \t"):
        return None
    end = b"},\r\n" if block.endswith(b"},\r\n") else b"},\n"
    if not block.endswith(end):
        return None
    # Each separator holds a line end; all but the last line end are in separators, and
    # every `{` is a line's first: so each line is the indent, `{`, no other `{`, `},`.
    # Its only `}` is then its last (one before would close the object, and the last
    # one would have no `{` to close: not JSON, which the record's reader finds).
    lines = block.count(b"\n")
    separator = end + block[:start] + b"{"
    if block.count(b"{") != lines or block.count(separator) != lines - 1:
        return None
    return lines, end[1:]


def records(path: Path, section: Section, keep: Callable[[int], bool] | None) -> Iterator[Raw]:
    """The records of `section` at `path` that `keep` keeps (all without it), numbered as
    in the file; Unknown (with how many were passed) where the layout is not this one."""
    structure = _Structure()
    passed = [0]  # records of `section` passed (yielded or not kept), between blocks
    loads, decode_error, prefix = orjson.loads, orjson.JSONDecodeError, f"{section}["
    with path.open("rb") as handle:
        try:
            for block in _blocks(handle):
                shape = None
                if structure.state == "items" and (structure.comma or not structure.records):
                    shape = _uniform(block)
                if shape is None:
                    yield from _block(block, structure, section, keep, passed)
                    continue
                # The commonest block (all but the first and the last few of a section),
                # by far the most lines: only the lines kept are parsed, in this loop
                # (each generator level or call costs as much as a tenth of a parse).
                lines, comma = shape
                structure.records += lines
                structure.comma = True
                if structure.section != section:
                    continue
                texts = block.split(comma)  # the lines without their comma and end
                texts.pop()  # after the last line end
                # All lines read: the digit runs looked for in the block at once (a call
                # per line cost half a parse); else in each line kept.
                clear = keep is None and block.translate(DIGITS).find(LONG_RUN) < 0
                for number, line in enumerate(texts, passed[0]):
                    if keep is not None and not keep(number):
                        continue
                    try:
                        record = loads(line)
                    except decode_error as exc:
                        raise Unknown(number) from exc
                    if not clear and _overflows(line):
                        raise Unknown(number)
                    yield f"{prefix}{number}]", record
                passed[0] += lines
        except Unknown as unknown:
            if unknown.done >= 0:
                raise
            raise Unknown(passed[0]) from unknown
    if structure.state != "end":
        raise Unknown(passed[0])


def _block(
    block: bytes,
    structure: _Structure,
    section: Section,
    keep: Callable[[int], bool] | None,
    passed: list[int],
) -> Iterator[Raw]:
    """The records of a block of lines of any shape, a line at a time (`passed` counts
    them)."""
    for line in block.split(b"\n"):
        body = line.strip(WS)
        if not body:
            continue
        done = passed[0]
        comma = body.endswith(b",")
        if comma:
            body = body[:-1].rstrip(WS)
        # Outside a section's items a line is structure, not parsed (a whole file on one
        # line, say: Unknown at once).
        maybe = body[:1] == b"{" and structure.state == "items"
        record = _record(body, done) if maybe else None
        if record is None:  # between records (where a token may not span lines)
            structure.feed(line.strip(WS), done)
            continue
        structure.record(comma, done)
        if structure.section != section:
            continue
        if keep is None or keep(done):
            value = record if isinstance(record, dict) else _parsed(body, done)
            yield f"{section}[{done}]", value
        passed[0] = done + 1


def _record(body: bytes, done: int) -> bool | dict[str, Any] | None:
    """Whether a stripped line (comma taken off) that starts with `{` is one record: True
    when it has no other brace (parsed later, only if kept), its value when it has more
    and orjson parses it, else None (the lines between records)."""
    if body[-1:] != b"}":
        return None
    if body.count(b"{") == 1 and body.count(b"}") == 1:
        return True
    try:
        value: dict[str, Any] = orjson.loads(body)  # an object: it starts with a brace
    except orjson.JSONDecodeError:
        return None
    if _overflows(body):
        raise Unknown(done)
    return value
