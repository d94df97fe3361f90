"""The displacement test on constructed cases with a known answer."""

from __future__ import annotations

import pytest

from weerbaar.reports.services.evaluation.displacement import (
    Areas,
    Counts,
    weighted_displacement,
)


def test_a_fall_in_the_target_matched_by_a_rise_in_the_ring_is_displacement() -> None:
    result = weighted_displacement(
        Areas(target=Counts(100, 60), buffer=Counts(80, 120), control=Counts(500, 500))
    )
    assert result.quotient == pytest.approx(-1.0)
    assert result.verdict.startswith("verplaatsing")
    # all the fall moved next door: no net change, so the WDD test finds no effect
    assert result.difference == 0 and result.p_value == pytest.approx(1.0)
    assert result.flags == []


def test_a_fall_in_both_is_a_diffusion_of_benefits_and_significant() -> None:
    result = weighted_displacement(
        Areas(target=Counts(400, 200), buffer=Counts(300, 200), control=Counts(1000, 1000))
    )
    assert result.quotient == pytest.approx(0.5)
    assert result.verdict.startswith("uitstraling")
    # WDD = -200 + -100 = -300 (a flat control); the control, 1000 counts, is scaled to the
    # target (0.4) and the ring (0.3): variance 400+200+300+200 + 0.7² x 2000 = 2080
    assert result.difference == pytest.approx(-300)
    assert result.z == pytest.approx(-300 / (2080**0.5))
    assert result.p_value is not None and result.p_value < 0.01


def test_a_zero_cell_is_flagged_and_not_divided_by() -> None:
    result = weighted_displacement(
        Areas(target=Counts(12, 4), buffer=Counts(3, 6), control=Counts(0, 9))
    )
    assert result.quotient is None and result.success is None
    assert result.verdict == "niet te berekenen"
    assert "controlegebied voor: 0" in result.flags
    assert "programmagebied na: klein aantal (4)" in result.flags


def test_a_target_that_did_not_fall_cannot_show_displacement() -> None:
    result = weighted_displacement(
        Areas(target=Counts(100, 110), buffer=Counts(100, 130), control=Counts(500, 500))
    )
    assert result.quotient is None
    assert "niet te beoordelen" in result.verdict


def test_a_large_control_is_scaled_to_the_area_it_controls() -> None:
    """All other municipalities as control: its change counts in proportion, not in full."""
    result = weighted_displacement(
        Areas(target=Counts(100, 110), buffer=Counts(50, 55), control=Counts(10000, 11000))
    )
    # everything grew by 10%, like the control: no effect at all
    assert result.difference == pytest.approx(0.0)
    assert result.p_value == pytest.approx(1.0)
