"""Large synthetic worlds in the import format (SPEC 8), for demos, tests and benchmarks.

`generate(stakeholders, seed, out)` writes exactly `stakeholders` stakeholders and about
3-6 relations for each, the same bytes for the same seed. It streams: stakeholders go to
`out` as they are made, relations to a spool file that is appended at the end, so memory
holds one organisation or household at a time (plus one small entry per provider), whatever
the size. Every relation points at stakeholders made before it, so every end exists.

The world, in units made one after the other until the budget is spent:

- providers first (about 1 in 150 stakeholders): organisations selling to businesses (B2B),
  to consumers (B2C), platforms (PLATFORM) and public services (PUBLIC). Buyers pick them by
  a Zipf law, so customers per provider are heavy-tailed;
- the benchmark providers `bench-p10`, `bench-p100`, `bench-p1000` (from 100 stakeholders
  on), bought from by about 10, 100 and 1000 people spread evenly through the world;
- organisations with nested departments (PART_OF), people MEMBER_OF them with titles and
  buying roles (buying centers, single-threaded accounts, members without a role, a few
  scoped), purchases from B2B providers, employees using what was bought, internal SERVES;
- households: parents BUY, children USE (PARENT_OF), schools SERVES both;
- single consumers; anyone may view, contribute to or both (prosumer) a platform.

Purchases run from 2021 to 2026 in USD, EUR, GBP and JPY; ENGAGES covers every stage.
The voice of the customer (SPEC 13) follows purchases: about one buyer-provider pair in
eight answers a survey (GIVES_FEEDBACK, NPS leaning to the top, sometimes a CSAT or a
comment), and the happier the answer the likelier a referral (REFERS) of someone met
recently to that provider: promoters 35%, passives 8%, detractors 1%. It draws from its
own random stream, so the rest of a world is the same as without it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from itertools import accumulate
from pathlib import Path

from stakegraph.generate.common import (
    BENCH_MIN_STAKEHOLDERS,
    BENCH_PROVIDERS,
    MARKET_SHARE,
    MARKETS,
    PLACES,
    GenerateSummary,
)
from stakegraph.generate.organisations import Organisations
from stakegraph.generate.people import People
from stakegraph.generate.purchases import Purchases

__all__ = ["BENCH_PROVIDERS", "GenerateSummary", "generate"]


class _World(Organisations, Purchases, People):
    """The whole world: providers first, then organisations, households and consumers
    until the budget is spent."""

    def build(self) -> None:
        count = max(1, self.budget // 150)
        markets = [m for m, share in MARKET_SHARE for _ in range(share)]
        plan = [markets[(i * 37) % len(markets)] for i in range(count)]
        if self.budget >= BENCH_MIN_STAKEHOLDERS:
            for bench_id, wanted in BENCH_PROVIDERS.items():
                stride = max(1, self.budget // (2 * wanted))
                self.bench.append((bench_id, wanted, stride))
                self.stakeholder(
                    {
                        "id": bench_id,
                        "kind": "ORGANIZATION",
                        "orgType": "BUSINESS",
                        "name": f"Benchmark provider {wanted}",
                        "industry": "Retail",
                        "employees": 250,
                        "grossMargin": 0.4,
                        "expectedLifespanYears": 20.0,
                        "country": "US",
                        "region": "MA",
                        "city": "Boston",
                        "tags": ["benchmark"],
                    }
                )
        self.reserved = len(plan)
        for market in plan:
            self.reserved -= 1
            self.organization(market)
        for market in MARKETS:
            if not self.providers[market]:  # tiny worlds: every market still has a provider
                self.providers[market] = [p for pool in self.providers.values() for p in pool]
            self.zipf[market] = list(
                accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(self.providers[market])))
            )
        while self.room() > 0:
            draw = self.rng.random()
            if draw < 0.10:
                self.organization(None)
            elif draw < 0.50:
                self.household()
            else:
                self.consumer(self.person(self.rng.choice(PLACES), 1950, 2006))


def generate(stakeholders: int, seed: int, out: Path) -> GenerateSummary:
    """Write a world of exactly `stakeholders` stakeholders to `out` (JSON, SPEC 8)."""
    if stakeholders < 1:
        raise ValueError("a world needs at least one stakeholder")
    started = time.perf_counter()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with (
        partial.open("w", encoding="utf-8") as handle,
        tempfile.TemporaryFile("w+", encoding="utf-8", dir=out.parent) as spool,
    ):
        handle.write('{"stakeholders":[')
        world = _World(stakeholders, seed, handle, spool)
        world.build()
        handle.write('\n],\n"relations":[')
        spool.seek(0)
        shutil.copyfileobj(spool, handle, 1 << 16)
        handle.write("\n]}\n")
    os.replace(partial, out)
    summary = world.summary
    summary.path = out
    summary.seconds = time.perf_counter() - started
    return summary
