"""Small fixtures of our own for the prevention tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from weerbaar.accounts.models import Organisation, User
from weerbaar.accounts.tests.factories import member
from weerbaar.accounts.tests.factories import organisation as _organisation
from weerbaar.areas.models import Area
from weerbaar.prevention.models import Bus, BusRequest, RequestState
from weerbaar.prevention.services import bookings

PASSWORD = "coordinator-wachtwoord-2026"
COORDINATOR = [
    "view_busrequest",
    "decide_busrequest",
    "view_tourplan",
    "plan_tour",
    "view_covenant",
    "add_covenant",
    "change_covenant",
    "view_articleversion",
]


def organisation(name: str, *areas: Area) -> Organisation:
    return _organisation(name, *areas, kind="provincie")


def coordinator(org: Organisation, username: str, codenames: list[str] | None = None) -> User:
    return member(
        org,
        username,
        apps=["prevention"],
        codenames=codenames or COORDINATOR,
        role=f"coordinator-{username}",
        password=PASSWORD,
    )


def future(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def bus_request(
    municipality: Area,
    windows: list[tuple[dt.date, dt.time, dt.time]],
    *,
    name: str = "Basisschool De Linde",
    state: str = RequestState.ACCEPTED,
    minutes: int = 120,
    point: tuple[float, float] | None = None,
) -> BusRequest:
    request, _ = bookings.submit(
        {
            "organisation_name": name,
            "organisation_kind": "school",
            "contact_name": "Anna de Vries",
            "contact_email": "anna@example.org",
            "contact_phone": "050-1234567",
            "street": "Schoolstraat 1",
            "postcode": "9712 AB",
            "place": municipality.name,
            "municipality": municipality,
            "audience": "ouders groep 8",
            "expected_visitors": 40,
            "visit_minutes": minutes,
        },
        [bookings.WindowInput(d, s, e) for d, s, e in windows],
    )
    request.state = state
    if point:
        request.latitude, request.longitude = point
    request.save()
    return request


def the_bus() -> Bus:
    return Bus.objects.get()  # seeded by migration 0002


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "organisation_name": "OBS De Wilg",
        "organisation_kind": "school",
        "street": "Wilgenlaan 4",
        "postcode": "9712 CP",
        "place": "Groningen",
        "municipality_code": "GM0014",
        "audience": "ouders en leerlingen groep 7 en 8",
        "expected_visitors": "60",
        "visit_minutes": "120",
        "datum_1": future(20).isoformat(),
        "van_1": "13:00",
        "tot_1": "17:00",
        "contact_name": "Piet Jansen",
        "contact_email": "piet@example.org",
        "contact_phone": "",
        "remarks": "",
    }
    data.update(overrides)
    return data
