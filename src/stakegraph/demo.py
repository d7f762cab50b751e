"""The demo world: every meaning of "customer" as a small story, plus a seeded crowd.

Hand-written story nodes with memorable ids carry the seeds' examples end to end:

- a toy maker and a family: Mia buys ToyCo's robot kit, her son Leo plays with it;
- a school: Ms Park's progress reports reach the parents, Omar and Lucia;
- a company whose departments serve each other: Initech's HR, IT and the nested help desk;
- a B2B purchase with a full buying center: Globex buys Initech's CRM suite; Dana decides,
  Bea buys from the procurement department, Nora is a member with no buying role;
- a video platform, Vidly, with creators (Vera, Cole) who contribute and watch, and viewers;
- prospects at every journey stage (Umbrella, Hooli, Stark), repeat patrons of a cafe,
  subscription clients, government and institutional buyers, and Chatly, a free app paid
  for with DATA;
- Initech publishes apps on AppMart and shops there too: an organisation as prosumer;
- the voice of the customer: Omar, delighted with Ms Park's reports, tells Hana, another
  parent, who books tutoring; Jonas, whose doll house never arrived, scores ToyCo low;
  Chad, Globex's champion, recommends Initech to Soylent, which signs; most of the crowd
  never answers a survey, and promoters are the ones who pass the word on.

Around them, a few hundred people and organisations generated with a seeded
`random.Random`, so the demo is the same on every machine. Dates count back from
2026-01-01. `load_demo` loads it through the importer (idempotent).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from stakegraph.graph.driver import Graph
from stakegraph.importer import ImportSummary, import_records
from stakegraph.inputs import Raw
from stakegraph.records import BuyingRole

TODAY = datetime(2026, 1, 1, tzinfo=UTC)
SEED = 2026

Record = dict[str, Any]


def day(days_ago: int) -> str:
    """An ISO 8601 datetime `days_ago` days before the demo's fixed today."""
    return (TODAY - timedelta(days=days_ago)).isoformat()


class _World:
    def __init__(self) -> None:
        self.stakeholders: list[Record] = []
        self.relations: list[Record] = []

    def org(self, id: str, name: str, org_type: str = "BUSINESS", **props: Any) -> str:
        self.stakeholders.append(
            {"id": id, "kind": "ORGANIZATION", "name": name, "orgType": org_type, **props}
        )
        return id

    def dept(self, id: str, name: str, part_of: str) -> str:
        self.stakeholders.append({"id": id, "kind": "DEPARTMENT", "name": name})
        self.rel("PART_OF", id, part_of)
        return id

    def person(self, id: str, name: str, **props: Any) -> str:
        self.stakeholders.append({"id": id, "kind": "PERSON", "name": name, **props})
        return id

    def rel(self, type: str, source: str, target: str, **props: Any) -> None:
        self.relations.append({"type": type, "from": source, "to": target, **props})

    def buys(
        self,
        buyer: str,
        seller: str,
        offering: str,
        amount: float,
        currency: str,
        days_ago: int,
        **props: Any,
    ) -> None:
        self.rel(
            "BUYS",
            buyer,
            seller,
            offering=offering,
            amount=amount,
            currency=currency,
            at=day(days_ago),
            **props,
        )

    def member(
        self, person: str, of: str, title: str, role: str | None = None, **props: Any
    ) -> None:
        extra = {"buyingRole": role} if role else {}
        self.rel("MEMBER_OF", person, of, title=title, **extra, **props)


