"""Checks against what the region already knows about the premises and the business:
signals, cases and inspections about the same object."""

from __future__ import annotations

from django.db.models import Q
from django.utils.formats import date_format

from weerbaar.cases.models import Case, InspectionStop, LinkState, SignalLink, Subject
from weerbaar.cases.models.inspection import Finding as VisitFinding
from weerbaar.screening.models import Application
from weerbaar.screening.services.checks.base import check


def subjects(application: Application) -> list[Subject]:
    """The premises and the business, and the business's other known addresses."""
    found = [s for s in (application.premises, application.business) if s is not None]
    if application.business is not None:
        found += list(application.business.addresses.all())
    if application.kvk:
        found += list(Subject.objects.filter(kvk=application.kvk))
    return list({s.pk: s for s in found}.values())


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _about(subject: Subject, application: Application) -> str:
    return "dit pand" if application.premises_id == subject.pk else f"{subject.label}"


@check(
    "signalen",
    "Signalen over het pand of de onderneming",
    data_used="Signalen gekoppeld aan het pand en de onderneming (niet afgewezen koppelingen)",
    weight=2,
)
def signals(application: Application) -> tuple[bool, str, list[str]]:
    objects = subjects(application)
    links = (
        SignalLink.objects.filter(subject__in=objects)
        .exclude(state=LinkState.REJECTED)
        .select_related("signal__category", "subject")
        .order_by("signal__created_at")
    )
    details = [
        f"Signaal {link.signal.receipt} van {date_format(link.signal.created_at, 'j F Y')}"
        f" ({link.signal.category.name if link.signal.category else 'geen categorie'})"
        f" gaat over {_about(link.subject, application)}; koppeling {link.get_state_display()}:"
        f" {link.reason}"
        for link in links
    ]
    if not details:
        return False, "Geen signalen over het pand of de onderneming.", []
    return (
        True,
        f"{_count(len(details), 'signaal', 'signalen')} over het pand of de onderneming.",
        details,
    )


@check(
    "zaken",
    "Zaken over het pand of de onderneming",
    data_used="Zaken (open en gesloten) met het pand of de onderneming als object",
    weight=3,
)
def cases(application: Application) -> tuple[bool, str, list[str]]:
    objects = subjects(application)
    found = (
        Case.objects.filter(subjects__in=objects)
        .distinct()
        .select_related("owner_organisation")
        .order_by("created_at")
    )
    details = [
        f"Zaak Z{case.pk} ({case.get_state_display()}, geopend {date_format(case.created_at, 'j F Y')},"
        f" {case.owner_organisation.name})"
        + (
            " — gevoelige zaak: vraag de eigenaar om inzage"
            if case.sensitive
            else f": {case.title}"
        )
        for case in found
    ]
    if not details:
        return False, "Geen zaken over het pand of de onderneming.", []
    return (
        True,
        f"{_count(len(details), 'zaak', 'zaken')} over het pand of de onderneming.",
        details,
    )


@check(
    "controles",
    "Bevindingen bij controles",
    data_used="Controles van het interventieteam op het pand of bij de onderneming",
    weight=3,
)
def inspections(application: Application) -> tuple[bool, str, list[str]]:
    stops = (
        InspectionStop.objects.filter(subject__in=subjects(application))
        .filter(Q(visit__isnull=False))
        .select_related("inspection", "visit", "subject")
        .order_by("inspection__date")
    )
    details = []
    for stop in stops:
        findings = stop.visit.findings or []
        if findings:
            details.append(
                f"Controle {date_format(stop.inspection.date, 'j F Y')} ({stop.inspection.team})"
                f" op {stop.subject.label}: "
                + ", ".join(str(dict(VisitFinding.choices).get(f, f)) for f in findings)
            )
    if not details:
        return False, "Geen controles met bevindingen op het pand of bij de onderneming.", []
    return True, f"{_count(len(details), 'controle', 'controles')} met bevindingen.", details
