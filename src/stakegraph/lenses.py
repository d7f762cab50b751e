"""The ten customer lenses: names, files and descriptions.

A lens is one meaning of "x is a customer of p" (SPEC 3). Each has a Cypher file under
`cypher/lenses/` that returns, per piece of evidence, the customer and a list of paths;
`stakegraph.evidence` words those paths. This catalogue depends on nothing else of
stakegraph, so the graph layer and the API can both import it.
"""

from __future__ import annotations

from enum import StrEnum


class Lens(StrEnum):
    TRANSACTIONAL = "TRANSACTIONAL"
    EXCHANGE = "EXCHANGE"
    BUYING_CENTER = "BUYING_CENTER"
    END_USER = "END_USER"
    INTERNAL = "INTERNAL"
    BENEFICIARY = "BENEFICIARY"
    COLLABORATIVE = "COLLABORATIVE"
    PROSPECT = "PROSPECT"
    CLIENT = "CLIENT"
    REPEAT = "REPEAT"

    @property
    def file(self) -> str:
        """The name of the lens's Cypher file, for `stakegraph.graph.cypher.load`."""
        return LENS_FILES[self]

    @property
    def description(self) -> str:
        return LENS_DESCRIPTIONS[self]


LENS_FILES: dict[Lens, str] = {lens: f"lenses/{lens.value.lower()}" for lens in Lens}

LENS_DESCRIPTIONS: dict[Lens, str] = {
    Lens.TRANSACTIONAL: "The classic paying buyer: x BUYS p with money.",
    Lens.EXCHANGE: "x BUYS p with any consideration: money, in kind, data, attention or none.",
    Lens.BUYING_CENTER: (
        "x holds a buying role in an organisation (or one of its departments) that BUYS p."
    ),
    Lens.END_USER: "x USES p, whoever paid for it (the consumer, not always the buyer).",
    Lens.INTERNAL: "x receives from p and both belong to the same organisation.",
    Lens.BENEFICIARY: "x benefits from what p offers: p SERVES x, x USES p or x BUYS p.",
    Lens.COLLABORATIVE: "The prosumer: x CONTRIBUTES to p and also USES or BUYS it.",
    Lens.PROSPECT: "A potential customer: x ENGAGES p but has not bought from it.",
    Lens.CLIENT: (
        "An ongoing arrangement: a subscription, contract or membership, or an ongoing service."
    ),
    Lens.REPEAT: "A repeat patron: x BUYS p at least twice.",
}

CUSTOMER_LENSES: tuple[Lens, ...] = tuple(lens for lens in Lens if lens is not Lens.PROSPECT)
"""The lenses that make x a customer of p (every lens but PROSPECT)."""
