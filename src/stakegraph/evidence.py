"""The evidence of a lens in plain English: one sentence per piece of evidence
(`summarize`) and the relationships it walks along (`steps`).

Evidence is what a lens file returns (cypher/lenses/): a list of paths, here read through
the protocols of `stakegraph.graph.values`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from stakegraph.graph.values import GraphNode, GraphPath, GraphRelationship
from stakegraph.lenses import Lens

Step = tuple[GraphNode, str, GraphNode, str | None]


def steps(evidence: Iterable[GraphPath]) -> list[Step]:
    """Every relationship of the evidence, in path order, in its own direction:
    (from node, relationship type, to node, relationship id or None)."""
    found: list[Step] = []
    for path in evidence:
        for rel in path.relationships:
            start, end = _ends(rel)
            rel_id = rel.get("id")
            found.append((start, rel.type, end, None if rel_id is None else str(rel_id)))
    return found


def summarize(lens: Lens, evidence: Sequence[GraphPath]) -> str:
    """One plain-English sentence saying why the lens holds, naming who is involved."""
    if not evidence:
        return f"{lens.value} holds"
    main = evidence[0]
    if lens is Lens.BUYING_CENTER:
        return _buying_center(main)
    if lens is Lens.END_USER:
        return _end_user(main, evidence[1:])
    if lens is Lens.INTERNAL:
        return _internal(evidence)
    if lens is Lens.COLLABORATIVE:
        return _collaborative(evidence)
    if lens is Lens.REPEAT:
        return _repeat(evidence)
    return "; ".join(_clause(rel) for path in evidence for rel in path.relationships)


# --- one sentence per lens ----------------------------------------------------------------


def _buying_center(path: GraphPath) -> str:
    rels = list(path.relationships)
    member, *structure, buy = rels
    person, unit = _ends(member)
    organisation, _ = _ends(buy)
    role = member.get("buyingRole") or "a member"
    sentence = f"{_name(person)} is {role} in {_possessive(organisation)} buying center"
    if unit != organisation:
        chain = [unit] + [_ends(rel)[1] for rel in structure][:-1]
        sentence += f" (member of {', part of '.join(_name(n) for n in chain)})"
    return f"{sentence}; {_bought(buy, details=False)}"


def _end_user(use_path: GraphPath, payer_paths: Sequence[GraphPath]) -> str:
    use = _first(use_path)
    user, _ = _ends(use)
    sentence = _clause(use)
    if not payer_paths:
        return sentence
    rels = list(payer_paths[0].relationships)
    payer, _ = _ends(rels[-1])
    if payer == user:
        return f"{sentence}; {_name(user)} paid for it"
    if rels[0].type == "PARENT_OF":
        return f"{sentence}; paid for by {_name(payer)}, a parent of {_name(user)}"
    return f"{sentence}; paid for by {_name(payer)}, {_possessive(user)} organisation"


def _internal(evidence: Sequence[GraphPath]) -> str:
    receive = _clause(_first(evidence[0]))
    if len(evidence) < 3:
        return receive
    x_home, p_home = evidence[1], evidence[2]
    x, home = x_home.start_node, x_home.end_node
    p = p_home.start_node
    if home == x:
        shared = f"{_name(p)} is part of {_name(x)}"
    elif home == p:
        shared = f"{_name(x)} is part of {_name(p)}"
    else:
        shared = f"{_name(x)} and {_name(p)} both belong to {_name(home)}"
    return f"{receive}; {shared}"


def _collaborative(evidence: Sequence[GraphPath]) -> str:
    sentence = _clause(_first(evidence[0]))
    for path in evidence[1:]:
        for rel in path.relationships:
            sentence += " and uses it" if rel.type == "USES" else " and buys from it"
    return sentence


def _repeat(evidence: Sequence[GraphPath]) -> str:
    purchases = [_first(path) for path in evidence]
    buyer, seller = _ends(purchases[0])
    items = "; ".join(f"{_quoted(buy.get('offering'))} ({_buy_details(buy)})" for buy in purchases)
    return f"{_name(buyer)} bought from {_name(seller)} {len(purchases)} times: {items}"


# --- one clause per relationship ----------------------------------------------------------


def _clause(rel: GraphRelationship) -> str:
    start, end = _ends(rel)
    a, b = _name(start), _name(end)
    if rel.type == "BUYS":
        return _bought(rel, details=True)
    if rel.type == "USES":
        return f"{a} uses {_offering(rel.get('offering'), 'from ')}{b}"
    if rel.type == "SERVES":
        ongoing = " (ongoing)" if rel.get("ongoing") else ""
        return f"{a} serves {_offering(rel.get('offering'), 'to ')}{b}{ongoing}"
    if rel.type == "CONTRIBUTES":
        return f"{a} contributes {_offering(rel.get('what'), 'to ')}{b}"
    if rel.type == "ENGAGES":
        details = _join(rel.get("stage"), rel.get("channel"), _date(rel.get("at")))
        return f"{a} is engaging with {b}" + (f" ({details})" if details else "")
    if rel.type == "MEMBER_OF":
        role = rel.get("buyingRole")
        return f"{a} is a member of {b}" + (f" ({role})" if role else "")
    if rel.type == "PART_OF":
        return f"{a} is part of {b}"
    if rel.type == "PARENT_OF":
        return f"{a} is a parent of {b}"
    return f"{a} {rel.type} {b}"


def _bought(rel: GraphRelationship, *, details: bool) -> str:
    buyer, seller = _ends(rel)
    sentence = f"{_name(buyer)} bought {_offering(rel.get('offering'), 'from ')}{_name(seller)}"
    return f"{sentence} ({_buy_details(rel)})" if details else sentence


def _buy_details(rel: GraphRelationship) -> str:
    consideration = rel.get("consideration") or "MONEY"
    amount = rel.get("amount")
    money = None
    if amount is not None and (consideration == "MONEY" or amount > 0):
        money = _join(_amount(amount), rel.get("currency"), sep=" ")
    paid_with = None if consideration == "MONEY" else f"paid with {consideration}"
    return _join(rel.get("kind") or "ONE_OFF", paid_with, money, _date(rel.get("at")))


# --- formatting ---------------------------------------------------------------------------


def _ends(rel: GraphRelationship) -> tuple[GraphNode, GraphNode]:
    start, end = rel.start_node, rel.end_node
    if start is None or end is None:  # only for relationships outside a path
        raise ValueError(f"relationship {rel.element_id} comes without its nodes")
    return start, end


def _first(path: GraphPath) -> GraphRelationship:
    return next(iter(path.relationships))


def _name(node: GraphNode) -> str:
    return str(node.get("name") or node.get("id") or "someone")


def _possessive(node: GraphNode) -> str:
    name = _name(node)
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _quoted(value: Any) -> str:
    return f"'{value}'" if value else "something"


def _offering(value: Any, preposition: str) -> str:
    """`'Blocks' from ` before the other party's name, or nothing without an offering."""
    return f"'{value}' {preposition}" if value else ""


def _amount(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if all(hasattr(value, part) for part in ("year", "month", "day")):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return str(value)[:10]


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(part for part in parts if part)
