"""A programme evaluated on a monitor indicator: the anchor's view, a matched comparison and
staggered DiD side by side, on a constructed panel with a known effect."""

from __future__ import annotations

import numpy as np
import pytest

from weerbaar.monitor.models import Indicator
from weerbaar.monitor.tests.factories import catalogue, observe
from weerbaar.reports.services.evaluation.programme import evaluate
from weerbaar.reports.services.evaluation.staggered import EvaluationError, StaggeredResult
from weerbaar.selection.models import Participation, Programme

pytestmark = pytest.mark.django_db

YEARS = [2012, 2014, 2016, 2018, 2020, 2022, 2024]
EFFECT = 0.05


def constructed(uncertain: bool = False) -> Indicator:
    """30 municipalities: 10 start in 2020 (selected for a low score), 20 never; the programme
    raises the score by 0.05 from the start; one programme area is 'onzeker'."""
    catalogue()
    rng = np.random.default_rng(11)
    programme = Programme.objects.create(slug="test", name="Testprogramma")
    for number in range(30):
        code = f"GM{number + 1:04d}"
        treated = number < 10
        level = rng.normal(scale=0.03) - (0.05 if treated else 0.0)
        observe("kwb.totaal", code, 2024, 10000 + 1000 * number)
        observe("kwb.dichtheid", code, 2024, 500 + 50 * number)
        for year in YEARS:
            effect = EFFECT if treated and year >= 2020 else 0.0
            value = level + 0.002 * (year - 2012) + effect + rng.normal(scale=0.004)
            observe("leefbaarometer.afw", code, year, value)
        if treated:
            Participation.objects.create(
                programme=programme,
                area_code=code,
                start_year=2020,
                certainty="onzeker" if uncertain and number == 0 else "",
            )
    return Indicator.objects.get(code="leefbaarometer-afw")


def test_three_views_side_by_side_recover_the_effect() -> None:
    indicator = constructed()
    result = evaluate("test", indicator)
    assert len(result.treated) == 10 and result.first_start == 2020
    # the anchor's view: programme areas below the national figure all along
    assert all((p.programme or 0) < (p.other or 0) for p in result.anchor)
    # matched comparison: three similar areas each, never a programme area
    assert all(
        len(found) == 3 and not set(found) & set(result.treated)
        for found in result.matched_pairs.values()
    )
    assert result.matched_difference == pytest.approx(EFFECT, abs=0.01)
    never = result.staggered["never_treated"]
    assert isinstance(never, StaggeredResult)
    assert never.overall.lower <= EFFECT <= never.overall.upper
    assert never.pre_trend is not None and never.pre_trend.p_value > 0.01
    # everyone starts in the same year: the not-yet-treated are the never-treated here
    not_yet = result.staggered["not_yet_treated"]
    assert isinstance(not_yet, StaggeredResult)
    assert not_yet.overall.att == pytest.approx(never.overall.att, abs=1e-9)


def test_uncertain_areas_are_kept_or_left_out_as_the_user_chooses() -> None:
    indicator = constructed(uncertain=True)
    kept = evaluate("test", indicator)
    left = evaluate("test", indicator, include_uncertain=False)
    assert len(kept.treated) == 10 and kept.left_out_uncertain == []
    assert len(left.treated) == 9 and left.left_out_uncertain == ["GM0001"]
    assert all("GM0001" not in found for found in left.matched_pairs.values())


def test_an_unknown_programme_or_level_is_said_in_dutch() -> None:
    indicator = constructed()
    with pytest.raises(EvaluationError, match="bestaat niet"):
        evaluate("onbekend", indicator)
    with pytest.raises(EvaluationError, match="geen waarden per buurt"):
        evaluate("test", indicator, "buurt")
