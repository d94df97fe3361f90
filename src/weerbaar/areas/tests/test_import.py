"""``weerbaar import areas`` on a small data directory written by the test."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from weerbaar.areas.models import Area, HouseholdCount, PopulationCount
from weerbaar.areas.services.importing import import_areas
from weerbaar.areas.tests.datafiles import GEMEENTEN_ROWS, write_data_dir
from weerbaar.core.imports import DataFileError

pytestmark = pytest.mark.django_db


def run_import(folder: Path) -> str:
    out = StringIO()
    call_command("import", "areas", "--data-dir", str(folder), "--no-progress", stdout=out)
    return out.getvalue()


def test_import_builds_the_hierarchy_with_population(tmp_path: Path) -> None:
    run_import(write_data_dir(tmp_path))

    groningen = Area.objects.get(code="GM0014")
    assert groningen.parent.code == "PV20"
    assert groningen.level == "gemeente"
    assert (groningen.valid_from, groningen.valid_to) == (2024, None)
    assert groningen.geometry["type"] == "Polygon"
    assert Area.objects.get(code="WK001400").parent == groningen
    assert Area.objects.get(code="BU00140000").parent.code == "WK001400"
    assert PopulationCount.objects.get(area=groningen, year=2025, band="totaal").count == 1000
    assert PopulationCount.objects.get(area=groningen, year=2025, band="10-14").count == 100
    assert PopulationCount.objects.get(area=groningen, year=2024, band="totaal").count == 990
    assert HouseholdCount.objects.get(area=groningen, year=2025).count == 500


def test_province_counts_are_sums_of_their_municipalities(tmp_path: Path) -> None:
    run_import(write_data_dir(tmp_path))

    province = Area.objects.get(code="PV20")
    assert PopulationCount.objects.get(area=province, year=2025, band="totaal").count == 1300
    assert PopulationCount.objects.get(area=province, year=2025, band="10-14").count == 120
    assert HouseholdCount.objects.get(area=province, year=2025).count == 650
    assert province.valid_from == 2023  # attested by provincie_2023.geojson


def test_district_boundaries_come_from_topojson(tmp_path: Path) -> None:
    run_import(write_data_dir(tmp_path))

    ring = Area.objects.get(code="WK001401").geometry["coordinates"][0]
    assert [6.55, 53.2] in ring
    assert Area.objects.get(code="BU00140000").geometry is None


def test_second_import_reports_no_changes(tmp_path: Path) -> None:
    folder = write_data_dir(tmp_path)
    first = run_import(folder)
    second = run_import(folder)

    assert "Wijzigingen opgeslagen." in first
    assert "Gebieden: 0 nieuw, 0 gewijzigd, 9 ongewijzigd" in second
    assert second.strip().endswith("Geen wijzigingen.")


def test_changed_source_value_is_updated_not_duplicated(tmp_path: Path) -> None:
    run_import(write_data_dir(tmp_path / "a"))
    changed = [
        GEMEENTEN_ROWS[0].replace("Groningen,1000,", "Groningen,1001,", 1),
        *GEMEENTEN_ROWS[1:],
    ]
    output = run_import(write_data_dir(tmp_path / "b", gemeenten_rows=changed))

    assert "Bevolkingsaantallen: 0 nieuw, 2 gewijzigd" in output  # GM0014 and its province
    assert (
        PopulationCount.objects.filter(area__code="GM0014", year=2025, band="totaal").count() == 1
    )


def test_missing_kwb_value_is_not_stored_as_zero(tmp_path: Path) -> None:
    run_import(write_data_dir(tmp_path))

    neighbourhood = Area.objects.get(code="BU00140000")
    assert not PopulationCount.objects.filter(area=neighbourhood, band="0-14").exists()
    assert PopulationCount.objects.get(area=neighbourhood, band="15-24").count == 150


def test_origin_columns_are_never_imported(tmp_path: Path) -> None:
    run_import(write_data_dir(tmp_path))

    bands = set(PopulationCount.objects.values_list("band", flat=True))
    assert bands == {
        "totaal",
        "0-4",
        "5-9",
        "10-14",
        "15-19",
        "20-24",
        "25-44",
        "45-64",
        "65-79",
        "80+",
        "0-14",
        "15-24",
        "65+",
    }
    # 15 + 24 (herkomst_nederland of GM0014 in KWB is 700): no count of 700 for GM0014 in 2024
    assert not PopulationCount.objects.filter(area__code="GM0014", year=2024, count=700).exists()


def test_broken_csv_names_file_line_and_reason_and_changes_nothing(tmp_path: Path) -> None:
    good = write_data_dir(tmp_path / "good")
    run_import(good)
    before = list(PopulationCount.objects.order_by("pk").values_list("pk", "count"))
    broken_rows = [*GEMEENTEN_ROWS[:2], GEMEENTEN_ROWS[2].replace(",700,", ",zeven honderd,", 1)]
    broken_rows[0] = broken_rows[0].replace(",1000,", ",1500,", 1)  # a change that must not land
    broken = write_data_dir(tmp_path / "broken", gemeenten_rows=broken_rows)

    with pytest.raises(CommandError) as error:
        run_import(broken)

    message = str(error.value)
    assert "gemeenten_2025.csv, regel 4" in message
    assert "inwoners_1jan2025" in message
    assert "zeven honderd" in message
    assert "niets gewijzigd" in message
    assert list(PopulationCount.objects.order_by("pk").values_list("pk", "count")) == before


@pytest.mark.parametrize(
    ("row", "line", "reason"),
    [
        ("GM14,Groningen,PV20,Groningen,1,0,0,0,0,0,0,0,0,1,1,1", 2, "geen geldige gemeentecode"),
        ("GM0014,Groningen,PV20,Groningen,,0,0,0,0,0,0,0,0,1,1,1", 2, "is leeg"),
        ("GM0014,Groningen,PV20,Groningen,5", 2, "aantal velden"),
        ("GM0014,,PV20,Groningen,1,0,0,0,0,0,0,0,0,1,1,1", 2, "is leeg"),
    ],
)
def test_bad_rows_are_rejected_with_line_and_reason(
    tmp_path: Path, row: str, line: int, reason: str
) -> None:
    folder = write_data_dir(tmp_path, gemeenten_rows=[row])

    with pytest.raises(DataFileError) as error:
        import_areas(folder)

    assert error.value.line == line
    assert reason in error.value.reason
    assert not Area.objects.exists()


def test_duplicate_municipality_is_rejected(tmp_path: Path) -> None:
    folder = write_data_dir(tmp_path, gemeenten_rows=[GEMEENTEN_ROWS[0], GEMEENTEN_ROWS[0]])

    with pytest.raises(DataFileError, match=r"regel 3: gemeente GM0014 staat ook al op regel 2"):
        import_areas(folder)


def test_broken_geojson_stops_the_import(tmp_path: Path) -> None:
    folder = write_data_dir(tmp_path)
    (folder / "geo" / "gemeente_2025.geojson").write_text(
        '{"type": "FeatureCollection", "features": ['
    )

    with pytest.raises(DataFileError, match=r"gemeente_2025\.geojson, regel 1: geen geldige JSON"):
        import_areas(folder)
    assert not Area.objects.exists()


def test_missing_data_dir_gives_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"gemeenten_JJJJ\.csv ontbreekt"):
        run_import(tmp_path)


def test_if_empty_skips_when_data_is_loaded(tmp_path: Path) -> None:
    folder = write_data_dir(tmp_path)
    run_import(folder)
    out = StringIO()
    call_command("import", "areas", "--data-dir", str(folder), "--if-empty", stdout=out)

    assert "al gegevens geladen" in out.getvalue()
