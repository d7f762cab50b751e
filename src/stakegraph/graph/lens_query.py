"""The lens files composed into one query per GraphQL field.

customersOf, providersOf and explain all run the ten files under `cypher/lenses/` as
they are, joined by UNION ALL inside one `CALL (providerId, customerId) { ... }`: one
round trip answers a whole page, with every lens and its evidence. No lens rule is
written here; this module only decides which pairs (customer, provider) to ask about,
how to filter by lens, how to sort and how to page, and shapes what leaves Neo4j: only
the page, as maps (graph/values.py), each node once. `held` answers only which lenses hold
for whom (the summaries and segments). Every query passes the window (`Window`) to the
lens files as their parameters $since, $until, $offering, with $evidence: false when the
client selected no evidence (the files then return [] as evidence and no path leaves Neo4j).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from typing import Any

from stakegraph import errors
from stakegraph.graph import values
from stakegraph.graph.cypher import load
from stakegraph.graph.driver import Graph, Reader
from stakegraph.graph.paging import (
    DEFAULT_PAGE,
    EVERYTHING,
    check_first,
    decode_cursor,
    encode_cursor,
)
from stakegraph.lenses import CUSTOMER_LENSES, Lens


class Listing(Enum):
    """Which side of the relations a page lists; the anchor is on the other side."""

    CUSTOMERS_OF = "customersOf"  # the anchor is the provider; rows are its customers
    PROVIDERS_OF = "providersOf"  # the anchor is the customer; rows are its providers

    @property
    def anchor_field(self) -> str:
        """The argument naming the anchor, as NOT_FOUND names it."""
        return "providerId" if self is Listing.CUSTOMERS_OF else "customerId"


@dataclass(frozen=True)
class Window:
    """Which interactions count (SPEC 9): dated ones in [since, until), only `offering`.

    The lens files read these as their parameters `$since`, `$until` and `$offering`; all
    None is the lens of all time.
    """

    since: datetime | None = None
    until: datetime | None = None
    offering: str | None = None

    def __post_init__(self) -> None:
        # A date without a zone is UTC: Neo4j never compares a DateTime with a LocalDateTime
        for name in ("since", "until"):
            moment = getattr(self, name)
            if moment is not None and moment.tzinfo is None:
                object.__setattr__(self, name, moment.replace(tzinfo=UTC))
        # Offerings are stored stripped (records.Name): " Widget " asks for "Widget"
        if self.offering is not None:
            object.__setattr__(self, "offering", self.offering.strip())

    def check(self, since_field: str = "since") -> Window:
        """BAD_USER_INPUT naming `since_field` unless since is before until, or naming
        `offering` when it is blank (no offering is: leave it out for every offering)."""
        if self.offering == "":
            raise errors.BadUserInput(
                "offering must not be blank: leave it out to count every offering",
                field="offering",
            )
        if self.since is not None and self.until is not None and self.since >= self.until:
            raise errors.BadUserInput(
                f"{since_field} must be before {'to' if since_field == 'from' else 'until'}",
                field=since_field,
            )
        return self

    def params(self, evidence: bool = True, names_only: bool = False) -> dict[str, Any]:
        """The lens files' optional parameters: the window and `$evidence` (False = the
        files return no paths, for requests that select no evidence); and the page's
        `$namesOnly` (True = its node maps hold only id and name, for requests that read
        nothing else of a stakeholder)."""
        return {
            "since": self.since,
            "until": self.until,
            "offering": self.offering,
            "evidence": evidence,
            "namesOnly": names_only,
        }


ALL_TIME = Window()


@dataclass(frozen=True)
class Found:
    """One lens holding for one pair, with one piece of evidence (a list of paths)."""

    lens: Lens
    evidence: list[values.Path]


@dataclass
class Relation:
    """x is a customer of p under `lenses`, because of `found`."""

    customer: values.Node
    provider: values.Node
    found: list[Found] = field(default_factory=list)

    @property
    def lenses(self) -> list[Lens]:
        held = {f.lens for f in self.found}
        return [lens for lens in _LENSES if lens in held]


# The lenses in catalogue order, by name and by position: what a page's rows are read with.
_LENSES = tuple(Lens)
_LENS_NAMED = {lens.value: lens for lens in _LENSES}
_LENS_ORDER = {lens: i for i, lens in enumerate(_LENSES)}


@dataclass
class Page:
    anchor: values.Node
    relations: list[Relation]
    total: int
    has_next: bool

    def cursor(self, relation: Relation, listing: Listing) -> str:
        party = relation.customer if listing is Listing.CUSTOMERS_OF else relation.provider
        return encode_cursor(party.get("name"), party.get("id"))


@cache
def lens_union(lenses: tuple[Lens, ...]) -> str:
    """The chosen lens files as one UNION ALL, reading the variables `providerId` and
    `customerId`; the window stays the parameters `$since`, `$until`, `$offering`."""
    bodies = [
        load(lens.file).inline(providerId="providerId", customerId="customerId") for lens in lenses
    ]
    return "\n  UNION ALL\n".join(bodies)


_PAGED = """
MATCH (anchor:Stakeholder {{id: $anchorId}})
CALL (anchor) {{
  {pairs}
  CALL (providerId, customerId) {{
  {union}
  }}
  WITH providerId, customer, collect({{lens: lens, evidence: evidence}}) AS found
  WHERE any(f IN found WHERE f.lens IN $lenses)
    AND none(f IN found WHERE f.lens IN $except)
  {other}
  WITH other, [f IN found WHERE f.lens IN $lenses] AS shown
  ORDER BY other.name, other.id
  RETURN collect({{name: other.name, id: other.id, other: other, shown: shown}}) AS rows
}}
WITH anchor, rows,
     [r IN rows WHERE $afterName IS NULL OR r.name > $afterName
        OR (r.name = $afterName AND r.id > $afterId)] AS rest
