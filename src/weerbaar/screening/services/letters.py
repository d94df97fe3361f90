"""Draft letters from the templates legal staff keep in the admin. Fields in braces are
filled from the application; an unknown field stays visible as it is, so a typo in a
template shows in the draft instead of breaking it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.formats import date_format

from weerbaar.screening.models import Application, Letter, LetterKind, LetterTemplate
from weerbaar.screening.services import questionnaire, workflow


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _date(value: dt.date | None) -> str:
    return date_format(value, "j F Y") if value else "(onbekend)"


def fields(application: Application, today: dt.date) -> dict[str, str]:
    deadline = workflow.deadline(application, today)
    return {
        "aanvrager": application.applicant_name,
        "kenmerk": application.reference,
        "soort": application.kind.name,
        "gevraagd_besluit": application.requested_decision,
        "ontvangen_op": _date(application.received_on),
        "datum": _date(today),
        "beslisdatum": _date(deadline.due),
        "termijn_zienswijze": _date(deadline.hearing_ends),
        "besluit": application.get_outcome_display() if application.outcome else "",
        "grondslag": application.decision_ground or application.kind.legal_ground,
        "motivering": application.decision_reasons,
        "redenen_voornemen": application.hearing_reasons,
        "ontbrekend": "\n".join(f"- {q.text}" for q in questionnaire.missing(application))
        or "- (niets)",
        "gemeente": application.municipality.name,
        "organisatie": application.owner_organisation.name,
        "adres": application.premises.label if application.premises else "",
    }


def draft(application: Application, kind: str, *, actor: Any, today: dt.date) -> Letter:
    template = LetterTemplate.objects.filter(kind=kind).first()
    if template is None:
        raise LookupError(f"Er is geen sjabloon voor '{LetterKind(kind).label}'.")
    values = _Keep(fields(application, today))
    try:
        subject, body = template.subject.format_map(values), template.body.format_map(values)
    except (ValueError, IndexError) as error:
        raise LookupError(
            f"Het sjabloon '{template}' bevat een losse accolade of een leeg veld: {error}"
        ) from error
    letter = Letter.objects.create(
        application=application, kind=kind, subject=subject, body=body, created_by=actor
    )
    workflow.record(application, "brief", f"Concept gemaakt: {LetterKind(kind).label}.", actor)
    return letter
