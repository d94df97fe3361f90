"""Checks on the company's history and on recurrence: frequent changes of directors or
address, a cash-intensive sector, and the same person or address in other applications."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from weerbaar.screening.models import Application, CompanyEventKind, Person
from weerbaar.screening.services import access
from weerbaar.screening.services.checks.base import check, sentence

WINDOW_MONTHS = 24
FREQUENT = 2


@check(
    "wisselingen",
    "Vaak een andere bestuurder of een ander adres",
    data_used=f"Wijzigingen in het KvK-uittreksel in de {WINDOW_MONTHS} maanden voor de aanvraag",
    weight=2,
)
def changes(application: Application, viewer: Any) -> tuple[bool, str, list[str]]:
    since = application.received_on - dt.timedelta(days=WINDOW_MONTHS * 365 // 12)
    events = application.company_events.filter(date__gte=since, date__lte=application.received_on)
    counts = {kind: events.filter(kind=kind).count() for kind in CompanyEventKind.values}
    details = [
        f"{CompanyEventKind(kind).label}: {count} keer sinds {since:%d-%m-%Y}"
        for kind, count in counts.items()
    ]
    frequent = [str(CompanyEventKind(kind).label) for kind, n in counts.items() if n >= FREQUENT]
    if frequent:
        return (
            True,
            sentence(
                f"{' en '.join(frequent)} {FREQUENT} keer of vaker in {WINDOW_MONTHS} maanden."
            ),
            details,
        )
    return False, "Geen opvallende wisselingen.", details


@check(
    "contante-branche",
    "Contant-intensieve branche",
    data_used="Soort aanvraag (branche)",
    weight=1,
)
def cash_sector(application: Application, viewer: Any) -> tuple[bool, str, list[str]]:
    if application.kind.cash_intensive:
        return True, f"{application.kind.name}: een branche waarin veel contant geld omgaat.", []
    return False, f"{application.kind.name}: geen contant-intensieve branche.", []


@check(
    "herhaling",
    "Zelfde persoon of adres in andere aanvragen",
    data_used="Personen, pand en KvK-nummer van de andere aanvragen van dit bestuursorgaan",
    weight=2,
)
def recurrence(application: Application, viewer: Any) -> tuple[bool, str, list[str]]:
    # Only applications the official may see: another team's file stays with that team.
    others = (
        access.visible(viewer)
        .filter(owner_organisation=application.owner_organisation, purged_at__isnull=True)
        .exclude(pk=application.pk)
    )
    details = []
    same_place = Q()
    if application.premises_id:
        same_place |= Q(premises_id=application.premises_id)
    if application.kvk:
        same_place |= Q(kvk=application.kvk)
    if same_place:
        for other in others.filter(same_place).order_by("received_on"):
            what = (
                "hetzelfde pand"
                if other.premises_id == application.premises_id
                else "hetzelfde KvK-nummer"
            )
            details.append(
                f"{other.reference} ({other.kind.name}, {other.received_on:%d-%m-%Y}"
                f"{', ' + other.get_outcome_display() if other.outcome else ''}): {what}"
            )
    own = list(application.persons.all())
    matches = (
        Person.objects.filter(
            application__in=others, name_key__in={person.name_key for person in own}
        )
        .select_related("application__kind")
        .order_by("application__received_on", "pk")
    )
    for person in matches:
        for mine in own:
            if person.name_key != mine.name_key:
                continue
            if mine.birth_date and person.birth_date and mine.birth_date != person.birth_date:
                continue
            other = person.application
            details.append(
                f"{other.reference} ({other.kind.name}, {other.received_on:%d-%m-%Y}):"
                f" {mine.name} als {person.get_role_display()}"
            )
    if details:
        noun = "overeenkomst" if len(details) == 1 else "overeenkomsten"
        return True, f"{len(details)} {noun} met andere aanvragen.", details
    return False, "Geen overeenkomsten met andere aanvragen.", []