WITH anchor, size(rows) AS total, rest[0..$first] AS page, size(rest) > $first AS hasNext
{nodes}
RETURN elementId(anchor) AS anchor, total, hasNext, nodes,
       [r IN page | {{other: elementId(r.other), shown: {shown_maps}}}] AS page
"""


# Only the page leaves the database, as maps (graph/values.py): no driver Node or DateTime
# objects. Each node on the page travels once, in `nodes`; rows and paths name it by id.
def _shown_maps(shown: str) -> str:
    """The lenses and evidence of list `shown`, with paths as maps."""
    path = values.path_map("e")
    return f"[f IN {shown} | {{lens: f.lens, evidence: [e IN f.evidence | {path}]}}]"


def _nodes(rows: str, anchor: str) -> str:
    """Cypher giving `nodes`: the node maps of `anchor` and, for each of `rows`, of its
    `other` and every node on the paths of its `shown` lenses. A node seen more than once is
    sent once (the anchor perhaps twice). Each row is flattened on its own (WITH row): rows
    carrying the whole page through a DISTINCT made the transaction's memory grow with the
    square of the page. With $namesOnly a node map holds only its id and name (and its
    element id and labels): one plan either way."""
    flat = "reduce(ns = [], f IN row.shown | ns + reduce(ps = [], e IN f.evidence | ps + nodes(e)))"
    return f"""CALL ({anchor}, {rows}) {{
  UNWIND {rows} AS row
  WITH row
  UNWIND [row.other] + {flat} AS n
  WITH DISTINCT n
  RETURN collect(n) AS pageNodes
}}
WITH *, [n IN pageNodes + [{anchor}] | CASE WHEN $namesOnly THEN {values.named_node_map("n")}
  ELSE {values.node_map("n")} END] AS nodes"""


_CUSTOMER_PAIRS = "WITH anchor.id AS providerId, null AS customerId"

_PROVIDER_PAIRS = """CALL (anchor) {{
  {candidates}
  }}
  WITH providerId, anchor.id AS customerId"""


@cache
def paged_query(lenses: tuple[Lens, ...], listing: Listing) -> str:
    """The page query. Each row's `other` is the party that is not the anchor: the
    customer in customersOf, the provider in providersOf (the anchor is sent once)."""
    if listing is Listing.CUSTOMERS_OF:
        pairs, other = _CUSTOMER_PAIRS, "WITH customer AS other, found"
    else:
        candidates = load("lenses/candidate_providers").body
        pairs = _PROVIDER_PAIRS.format(candidates=candidates)
        other = "MATCH (other:Stakeholder {id: providerId})"
    return _PAGED.format(
        pairs=pairs,
        union=lens_union(lenses),
        other=other,
        nodes=_nodes("page", "anchor"),
        shown_maps=_shown_maps("r.shown"),
    )


def _asked(lenses: Sequence[Lens] | None, except_: Sequence[Lens] | None) -> tuple[Lens, ...]:
    """Only the files a request needs: the lenses to show and the lenses to exclude by."""
    wanted = set(lenses or Lens) | set(except_ or ())
    return tuple(lens for lens in Lens if lens in wanted)


@dataclass(frozen=True)
class PageAsk:
    """One page of customersOf (anchor = provider) or providersOf (anchor = customer), as
    asked: which lenses to show and to exclude by, the page, the window and how much to
    send.

    `everything=True` answers every relation in one page (no `first`, no MAX_PAGE cap),
    for fields that need them all. `window` says which interactions count. `evidence=False`
    leaves every Found's evidence empty (no paths built, sent or read); `names_only=True`
    sends of each stakeholder only its id and name (with its labels).
    """

    anchor_id: str
    listing: Listing
    lenses: Sequence[Lens] | None = None
    except_: Sequence[Lens] | None = None
    first: int | None = DEFAULT_PAGE
    after: str | None = None
    everything: bool = False
    window: Window = ALL_TIME
    evidence: bool = True
    names_only: bool = False

    def statement(self) -> tuple[str, dict[str, Any]]:
        """The Cypher and the parameters `page` sends; BAD_USER_INPUT for a bad `first`,
        cursor or window, before anything is sent."""
        first = EVERYTHING if self.everything else check_first(self.first)
        after_name, after_id = decode_cursor(self.after)
        shown = list(self.lenses) if self.lenses else list(Lens)
        return paged_query(_asked(self.lenses, self.except_), self.listing), {
            "anchorId": self.anchor_id,
            "customerId": self.anchor_id,
            "lenses": [lens.value for lens in shown],
            "except": [lens.value for lens in self.except_ or ()],
            "afterName": after_name,
            "afterId": after_id,
            "first": first,
            **self.window.check().params(self.evidence, self.names_only),
        }


async def page(graph: Reader, ask: PageAsk) -> Page:
    """The page `ask` describes, in one round trip; NOT_FOUND naming the anchor's field
    when no stakeholder has its id."""
    query, params = ask.statement()
    records = await graph.read(query, **params)
    if not records:
        raise errors.NotFound(
            f"no stakeholder with id {ask.anchor_id!r}", field=ask.listing.anchor_field
        )
    record = records[0]
    nodes = values.nodes_by_id(record["nodes"])
    anchor = nodes[record["anchor"]]
    relations = [
        _relation(nodes[row["other"]], anchor, row["shown"], nodes)
        if ask.listing is Listing.CUSTOMERS_OF
        else _relation(anchor, nodes[row["other"]], row["shown"], nodes)
        for row in record["page"]
    ]
    return Page(anchor, relations, record["total"], record["hasNext"])


def _relation(
    customer: values.Node,
    provider: values.Node,
    shown: Iterable[dict[str, Any]],
    nodes: dict[str, values.Node],
) -> Relation:
    found = [
        Found(_LENS_NAMED[f["lens"]], [values.path(e, nodes) for e in f["evidence"]]) for f in shown
    ]
    found.sort(key=lambda f: _LENS_ORDER[f.lens])
    return Relation(customer, provider, found)


_HELD = """CALL (anchor) {{
  WITH anchor.id AS providerId, null AS customerId
  CALL (providerId, customerId) {{
  {union}
  }}
  WITH customer, collect(DISTINCT lens) AS held
  WHERE any(lens IN held WHERE lens IN $lenses)
  RETURN collect({{id: customer.id, lenses: [lens IN held WHERE lens IN $lenses]}}) AS {rows}
}}"""


@cache
def held_call(lenses: tuple[Lens, ...], rows: str = "rows") -> str:
    """Cypher giving `rows`, the customers of the provider node `anchor` under `lenses` as
    a list of {id, lenses} (the lenses of `lenses` that hold), for a statement that goes on
    with them; it reads the parameter $lenses (their names) and the window's."""
    return _HELD.format(union=lens_union(lenses), rows=rows)


