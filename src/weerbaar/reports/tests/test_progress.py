"""The yearly progress report: indicators beside NL, participation, Weerbaar's own
activity with small numbers suppressed, and the same numbers and hashes every time."""

from __future__ import annotations

import pytest

from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import observe, small_monitor
from weerbaar.reports.services import progress
from weerbaar.selection.models import Participation, Programme
from weerbaar.tests.world import build as world

pytestmark = pytest.mark.django_db


def _drugs(content: dict) -> dict:
    return next(i for i in content["indicators"] if i["code"] == "misdrijven-3-1-1-per-10000")


def test_the_region_is_computed_from_counts_beside_the_netherlands() -> None:
    small_country()
    small_monitor()
    content = progress.build("PV20", 2024)
    drugs = _drugs(content)
    assert content["region"]["name"] == "Provincie Groningen"
    assert [c for c, _ in content["region"]["municipalities"]] == ["GM0014", "GM0037"]
    # GM0037 has no 2024 count: the region cannot be summed, and says so
    assert drugs["year"] == 2024 and drugs["region"] is None
    assert drugs["region_status"] == "ontbreekt"
    # 2023: (20 + 3) / 1300 x 10,000
    content = progress.build("PV20", 2023)
    drugs = _drugs(content)
    assert drugs["region"] == pytest.approx(23 / 1300 * 10000)
    assert drugs["nl"] == pytest.approx(30 / 2000 * 10000)


def test_the_trend_compares_with_the_oldest_year_the_region_has() -> None:
    small_country()
    small_monitor()
    for code, count in {"GM0014": 30, "GM0037": 5}.items():
        observe("bevolking.gemiddeld", code, 2020, 1000 if code == "GM0014" else 300)
        observe("misdrijven.3.1.1", code, 2020, count)
    drugs = _drugs(progress.build("PV20", 2023))
    assert drugs["earlier_year"] == 2020
    assert drugs["region_earlier"] == pytest.approx(35 / 1300 * 10000)
    # Assen (GM0106) has no 2020 count: the national trend is over the other two only
    assert drugs["nl_trend_areas"] == 2
    assert drugs["nl_earlier"] == pytest.approx(35 / 1300 * 10000)
    assert drugs["nl_trend_now"] == pytest.approx(23 / 1300 * 10000)
    assert drugs["nl"] == pytest.approx(30 / 2000 * 10000)


def test_the_same_data_give_the_same_report_and_hashes() -> None:
    small_country()
    small_monitor()
    first = progress.build("PV20", 2023)
    assert progress.build("PV20", 2023) == first
    assert len(first["hashes"]["numbers"]) == 64


def test_other_numbers_change_the_numbers_hash_but_not_the_rules() -> None:
    small_country()
    small_monitor()
    first = progress.build("PV20", 2023)
    observe("misdrijven.3.1.1", "GM0037", 2022, 4)
    observe("misdrijven.3.1.1", "GM0014", 2022, 9)
    for code in ("GM0014", "GM0037"):
        observe("bevolking.gemiddeld", code, 2022, 500)
    again = progress.build("PV20", 2023)
    assert _drugs(again)["earlier_year"] == 2022
    assert again["hashes"]["numbers"] != first["hashes"]["numbers"]
    assert again["hashes"]["rules"] == first["hashes"]["rules"]


def test_a_new_data_file_changes_the_data_hash() -> None:
    from weerbaar.monitor.models import DataVersion

    small_country()
    small_monitor()
    before = progress.build("PV20", 2023)["hashes"]["data"]
    DataVersion.objects.create(importer="x", path="x.csv", table_id="X", sha256="1" * 64, rows=1)
    assert progress.build("PV20", 2023)["hashes"]["data"] != before


def test_participation_lists_the_region_municipalities_and_districts() -> None:
    small_country()
    small_monitor()
    programme = Programme.objects.create(slug="pmg", name="Preventie met Gezag")
    Participation.objects.create(
        programme=programme, area_code="GM0014", start_year=2021, cohort="1"
    )
    Participation.objects.create(programme=programme, area_code="GM0106", start_year=2022)
    found = progress.build("PV20", 2024)["participation"]
    assert found == [
        {
            "slug": "pmg",
            "name": "Preventie met Gezag",
            "areas": [["GM0014", "Groningen", 2021, "1", ""]],
        }
    ]


def test_own_activity_is_counted_over_every_organisation_and_small_counts_hidden() -> None:
    w = world()
    year = w.signal.created_at.year
    content = progress.build("PV20", year)
    rows = {r["key"]: r["years"][str(year)] for r in content["activity"]["rows"]}
    assert content["activity"]["minimum"] == 5
    # three signals in Groningen: under five, hidden, and so the region total
    assert rows["signals"]["cells"]["GM0014"] is None and rows["signals"]["total"] is None
    # nothing in Stadskanaal: zero is shown
    assert rows["signals"]["cells"]["GM0037"] == 0
    assert rows["covenants"]["cells"]["GM0014"] is None
    raw = progress._activity_counts(["GM0014", "GM0037"], [year])
    assert raw["signals"] == {("GM0014", year): 3}
    assert raw["cases"] == {("GM0014", year): 1}
    assert raw["applications"][("GM0014", w.application.received_on.year)] == 1
    assert raw["covenants"] == {("GM0014", year): 1}


def test_counts_above_the_minimum_are_shown(settings: object) -> None:
    w = world()
    settings.WEERBAAR_REPORT_MIN_COUNT = 1  # type: ignore[attr-defined]
    year = w.signal.created_at.year
    rows = {
        r["key"]: r["years"][str(year)] for r in progress.build("PV20", year)["activity"]["rows"]
    }
    assert rows["signals"]["cells"]["GM0014"] == 3 and rows["signals"]["total"] == 3


def test_an_unknown_region_or_programme_is_a_clear_error() -> None:
    small_country()
    with pytest.raises(progress.ReportError, match="Onbekende regio: XX99"):
        progress.build("XX99", 2024)
    with pytest.raises(progress.ReportError, match="Onbekend programma: geen"):
        progress.build("PV20", 2024, "geen")


def test_a_programme_report_summarises_its_evaluation() -> None:
    from weerbaar.areas.models import AreaLevel
    from weerbaar.areas.tests.factories import make_area
    from weerbaar.reports.services.evaluation import cached
    from weerbaar.reports.tests.test_programme_evaluation import EFFECT, constructed

    cached.cache_clear()
    constructed()
    province = make_area("PV99", "Proefland", AreaLevel.PROVINCIE)
    for number in (1, 2, 11):
        make_area(f"GM{number:04d}", f"Gemeente {number}", AreaLevel.GEMEENTE, province)
    content = progress.build("PV99", 2024, "test")
    summary = content["evaluation"]
    assert summary["error"] == "" and summary["treated"] == 10 and summary["first_start"] == 2020
    never = next(e for e in summary["estimates"] if e["control"] == "never_treated")
    assert never["lower"] <= EFFECT <= never["upper"]
    assert [p["slug"] for p in content["participation"]] == ["test"]
    assert [a[0] for a in content["participation"][0]["areas"]] == ["GM0001", "GM0002"]
    assert progress.build("PV99", 2024, "test") == content  # the estimator is deterministic
