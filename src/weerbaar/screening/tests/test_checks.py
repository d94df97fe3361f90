"""Every automatic check, with data where it fires and data where it does not. A check
only reports: it never changes the application or decides anything."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from weerbaar.cases.models import Case, CaseState, LinkState, SignalLink
from weerbaar.cases.models.inspection import Inspection, InspectionStop, Visit
from weerbaar.screening.models import (
    Application,
    CompanyEvent,
    FinancingLine,
    Person,
)
from weerbaar.screening.services.checks import REGISTRY, Finding, run_all
from weerbaar.screening.tests.factories import application
from weerbaar.signals.services.seeding import seed_defaults
from weerbaar.signals.tests.factories import make_signal

pytestmark = pytest.mark.django_db


def _finding(app: Application, code: str, viewer: Any = None) -> Finding:
    """The finding as ``viewer`` (by default the official who registered it) sees it."""
    fresh = Application.objects.get(pk=app.pk)
    return REGISTRY[code].finding(fresh, viewer or fresh.created_by)


@pytest.fixture
def app(country: Any, staff: Any) -> Application:
    return application(country["GM0014"], staff["anna"])


def test_signals_about_the_premises(country: Any, staff: Any, app: Application) -> None:
    assert not _finding(app, "signalen").fired
    seed_defaults()
    signal = make_signal(country["GM0014"], category="drugs-handel").signal
    SignalLink.objects.create(
        signal=signal,
        subject=app.premises,
        state=LinkState.CONFIRMED,
        score=100,
        reason="zelfde adres",
    )
    rejected = make_signal(country["GM0014"]).signal
    SignalLink.objects.create(
        signal=rejected, subject=app.premises, state=LinkState.REJECTED, score=90, reason="x"
    )
    finding = _finding(app, "signalen")
    assert finding.fired
    (detail,) = finding.details
    assert signal.receipt in detail and "dit pand" in detail and "zelfde adres" in detail


def test_cases_about_the_business_by_kvk(country: Any, staff: Any, app: Application) -> None:
    assert not _finding(app, "zaken").fired
    case = Case.objects.create(
        title="Witwassen via horeca",
        state=CaseState.GESLOTEN,
        owner_organisation=staff["org"],
        created_by=staff["anna"],
    )
    case.subjects.add(app.business)
    finding = _finding(app, "zaken")
    assert (
        finding.fired and f"Z{case.pk}" in finding.details[0] and "gesloten" in finding.details[0]
    )


def test_inspections_with_findings_only(country: Any, staff: Any, app: Application) -> None:
    inspection = Inspection.objects.create(
        date=dt.date(2026, 5, 1),
        team="RIT Noord",
        organisation=staff["org"],
        depot_latitude=Decimal("53.2"),
        depot_longitude=Decimal("6.5"),
        created_by=staff["anna"],
    )
    stop = InspectionStop.objects.create(inspection=inspection, subject=app.premises)
    Visit.objects.create(stop=stop, situation="open", findings=[], recorded_by=staff["anna"])
    assert not _finding(app, "controles").fired  # a visit without findings
    stop.visit.findings = ["hennepteelt"]
    stop.visit.save()
    finding = _finding(app, "controles")
    assert (
        finding.fired and "hennepteelt" in finding.details[0] and "RIT Noord" in finding.details[0]
    )


def test_financing_that_does_not_add_up(app: Application) -> None:
    finding = _finding(app, "financiering")
    assert not finding.fired and "Nog geen financieringsbronnen" in finding.explanation
    FinancingLine.objects.create(application=app, source="bank", amount=50_000, documented=True)
    FinancingLine.objects.create(application=app, source="eigen", amount=28_000, documented=True)
    assert not _finding(app, "financiering").fired  # 78k of 80k: within 10%
    FinancingLine.objects.create(
        application=app, source="lening", amount=2_000, lender="J. Jansen", documented=False
    )
    finding = _finding(app, "financiering")
    assert finding.fired and "J. Jansen" in finding.explanation
    FinancingLine.objects.filter(source="lening").delete()
    FinancingLine.objects.filter(source="eigen").delete()
    FinancingLine.objects.create(application=app, source="contant", amount=28_000)
    finding = _finding(app, "financiering")
    assert finding.fired and "contant" in finding.explanation


def test_young_company_with_high_investment(app: Application) -> None:
    assert not _finding(app, "jong-bedrijf").fired  # founded 2020, 80k
    Application.objects.filter(pk=app.pk).update(
        founded_on=dt.date(2026, 6, 1), investment=Decimal(250_000)
    )
    finding = _finding(app, "jong-bedrijf")
    assert finding.fired and "4 maanden" in finding.explanation
    Application.objects.filter(pk=app.pk).update(investment=Decimal(20_000))
    assert not _finding(app, "jong-bedrijf").fired


def test_frequent_changes_of_directors(app: Application) -> None:
    CompanyEvent.objects.create(application=app, kind="bestuurder", date=dt.date(2026, 3, 1))
    CompanyEvent.objects.create(application=app, kind="bestuurder", date=dt.date(2020, 3, 1))
    assert not _finding(app, "wisselingen").fired  # one in the last 24 months
    CompanyEvent.objects.create(application=app, kind="bestuurder", date=dt.date(2025, 12, 1))
    finding = _finding(app, "wisselingen")
    assert finding.fired and "bestuurder" in finding.explanation


def test_cash_intensive_sector(country: Any, staff: Any, app: Application) -> None:
    assert _finding(app, "contante-branche").fired  # alcohol licence
    subsidy = application(country["GM0014"], staff["anna"], kind="subsidie", number="3")
    assert not _finding(subsidy, "contante-branche").fired


def test_rent_far_from_comparable_applications(country: Any, staff: Any, app: Application) -> None:
    Application.objects.filter(pk=app.pk).update(rent_per_month=Decimal(500), floor_area=100)
    finding = _finding(app, "prijs")
    assert not finding.fired and "te weinig vergelijkbare" in finding.details[0]
    for number, rent in (("5", 2_000), ("7", 2_200), ("9", 1_800)):
        application(
            country["GM0014"],
            staff["anna"],
            number=number,
            kvk="",
            applicant_is_business=False,
            applicant_name=f"Aanvrager {number}",
            rent_per_month=Decimal(rent),
            floor_area=100,
        )
    finding = _finding(app, "prijs")
    assert finding.fired and "mediaan van 3" in finding.details[0]
    Application.objects.filter(pk=app.pk).update(rent_per_month=Decimal(1_900))
    assert not _finding(app, "prijs").fired


def test_same_person_or_address_in_other_applications(
    country: Any, staff: Any, app: Application
) -> None:
    Person.objects.create(
        application=app, role="bestuurder", name="Piet de Vries", birth_date=dt.date(1980, 1, 1)
    )
    assert not _finding(app, "herhaling").fired
    other = application(
        country["GM0014"],
        staff["anna"],
        kind="omgevingsvergunning",
        number="20",
        kvk="",
        applicant_is_business=False,
    )
    Person.objects.create(
        application=other, role="financier", name="piet  de vries", birth_date=dt.date(1980, 1, 1)
    )
    finding = _finding(app, "herhaling")
    assert (
        finding.fired
        and other.reference in finding.details[0]
        and "financier" in finding.details[0]
    )
    Person.objects.filter(application=other).update(birth_date=dt.date(1990, 5, 5))
    assert not _finding(app, "herhaling").fired  # same name, another person
    same_place = application(
        country["GM0014"], staff["anna"], kind="subsidie", kvk="", applicant_is_business=False
    )
    finding = _finding(app, "herhaling")
    assert (
        finding.fired
        and same_place.reference in finding.details[0]
        and "hetzelfde pand" in finding.details[0]
    )


def test_checks_never_decide(app: Application) -> None:
    before = Application.objects.filter(pk=app.pk).values().get()
    findings = run_all(app, app.created_by)
    assert len(findings) == len(REGISTRY) >= 9
    assert Application.objects.filter(pk=app.pk).values().get() == before
    names = {f.name for f in dataclasses.fields(Finding)}
    assert not names & {"decision", "outcome", "assessment", "advice"}
    for finding in findings:
        assert (
            finding.explanation
            and finding.data_used
            and finding.weight_label in {"licht", "middel", "zwaar"}
        )