@cache
def held_query(lenses: tuple[Lens, ...]) -> str:
    return f"MATCH (anchor:Stakeholder {{id: $anchorId}})\n{held_call(lenses)}\nRETURN rows"


async def held(
    graph: Reader,
    provider_id: str,
    lenses: Sequence[Lens] | None = None,
    window: Window = ALL_TIME,
) -> dict[str, list[Lens]]:
    """Every customer of p under `lenses` (absent = all ten), id -> the lenses of `lenses`
    that hold, in catalogue order: the lens files as customersOf runs them, without the
    evidence (nothing but ids and lens names leaves Neo4j). One statement, uncapped."""
    chosen = _asked(lenses, None)
    records = await graph.read(
        held_query(chosen),
        anchorId=provider_id,
        lenses=[lens.value for lens in chosen],
        **window.check().params(evidence=False),
    )
    if not records:
        raise errors.NotFound(f"no stakeholder with id {provider_id!r}", field="providerId")
    order = list(Lens)
    return {
        row["id"]: sorted((Lens(name) for name in row["lenses"]), key=order.index)
        for row in records[0]["rows"]
    }


_EXPLAIN = """
MATCH (x:Stakeholder {{id: $customerId}}), (p:Stakeholder {{id: $providerId}})
CALL (x, p) {{
  WITH p.id AS providerId, x.id AS customerId
  CALL (providerId, customerId) {{
  {union}
  }}
  RETURN collect({{lens: lens, evidence: evidence}}) AS shown
}}
WITH x, p, shown, [{{other: x, shown: shown}}] AS rows
{nodes}
RETURN elementId(x) AS x, elementId(p) AS p, nodes, {shown_maps} AS found
"""


