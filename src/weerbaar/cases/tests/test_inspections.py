"""Inspection days: 12 addresses get a route and a day sheet; a visit with findings and a
closure measure produces a follow-up deadline; other organisations see nothing."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from weerbaar.cases.models import (
    Inspection,
    InspectionStop,
    Measure,
    StartLocation,
    Subject,
    Visit,
)
from weerbaar.cases.services import dayroute
from weerbaar.cases.tests.factories import case_handler
from weerbaar.signals.tests.factories import CAMERA, PASSWORD, jpeg_with_metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(orgs: dict[str, Any]) -> dict[str, Any]:
    return {
        "ria": case_handler(orgs["groningen"], "ria-riec"),
        "bas": case_handler(orgs["assen"], "bas-riec"),
    }


@pytest.fixture
def twelve(country: dict[str, Any]) -> list[Subject]:
    subjects = []
    for i in range(12):
        subjects.append(
            Subject.objects.create(
                kind="pand",
                key=f"pand:97{i:02d}AB|{i + 1}||",
                label=f"Teststraat {i + 1}, Groningen",
                house_number=i + 1,
                area=country["WK001400"],
                municipality=country["GM0014"],
                latitude=Decimal("53.20") + Decimal(i % 4) * Decimal("0.01"),
                longitude=Decimal("6.50") + Decimal(i // 4) * Decimal("0.015"),
            )
        )
    return subjects


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def plan_day(client: Client, subjects: list[Subject]) -> Inspection:
    user = client.get(reverse("cases:inspections")).wsgi_request.user
    office, _ = StartLocation.objects.get_or_create(
        organisation=user.organisation,
        name="Kantoor",
        defaults={
            "address": "Kreupelstraat 1, Groningen",
            "latitude": Decimal("53.2194"),
            "longitude": Decimal("6.5665"),
        },
    )
    response = client.post(
        reverse("cases:inspections"),
        {
            "datum": "2026-12-03",
            "team": "Interventieteam Noord",
            "discipline": ["handhaving", "politie", "brandweer"],
            "vertrekpunt": str(office.pk),
            "object": [s.pk for s in subjects],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Inspection.objects.get()


def test_twelve_addresses_get_a_route_and_a_day_sheet(
    team: dict[str, Any], twelve: list[Subject]
) -> None:
    client = login(team["ria"])
    inspection = plan_day(client, twelve)
    stops = list(InspectionStop.objects.filter(inspection=inspection).order_by("position"))
    assert [s.position for s in stops] == list(range(1, 13))
    arrivals = [s.arrival for s in stops]
    assert arrivals[0] >= dt.time(9, 0) and arrivals == sorted(arrivals)
    assert inspection.route_minutes and inspection.route_minutes > 0
    sheet = client.get(reverse("cases:day_sheet", args=[inspection.pk])).content.decode()
    assert sheet.count("Teststraat") == 12 and "Interventieteam Noord" in sheet


def test_the_solver_beats_the_order_of_entry() -> None:
    """Points east of the start entered zig-zag: the round trip drives no further than out
    to the farthest point and back (any zig-zag costs more)."""
    points = [(53.2, 6.5)] + [(53.2, 6.5 + 0.05 * k) for k in (5, 1, 4, 2, 3)]
    matrix = dayroute.StraightLine().minutes(points)
    order, arrivals = dayroute.solve(matrix, [0, 10, 10, 10, 10, 10])
    path = [0, *order, 0]
    driven = sum(matrix[a][b] for a, b in itertools.pairwise(path))
    entered = sum(matrix[a][b] for a, b in itertools.pairwise([0, 1, 2, 3, 4, 5, 0]))
    assert driven <= 2 * matrix[0][1] + 2  # rounding of the minutes
    assert driven < entered
    assert sorted(order) == [1, 2, 3, 4, 5] and arrivals == sorted(arrivals)


def test_visit_with_findings_and_closure_gives_a_follow_up_deadline(
    team: dict[str, Any], twelve: list[Subject]
) -> None:
    client = login(team["ria"])
    inspection = plan_day(client, twelve[:3])
    stop = inspection.stops.order_by("position").first()
    photo = SimpleUploadedFile("kwekerij.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    response = client.post(
        reverse("cases:visit", args=[stop.pk]),
        {
            "situatie": "toegang",
            "bevinding": ["hennepteelt", "stroom"],
            "aanwezig": "handhaving, politie, netbeheerder",
            "maatregel": ["sluiting_13b"],
            "fotos": [photo],
        },
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.findings == ["hennepteelt", "stroom"] and visit.recorded_by == team["ria"]
    measure = Measure.objects.get()
    assert measure.legal_basis == "Opiumwet, art. 13b"
    assert measure.follow_up == dt.date(2026, 12, 3) + dt.timedelta(days=90)
    assert CAMERA.encode() not in bytes(visit.photos.get().data)
    page = client.get(reverse("cases:inspection", args=[inspection.pk])).content.decode()
    assert "sluiting (art. 13b Opiumwet)" in page and "3 maart 2027" in page
    again = client.post(reverse("cases:visit", args=[stop.pk]), {"maatregel": ["bibob"]})
    assert again.status_code == 302 and Measure.objects.count() == 2
    bad = client.post(
        reverse("cases:visit", args=[inspection.stops.order_by("position")[1].pk]),
        {"situatie": "onzin"},
    )
    assert bad.status_code == 400


def test_other_organisation_sees_no_inspection(team: dict[str, Any], twelve: list[Subject]) -> None:
    inspection = plan_day(login(team["ria"]), twelve[:2])
    other = login(team["bas"])
    stop = inspection.stops.first()
    assert other.get(reverse("cases:inspection", args=[inspection.pk])).status_code == 404
    assert other.get(reverse("cases:day_sheet", args=[inspection.pk])).status_code == 404
    assert (
        other.post(reverse("cases:visit", args=[stop.pk]), {"situatie": "toegang"}).status_code
        == 404
    )
    assert "Interventieteam" not in other.get(reverse("cases:inspections")).content.decode()
    assert other.get("/api/v1/inspections").json()["results"] == []
    own = login(team["ria"]).get("/api/v1/inspections").json()["results"]
    assert len(own) == 1 and len(own[0]["stops"]) == 2


def test_planning_errors_are_explained(team: dict[str, Any]) -> None:
    response = login(team["ria"]).post(
        reverse("cases:inspections"),
        {"datum": "morgen", "vertrekpunt": "adres", "vertrek_postcode": "0"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "geldige datum" in page and "vertrekpunt" in page and "minstens één adres" in page
