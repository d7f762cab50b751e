"""The evidence sentences, from paths built here: no database needed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from stakegraph.evidence import steps, summarize
from stakegraph.graph.values import Node, Path, Relationship
from stakegraph.lenses import Lens


def node(id_: str, name: str, *labels: str) -> Node:
    return Node(f"n-{id_}", frozenset({"Stakeholder", *labels}), {"id": id_, "name": name})


def path(*hops: tuple[Node, str, Node, dict[str, Any]]) -> Path:
    """A path of (from, type, to, properties) hops in their own direction; it starts at
    the first hop's `from` and each hop continues from where the previous one ended."""
    nodes = [hops[0][0]]
    rels = []
    for i, (a, kind, b, props) in enumerate(hops):
        rels.append(Relationship(f"r-{i}-{kind}", kind, a, b, props))
        nodes.append(b if nodes[-1] == a else a)
    return Path(nodes, rels)


MIA, LEO = node("mia", "Mia", "Person"), node("leo", "Leo", "Person")
TOYCO, GLOBEX = node("toyco", "ToyCo", "Organization"), node("globex", "Globex", "Organization")
IT = node("it", "IT", "Department")
AT = datetime(2024, 3, 1, 9, tzinfo=UTC)


def test_a_purchase_reads_with_its_kind_money_and_date() -> None:
    buy = path(
        (
            MIA,
            "BUYS",
            TOYCO,
            {
                "id": "b1",
                "offering": "Blocks",
                "amount": 30.0,
                "currency": "EUR",
                "at": AT,
                "kind": "ONE_OFF",
            },
        )
    )
    assert summarize(Lens.TRANSACTIONAL, [buy]) == (
        "Mia bought 'Blocks' from ToyCo (ONE_OFF, 30 EUR, 2024-03-01)"
    )
    assert steps([buy]) == [(MIA, "BUYS", TOYCO, "b1")]


def test_a_purchase_without_consideration_is_money_and_one_paid_in_kind_says_so() -> None:
    gift = path(
        (
            MIA,
            "BUYS",
            TOYCO,
            {"offering": "Cake", "amount": 0.0, "currency": "EUR", "consideration": "IN_KIND"},
        )
    )
    assert summarize(Lens.EXCHANGE, [gift]) == (
        "Mia bought 'Cake' from ToyCo (ONE_OFF, paid with IN_KIND)"
    )


def test_an_end_user_names_the_parent_who_paid() -> None:
    use = path((LEO, "USES", TOYCO, {"offering": "Blocks"}))
    paid = path((MIA, "PARENT_OF", LEO, {}), (MIA, "BUYS", TOYCO, {"offering": "Blocks"}))
    assert summarize(Lens.END_USER, [use, paid]) == (
        "Leo uses 'Blocks' from ToyCo; paid for by Mia, a parent of Leo"
    )
    assert summarize(Lens.END_USER, [use]) == "Leo uses 'Blocks' from ToyCo"


def test_a_buying_center_member_of_a_department_names_the_chain() -> None:
    member = path(
        (MIA, "MEMBER_OF", IT, {"buyingRole": "DECIDER"}),
        (IT, "PART_OF", GLOBEX, {}),
        (GLOBEX, "BUYS", TOYCO, {"offering": "CRM"}),
    )
    assert summarize(Lens.BUYING_CENTER, [member]) == (
        "Mia is DECIDER in Globex's buying center (member of IT); Globex bought 'CRM' from ToyCo"
    )


def test_a_repeat_patron_lists_every_purchase_and_no_evidence_still_reads() -> None:
    first = path((MIA, "BUYS", TOYCO, {"offering": "Tea", "amount": 3.5, "currency": "EUR"}))
    second = path((MIA, "BUYS", TOYCO, {"offering": "Cake", "amount": 4.0, "currency": "EUR"}))
    assert summarize(Lens.REPEAT, [first, second]) == (
        "Mia bought from ToyCo 2 times: 'Tea' (ONE_OFF, 3.5 EUR); 'Cake' (ONE_OFF, 4 EUR)"
    )
    assert summarize(Lens.PROSPECT, []) == "PROSPECT holds"