def _family(w: _World) -> None:
    w.org(
        "toyco",
        "ToyCo",
        industry="Toys",
        country="DE",
        city="Nuremberg",
        employees=120,
        grossMargin=0.45,
        expectedLifespanYears=8,
        technologies=["shopify"],
    )
    w.person(
        "mia",
        "Mia Schneider",
        country="DE",
        city="Berlin",
        birthYear=1988,
        interests=["crafts", "education"],
        values=["family"],
        needs=["safe toys"],
    )
    w.person(
        "leo", "Leo Schneider", country="DE", city="Berlin", birthYear=2018, interests=["robots"]
    )
    w.rel("PARENT_OF", "mia", "leo")
    w.buys("mia", "toyco", "Robot kit", 49.9, "EUR", 8)
    w.rel("USES", "leo", "toyco", offering="Robot kit", since=day(7))
    w.rel("GIVES_FEEDBACK", "mia", "toyco", nps=8, csat=4, offering="Robot kit", at=day(5))
    # A failed delivery: Jonas paid for a doll house that never came, and says so.
    w.person("jonas", "Jonas Weber", country="DE", city="Hamburg", birthYear=1979)
    w.buys("jonas", "toyco", "Doll house", 89.0, "EUR", 45)
    w.rel(
        "GIVES_FEEDBACK",
        "jonas",
        "toyco",
        nps=2,
        csat=1,
        comment="The doll house never arrived, and the refund took three weeks.",
        offering="Doll house",
        channel="email",
        at=day(30),
    )


def _school(w: _World) -> None:
    w.org("brookside", "Brookside School", "INSTITUTION", country="GB", city="Leeds")
    w.person("ms-park", "Ms Park", country="GB", city="Leeds", birthYear=1985)
    w.member("ms-park", "brookside", "Teacher")
    for child, parent, child_name, parent_name in (
        ("sam", "omar", "Sam Haddad", "Omar Haddad"),
        ("ava", "lucia", "Ava Rossi", "Lucia Rossi"),
    ):
        w.person(child, child_name, country="GB", city="Leeds", birthYear=2015)
        w.person(parent, parent_name, country="GB", city="Leeds", birthYear=1982)
        w.rel("PARENT_OF", parent, child)
        w.member(child, "brookside", "Student")
        w.rel("USES", child, "brookside", offering="Lessons", since=day(480))
        w.rel(
            "SERVES", "ms-park", parent, offering="Progress reports", since=day(480), ongoing=True
        )
    w.buys("lucia", "brookside", "School trip", 30.0, "GBP", 60)
    # Word of mouth at the school gate: Omar is delighted with the reports and tells Hana,
    # a new parent, who then books private tutoring with Ms Park.
    w.rel(
        "GIVES_FEEDBACK",
        "omar",
        "ms-park",
        nps=10,
        csat=5,
        comment="The progress reports tell us exactly where Sam needs help.",
        offering="Progress reports",
        channel="parent survey",
        at=day(120),
    )
    w.rel("GIVES_FEEDBACK", "lucia", "ms-park", nps=8, channel="parent survey", at=day(118))
    w.person("hana", "Hana Sato", country="GB", city="Leeds", birthYear=1984)
    w.person("kai", "Kai Sato", country="GB", city="Leeds", birthYear=2016)
    w.rel("PARENT_OF", "hana", "kai")
    w.rel("REFERS", "omar", "hana", providerId="ms-park", channel="school gate", at=day(100))
    w.buys("hana", "ms-park", "Private tutoring", 40.0, "GBP", 90)
    w.rel("USES", "kai", "ms-park", offering="Private tutoring", since=day(90))


def _company(w: _World) -> None:
    w.org(
        "initech",
        "Initech",
        industry="Software",
        country="US",
        city="Austin",
        employees=800,
        annualRevenue=95_000_000.0,
        grossMargin=0.8,
        expectedLifespanYears=6,
        technologies=["postgres", "kubernetes"],
    )
    w.dept("initech-hr", "Initech HR", "initech")
    w.dept("initech-it", "Initech IT", "initech")
    w.dept("initech-helpdesk", "Initech IT Help Desk", "initech-it")
    w.dept("initech-sales", "Initech Sales", "initech")
    w.rel("SERVES", "initech-hr", "initech-it", offering="Recruiting", ongoing=True)
    w.rel("SERVES", "initech-it", "initech-hr", offering="Laptops", ongoing=True)
    w.rel("SERVES", "initech-helpdesk", "initech-sales", offering="IT support", ongoing=True)
    w.person("peter", "Peter Gibbons", country="US", city="Austin", birthYear=1970)
    w.member("peter", "initech-helpdesk", "Support engineer")
    w.person("samir", "Samir Nagheenanajar", country="US", city="Austin", birthYear=1972)
    w.member("samir", "initech-sales", "Account executive")
    w.rel("USES", "samir", "initech-helpdesk", offering="IT support")
    # Initech publishes apps on AppMart and buys there too: an organisation as prosumer.
    w.org("appmart", "AppMart", industry="App store", country="US")
    w.rel("CONTRIBUTES", "initech", "appmart", what="CRM mobile app", at=day(300))
    w.buys("initech", "appmart", "Developer programme", 99.0, "USD", 300, kind="MEMBERSHIP")


