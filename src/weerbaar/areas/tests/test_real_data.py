"""The acceptance figures of the foundation issue, on the real CBS files in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from weerbaar.areas.models import Area, PopulationCount
from weerbaar.areas.services.importing import import_areas

pytestmark = [pytest.mark.realdata, pytest.mark.django_db]


@pytest.fixture
def imported(real_import: Path) -> None:
    return None


def municipality_codes(province: str) -> set[str]:
    return set(Area.objects.current().filter(parent__code=province).values_list("code", flat=True))


def test_all_342_municipalities_and_12_provinces(imported: None) -> None:
    assert Area.objects.current().filter(level="gemeente").count() == 342
    assert Area.objects.current().filter(level="provincie").count() == 12
    assert Area.objects.current().filter(level="wijk").count() == 3393
    assert Area.objects.current().filter(level="buurt").count() == 14574


def test_groningen_has_10_municipalities_and_drenthe_12(imported: None) -> None:
    assert len(municipality_codes("PV20")) == 10
    assert len(municipality_codes("PV22")) == 12
    assert "GM0014" in municipality_codes("PV20")


def test_groningen_population_on_1_january_2025(imported: None) -> None:
    count = PopulationCount.objects.get(area__code="GM0014", year=2025, band="totaal").count
    assert count == 244441


def test_province_totals_equal_the_sum_of_the_csv(imported: None, real_data_dir: Path) -> None:
    import csv

    with (real_data_dir / "gemeenten" / "gemeenten_2025.csv").open() as handle:
        expected = sum(
            int(r["inwoners_1jan2025"])
            for r in csv.DictReader(handle)
            if r["provincie_code"] == "PV22"
        )
    assert (
        PopulationCount.objects.get(area__code="PV22", year=2025, band="totaal").count == expected
    )


def test_groningen_has_20_districts(imported: None) -> None:
    districts = Area.objects.current().filter(parent__code="GM0014", level="wijk")
    assert districts.count() == 20
    assert all(d.geometry for d in districts)


def test_second_import_changes_nothing(imported: None, real_data_dir: Path) -> None:
    report = import_areas(real_data_dir)
    assert not report.changed


def test_province_page_lists_its_municipalities(imported: None, client: Client) -> None:
    response = client.get("/gebieden/PV20/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('href="/gebieden/GM') >= 10
    assert "244.441" in html
    assert "<svg" in html


def test_municipality_page_lists_its_districts(imported: None, client: Client) -> None:
    html = client.get("/gebieden/GM0014/").content.decode()
    assert html.count('<th scope="row"><a href="/gebieden/WK0014') == 20


def test_api_returns_the_ten_municipalities_of_groningen(imported: None, client: Client) -> None:
    data = client.get("/api/v1/areas?level=gemeente&parent=PV20").json()
    assert data["count"] == 10
    groningen = next(item for item in data["results"] if item["code"] == "GM0014")
    assert groningen["population"]["count"] == 244441
    assert groningen["population"]["year"] == 2025
