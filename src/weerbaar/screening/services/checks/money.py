"""Checks on money: financing that does not add up, a young company with a high
investment, and rent or purchase price far from comparable applications."""

from __future__ import annotations

import statistics
from decimal import Decimal
from typing import Any

from weerbaar.screening.models import Application, FinancingSource
from weerbaar.screening.services.checks.base import check, sentence

GAP_SHARE = Decimal("0.10")  # sources more than 10% short of the investment
CASH_SHARE = Decimal("0.10")  # more than 10% of the investment in cash
YOUNG_MONTHS = 12
HIGH_INVESTMENT = Decimal(100_000)
MIN_COMPARABLE = 3
FAR_BELOW, FAR_ABOVE = 0.5, 2.0


def euro(amount: Decimal | float) -> str:
    return f"€ {amount:,.0f}".replace(",", ".")


@check(
    "financiering",
    "Financiering sluit niet",
    data_used="Investering en financieringsbronnen uit de vragenlijst",
    weight=3,
)
def financing(application: Application, viewer: Any) -> tuple[bool, str, list[str]]:
    lines = list(application.financing.all())
    if application.investment is None:
        return False, "Geen investering opgegeven; niet te beoordelen.", []
    if not lines:
        return False, "Nog geen financieringsbronnen vastgelegd; niet te beoordelen.", []
    investment = application.investment
    total = sum((line.amount for line in lines), Decimal(0))
    cash = sum((line.amount for line in lines if line.source == FinancingSource.CASH), Decimal(0))
    unknown = [
        line
        for line in lines
        if line.source in (FinancingSource.LOAN, FinancingSource.GIFT) and not line.documented
    ]
    details = [f"Investering {euro(investment)}; bronnen samen {euro(total)}."]
    reasons = []
    if investment and investment - total > investment * GAP_SHARE:
        reasons.append(f"{euro(investment - total)} van de investering is niet verklaard")
    if investment and cash > investment * CASH_SHARE:
        reasons.append(f"{euro(cash)} contant ({cash / investment:.0%} van de investering)")
    for line in unknown:
        reasons.append(
            f"{line.get_source_display()} van {euro(line.amount)} van "
            f"{line.lender or 'onbekende verstrekker'} is niet aangetoond"
        )
    if not reasons:
        return False, "De opgegeven bronnen dekken de investering en zijn verklaard.", details
    return True, sentence("; ".join(reasons)) + ".", details


@check(
    "jong-bedrijf",
    "Jonge onderneming met hoge investering",
    data_used="Inschrijfdatum KvK, datum van ontvangst en investering",
    weight=2,
)
def young_company(application: Application, viewer: Any) -> tuple[bool, str, list[str]]:
    if application.founded_on is None or application.investment is None:
        return False, "Inschrijfdatum of investering onbekend; niet te beoordelen.", []
    months = (application.received_on.year - application.founded_on.year) * 12 + (
        application.received_on.month - application.founded_on.month
    )
    detail = [
        f"Ingeschreven {application.founded_on:%d-%m-%Y}, {months} "
        f"{'maand' if months == 1 else 'maanden'} voor de aanvraag;"
        f" investering {euro(application.investment)}."
    ]
    if months < YOUNG_MONTHS and application.investment >= HIGH_INVESTMENT:
        return (
            True,
            f"Onderneming is {months} maanden oud en investeert {euro(application.investment)}"
            f" (drempels: jonger dan {YOUNG_MONTHS} maanden, vanaf {euro(HIGH_INVESTMENT)}).",
            detail,
        )
    return False, "Geen jonge onderneming met een hoge investering.", detail


def _per_m2(value: Decimal | None, area: int | None) -> float | None:
    if value is None or not area:
        return None
    return float(value) / area


def _far(application: Application, field: str, label: str) -> tuple[bool | None, str]:
    own = _per_m2(getattr(application, field), application.floor_area)
    if own is None:
        return None, f"{label}: niet opgegeven."
    others = (
        Application.objects.filter(kind=application.kind, municipality=application.municipality)
        .exclude(pk=application.pk)
        .exclude(**{f"{field}__isnull": True})
        .exclude(floor_area__isnull=True)
        .values_list(field, "floor_area")
    )
    values = [v for v in (_per_m2(value, area) for value, area in others) if v is not None]
    if len(values) < MIN_COMPARABLE:
        return None, (
            f"{label}: {euro(own)} per m²; te weinig vergelijkbare aanvragen "
            f"({len(values)}, minstens {MIN_COMPARABLE} nodig)."
        )
    median = statistics.median(values)
    ratio = own / median if median else 1.0
    text = (
        f"{label}: {euro(own)} per m², mediaan van {len(values)} vergelijkbare aanvragen "
        f"(zelfde soort, zelfde gemeente) {euro(median)} per m² ({ratio:.0%})."
    )
    return ratio < FAR_BELOW or ratio > FAR_ABOVE, text


@check(
    "prijs",
    "Huur of koopsom wijkt sterk af",
    data_used="Huur, koopsom en oppervlakte; vergelijkbare aanvragen van dezelfde soort in dezelfde gemeente",
    weight=2,
)
def price(application: Application, viewer: Any) -> tuple[bool, str, list[str]]:
    results = [
        _far(application, "rent_per_month", "Huur per maand"),
        _far(application, "purchase_price", "Koopsom"),
    ]
    details = [text for _, text in results]
    if any(far for far, _ in results):
        return (
            True,
            "Ligt onder de helft of boven het dubbele van wat vergelijkbare aanvragen opgeven.",
            details,
        )
    return False, "Geen sterke afwijking gevonden (of niet te vergelijken).", details