def _buying_center(w: _World) -> None:
    w.org(
        "globex",
        "Globex",
        industry="Manufacturing",
        country="US",
        city="Cypress Creek",
        employees=2500,
        technologies=["sap", "salesforce"],
    )
    w.dept("globex-procurement", "Globex Procurement", "globex")
    w.dept("globex-it", "Globex IT", "globex")
    w.dept("globex-sales", "Globex Sales", "globex")
    w.buys("globex", "initech", "CRM suite", 120_000.0, "USD", 305, kind="CONTRACT")
    w.buys("globex", "initech", "Support plan", 12_000.0, "USD", 300, kind="SUBSCRIPTION")
    team = [
        ("dana", "Dana Scully", "globex", "CTO", "DECIDER"),
        ("ivan", "Ivan Petrov", "globex-sales", "Head of Sales", "INITIATOR"),
        ("uma", "Uma Patel", "globex-sales", "Sales rep", "USER"),
        ("ines", "Ines Duarte", "globex-it", "IT architect", "INFLUENCER"),
        ("aaron", "Aaron Cole", "globex", "CFO", "APPROVER"),
        ("bea", "Bea Novak", "globex-procurement", "Procurement lead", "BUYER"),
        ("gus", "Gus Grant", "globex", "Executive assistant", "GATEKEEPER"),
        ("chad", "Chad Kim", "globex-sales", "Sales ops", "CHAMPION"),
        ("nora", "Nora Lind", "globex-it", "Engineer", None),
    ]
    for id, name, of, title, role in team:
        w.person(id, name, country="US", birthYear=1975 + len(name))
        w.member(id, of, title, role, scope=["initech"] if role == "DECIDER" else None)
        if of == "globex-sales":
            w.rel("USES", id, "initech", offering="CRM suite", since=day(290))
    w.rel("ENGAGES", "dana", "initech", stage="ADVOCACY", channel="conference", at=day(40))
    # The champion sells for the vendor outside the account too: Chad recommends Initech
    # to a peer company, Soylent, which buys the CRM suite a month later.
    w.rel("GIVES_FEEDBACK", "chad", "initech", nps=9, offering="CRM suite", at=day(130))
    w.org(
        "soylent",
        "Soylent Corp",
        industry="Food",
        country="US",
        city="Austin",
        employees=400,
        technologies=["salesforce"],
    )
    w.rel("REFERS", "chad", "soylent", providerId="initech", channel="conference", at=day(110))
    w.buys("soylent", "initech", "CRM suite", 60_000.0, "USD", 80, kind="CONTRACT")


def _platforms(w: _World) -> None:
    w.org("vidly", "Vidly", industry="Video", country="US")
    for id, name in (("vera", "Vera Vlogs"), ("cole", "Cole Cooks")):
        w.person(id, name, country="CA", interests=["video"], values=["creativity"])
        w.rel("CONTRIBUTES", id, "vidly", what="videos", at=day(200))
        w.rel("USES", id, "vidly", offering="Streaming", since=day(400))
    w.buys("vera", "vidly", "Creator Pro", 9.99, "USD", 90, kind="SUBSCRIPTION")
    w.org("chatly", "Chatly", industry="Messaging", country="IE")
    w.org("bean-there", "Bean There Cafe", industry="Food", country="FR", city="Lyon")


