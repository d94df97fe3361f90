"""Registering an application: its reference, the premises and business as objects shared
with signals and cases (so the checks meet what the region knows), and the named team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from weerbaar.accounts.models import Organisation
from weerbaar.areas.models import Area
from weerbaar.cases.models import Subject, SubjectKind
from weerbaar.cases.services import keys
from weerbaar.screening.models import Application, ApplicationKind, Event, Questionnaire
from weerbaar.signals.services.location import normalise_postcode


@dataclass
class NewApplication:
    kind: ApplicationKind
    applicant_name: str
    applicant_is_business: bool
    municipality: Area
    requested_decision: str
    received_on: dt.date
    street: str
    house_number: str
    postcode: str
    place: str
    kvk: str = ""
    founded_on: dt.date | None = None
    investment: Decimal | None = None
    rent_per_month: Decimal | None = None
    purchase_price: Decimal | None = None
    floor_area: int | None = None


def premises_for(new: NewApplication) -> Subject:
    number = keys.house_number(new.house_number)
    if number is None:
        raise keys.InvalidKey("Geen geldig huisnummer.")
    key = keys.address_key(new.postcode, *number)
    subject, _ = Subject.objects.get_or_create(
        key=key,
        defaults={
            "kind": SubjectKind.PAND,
            "label": f"{new.street} {number[0]}{number[1]}{'-' + number[2] if number[2] else ''}, {new.place}"[
                :250
            ],
            "street": new.street,
            "house_number": number[0],
            "house_letter": number[1],
            "house_addition": number[2],
            "postcode": normalise_postcode(new.postcode) or "",
            "place": new.place,
            "municipality": new.municipality,
            "area": new.municipality,
        },
    )
    return subject


def business_for(new: NewApplication, premises: Subject) -> Subject | None:
    if not new.kvk:
        return None
    subject, _ = Subject.objects.get_or_create(
        key=keys.kvk_key(new.kvk),
        defaults={
            "kind": SubjectKind.BEDRIJF,
            "label": new.applicant_name[:250],
            "kvk": new.kvk,
            "municipality": new.municipality,
            "area": new.municipality,
        },
    )
    subject.addresses.add(premises)
    return subject


def _reference(year: int) -> str:
    prefix = f"BIB-{year}-"
    last = (
        Application.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:04d}"


def create(
    new: NewApplication, *, actor: Any, organisation: Organisation, team: Iterable[Any] = ()
) -> Application:
    questionnaire = Questionnaire.objects.order_by("-version").first()
    if questionnaire is None:
        raise LookupError("Er is geen vragenlijst; voer de migraties uit.")
    for attempt in range(3):
        try:
            with transaction.atomic():
                premises = premises_for(new)
                application = Application.objects.create(
                    reference=_reference(new.received_on.year),
                    kind=new.kind,
                    questionnaire=questionnaire,
                    applicant_name=new.applicant_name,
                    applicant_is_business=new.applicant_is_business,
                    kvk=new.kvk,
                    founded_on=new.founded_on,
                    premises=premises,
                    business=business_for(new, premises),
                    municipality=new.municipality,
                    requested_decision=new.requested_decision,
                    received_on=new.received_on,
                    investment=new.investment,
                    rent_per_month=new.rent_per_month,
                    purchase_price=new.purchase_price,
                    floor_area=new.floor_area,
                    owner_organisation=organisation,
                    created_by=actor,
                )
                application.team.add(actor, *team)
                Event.objects.create(
                    application=application,
                    kind="aangemaakt",
                    text=f"Aanvraag geregistreerd ({new.kind.name}), ontvangen {new.received_on:%d-%m-%Y}.",
                    actor=actor,
                )
                return application
        except IntegrityError:  # two registrations took the same number; take the next
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
