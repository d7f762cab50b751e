"""The statements lens_query composes around the lens files, and the parameters it sends,
checked as text: no database needed.

The snapshots under tests/snapshots/ show each composed statement with every lens file's
body replaced by `<lenses/name>`, so a change to a lens file leaves them alone and a
change to the composition shows here as a readable diff. After a deliberate change, run
`STAKEGRAPH_UPDATE_SNAPSHOTS=1 pytest tests/test_composition.py` and review the diff.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stakegraph import errors
from stakegraph.graph import lens_query
from stakegraph.graph.cypher import load
from stakegraph.graph.lens_query import Listing, Window
from stakegraph.graph.paging import EVERYTHING, MAX_PAGE, encode_cursor
from stakegraph.lenses import CUSTOMER_LENSES, Lens

SNAPSHOTS = Path(__file__).parent / "snapshots"


def skeleton(query: str) -> str:
    """The statement with each inlined lens file (and candidate_providers) as its name."""
    for lens in Lens:
        body = load(lens.file).inline(providerId="providerId", customerId="customerId")
        query = query.replace(body, f"<{lens.file}>")
    return query.replace(load("lenses/candidate_providers").body, "<lenses/candidate_providers>")


STATEMENTS = {
    "customers_of_all": lambda: lens_query.paged_query(tuple(Lens), Listing.CUSTOMERS_OF),
    "customers_of_two": lambda: lens_query.paged_query(
        (Lens.TRANSACTIONAL, Lens.REPEAT), Listing.CUSTOMERS_OF
    ),
    "providers_of_all": lambda: lens_query.paged_query(tuple(Lens), Listing.PROVIDERS_OF),
    "explain": lens_query.explain_query,
    "mutual": lens_query.mutual_query,
    "held_customer_lenses": lambda: lens_query.held_query(CUSTOMER_LENSES),
}


@pytest.mark.parametrize("name", STATEMENTS)
def test_composed_statement_matches_its_snapshot(name: str) -> None:
    text = skeleton(STATEMENTS[name]()).strip() + "\n"
    snapshot = SNAPSHOTS / f"{name}.cypher"
    if os.environ.get("STAKEGRAPH_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(text)
    assert text == snapshot.read_text(), f"composition changed: see {snapshot}"


def test_each_lens_file_is_inlined_once_in_catalogue_order() -> None:
    query = skeleton(lens_query.paged_query(tuple(Lens), Listing.CUSTOMERS_OF))
    places = [query.index(f"<{lens.file}>") for lens in Lens]
    assert places == sorted(places)
    assert all(query.count(f"<{lens.file}>") == 1 for lens in Lens)
    two = skeleton(lens_query.paged_query((Lens.REPEAT,), Listing.CUSTOMERS_OF))
    assert "<lenses/repeat>" in two and "<lenses/transactional>" not in two


def test_the_parameters_of_a_first_page_and_of_the_next() -> None:
    _, first_page = lens_query.PageAsk(anchor_id="acme", listing=Listing.CUSTOMERS_OF).statement()
    assert first_page == {
        "anchorId": "acme",
        "customerId": "acme",
        "lenses": [lens.value for lens in Lens],
        "except": [],
        "afterName": None,
        "afterId": None,
        "first": 50,
        "since": None,
        "until": None,
        "offering": None,
        "evidence": True,
        "namesOnly": False,
    }
    since = datetime(2024, 1, 1, tzinfo=UTC)
    query, params = lens_query.PageAsk(
        anchor_id="bob",
        listing=Listing.PROVIDERS_OF,
        lenses=[Lens.REPEAT],
        except_=[Lens.PROSPECT],
        first=10_000,
        after=encode_cursor("Acme", "acme"),
        window=Window(since=since, offering="Tea"),
        evidence=False,
        names_only=True,
    ).statement()
    assert query == lens_query.paged_query((Lens.PROSPECT, Lens.REPEAT), Listing.PROVIDERS_OF)
    assert params == {
        "anchorId": "bob",
        "customerId": "bob",
        "lenses": ["REPEAT"],
        "except": ["PROSPECT"],
        "afterName": "Acme",
        "afterId": "acme",
        "first": MAX_PAGE,
        "since": since,
        "until": None,
        "offering": "Tea",
        "evidence": False,
        "namesOnly": True,
    }
    _, everything = lens_query.PageAsk(
        anchor_id="acme", listing=Listing.CUSTOMERS_OF, first=3, everything=True
    ).statement()
    assert everything["first"] == EVERYTHING


def test_bad_paging_is_refused_before_a_statement_exists() -> None:
    with pytest.raises(errors.BadUserInput) as bad_first:
        lens_query.PageAsk(anchor_id="a", listing=Listing.CUSTOMERS_OF, first=-1).statement()
    assert bad_first.value.field == "first"
    with pytest.raises(errors.BadUserInput) as bad_cursor:
        lens_query.PageAsk(anchor_id="a", listing=Listing.CUSTOMERS_OF, after="nope").statement()
    assert bad_cursor.value.field == "after"
