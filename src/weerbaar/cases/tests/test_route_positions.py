"""Every address on the map offline: an inspection day places each address at its own
postcode's point (GeoNames PC4 for the whole country), the driving time follows from those
points, stops sharing a fallback point are named in a warning, and the day starts at an
address or a stored start point instead of typed coordinates."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from weerbaar.areas.models import AddressPoint
from weerbaar.areas.services import geocoding
from weerbaar.areas.services.importing.addresses import import_bag, import_postcodes
from weerbaar.cases.models import Inspection, StartLocation, Subject
from weerbaar.cases.services import dayroute
from weerbaar.cases.tests.factories import case_handler
from weerbaar.core.imports import DataFileError
from weerbaar.core.travel import StraightLine
from weerbaar.signals.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

#: seven neighbourhoods of the city of Groningen, each its own four-digit postcode
CITY = ["9711KT", "9712HW", "9713AA", "9716AB", "9721AA", "9725AB", "9741AA"]


@pytest.fixture
def pc4(real_data_dir: Path) -> None:
    import_postcodes(real_data_dir)


@pytest.fixture
def planner(orgs: dict[str, Any]) -> Client:
    client = Client()
    user = case_handler(orgs["groningen"], "iris")
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _subject(country: dict[str, Any], postcode: str, number: int) -> Subject:
    return Subject.objects.create(
        kind="pand",
        key=f"pand:{postcode}|{number}||",
        label=f"Adres {number}, {postcode[:4]} {postcode[4:]}",
        postcode=postcode,
        house_number=number,
        area=country["WK001400"],
        municipality=country["GM0014"],
    )


def _plan(client: Client, subjects: list[Subject], **start: str) -> Any:
    return client.post(
        reverse("cases:inspections"),
        {
            "datum": "2026-12-03",
            "team": "Interventieteam Noord",
            "object": [s.pk for s in subjects],
            **(
                start
                or {
                    "vertrekpunt": "adres",
                    "vertrek_postcode": "9712 HW",
                    "vertrek_huisnummer": "1",
                }
            ),
        },
    )


def test_seven_addresses_get_seven_positions_and_a_route_that_follows_from_them(
    pc4: None, country: dict[str, Any], planner: Client
) -> None:
    subjects = [_subject(country, postcode, n) for n, postcode in enumerate(CITY, start=1)]
    response = _plan(planner, subjects)
    assert response.status_code == 302, response.content.decode()[:2000]
    inspection = Inspection.objects.get()
    stops = list(inspection.stops.select_related("subject").order_by("position"))
    placed, warnings = dayroute.placed_stops(stops)
    points = {item.position.point for item in placed if item.position}
    assert len(points) == 7 and warnings == []
    assert all(item.position.precision == geocoding.Precision.PC4 for item in placed)
    depot = (float(inspection.depot_latitude), float(inspection.depot_longitude))
    assert depot == pytest.approx((53.2216, 6.5631), abs=1e-4)  # 9712's point
    route = [depot, *[item.position.point for item in placed], depot]
    expected = sum(StraightLine().minutes([a, b])[0][1] for a, b in itertools.pairwise(route))
    assert inspection.route_minutes == expected and expected > 7
    page = planner.get(reverse("cases:inspection", args=[inspection.pk])).content.decode()
    assert "midden van postcodegebied 9711 (GeoNames)" in page
    assert "CC BY 4.0" in page and "Let op bij deze route" not in page


def test_stops_sharing_a_fallback_point_are_named_in_a_warning(
    pc4: None, country: dict[str, Any], planner: Client
) -> None:
    shared = [_subject(country, "9711KT", 12), _subject(country, "9711AB", 3)]
    own = _subject(country, "9725AB", 7)
    assert _plan(planner, [*shared, own]).status_code == 302
    page = planner.get(reverse("cases:inspection", args=[Inspection.objects.get().pk]))
    text = page.content.decode()
    assert "Let op bij deze route" in text
    assert "liggen op hetzelfde punt (midden van postcodegebied 9711" in text
    assert "‘Adres 12, 9711 KT’" in text.split("liggen op hetzelfde punt")[0]


def test_a_postcode_point_the_source_puts_outside_its_municipality_is_not_used(
    pc4: None, country: dict[str, Any]
) -> None:
    """9469 Schipborg lies, by GeoNames, in the neighbouring municipality: the middle of
    its municipality is used instead, and said to be only the area."""
    position = geocoding.postcode_position("9469")
    assert position is None or position.precision == geocoding.Precision.AREA


def test_the_whole_country_has_a_municipality_per_postcode(
    pc4: None, country: dict[str, Any]
) -> None:
    from weerbaar.areas.services.postcodes import municipality_for

    assert municipality_for("9401 AB").code == "GM0106"  # Assen, not in any admin range
    assert municipality_for("9712").code == "GM0014"


def test_an_empty_or_unknown_start_point_gets_a_dutch_error(
    pc4: None, country: dict[str, Any], planner: Client
) -> None:
    subject = _subject(country, "9711KT", 12)
    empty = _plan(
        planner, [subject], vertrekpunt="adres", vertrek_postcode="", vertrek_huisnummer=""
    )
    assert empty.status_code == 400
    assert "Vul het vertrekpunt in als postcode en huisnummer" in empty.content.decode()
    unknown = _plan(
        planner, [subject], vertrekpunt="adres", vertrek_postcode="1000 AA", vertrek_huisnummer="1"
    )
    assert "kennen we niet" in unknown.content.decode()
    nothing = _plan(planner, [subject], vertrekpunt="")
    assert "Kies een vertrekpunt" in nothing.content.decode()
    assert "required" not in planner.get(reverse("cases:inspections")).content.decode()


def test_a_start_point_is_remembered_and_picked_next_time(
    pc4: None, country: dict[str, Any], planner: Client, orgs: dict[str, Any]
) -> None:
    subject = _subject(country, "9711KT", 12)
    first = _plan(
        planner,
        [subject],
        vertrekpunt="adres",
        vertrek_postcode="9712 HW",
        vertrek_huisnummer="1",
        vertrek_bewaren="Kantoor Stadsbeheer",
    )
    assert first.status_code == 302
    office = StartLocation.objects.get(organisation=orgs["groningen"])
    assert office.name == "Kantoor Stadsbeheer"
    form = planner.get(reverse("cases:inspections")).content.decode()
    assert "Kantoor Stadsbeheer" in form
    Inspection.objects.all().delete()
    second = _plan(planner, [subject], vertrekpunt=str(office.pk))
    assert second.status_code == 302
    assert Inspection.objects.get().depot_label.startswith("Kantoor Stadsbeheer")


def _bag_file(folder: Path, rows: list[dict[str, str]]) -> None:
    with (folder / "adressen.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def test_a_bag_extract_places_the_address_itself_and_gives_street_and_place(
    tmp_path: Path, country: dict[str, Any]
) -> None:
    """RD New coordinates are converted (Martinitoren: x 233 883, y 582 065)."""
    _bag_file(
        tmp_path,
        [
            {
                "postcode": "9712 HW",
                "huisnummer": "1",
                "huisletter": "",
                "toevoeging": "",
                "openbare_ruimte": "Martinikerkhof",
                "woonplaats": "Groningen",
                "x": "233883",
                "y": "582065",
            }
        ],
    )
    report = import_bag(tmp_path)
    assert report.counts["Adressen uit de BAG"].created == 1
    assert import_bag(tmp_path).changed is False  # idempotent
    found = geocoding.lookup("9712hw", 1)
    assert found is not None and (found.street, found.place) == ("Martinikerkhof", "Groningen")
    assert found.position.point == pytest.approx((53.2194, 6.5682), abs=2e-4)
    assert found.position.precision == geocoding.Precision.ADDRESS
    subject = _subject(country, "9712HW", 1)
    assert dayroute.position_of(subject).description == "op het adres (BAG)"


def test_a_bad_bag_row_names_the_line_and_keeps_nothing(tmp_path: Path) -> None:
    good = {
        "postcode": "9712HW",
        "huisnummer": "1",
        "straat": "Martinikerkhof",
        "woonplaats": "Groningen",
        "lat": "53.2194",
        "lon": "6.5682",
    }
    _bag_file(tmp_path, [good, {**good, "huisnummer": "2", "lat": "48.85", "lon": "2.35"}])
    with pytest.raises(DataFileError, match=r"regel 3.*niet in Nederland"):
        import_bag(tmp_path)
    assert not AddressPoint.objects.exists()
