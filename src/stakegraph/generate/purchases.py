"""Purchases from a provider, and the voice of the customer that follows them
(GIVES_FEEDBACK, REFERS), drawn from its own random stream."""

from __future__ import annotations

from typing import Any

from stakegraph.generate.common import (
    ANSWER_RATE,
    CHANNELS,
    COMMENTS,
    END,
    MARKETS,
    NPS_WEIGHTS,
    RATE,
    REFER_CHANCE,
    YEAR,
    _Base,
    _iso,
    _Provider,
)


class Purchases(_Base):
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