def _prospects_and_public(w: _World) -> None:
    for id, name, stage, days_ago in (
        ("umbrella", "Umbrella Corp", "AWARENESS", 20),
        ("hooli", "Hooli", "CONSIDERATION", 12),
        ("stark", "Stark Industries", "INTENT", 3),
    ):
        w.org(id, name, industry="Technology", country="US")
        w.rel("ENGAGES", id, "initech", stage=stage, channel="webinar", at=day(days_ago))
    w.rel("ENGAGES", "hooli", "initech", stage="AWARENESS", channel="ad", at=day(40))
    w.org("springfield", "City of Springfield", "GOVERNMENT", country="US")
    w.buys("springfield", "initech", "Permit portal", 250_000.0, "USD", 500, kind="CONTRACT")
    w.org("state-uni", "State University", "INSTITUTION", country="US")
    w.buys("state-uni", "initech", "Campus licences", 40_000.0, "USD", 200, kind="CONTRACT")
    w.org("greenaid", "GreenAid", "NONPROFIT", country="NL")
    w.buys("greenaid", "initech", "CRM suite", 0.0, "USD", 150, consideration="IN_KIND")


FIRST = [
    "Alex",
    "Maria",
    "Jonas",
    "Aiko",
    "Lena",
    "Tom",
    "Priya",
    "Chen",
    "Sofia",
    "Noah",
    "Fatima",
    "Lucas",
    "Emma",
    "Ravi",
    "Zoe",
    "Marek",
    "Ana",
    "Kofi",
    "Ines",
    "Ole",
]
LAST = [
    "Meyer",
    "Garcia",
    "Tanaka",
    "Novak",
    "Okafor",
    "Silva",
    "Kowalski",
    "Dubois",
    "Nguyen",
    "Berg",
    "Rossi",
    "Khan",
    "Lopez",
    "Smith",
    "Ivanova",
    "Jensen",
]
COUNTRIES = ["DE", "US", "GB", "FR", "ES", "IT", "NL", "PL", "SE", "JP", "BR", "IN", "CA"]
INTERESTS = ["music", "sports", "gaming", "cooking", "travel", "reading", "tech", "crafts"]
VALUES = ["family", "sustainability", "price", "quality", "convenience", "status"]
NEEDS = ["fast delivery", "support", "low price", "privacy", "learning"]
INDUSTRIES = ["Retail", "Logistics", "Healthcare", "Finance", "Energy", "Media", "Education"]
TECH = ["salesforce", "sap", "aws", "azure", "postgres", "shopify", "hubspot"]
# Two in ten crowd members hold no buying role.
ROLES: list[str | None] = [*(role.value for role in BuyingRole), None, None]


