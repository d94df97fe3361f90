"""Registering an application: its reference, the premises and business as objects shared
with signals and cases (so the checks meet what the region knows), and the named team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import Organisation
from weerbaar.accounts.services.access import covered_area_ids
from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services import postcodes
from weerbaar.areas.services.selectors import ancestors, find_area
from weerbaar.cases.services import subjects
from weerbaar.cases.services.subjects import Subject, SubjectOrigin
from weerbaar.screening.models import Application, ApplicationKind, Event, Questionnaire


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


class OutsideArea(ValueError):
    """The premises do not lie where the screening organisation works; ``field`` names the
    form field to correct."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def _municipality_code(area: Area | None) -> str | None:
    chain = [area, *reversed(ancestors(area))] if area is not None else []
    return next((a.code for a in chain if a.level == AreaLevel.GEMEENTE), None)


def check_place(new: NewApplication, organisation: Organisation) -> None:
    """The premises must lie in the area the organisation screens for: the chosen
    municipality in its work area, and the postcode (where Weerbaar knows it) in that
    municipality. Otherwise the checks would show another municipality's records."""
    if new.municipality.pk not in covered_area_ids(organisation):
        raise OutsideArea(
            _(
                "De gemeente %(municipality)s valt niet onder het werkgebied van "
                "%(organisation)s. Registreer alleen aanvragen voor panden in uw werkgebied."
            )
            % {"municipality": new.municipality.name, "organisation": organisation.name},
            "municipality",
        )
    actual = _municipality_code(postcodes.area_for_postcode(new.postcode))
    if actual is not None and actual != new.municipality.code:
        found = find_area(actual)
        raise OutsideArea(
            _(
                "Postcode %(postcode)s ligt in de gemeente %(actual)s, niet in %(chosen)s. "
                "Controleer het adres of kies de juiste gemeente."
            )
            % {
                "postcode": new.postcode,
                "actual": found.name if found else actual,
                "chosen": new.municipality.name,
            },
            "postcode",
        )


def premises_for(new: NewApplication) -> Subject:
    return subjects.premises(
        street=new.street,
        house_number=new.house_number,
        postcode=new.postcode,
        place_name=new.place,
        municipality=new.municipality,
        origin=SubjectOrigin.BIBOB,
    )


def business_for(new: NewApplication, premises: Subject) -> Subject | None:
    if not new.kvk:
        return None
    return subjects.business(
        kvk=new.kvk,
        name=new.applicant_name,
        municipality=new.municipality,
        address=premises,
        origin=SubjectOrigin.BIBOB,
    )


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
    check_place(new, organisation)
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
