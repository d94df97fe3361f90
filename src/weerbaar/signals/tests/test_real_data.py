"""Placing signals on the real CBS boundaries (../shared/data): points in Groningen and
Drenthe land in the right municipality and district; Amsterdam is outside a Groningen
region."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from weerbaar.areas.models import Area
from weerbaar.signals.services.intake import IntakeInput, LocationInput, submit
from weerbaar.signals.tests.factories import organisation

pytestmark = [pytest.mark.realdata, pytest.mark.django_db]


@pytest.fixture
def region(real_import: Path) -> dict[str, Any]:
    province = Area.objects.current().get(code="PV20")
    return {
        "provincie": organisation("Provincie Groningen", province),
        "meldpunt": organisation("Meldpunt Noord", intake_point=True),
    }


def at(latitude: str, longitude: str) -> Any:
    data = IntakeInput(
        description="Hennepgeur uit een loods.",
        location=LocationInput(
            kind="punt", latitude=Decimal(latitude), longitude=Decimal(longitude)
        ),
    )
    return submit(data, channel="publiek").signal


def test_a_point_in_groningen_city_lands_in_its_district(region: dict[str, Any]) -> None:
    signal = at("53.21917", "6.56650")  # Grote Markt
    assert signal.municipality.code == "GM0014" and signal.municipality.name == "Groningen"
    assert signal.area.level == "wijk" and signal.area.code.startswith("WK0014")
    assert not signal.outside_region and signal.owner_organisation is None


def test_amsterdam_is_outside_a_groningen_region(region: dict[str, Any]) -> None:
    signal = at("52.37310", "4.89240")  # Dam
    assert signal.municipality.code == "GM0363"
    assert signal.outside_region and signal.owner_organisation == region["meldpunt"]


def test_the_form_lists_all_342_municipalities(region: dict[str, Any]) -> None:
    page = Client().get("/melden/?categorie=geen").content.decode()
    assert page.count('<option value="GM') == 342
