"""The staggered estimator recovers a known effect, with both kinds of controls, and does
not use areas treated from the first year as controls."""

from __future__ import annotations

import numpy as np
import pytest

from weerbaar.reports.services.evaluation.staggered import (
    EvaluationError,
    Observation,
    staggered_did,
)

EFFECT = -2.0  # the programme lowers the outcome by 2 from its start on
YEARS = range(2012, 2020)


def simulated_panel(
    starts: list[int | None], per_group: int = 40, seed: int = 7
) -> list[Observation]:
    """Parallel trends (common year effects, own levels), a constant effect from the start."""
    rng = np.random.default_rng(seed)
    year_effect = {year: 0.4 * (year - 2012) + rng.normal(scale=0.2) for year in YEARS}
    rows = []
    for number in range(per_group * len(starts)):
        start = starts[number % len(starts)]
        level = rng.normal(scale=2.0) + (1.5 if start else 0.0)  # selected on a high level
        for year in YEARS:
            effect = EFFECT if start is not None and year >= start else 0.0
            outcome = level + year_effect[year] + effect + rng.normal(scale=0.5)
            rows.append(Observation(f"GM{number:04d}", year, outcome, start))
    return rows


@pytest.mark.parametrize("control", ["never_treated", "not_yet_treated"])
def test_a_known_effect_is_recovered_within_its_confidence_interval(control: str) -> None:
    panel = simulated_panel([2015, 2017, None])
    result = staggered_did(panel, control)  # type: ignore[arg-type]
    assert result.overall.lower <= EFFECT <= result.overall.upper
    assert result.overall.excludes_zero
    after = [e for e in result.event if e.relative >= 0]
    before = [e for e in result.event if e.relative < 0]
    assert all(e.estimate.lower <= EFFECT <= e.estimate.upper for e in after)
    assert all(e.estimate.lower <= 0 <= e.estimate.upper for e in before)
    assert result.pre_trend is not None and result.pre_trend.p_value > 0.05
    assert {g.cohort for g in result.group_time} == {2015, 2017}
    assert result.treated_units == 80 and result.units == 120


def test_no_never_treated_areas_and_some_treated_from_the_first_year() -> None:
    """The case the reference package once got silently wrong: without never-treated areas
    the not-yet-treated are the controls, and areas treated from the first year are no
    controls at all (their outcome already carries the effect)."""
    panel = simulated_panel([2012, 2015, 2018])
    with pytest.raises(EvaluationError, match="geen gebieden die nooit meededen"):
        staggered_did(panel, "never_treated")
    result = staggered_did(panel, "not_yet_treated")
    assert len(result.left_out) == 40  # every area that started in 2012
    assert result.overall.lower <= EFFECT <= result.overall.upper
    # the last cohort has no later controls after its start: only 2015's effects exist
    # for years from 2018 on
    assert all(g.year < 2018 for g in result.group_time if g.cohort == 2015 and g.year >= 2015)


def test_a_violated_pre_trend_is_detected() -> None:
    """Areas that were already falling before the start: the pre-trend test says so."""
    panel = [
        Observation(
            o.unit, o.year, o.outcome - (0.8 * (o.year - 2012) if o.start else 0.0), o.start
        )
        for o in simulated_panel([2016, None], seed=3)
    ]
    result = staggered_did(panel, "never_treated")
    assert result.pre_trend is not None and result.pre_trend.p_value < 0.01


def test_nothing_to_compare_is_said_in_dutch() -> None:
    with pytest.raises(EvaluationError, match="geen waarden"):
        staggered_did([], "never_treated")
