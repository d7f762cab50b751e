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

import json
import os
import random
import shutil
import tempfile
import time
from bisect import bisect
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, TextIO

BENCH_PROVIDERS: dict[str, int] = {"bench-p10": 10, "bench-p100": 100, "bench-p1000": 1000}
BENCH_MIN_STAKEHOLDERS = 100

START = 1609459200  # 2021-01-01T00:00:00Z
END = 1790812800  # 2026-10-01T00:00:00Z
YEAR = 365 * 86400

# fmt: off
# (country, region, city, currency)
PLACES = [
    ("US", "CA", "San Francisco", "USD"), ("US", "NY", "New York", "USD"),
    ("US", "TX", "Austin", "USD"), ("US", "IL", "Chicago", "USD"),
    ("DE", "BY", "Munich", "EUR"), ("DE", "BE", "Berlin", "EUR"),
    ("FR", "IDF", "Paris", "EUR"), ("NL", "NH", "Amsterdam", "EUR"),
    ("ES", "MD", "Madrid", "EUR"), ("IT", "LOM", "Milan", "EUR"),
    ("GB", "ENG", "London", "GBP"), ("GB", "ENG", "Manchester", "GBP"),
    ("GB", "SCT", "Edinburgh", "GBP"), ("JP", "13", "Tokyo", "JPY"), ("JP", "27", "Osaka", "JPY"),
]
RATE = {"USD": 1.0, "EUR": 0.92, "GBP": 0.79, "JPY": 150.0}

FIRST = [
    "Ana", "Ben", "Chloe", "Dana", "Emil", "Farah", "Gita", "Hugo", "Ines", "Jon", "Kai", "Lena",
    "Mika", "Nora", "Omar", "Paula", "Quinn", "Rosa", "Sam", "Tara", "Udo", "Vera", "Will",
    "Xenia", "Yuki", "Zoe", "Aiko", "Bruno", "Carla", "Dev", "Elif", "Finn", "Hana", "Ivan",
    "Jana", "Kenji"
]
LAST = [
    "Schmidt", "Smith", "Garcia", "Rossi", "Dubois", "Tanaka", "Jansen", "Novak", "Brown", "Weber",
    "Sato", "Lopez", "Martin", "Kim", "Meyer", "Wilson", "Moreau", "Suzuki", "Costa", "Fischer",
    "Taylor", "Bianchi", "Evans", "Roux", "Ito", "Klein", "Walker", "Silva"
]
SYLLABLES = [
    "ac", "me", "glo", "bex", "ini", "tech", "ven", "tra", "sol", "ar", "nex", "ium", "cor", "vo",
    "lux", "ter", "pri", "ma", "zen", "on"
]
SUFFIX = {"USD": "Inc", "EUR": "GmbH", "GBP": "Ltd", "JPY": "KK"}

# market: (industries, offerings, typical price in USD)
MARKETS: dict[str, tuple[list[str], list[str], float]] = {
    "B2B": (
        ["Software", "Consulting", "Logistics", "Cloud", "Security", "Staffing"],
        ["CRM suite", "ERP licence", "Cloud hosting", "Security audit", "Data platform",
         "Freight service", "Payroll service", "Analytics add-on", "Support plan"],
        20000.0,
    ),
    "B2C": (
        ["Retail", "Toys", "Streaming", "Fitness", "Groceries", "Telecom", "Travel"],
        ["Toy set", "Streaming plan", "Gym membership", "Grocery box", "Phone plan",
         "Flight", "Running shoes", "Music plan", "Game console"],
        60.0,
    ),
    "PLATFORM": (
        ["Marketplace", "Video platform", "App store", "Open source forge"],
        ["Video hosting", "App listing", "Marketplace account", "Code hosting"],
        10.0,
    ),
    "PUBLIC": (
        ["Education", "Health", "Public administration", "Charity"],
        ["Schooling", "Progress reports", "Health check", "Permit", "Food bank"],
        30.0,
    ),
}
MARKET_SHARE = [("B2B", 45), ("B2C", 40), ("PLATFORM", 5), ("PUBLIC", 10)]
PUBLIC_TYPES = ["GOVERNMENT", "INSTITUTION", "NONPROFIT"]
TECHNOLOGIES = [
    "Python", "Java", "Go", "Rust", "Kubernetes", "Postgres", "Neo4j", "Salesforce", "SAP", "AWS",
    "Azure", "GCP", "React", "Kafka"
]
DEPARTMENTS = [
    "Sales", "Marketing", "Engineering", "IT", "Finance", "HR", "Legal", "Operations",
    "Procurement", "Support", "Research"
]
SERVICES = {"IT": "IT support", "HR": "Hiring", "Finance": "Payroll", "Legal": "Contract review",
            "Procurement": "Purchasing", "Operations": "Facilities"}
