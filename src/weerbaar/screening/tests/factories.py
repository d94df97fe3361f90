"""Screening staff, applications and the data the checks read, for the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from weerbaar.accounts.models import Organisation, User
from weerbaar.accounts.tests.factories import member
from weerbaar.areas.models import Area
from weerbaar.screening.models import Application, ApplicationKind
from weerbaar.screening.services import register

PASSWORD = "screening-wachtwoord-2026"
SCREENER = [
    "view_application",
    "add_application",
    "change_application",
    # the checks read what the region knows, as far as the screener may see it
    "view_signal",
    "view_case",
    "view_inspection",
]
KVK = "12345679"  # passes the 11-test


def screener(org: Organisation, username: str, codenames: list[str] | None = None) -> User:
    return member(
        org,
        username,
        apps=["screening", "signals", "cases"],
        codenames=codenames or SCREENER,
        role=f"screening-{username}",
        password=PASSWORD,
    )


def new_application(
    municipality: Area,
    *,
    kind: str = "alcoholwetvergunning",
    received_on: dt.date | None = None,
    street: str = "Grote Markt",
    number: str = "1",
    postcode: str = "9711 LV",
    **overrides: Any,
) -> register.NewApplication:
    values: dict[str, Any] = {
        "kind": ApplicationKind.objects.get(code=kind),
        "applicant_name": "Café De Hoek B.V.",
        "applicant_is_business": True,
        "municipality": municipality,
        "requested_decision": "Alcoholwetvergunning voor café De Hoek",
        "received_on": received_on or dt.date(2026, 10, 1),
        "street": street,
        "house_number": number,
        "postcode": postcode,
        "place": municipality.name,
        "kvk": KVK,
        "founded_on": dt.date(2020, 1, 1),
        "investment": Decimal(80_000),
    }
    values.update(overrides)
    return register.NewApplication(**values)


def application(
    municipality: Area, actor: User, *, team: list[User] | None = None, **overrides: Any
) -> Application:
    organisation = actor.organisation
    assert organisation is not None
    return register.create(
        new_application(municipality, **overrides),
        actor=actor,
        organisation=organisation,
        team=team or [],
    )
