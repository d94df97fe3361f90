"""``weerbaar import monitor`` on a small data directory written by the test."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from weerbaar.core.imports import DataFileError
from weerbaar.monitor.importers.run import import_monitor
from weerbaar.monitor.models import DataVersion, Indicator, Observation, SeriesBreak
from weerbaar.monitor.tests.datafiles import crime_rows, write_monitor_dir

pytestmark = pytest.mark.django_db


def obs(measure: str, code: str, year: int) -> Observation:
    return Observation.objects.get(measure=measure, area_code=code, year=year)


def test_catalogue_lists_every_police_crime_type_and_the_other_indicators(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    codes = set(Indicator.objects.values_list("code", flat=True))
    crime_types = {
        c for c in codes if c.startswith("misdrijven-") and not c.startswith("misdrijven-totaal")
    }
    assert len(crime_types) == 12
    assert "misdrijven-3-1-1-per-10000" in codes
    assert {
        "misdrijven-totaal-per-10000",
        "leefbaarometer-lbm",
        "leefbaarometer-onv",
        "inwoners",
        "aandeel-10-14",
    } <= codes


def test_cbs_statuses_are_kept_distinct_and_never_zero(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    assert (
        obs("misdrijven.3.1.1", "GM0014", 2023).value,
        obs("misdrijven.3.1.1", "GM0014", 2023).status,
    ) == (209, "definitief")
    assert obs("misdrijven.3.1.1", "GM0014", 2024).status == "voorlopig"
    secret = obs("misdrijven.3.1.1", "GM0106", 2024)
    assert (secret.value, secret.status) == (None, "geheim")
    missing = obs("misdrijven.3.1.1", "GM0106", 2025)
    assert (missing.value, missing.status) == (None, "ontbreekt")


def test_unattributable_offences_are_not_an_area(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    assert not Observation.objects.filter(area_code="GM0000").exists()


def test_dissolved_municipalities_keep_their_own_code(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    assert obs("bevolking.gemiddeld", "GM0017", 2018).value == 20000


def test_every_value_records_the_file_it_came_from(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    version = obs("misdrijven.3.1.1", "GM0014", 2023).data_version
    assert version.path == "politie/misdrijven_47018NED_gemeente_selectie_2012_2025.csv"
    assert version.table_id == "47018NED"
    assert len(version.sha256) == 64


def test_merger_is_detected_from_the_population_series(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    groningen = SeriesBreak.objects.get(area_code="GM0014")
    assert groningen.year == 2019
    assert "GM0009" in groningen.reason
    assert not SeriesBreak.objects.filter(area_code="GM0106").exists()


def test_leefbaarometer_municipal_value_is_population_weighted(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path))
    # (4.0 * 600 + 4.4 * 200) / 800; the dissolved district has no weight
    assert obs("leefbaarometer.lbm", "GM0014", 2022).value == pytest.approx(4.1)
    assert obs("leefbaarometer.lbm", "WK001499", 2022).value == 3.0
    assert obs("leefbaarometer.fys", "GM0014", 2022).status == "ontbreekt"


def test_second_import_changes_nothing(tmp_path: Path) -> None:
    folder = write_monitor_dir(tmp_path)
    import_monitor(folder)
    versions = DataVersion.objects.count()
    report = import_monitor(folder)
    assert not report.changed
    assert DataVersion.objects.count() == versions


def test_changed_file_updates_values_and_provenance(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path / "a"))
    changed = [row.replace(",2023,209,", ",2023,210,") for row in crime_rows()]
    report = import_monitor(write_monitor_dir(tmp_path / "b", crime=changed))
    assert report.counts["Waarden"].updated == 1
    assert obs("misdrijven.3.1.1", "GM0014", 2023).value == 210


def test_broken_file_names_line_and_leaves_database_unchanged(tmp_path: Path) -> None:
    import_monitor(write_monitor_dir(tmp_path / "a"))
    before = Observation.objects.count()
    broken = [
        *crime_rows()[:3],
        "GM0014,Groningen,3.1.1,Drugshandel,Drug trafficking,enforcement,2023,veel,0",
    ]
    with pytest.raises(DataFileError) as error:
        import_monitor(write_monitor_dir(tmp_path / "b", crime=broken))
    assert error.value.line == 5
    assert "'veel'" in error.value.reason
    assert Observation.objects.count() == before
    assert obs("misdrijven.3.1.1", "GM0014", 2023).value == 209


def test_command_reports_no_changes_on_second_run(tmp_path: Path) -> None:
    folder = write_monitor_dir(tmp_path)
    call_command("import", "monitor", "--data-dir", str(folder), "--no-progress", stdout=StringIO())
    out = StringIO()
    call_command("import", "monitor", "--data-dir", str(folder), "--no-progress", stdout=out)
    assert out.getvalue().strip().endswith("Geen wijzigingen.")


def test_command_error_for_bad_header(tmp_path: Path) -> None:
    folder = write_monitor_dir(tmp_path)
    (folder / "politie" / "misdrijven_47018NED_gemeente_selectie_2012_2025.csv").write_text(
        "gm_code,jaar\nGM0014,2023\n"
    )
    with pytest.raises(CommandError, match="kolom"):
        call_command(
            "import", "monitor", "--data-dir", str(folder), "--no-progress", stdout=StringIO()
        )