ROLE_TITLES = {
    "DECIDER": ["CTO", "VP Engineering", "Head of Operations", "CEO"],
    "APPROVER": ["CFO", "Finance Director"],
    "BUYER": ["Procurement Manager", "Purchasing Lead"],
    "GATEKEEPER": ["Executive Assistant", "IT Security Lead"],
    "INFLUENCER": ["Solutions Architect", "Senior Consultant"],
    "USER": ["Engineer", "Analyst", "Accountant"],
    "INITIATOR": ["Team Lead", "Operations Manager"],
    "CHAMPION": ["Product Manager", "Head of Data"],
    "": ["Engineer", "Analyst", "Designer", "Sales Representative", "Recruiter", "Intern"],
}
CENTER_ROLES = ["INITIATOR", "USER", "INFLUENCER", "DECIDER", "APPROVER", "BUYER", "GATEKEEPER",
                "CHAMPION"]
INTERESTS = [
    "sport", "music", "travel", "cooking", "gaming", "reading", "films", "gardening", "tech",
    "fashion"
]
VALUES = [
    "price", "quality", "sustainability", "convenience", "privacy", "loyalty", "novelty", "status"
]
NEEDS = [
    "childcare", "fitness", "learning", "entertainment", "mobility", "savings", "health",
    "connectivity"
]
CHANNELS = [
    "web", "email", "event", "referral", "social", "sales-call", "webinar"
]
PROSPECT_STAGES = ["AWARENESS", "CONSIDERATION", "INTENT"]
# Feedback: the share of buyer-provider pairs that answer, NPS weights for 0..10 (skewed
# to the top, as answered surveys are), referral chance by NPS band, comments by band.
ANSWER_RATE = 0.12
NPS_WEIGHTS = [2, 1, 2, 2, 3, 5, 6, 10, 16, 20, 18]
REFER_CHANCE = {"promoter": 0.35, "passive": 0.08, "detractor": 0.01}
COMMENTS = {
    "promoter": ["Would buy again", "Great service", "Told my friends", "Exactly as promised"],
    "passive": ["Fine", "Does the job", "A bit pricey", "Delivery was slow"],
    "detractor": ["Never arrived", "Support did not answer", "Broke after a week", "Overcharged"],
}
# fmt: on


@dataclass
class GenerateSummary:
    """What `generate` wrote: counts by stakeholder kind and relation type."""

    path: Path
    kinds: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def stakeholders(self) -> int:
        return sum(self.kinds.values())

    @property
    def relations(self) -> int:
        return sum(self.types.values())

    def __str__(self) -> str:
        return f"{self.stakeholders} stakeholders and {self.relations} relations"


@dataclass(frozen=True)
class _Provider:
    id: str
    market: str
    currency: str
    price: float  # typical price in the provider's currency