@cache
def explain_query() -> str:
    return _EXPLAIN.format(
        union=lens_union(tuple(Lens)),
        nodes=_nodes("rows", "p"),
        shown_maps=_shown_maps("shown"),
    )


async def explain(
    graph: Graph,
    customer_id: str,
    provider_id: str,
    evidence: bool = True,
    names_only: bool = False,
) -> Relation:
    """Every lens's verdict for one pair: the Relation lists only the lenses that hold
    (without paths when `evidence` is False; its nodes with only id and name when
    `names_only`)."""
    records = await graph.read(
        explain_query(),
        customerId=customer_id,
        providerId=provider_id,
        **ALL_TIME.params(evidence, names_only),
    )
    if not records:
        missing = await graph.read(load("reads/missing_ids").body, ids=[customer_id, provider_id])
        absent = missing[0]["missing"] if missing else []
        field = "customerId" if customer_id in absent else "providerId"
        bad = customer_id if field == "customerId" else provider_id
        raise errors.NotFound(f"no stakeholder with id {bad!r}", field=field)
    record = records[0]
    nodes = values.nodes_by_id(record["nodes"])
    return _relation(nodes[record["x"]], nodes[record["p"]], record["found"], nodes)


_MUTUAL = """
MATCH (anchor:Stakeholder {{id: $customerId}})
CALL (anchor) {{
  {candidates}
}}
WITH anchor, providerId AS otherId
CALL (anchor, otherId) {{
  WITH otherId AS providerId, anchor.id AS customerId
  CALL (providerId, customerId) {{
  {union}
  }}
  RETURN count(*) AS held
}}
WITH anchor, otherId WHERE held > 0
CALL (anchor, otherId) {{
  WITH anchor.id AS providerId, otherId AS customerId
  CALL (providerId, customerId) {{
  {union}
  }}
  RETURN count(*) AS heldBack
}}
WITH anchor, otherId WHERE heldBack > 0
MATCH (other:Stakeholder {{id: otherId}})
WITH anchor, other ORDER BY other.name, other.id
RETURN anchor, collect(other) AS mutual
"""


@cache
def mutual_query() -> str:
    return _MUTUAL.format(
        candidates=load("lenses/candidate_providers").body,
        union=lens_union(CUSTOMER_LENSES),
    )


async def mutual(graph: Graph, stakeholder_id: str) -> list[values.Node]:
    """Stakeholders that are customers of this one and of which it is a customer.

    Candidates are this stakeholder's possible providers (candidate_providers.cypher);
    each is kept when some customer lens holds in both directions. One round trip, no cap.
    """
    records = await graph.read(
        mutual_query(), customerId=stakeholder_id, **ALL_TIME.params(evidence=False)
    )
    if not records:
        if not await graph.read(load("reads/stakeholder").body, id=stakeholder_id):
            raise errors.NotFound(
                f"no stakeholder with id {stakeholder_id!r}", field="stakeholderId"
            )
        return []
    return list(values.record(records[0])["mutual"])
