"""What every part of the generator shares: the tables it draws from, the summary, and
`_Base`, which writes records and picks at random (see stakegraph/generate/__init__.py)."""

from __future__ import annotations

import json
import random
import time
from bisect import bisect
from collections import Counter, deque
from dataclasses import dataclass, field
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


class _Base:
    """The world's state, the writing of records and the random picks."""

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

    # ------------------------------------------------------------------ made elsewhere
    # Each unit of the world is made by its own module; these say what the others call.

    def organization(self, market: str | None) -> None:
        raise NotImplementedError

    def buying_center(self, staff: int) -> list[str]:
        raise NotImplementedError

    def offering(self, provider: _Provider) -> str:
        raise NotImplementedError

    def purchases(self, buyer: str, currency: str, market: str, count: int) -> list[_Provider]:
        raise NotImplementedError

    def feedback(self, buyer: str, seller: str, offering: str, bought_at: int) -> None:
        raise NotImplementedError

    def person(self, place: tuple[str, str, str, str], born_from: int, born_to: int) -> str:
        raise NotImplementedError

    def consumer(self, pid: str) -> list[_Provider]:
        raise NotImplementedError

    def platform(self, pid: str) -> None:
        raise NotImplementedError

    def household(self) -> None:
        raise NotImplementedError
