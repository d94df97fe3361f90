"""Checks against what the region already knows about the premises and the business:
signals, cases and inspections about the same object.

They read through the cases app's scoped readers with the acting official, so a finding
shows only what that official may see. Where more is held that they may not see, and its
level allows it, the finding says to ask the RIEC, never what is held or by whom."""

from __future__ import annotations

from typing import Any

from django.utils.formats import date_format

from weerbaar.cases.services.selectors import (
    Known,
    cases_about,
    finding_label,
    inspections_about,
    links_about,
    subjects_with_kvk,
)
from weerbaar.cases.services.subjects import Subject
from weerbaar.screening.models import Application
from weerbaar.screening.services.checks.base import Source, check

ASK_RIEC = (
    "Mogelijk is er meer bekend bij een andere organisatie dan u kunt zien: vraag na bij het RIEC."
)


def subjects(application: Application) -> list[Subject]:
    """The premises and the business, and the business's other known addresses."""
    found = [s for s in (application.premises, application.business) if s is not None]
    if application.business is not None:
        found += list(application.business.addresses.all())
    found += list(subjects_with_kvk(application.kvk))
    return list({s.pk: s for s in found}.values())


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _about(subject: Subject, application: Application) -> str:
    return "dit pand" if application.premises_id == subject.pk else f"{subject.label}"


def _result(
    known: Known, details: list[Source], found: str, none: str
) -> tuple[bool, str, list[Source]]:
    if known.hint:
        details = [*details, Source(ASK_RIEC)]
    if not details:
        return False, none, []
    explanation = found if known.rows else none
    return bool(known.rows) or known.hint, explanation, details


@check(
    "signalen",
    "Signalen over het pand of de onderneming",
    data_used="Signalen gekoppeld aan het pand en de onderneming (niet afgewezen koppelingen)",
    weight=2,
)
def signals(application: Application, viewer: Any) -> tuple[bool, str, list[Source]]:
    known = links_about(subjects(application), viewer)
    details = [
        Source(
            f"Signaal {link.signal.receipt} van {date_format(link.signal.created_at, 'j F Y')}"
            f" ({link.signal.category.name if link.signal.category else 'geen categorie'})"
            f" gaat over {_about(link.subject, application)}; koppeling"
            f" {link.get_state_display()}: {link.reason}",
            f"signals.signal:{link.signal_id}",
        )
        for link in known.rows
    ]
    return _result(
        known,
        details,
        f"{_count(len(known.rows), 'signaal', 'signalen')} over het pand of de onderneming.",
        "Geen signalen over het pand of de onderneming die u kunt zien.",
    )


@check(
    "zaken",
    "Zaken over het pand of de onderneming",
    data_used="Zaken (open en gesloten) met het pand of de onderneming als object",
    weight=3,
)
def cases(application: Application, viewer: Any) -> tuple[bool, str, list[Source]]:
    known = cases_about(subjects(application), viewer)
    details = [
        Source(
            f"Zaak Z{case.pk} ({case.get_state_display()}, geopend"
            f" {date_format(case.created_at, 'j F Y')}, {case.owner_organisation.name}):"
            f" {case.title}",
            f"cases.case:{case.pk}",
        )
        for case in known.rows
    ]
    return _result(
        known,
        details,
        f"{_count(len(known.rows), 'zaak', 'zaken')} over het pand of de onderneming.",
        "Geen zaken over het pand of de onderneming die u kunt zien.",
    )


@check(
    "controles",
    "Bevindingen bij controles",
    data_used="Controles van het interventieteam op het pand of bij de onderneming",
    weight=3,
)
def inspections(application: Application, viewer: Any) -> tuple[bool, str, list[Source]]:
    known = inspections_about(subjects(application), viewer)
    with_findings = [stop for stop in known.rows if stop.visit.findings]
    details = [
        Source(
            f"Controle {date_format(stop.inspection.date, 'j F Y')} ({stop.inspection.team})"
            f" op {stop.subject.label}: "
            + ", ".join(finding_label(f) for f in stop.visit.findings),
            f"cases.inspection:{stop.inspection_id}",
        )
        for stop in with_findings
    ]
    known.rows = with_findings
    return _result(
        known,
        details,
        f"{_count(len(with_findings), 'controle', 'controles')} met bevindingen.",
        "Geen controles met bevindingen op het pand of bij de onderneming die u kunt zien.",
    )