def _crowd(w: _World, rng: random.Random) -> None:
    voice = random.Random(SEED + 1)  # its own stream: the rest of the crowd stays as it was
    people: list[str] = []
    for i in range(1, 261):
        id = f"p{i:03d}"
        w.person(
            id,
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            country=rng.choice(COUNTRIES),
            birthYear=rng.randint(1950, 2010),
            interests=rng.sample(INTERESTS, rng.randint(1, 3)),
            values=rng.sample(VALUES, rng.randint(1, 2)),
            needs=rng.sample(NEEDS, 1),
        )
        people.append(id)
    for i, id in enumerate(people):
        if i % 2 == 0:  # Vidly viewers; some pay for Premium, some watch ads
            w.rel("USES", id, "vidly", offering="Streaming", since=day(rng.randint(30, 900)))
            if i % 6 == 0:
                w.buys(
                    id, "vidly", "Premium", 11.99, "USD", rng.randint(1, 60), kind="SUBSCRIPTION"
                )
            elif i % 10 == 0:
                w.buys(
                    id,
                    "vidly",
                    "Free tier",
                    0.0,
                    "USD",
                    rng.randint(1, 60),
                    consideration="ATTENTION",
                )
        if i % 3 == 0:  # Chatly: free, paid for with data
            w.buys(
                id,
                "chatly",
                "Chatly free tier",
                0.0,
                "EUR",
                rng.randint(1, 700),
                consideration="DATA",
            )
            w.rel("USES", id, "chatly", offering="Messaging", since=day(rng.randint(1, 700)))
        if i % 5 == 0:  # cafe patrons, many of them regulars
            for visit in rng.sample(range(1, 365), rng.randint(1, 8)):
                w.buys(id, "bean-there", "Coffee", 3.5, "EUR", visit)
        if i % 7 == 0:  # a ToyCo family: parent buys, child plays
            child = people[(i + 1) % len(people)]
            w.rel("PARENT_OF", id, child)
            w.buys(
                id,
                "toyco",
                rng.choice(["Puzzle", "Robot kit", "Doll house"]),
                rng.choice([19.9, 49.9, 89.0]),
                "EUR",
                rng.randint(1, 400),
            )
            w.rel("USES", child, "toyco", offering="Toys")
        if i % 5 == 0:  # a few cafe patrons answer the loyalty-card survey
            _crowd_voice(w, voice, id, "bean-there", "Coffee", people)
        if i % 7 == 0:  # and a few ToyCo parents the post-purchase one
            _crowd_voice(w, voice, id, "toyco", "Toys", people)
        if i % 11 == 0:  # people window-shopping at ToyCo
            stage = rng.choice(["AWARENESS", "CONSIDERATION", "INTENT"])
            w.rel(
                "ENGAGES",
                id,
                "toyco",
                stage=stage,
                channel="newsletter",
                at=day(rng.randint(1, 90)),
            )
    for n in range(1, 31):  # client organisations of Initech, with staff in buying centers
        org = w.org(
            f"org{n:02d}",
            f"{rng.choice(LAST)} {rng.choice(INDUSTRIES)} {n}",
            rng.choice(["BUSINESS"] * 6 + ["GOVERNMENT", "INSTITUTION", "NONPROFIT"]),
            industry=rng.choice(INDUSTRIES),
            country=rng.choice(COUNTRIES),
            employees=rng.choice([5, 30, 120, 600, 4000]),
            technologies=rng.sample(TECH, 2),
        )
        staff = people[(n * 8) % len(people) : (n * 8) % len(people) + rng.randint(1, 4)]
        for person in staff:
            w.member(person, org, "Employee", rng.choice(ROLES))
        if n % 4 == 0:
            w.rel(
                "ENGAGES",
                org,
                "initech",
                stage=rng.choice(["AWARENESS", "INTENT"]),
                channel="trade fair",
                at=day(rng.randint(1, 60)),
            )
            continue
        for year in range(rng.randint(1, 3)):
            w.buys(
                org,
                "initech",
                "Support plan",
                rng.choice([6_000.0, 12_000.0]),
                "USD",
                30 + 365 * year + n,
                kind="SUBSCRIPTION",
            )
        if staff:
            w.rel("USES", staff[0], "initech", offering="CRM suite")


def _crowd_voice(
    w: _World, rng: random.Random, id: str, provider: str, offering: str, people: list[str]
) -> None:
    """Most customers never answer; of those who do, promoters pass the word on most."""
    if rng.random() >= 0.3:
        return
    nps = rng.choice([10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 3, 1])
    csat = max(1, min(5, round(nps / 2)))
    w.rel(
        "GIVES_FEEDBACK",
        id,
        provider,
        nps=nps,
        csat=csat,
        offering=offering,
        channel=rng.choice(["survey", "app", "email"]),
        at=day(rng.randint(1, 200)),
    )
    refer_chance = 0.6 if nps >= 9 else 0.15 if nps >= 7 else 0.02
    if rng.random() < refer_chance:
        friend = rng.choice(people)
        if friend != id:
            w.rel(
                "REFERS",
                id,
                friend,
                providerId=provider,
                channel="word of mouth",
                at=day(rng.randint(1, 200)),
            )


def world() -> dict[str, list[Record]]:
    """The demo world in the import format of SPEC 8 (the same on every call)."""
    w = _World()
    for story in (_family, _school, _company, _buying_center, _platforms, _prospects_and_public):
        story(w)
    _crowd(w, random.Random(SEED))
    return {"stakeholders": w.stakeholders, "relations": w.relations}


def _located(section: str, records: list[Record]) -> Iterator[Raw]:
    for index, record in enumerate(records):
        yield f"demo {section}[{index}]", {k: v for k, v in record.items() if v is not None}


async def load_demo(graph: Graph, progress: bool = False) -> ImportSummary:
    """Load the demo world through the importer (loading it twice changes nothing)."""
    data = world()
    return await import_records(
        graph,
        _located("stakeholders", data["stakeholders"]),
        _located("relations", data["relations"]),
        progress=progress,
    )