def _iso(seconds: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


class _World:
    def __init__(self, budget: int, seed: int, people: TextIO, spool: TextIO) -> None:
        self.rng = random.Random(seed)
        self.voice = random.Random(seed + 1)  # feedback and referrals: their own stream
        self.recent: deque[str] = deque(maxlen=256)  # people to refer (bounded memory)
        self.budget = budget
        self.out = people
        self.spool = spool
        self.summary = GenerateSummary(Path())
        self.made = 0  # stakeholders written
        self.reserved = 0  # stakeholders still owed to the provider pool
        self.next = Counter[str]()  # next number per id prefix
        self.rel_no = 0
        self.encode = json.JSONEncoder(separators=(",", ":")).encode
        self.providers: dict[str, list[_Provider]] = {m: [] for m, _ in MARKETS.items()}
        self.zipf: dict[str, list[float]] = {}
        self.persons = 0  # ordinal of persons, for placing bench customers
        self.bench: list[tuple[str, int, int]] = []  # (id, wanted customers, stride)
        self.bench_made = Counter[str]()

    # ------------------------------------------------------------------ writing

    def room(self) -> int:
        return self.budget - self.made - self.reserved

    def new_id(self, prefix: str) -> str:
        number = self.next[prefix]
        self.next[prefix] = number + 1
        return f"{prefix}-{number}"

    def stakeholder(self, record: dict[str, Any]) -> str:
        self.out.write(("\n" if self.made == 0 else ",\n") + self.encode(record))
        self.made += 1
        self.summary.kinds[record["kind"]] += 1
        return str(record["id"])

    def relate(self, rel_type: str, source: str, target: str, /, **properties: Any) -> None:
        record: dict[str, Any] = {"type": rel_type, "from": source, "to": target}
        if rel_type not in ("MEMBER_OF", "PART_OF", "PARENT_OF"):
            record = {"id": f"rel-{self.rel_no}", **record}
            self.rel_no += 1
            if "at" in properties:
                properties["createdAt"] = properties["at"]
        record.update(properties)
        first = not self.summary.types
        self.spool.write(("\n" if first else ",\n") + self.encode(record))
        self.summary.types[rel_type] += 1

    # ------------------------------------------------------------------ picking

    def when(self, earliest: int = START) -> int:
        return self.rng.randrange(earliest, END)

    def provider(self, market: str) -> _Provider:
        pool = self.providers[market]
        weights = self.zipf[market]
        return pool[bisect(weights, self.rng.random() * weights[-1])]

    def heavy(self, alpha: float, cap: int) -> int:
        """A heavy-tailed count >= 1 (Pareto), at most `cap`."""
        return min(cap, int(self.rng.paretovariate(alpha)))

    def org_name(self, currency: str) -> str:
        words = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
        return f"{words.capitalize()} {SUFFIX[currency]}"

    # ------------------------------------------------------------------ the world

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

    def organization(self, market: str | None) -> None:
        rng = self.rng
        place = rng.choice(PLACES)
        country, region, city, currency = place
        employees = min(400_000, int(rng.lognormvariate(3.6, 1.7)) + 1)
        if market == "PUBLIC":
            org_type = rng.choice(PUBLIC_TYPES)
            industry = rng.choice(MARKETS["PUBLIC"][0])
        else:
            org_type = rng.choices(["BUSINESS", *PUBLIC_TYPES], [84, 6, 5, 5])[0]
            industry = rng.choice(MARKETS[market or rng.choice(["B2B", "B2C"])][0])
        org: dict[str, Any] = {
            "id": self.new_id("org"),
            "kind": "ORGANIZATION",
            "name": self.org_name(currency),
            "orgType": org_type,
            "industry": industry,
            "employees": employees,
            "country": country,
            "region": region,
            "city": city,
        }
        if org_type == "BUSINESS":
            org["annualRevenue"] = round(employees * rng.lognormvariate(11.8, 0.6), 2)
            org["grossMargin"] = round(rng.uniform(0.05, 0.85), 3)
            org["expectedLifespanYears"] = round(rng.uniform(3, 40), 1)
            org["technologies"] = rng.sample(TECHNOLOGIES, rng.randint(1, 5))
        if market:
            org["tags"] = ["provider", market.lower()]
        oid = self.stakeholder(org)
        if market:
            price = MARKETS[market][2] * RATE[currency] * rng.lognormvariate(0, 0.5)
            self.providers[market].append(_Provider(oid, market, currency, price))

        staff = min(employees, 1 + int(employees**0.45), 300, max(0, self.room()))
        units = [oid]
        for name in rng.sample(DEPARTMENTS, min(len(DEPARTMENTS), staff // 5, self.room())):
            parent = rng.choice(units[1:]) if len(units) > 1 and rng.random() < 0.3 else oid
            unit = self.stakeholder(
                {
                    "id": self.new_id("dept"),
                    "kind": "DEPARTMENT",
                    "name": f"{org['name']} {name}",
                    "country": country,
                    "city": city,
                }
            )
            self.relate("PART_OF", unit, parent)
            if name in SERVICES and len(units) > 1:  # internal customers
                for other in rng.sample(units[1:], min(len(units) - 1, rng.randint(1, 3))):
                    self.relate(
                        "SERVES",
                        unit,
                        other,
                        offering=SERVICES[name],
                        ongoing=True,
                        since=_iso(self.when()),
                    )
            units.append(unit)
        staff = min(staff, self.room())

        count = self.heavy(1.2, 30) if staff and self.zipf else 0  # providers buy nothing
        suppliers = self.purchases(oid, currency, "B2B", count)
        roles = self.buying_center(staff)
        for index in range(staff):
            role = roles[index] if index < len(roles) else ""
            pid = self.person(place, 1958, 2003)
            member: dict[str, Any] = {"title": rng.choice(ROLE_TITLES[role])}
            if role:
                member["buyingRole"] = role
                if suppliers and rng.random() < 0.08:
                    member["scope"] = [rng.choice(suppliers).id]
            self.relate(
                "MEMBER_OF", pid, rng.choice(units) if rng.random() < 0.7 else oid, **member
            )
            for supplier in suppliers:
                if rng.random() < 0.4:  # employees use what their organisation bought
                    self.relate(
                        "USES",
                        pid,
                        supplier.id,
                        offering=self.offering(supplier),
                        since=_iso(self.when()),
                    )
            if role == "CHAMPION" and suppliers:
                self.relate(
                    "ENGAGES",
                    pid,
                    suppliers[0].id,
                    stage="ADVOCACY",
                    channel="referral",
                    at=_iso(self.when()),
                )
            if rng.random() < 0.5:
                self.consumer(pid)
        for _ in range(rng.randint(0, 2) if self.zipf else 0):
            prospect = self.provider("B2B")
            if prospect not in suppliers and prospect.id != oid:
                self.relate(
                    "ENGAGES",
                    oid,
                    prospect.id,
                    stage=rng.choice(PROSPECT_STAGES),
                    channel=rng.choice(CHANNELS),
                    at=_iso(self.when()),
                )

    def buying_center(self, staff: int) -> list[str]:
        """Buying roles for the first members: none, single-threaded or a full center."""
        style = self.rng.random()
        if staff == 0 or style < 0.15:
            return []
        if style < 0.35:
            return [self.rng.choice(["DECIDER", "BUYER"])]
        size = min(staff, self.rng.randint(3, 8))
        return ["DECIDER", *self.rng.sample(CENTER_ROLES, size - 1)][:size]

    def offering(self, provider: _Provider) -> str:
        return self.rng.choice(MARKETS[provider.market][1])

    def purchases(self, buyer: str, currency: str, market: str, count: int) -> list[_Provider]:
        """`count` providers `buyer` buys from, each in one or several BUYS; returns them."""
        rng = self.rng
        bought: list[_Provider] = []
        for _ in range(count):
            seller = self.provider(market)
            if seller.id == buyer or seller in bought:
                continue
            bought.append(seller)
            kind = rng.choices(
                ["ONE_OFF", "SUBSCRIPTION", "CONTRACT", "MEMBERSHIP"],
                [45, 30, 15, 10] if market != "B2B" else [35, 30, 30, 5],
            )[0]
            consideration = rng.choices(["MONEY", "DATA", "ATTENTION", "IN_KIND"], [90, 4, 4, 2])[0]
            if seller.market == "PLATFORM" and rng.random() < 0.5:
                consideration = rng.choice(["DATA", "ATTENTION"])
            offering = self.offering(seller)
            paid = seller.currency if rng.random() < 0.8 else currency
            price = seller.price * RATE[paid] / RATE[seller.currency]
            at = first_at = self.when()
            times = self.heavy(1.8, 12) if kind == "ONE_OFF" else self.heavy(1.5, 6)
            for _ in range(times):
                amount = 0.0 if consideration != "MONEY" else price * rng.uniform(0.5, 2.0)
                self.relate(
                    "BUYS",
                    buyer,
                    seller.id,
                    offering=offering,
                    amount=round(amount, 0 if paid == "JPY" else 2),
                    currency=paid,
                    at=_iso(at),
                    kind=kind,
                    consideration=consideration,
                )
                at += YEAR if kind != "ONE_OFF" else rng.randrange(86400, YEAR)
                if at >= END:
                    break
            if kind == "CONTRACT" and rng.random() < 0.6:
                self.relate(
                    "SERVES", seller.id, buyer, offering=offering, ongoing=True, since=_iso(at)
                )
            self.feedback(buyer, seller.id, offering, first_at)
            if rng.random() < 0.1:
                self.relate(
                    "ENGAGES",
                    buyer,
                    seller.id,
                    stage="ADVOCACY",
                    channel=rng.choice(CHANNELS),
                    at=_iso(self.when()),
                )
        return bought

    def feedback(self, buyer: str, seller: str, offering: str, bought_at: int) -> None:
        """Most buyers never answer; those who do may refer someone they met recently."""
        voice = self.voice
        if voice.random() >= ANSWER_RATE:
            return
        nps = voice.choices(range(11), NPS_WEIGHTS)[0]
        band = "promoter" if nps >= 9 else "passive" if nps >= 7 else "detractor"
        at = min(END - 1, bought_at + voice.randrange(86400, 90 * 86400))
        answer: dict[str, Any] = {"nps": nps}
        if voice.random() < 0.5:
            answer["csat"] = max(1, min(5, round(nps / 2)))
        if voice.random() < 0.3:
            answer["comment"] = voice.choice(COMMENTS[band])
        channel = voice.choice(CHANNELS)
        self.relate(
            "GIVES_FEEDBACK",
            buyer,
            seller,
            offering=offering,
            channel=channel,
            at=_iso(at),
            **answer,
        )
        if self.recent and voice.random() < REFER_CHANCE[band]:
            referred = voice.choice(self.recent)
            if referred not in (buyer, seller):
                when = min(END - 1, at + voice.randrange(0, 60 * 86400))
                self.relate(
                    "REFERS",
                    buyer,
                    referred,
                    providerId=seller,
                    channel="word of mouth",
                    at=_iso(when),
                )

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
