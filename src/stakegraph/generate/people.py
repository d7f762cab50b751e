"""People: single consumers, households (parents BUY, children USE, schools SERVE),
and platforms viewed, contributed to or both."""

from __future__ import annotations

from stakegraph.generate.common import (
    CHANNELS,
    FIRST,
    INTERESTS,
    LAST,
    NEEDS,
    PLACES,
    PROSPECT_STAGES,
    VALUES,
    _Base,
    _iso,
    _Provider,
)


class People(_Base):
    def person(self, place: tuple[str, str, str, str], born_from: int, born_to: int) -> str:
        rng = self.rng
        pid = self.stakeholder(
            {
                "id": self.new_id("person"),
                "kind": "PERSON",
                "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                "birthYear": rng.randint(born_from, born_to),
                "country": place[0],
                "region": place[1],
                "city": place[2],
                "interests": rng.sample(INTERESTS, rng.randint(0, 3)),
                "values": rng.sample(VALUES, rng.randint(0, 2)),
                "needs": rng.sample(NEEDS, rng.randint(0, 2)),
            }
        )
        self.persons += 1
        self.recent.append(pid)
        for bench_id, wanted, stride in self.bench:
            if self.persons % stride == 0 and self.bench_made[bench_id] < wanted:
                self.bench_made[bench_id] += 1
                for _ in range(rng.randint(1, 3)):
                    self.relate(
                        "BUYS",
                        pid,
                        bench_id,
                        offering="Benchmark box",
                        amount=round(rng.uniform(5, 500), 2),
                        currency="USD",
                        at=_iso(self.when()),
                        kind="ONE_OFF",
                        consideration="MONEY",
                    )
            elif self.persons % stride == stride // 2 and rng.random() < 0.2:
                self.relate(
                    "ENGAGES",
                    pid,
                    bench_id,
                    stage=rng.choice(PROSPECT_STAGES),
                    channel=rng.choice(CHANNELS),
                    at=_iso(self.when()),
                )
        self.platform(pid)
        return pid

    def consumer(self, pid: str) -> list[_Provider]:
        """A person's own purchases and the providers they are only considering."""
        if not self.zipf:
            return []
        currency = self.rng.choice(PLACES)[3]
        bought = self.purchases(pid, currency, "B2C", self.heavy(1.4, 25))
        if self.rng.random() < 0.3:
            prospect = self.provider("B2C")
            if prospect not in bought:
                self.relate(
                    "ENGAGES",
                    pid,
                    prospect.id,
                    stage=self.rng.choice(PROSPECT_STAGES),
                    channel=self.rng.choice(CHANNELS),
                    at=_iso(self.when()),
                )
        return bought

    def platform(self, pid: str) -> None:
        """Viewers use a platform, contributors contribute, prosumers do both."""
        rng = self.rng
        if not self.zipf or rng.random() > 0.35:
            return
        site = self.provider("PLATFORM")
        role = rng.random()
        if role < 0.75:
            self.relate("USES", pid, site.id, offering=self.offering(site), since=_iso(self.when()))
        if role > 0.6:
            for _ in range(self.heavy(1.5, 20)):
                self.relate(
                    "CONTRIBUTES",
                    pid,
                    site.id,
                    what=rng.choice(["video", "app", "review", "listing", "code"]),
                    at=_iso(self.when()),
                )

    def household(self) -> None:
        rng = self.rng
        place = rng.choice(PLACES)
        parents = [
            self.person(place, 1962, 1998) for _ in range(min(rng.randint(1, 2), self.room()))
        ]
        children = []
        for _ in range(min(rng.choice([0, 1, 1, 2, 2, 3]), self.room())):
            children.append(self.person(place, 2000, 2022))
        bought = [p for parent in parents for p in self.consumer(parent)]
        school = self.provider("PUBLIC") if children else None
        for child in children:
            for parent in parents:
                self.relate("PARENT_OF", parent, child)
            for provider in bought:  # the parent paid, the child uses
                if rng.random() < 0.5:
                    self.relate(
                        "USES",
                        child,
                        provider.id,
                        offering=self.offering(provider),
                        since=_iso(self.when()),
                    )
            if school:
                self.relate(
                    "SERVES",
                    school.id,
                    child,
                    offering="Schooling",
                    ongoing=True,
                    since=_iso(self.when()),
                )
        if school:
            for parent in parents:
                self.relate(
                    "SERVES",
                    school.id,
                    parent,
                    offering="Progress reports",
                    ongoing=False,
                    since=_iso(self.when()),
                )
