"""The public location step works without JavaScript: postcode + house number alone, or a
district picked from a list, places the report. "Punt op de kaart" is offered only by the
map itself (JavaScript), so nobody is sent to coordinate fields the page does not have."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from weerbaar.areas.models import PostcodePoint
from weerbaar.signals.models import Signal

pytestmark = pytest.mark.django_db

DESCRIPTION = "Bij de snackbar worden 's avonds steeds pakketjes doorgegeven."


def _report(**where: str) -> Any:
    page = Client().get("/melden/?categorie=drugs-handel").content.decode()
    token = page.split('name="formulier" value="')[1].split('"')[0]
    return Client().post(
        "/melden/",
        {"formulier": token, "category": "drugs-handel", "description": DESCRIPTION, **where},
    )


def test_postcode_and_house_number_alone_place_the_report(orgs: dict[str, Any]) -> None:
    """Assen's postcode is in no admin range: the national PC4 table places it."""
    PostcodePoint.objects.create(
        pc4=9401,
        municipality_code="GM0106",
        place="Assen",
        latitude=52.99,
        longitude=6.56,
        source="test",
    )
    response = _report(location_kind="adres", postcode="9401 AB", house_number="12")
    assert response.status_code == 201, response.content.decode()[:3000]
    signal = Signal.objects.get()
    assert signal.area.code == "GM0106"


def test_a_district_picked_from_the_list_places_the_report(orgs: dict[str, Any]) -> None:
    form = Client().get("/melden/?categorie=drugs-handel").content.decode()
    assert '<optgroup label="Groningen">' in form and 'value="WK001401"' in form
    response = _report(location_kind="gebied", district_code="WK001401")
    assert response.status_code == 201, response.content.decode()[:3000]
    assert Signal.objects.get().area.code == "WK001401"


def test_a_district_outside_the_list_is_refused_in_dutch(orgs: dict[str, Any]) -> None:
    response = _report(location_kind="gebied", district_code="WK999999")
    assert response.status_code == 400
    assert "Onbekende wijk: kies een wijk uit de lijst." in response.content.decode()


def test_the_public_form_offers_no_point_without_the_map(orgs: dict[str, Any]) -> None:
    page = Client().get("/melden/?categorie=drugs-handel").content.decode()
    assert 'value="punt"' not in page and "Breedtegraad" not in page
    assert "data-location-map" in page and "hidden" in page.split("data-location-map")[1][:200]
    chosen = _report(location_kind="punt")
    assert chosen.status_code == 400
    assert "Kies een van de mogelijkheden voor de plaats." in chosen.content.decode()


def test_a_point_from_the_map_is_placed_by_the_boundaries(orgs: dict[str, Any]) -> None:
    """What the map script sends: the point, no location kind."""
    response = _report(latitude="53.22", longitude="6.58")
    assert response.status_code == 201, response.content.decode()[:3000]
    assert Signal.objects.get().area.code == "WK001401"


def test_with_a_bag_extract_postcode_and_number_give_street_place_and_district(
    orgs: dict[str, Any],
) -> None:
    """Like Signalen's address lookup, but offline: the BAG row fills in the street and
    place, and its point puts the report in the district, not just the town."""
    from weerbaar.areas.models import AddressPoint

    AddressPoint.objects.create(
        postcode="9712HW", house_number=1, street="Martinikerkhof", place="Groningen",
        latitude=53.22, longitude=6.58,
    )  # fmt: skip
    response = _report(location_kind="adres", postcode="9712 HW", house_number="1")
    assert response.status_code == 201, response.content.decode()[:3000]
    signal = Signal.objects.get()
    assert (signal.street, signal.place) == ("Martinikerkhof", "Groningen")
    assert signal.area.code == "WK001401"
