"""Organisations: nested departments, staff with titles and buying roles, their
purchases from B2B providers, employees using what was bought, internal SERVES."""

from __future__ import annotations

from typing import Any

from stakegraph.generate.common import (
    CENTER_ROLES,
    CHANNELS,
    DEPARTMENTS,
    MARKETS,
    PLACES,
    PROSPECT_STAGES,
    PUBLIC_TYPES,
    RATE,
    ROLE_TITLES,
    SERVICES,
    TECHNOLOGIES,
    _Base,
    _iso,
    _Provider,
)


class Organisations(_Base):
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
