"""Rank, percentile and the "X% of municipalities score higher" sentence."""

from __future__ import annotations

import pytest

from weerbaar.monitor.models import Indicator, Status
from weerbaar.monitor.services import comparisons
from weerbaar.monitor.services.values import Value
from weerbaar.monitor.tests.factories import catalogue, observe


def make(values: dict[str, float | None]) -> list[Value]:
    return [
        Value(code, 2023, v, v, None, Status.FINAL if v is not None else Status.MISSING)
        for code, v in values.items()
    ]


def test_rank_percentile_and_share_higher() -> None:
    rankings = comparisons.rank_values(
        make({"A": 10.0, "B": 20.0, "C": 30.0, "D": 40.0, "E": None})
    )
    assert rankings["D"].rank == 1
    assert rankings["A"].rank == 4
    assert rankings["B"].percentile == pytest.approx(100 / 3)
    assert rankings["B"].share_higher == pytest.approx(50.0)
    assert rankings["A"].compared_with == 4
    assert "E" not in rankings


def test_ties_share_a_rank_and_split_the_percentile() -> None:
    rankings = comparisons.rank_values(make({"A": 5.0, "B": 5.0, "C": 1.0}))
    assert rankings["A"].rank == rankings["B"].rank == 1
    assert rankings["A"].percentile == pytest.approx(75.0)


@pytest.mark.django_db
def test_sentence_names_direction_and_share() -> None:
    catalogue()
    indicator = Indicator.objects.get(code="misdrijven-3-1-1-per-10000")
    text = comparisons.sentence(
        indicator, "Groningen", 20.0, make({"A": 10.0, "B": 20.0, "C": 30.0, "D": 40.0}), 2023
    )
    assert (
        text
        == "50% van de 4 gemeenten heeft in 2023 een hogere waarde (ongunstiger) dan Groningen."
    )
    score = Indicator.objects.get(code="leefbaarometer-lbm")
    assert "(gunstiger)" in comparisons.sentence(score, "X", 1.0, make({"A": 2.0}), 2022)
    assert comparisons.higher_means(indicator) == "worse"
    assert comparisons.higher_means(score) == "better"


@pytest.mark.django_db
def test_peers_are_the_nearest_by_size_and_density() -> None:
    sizes = {
        "GM0001": (10000, 100),
        "GM0002": (11000, 110),
        "GM0003": (12000, 95),
        "GM0004": (500000, 5000),
        "GM0005": (480000, 4500),
    }
    for code, (population, density) in sizes.items():
        observe("bevolking.gemiddeld", code, 2025, population)
        observe("kwb.dichtheid", code, 2024, density)
    assert comparisons.peers("GM0001", count=2) == ["GM0002", "GM0003"]
    assert comparisons.peers("GM0004", count=1) == ["GM0005"]
    assert comparisons.peers("GM9999") == []
