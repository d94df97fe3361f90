"""Derived values: rates with their denominator, statuses, redivision breaks, aggregates."""

from __future__ import annotations

import pytest

from weerbaar.monitor.models import Indicator, SeriesBreak, Status
from weerbaar.monitor.services import values
from weerbaar.monitor.services.values import Value
from weerbaar.monitor.tests.factories import catalogue, drug_trafficking, observe, small_monitor

pytestmark = pytest.mark.django_db


def by_code(items: list[Value]) -> dict[str, Value]:
    return {v.area_code: v for v in items}


def test_rate_is_count_over_population_times_scale_with_both_kept() -> None:
    small_monitor()
    groningen = by_code(values.compute(drug_trafficking(), years=[2023]))["GM0014"]
    assert groningen.value == pytest.approx(20 / 1000 * 10000)
    assert (groningen.numerator, groningen.denominator, groningen.status) == (
        20,
        1000,
        "definitief",
    )


def test_provisional_input_makes_a_provisional_rate() -> None:
    small_monitor()
    assert by_code(values.compute(drug_trafficking(), years=[2024]))["GM0014"].status == "voorlopig"


def test_missing_count_gives_missing_rate_not_zero() -> None:
    small_monitor()
    stadskanaal = by_code(values.compute(drug_trafficking(), years=[2024]))["GM0037"]
    assert stadskanaal.value is None
    assert stadskanaal.status == "ontbreekt"


def test_nil_count_gives_zero_rate() -> None:
    small_monitor()
    observe("misdrijven.3.1.1", "GM0037", 2022, 0.0, Status.NIL)
    observe("bevolking.gemiddeld", "GM0037", 2022, 300)
    value = by_code(values.compute(drug_trafficking(), years=[2022]))["GM0037"]
    assert (value.value, value.status) == (0.0, "nihil")


def test_no_rate_before_a_merger_but_the_count_stays() -> None:
    small_monitor()
    SeriesBreak.objects.create(area_code="GM0014", year=2024, reason="herindeling")
    series = by_code(values.compute(drug_trafficking(), years=[2023]))
    assert series["GM0014"].value is None
    assert series["GM0014"].numerator == 20
    assert series["GM0014"].status == "herindeling"
    assert "2024" in series["GM0014"].note
    assert by_code(values.compute(drug_trafficking(), years=[2024]))[
        "GM0014"
    ].value == pytest.approx(100)


def test_aggregate_uses_counts_not_the_average_of_rates() -> None:
    small_monitor()
    members = [
        v
        for v in values.compute(drug_trafficking(), years=[2023])
        if v.area_code in {"GM0014", "GM0037"}
    ]
    together = values.aggregate(drug_trafficking(), members, "PV20", 2023)
    assert together.value == pytest.approx((20 + 3) / (1000 + 300) * 10000)  # not (200 + 100) / 2
    assert (together.numerator, together.denominator) == (23, 1300)


def test_aggregate_is_missing_when_a_member_lacks_a_value() -> None:
    small_monitor()
    together = values.aggregate(
        drug_trafficking(), values.compute(drug_trafficking(), years=[2024]), "PV", 2024
    )
    assert together.value is None
    assert together.status == "ontbreekt"


def test_sum_aggregation_for_counts() -> None:
    small_monitor()
    inhabitants = Indicator.objects.get(code="inwoners")
    together = values.aggregate(
        inhabitants, values.compute(inhabitants, years=[2023]), "NL00", 2023
    )
    assert together.value == 2000


def test_weighted_mean_for_scores() -> None:
    catalogue()
    score = Indicator.objects.get(code="leefbaarometer-lbm")
    observe("leefbaarometer.lbm", "GM0014", 2022, 4.0)
    observe("leefbaarometer.lbm", "GM0106", 2022, 4.3)
    observe("kwb.totaal", "GM0014", 2024, 200)
    observe("kwb.totaal", "GM0106", 2024, 100)
    together = values.aggregate(score, values.compute(score, years=[2022]), "samen", 2022)
    assert together.value == pytest.approx((4.0 * 200 + 4.3 * 100) / 300)


def test_multi_year_average_and_change() -> None:
    series = [
        Value("GM0014", year, v, None, None, Status.FINAL)
        for year, v in ((2021, 1.0), (2022, 2.0), (2023, 6.0))
    ]
    assert values.multi_year_average(series, 2023, 3) == pytest.approx(3.0)
    assert values.multi_year_average(series, 2023, 4) is None
    assert values.change(series, 2023) == pytest.approx(4.0)
    assert values.change(series, 2023, 2) == pytest.approx(5.0)
    assert values.change(series, 2021) is None


def test_status_combination_takes_the_most_limiting() -> None:
    assert values.combine_status("definitief", "voorlopig") == "voorlopig"
    assert values.combine_status("voorlopig", "geheim") == "geheim"
    assert values.combine_status("nihil", "definitief") == "nihil"


def test_small_neighbourhoods_are_suppressed_apart_from_missing_and_zero(settings) -> None:
    settings.WEERBAAR_MONITOR_MIN_DENOMINATOR = 100
    settings.WEERBAAR_MONITOR_MIN_NUMERATOR = 10
    catalogue()
    crime = Indicator.objects.get(code="misdrijven-totaal-per-1000-buurt")
    for code, count, population in (
        ("BU00140000", 40, 4000),  # a rate
        ("BU00140001", 5, 60),  # too few inhabitants: suppressed
        ("BU00140002", 3, 900),  # too few cases: shown with a warning
        ("BU00140003", 0, 900),  # zero is zero
    ):
        observe("misdrijven.totaal", code, 2023, count)
        observe("kwb.totaal", code, 2024, population)
    observe("misdrijven.totaal", "BU00140004", 2023, None, Status.MISSING)
    found = by_code(values.compute(crime, years=[2023]))
    assert found["BU00140000"].value == pytest.approx(10.0)
    assert "noemer uit 2024" in found["BU00140000"].note
    small = found["BU00140001"]
    assert (small.value, small.status) == (None, "klein")
    assert "minder dan 100 in de noemer" in small.note
    assert found["BU00140002"].value == pytest.approx(3 / 900 * 1000)
    assert "minder dan 10 gevallen" in found["BU00140002"].note
    assert (found["BU00140003"].value, found["BU00140003"].status) == (0.0, "definitief")
    assert found["BU00140004"].status == "ontbreekt"
    # a suppressed neighbourhood still counts in a total made from counts
    total = values.aggregate(crime, list(found.values())[:2], "WK001400", 2023)
    assert total.value == pytest.approx(45 / 4060 * 1000)
    from weerbaar.monitor.services.formatting import format_value

    assert format_value(None, "per_1000", "klein") == "te klein aantal"
