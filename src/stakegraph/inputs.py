"""Reading import input (SPEC 8) as a stream of raw records, each with where it came from.

Two forms:
- a JSON file `{"stakeholders": [...], "relations": [...]}`, read incrementally, so a file
  with millions of records is never held in memory whole: a line at a time when it is
  laid out one record per line, as `generate` and `export` write it (`stakegraph.linejson`,
  several times cheaper), else (and from wherever that reader gives up) with ijson;
- a folder with `stakeholders.csv` and `relations.csv` (either may be absent): header names
  are the JSON keys, an empty cell is an absent field, list fields are `;`-separated.

Records come out as plain dicts, unvalidated; `stakegraph.importer` validates them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import ijson  # type: ignore[import-untyped]
from pydantic import BaseModel

from stakegraph import linejson
from stakegraph.records import LIST_FIELDS, RELATION_MODELS, STAKEHOLDER_MODELS

Section = Literal["stakeholders", "relations"]


@dataclass(frozen=True)
class ReadProblem:
    """Something wrong with the input that is found while reading, not validating."""

    field: str | None
    message: str


# (where, the record as read or a problem), e.g. ("relations.csv line 7", {...})
Raw = tuple[str, "dict[str, Any] | ReadProblem"]


class UnreadableInput(Exception):
    """The input cannot be read at all (not JSON, no such file, ...)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


Keep = Callable[[int], bool]


def read_section(path: Path, section: Section, keep: Keep | None = None) -> Iterator[Raw]:
    """The records of one section of the input at `path`, in order.

    `keep`, when given, says which records (by their number in the section, counting
    every record and read problem) to read; the others are not yielded, and where the
    file allows it (`stakegraph.linejson`) not even parsed: `import --initial` shares the
    relations between two processes. A skipped record's errors are not reported."""
    if path.is_dir():
        raws = _read_csv(path / f"{section}.csv", section)
        if keep is None:
            yield from raws
        else:
            yield from (raw for number, raw in enumerate(raws) if keep(number))
    elif path.is_file():
        yield from _read_json(path, section, keep)
    else:
        raise UnreadableInput(str(path), "no such file or folder")


def _read_json(path: Path, section: Section, keep: Keep | None) -> Iterator[Raw]:
    try:
        yield from linejson.records(path, section, keep)
        return
    except linejson.Unknown as unknown:
        passed = unknown.done  # ijson goes on from there
    with path.open("rb") as handle:
        try:
            items = ijson.items(handle, f"{section}.item", use_float=True)
            for index, item in enumerate(items):
                if index < passed or (keep is not None and not keep(index)):
                    continue
                if isinstance(item, dict):
                    yield f"{section}[{index}]", item
                else:
                    yield f"{section}[{index}]", ReadProblem(None, "expected a JSON object")
        except ijson.JSONError as exc:
            raise UnreadableInput(path.name, f"not valid JSON: {exc}") from exc


def _columns(section: Section) -> set[str]:
    """The column names a CSV file of this section may have."""
    models: tuple[type[BaseModel], ...] = (
        STAKEHOLDER_MODELS if section == "stakeholders" else RELATION_MODELS
    )
    names = {name for model in models for name in model.model_fields}
    if section == "relations":
        names = (names - {"from_id", "to_id"}) | {"from", "to"}
    return names


def _read_csv(path: Path, section: Section) -> Iterator[Raw]:
    if not path.exists():
        return
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return
        header = [name.strip() for name in header]
        unknown = [name for name in header if name and name not in _columns(section)]
        if unknown:
            # Reported once, on the header, instead of once per row.
            for name in unknown:
                yield f"{path.name} line 1", ReadProblem(name, "unknown column")
        for row in reader:
            where = f"{path.name} line {reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield where, ReadProblem(None, f"{len(row)} cells but {len(header)} columns")
                continue
            record: dict[str, Any] = {}
            for name, cell in zip(header, row, strict=False):
                if not name or name in unknown or cell == "":
                    continue
                if name in LIST_FIELDS:
                    record[name] = [part.strip() for part in cell.split(";") if part.strip()]
                else:
                    record[name] = cell
            yield where, record
