"""The Cypher files under `cypher/`, loaded as package data.

A file is named by its path below `cypher/` without the `.cypher` ending, e.g.
`lenses/end_user` or `queries/single_threaded_accounts`. The server runs these files as
they are, the same text analysts run in cypher-shell or Neo4j Browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from stakegraph.resources import package_files

_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
# a header line describing a parameter: `$providerId  string, required: ...`
_PARAMETER_LINE = re.compile(r"^\$([A-Za-z_][A-Za-z0-9_]*)[ \t].*$", re.MULTILINE)
# `$window  ... (optional)` (lens files) or `$asOf  datetime, optional: ...` (queries/)
_OPTIONAL = re.compile(
    r"^\$([A-Za-z_][A-Za-z0-9_]*)\b(?:.*\(optional\)|\s+\w+, optional:)", re.MULTILINE
)


@dataclass(frozen=True)
class CypherFile:
    name: str
    text: str

    @property
    def description(self) -> str:
        """The header comment: the lines starting with // before the first statement."""
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("//"):
                break
            lines.append(line[2:].strip())
        return "\n".join(lines).strip()

    @property
    def described_parameters(self) -> dict[str, str]:
        """Each parameter the header describes, by name: its line of the header."""
        return {m[1]: m[0] for m in _PARAMETER_LINE.finditer(self.description)}

    @property
    def optional_parameters(self) -> list[str]:
        """Parameters the header marks optional, e.g. the lens files' window: a runner
        that is not given one passes null (`stakegraph query`)."""
        return _OPTIONAL.findall(self.description)

    @property
    def body(self) -> str:
        """The text without comment lines and without a trailing semicolon."""
        kept = [ln for ln in self.text.splitlines() if not ln.lstrip().startswith("//")]
        return "\n".join(kept).strip().rstrip(";").strip()

    def statements(self) -> list[str]:
        """The statements of a file that holds several, separated by `;` at line ends."""
        parts = re.split(r";\s*\n", self.body + "\n")
        return [p.strip() for p in parts if p.strip()]

    def inline(self, **variables: str) -> str:
        """The body with parameters turned into variables of an enclosing query.

        `inline(providerId="pid")` turns every `$providerId` into `pid`, so that the file
        can run inside `CALL (pid) { ... }` of a larger query, once per row.
        """
        text = self.body
        for parameter, variable in variables.items():
            text = re.sub(rf"\${parameter}\b", variable, text)
        return text


@cache
def all_files() -> dict[str, CypherFile]:
    """Every Cypher file shipped with the package, by name."""
    found: dict[str, CypherFile] = {}
    for path, file in package_files("stakegraph", "cypher"):
        if not path.endswith(".cypher"):
            continue
        name = path.removesuffix(".cypher")
        if not _NAME.match(name):
            raise ValueError(f"invalid Cypher file name {name!r}: use [a-z0-9_] only")
        found[name] = CypherFile(name, file.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def load(name: str) -> CypherFile:
    """One Cypher file by name; KeyError lists what exists."""
    files = all_files()
    try:
        return files[name]
    except KeyError:
        raise KeyError(f"no Cypher file {name!r}; known: {', '.join(files)}") from None
