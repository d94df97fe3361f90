"""The selection engine: explanation arithmetic, filters, direction, ties, missing values,
tracks."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from weerbaar.monitor.models import Observation
from weerbaar.selection.models import Participation, Programme
from weerbaar.selection.services import engine, rules
from weerbaar.selection.tests.factories import DRUGS, LBM, MUNICIPALITIES, municipalities, pmg_rule

pytestmark = pytest.mark.django_db


def run(**changes: Any) -> dict[str, Any]:
    result, _, _ = engine.run(rules.validate(pmg_rule(**changes)))
    return json.loads(result)


def area(result: dict[str, Any], code: str) -> dict[str, Any]:
    return next(a for a in result["areas"] if a["code"] == code)


def test_contributions_add_up_to_the_score() -> None:
    municipalities()
    result = run()
    for row in result["areas"]:
        for track in row["tracks"].values():
            assert sum(c["contribution"] for c in track["contributions"]) == pytest.approx(
                track["score"], abs=1e-9
            )


def test_scores_match_a_computation_by_hand() -> None:
    municipalities()
    result = run()
    eligible = ["GM0001", "GM0002", "GM0003", "GM0005"]  # at least 80,000 inhabitants
    rates = np.array([10.0, 5.0, 3.0, 2.0])
    lbm = np.array([4.0, 4.2, 3.9, 4.4])
    z_rates = (rates - rates.mean()) / rates.std()
    z_lbm = -(lbm - lbm.mean()) / lbm.std()  # higher Leefbaarometer is better: turned around
    expected = (2 * z_rates + z_lbm) / 3
    for code, score in zip(eligible, expected, strict=True):
        assert area(result, code)["tracks"]["hoofdspoor"]["score"] == pytest.approx(score)


def test_top_n_selects_the_highest_and_reports_distance_to_the_cutoff() -> None:
    municipalities()
    result = run()
    assert result["tracks"][0]["selected"] == ["GM0001", "GM0003"]
    second = area(result, "GM0003")["tracks"]["hoofdspoor"]
    assert second["distance"] == pytest.approx(0.0)
    assert area(result, "GM0002")["tracks"]["hoofdspoor"]["distance"] < 0
    assert [a["code"] for a in result["areas"][:2]] == ["GM0001", "GM0003"]


def test_filters_exclude_with_their_reason() -> None:
    municipalities()
    programme = Programme.objects.create(name="PmG", slug="pmg")
    Participation.objects.create(
        programme=programme, area_code="GM0001", start_year=2022, cohort="tranche 1"
    )
    result = run(
        filters=[
            {"type": "min_inhabitants", "value": 80_000},
            {"type": "in_province", "codes": ["PV20", "PV22"]},
            {"type": "not_in_programme", "programme": "pmg"},
        ]
    )
    assert area(result, "GM0004")["excluded"]["hoofdspoor"] == "minder dan 80.000 inwoners"
    assert area(result, "GM0001")["excluded"]["hoofdspoor"] == "doet al mee aan programma pmg"
    assert "GM0001" not in result["tracks"][0]["selected"]


def test_province_filter() -> None:
    municipalities()
    result = run(filters=[{"type": "in_province", "codes": ["PV22"]}])
    assert area(result, "GM0001")["excluded"]["hoofdspoor"] == "ligt niet in PV22"
    assert result["tracks"][0]["eligible"] == 3


def test_missing_value_handling() -> None:
    municipalities()
    observation = Observation.objects.get(measure="leefbaarometer.lbm", area_code="GM0002")
    Observation.objects.filter(pk=observation.pk).delete()
    excluded = run()
    assert area(excluded, "GM0002")["excluded"]["hoofdspoor"] == f"geen waarde voor {LBM}"
    neutral = run(missing="neutral")
    contribution = next(
        c
        for c in area(neutral, "GM0002")["tracks"]["hoofdspoor"]["contributions"]
        if c["indicator"] == LBM
    )
    assert contribution["imputed"] is True
    assert contribution["normalised"] == 0.0  # average, not zero inhabitants' worth of problems
    assert contribution["value"] is None


def test_ties_at_the_cutoff_are_broken_by_code_and_reported() -> None:
    municipalities()
    # Eewolde gets 3 per 10,000 (25.5 / 85,000), the same as Ceeveen (27 / 90,000).
    Observation.objects.filter(measure="misdrijven.3.1.1", area_code="GM0005").update(value=25.5)
    result = run(indicators=[{"code": DRUGS, "weight": 1}], select={"top": 3})
    three = area(result, "GM0003")["tracks"]["hoofdspoor"]
    five = area(result, "GM0005")["tracks"]["hoofdspoor"]
    assert three["score"] == pytest.approx(five["score"])
    assert (three["selected"], five["selected"]) == (True, False)  # code order decides
    assert result["tracks"][0]["tie_at_cutoff"] == ["GM0003", "GM0005"]


def test_percentile_normalisation_is_direction_aware() -> None:
    municipalities()
    result = run(normalisation="percentile", indicators=[{"code": LBM, "weight": 1}])
    worst = area(result, "GM0003")["tracks"]["hoofdspoor"]  # lowest Leefbaarometer of the eligible
    assert worst["rank"] == 1
    assert worst["contributions"][0]["normalised"] == pytest.approx(1 - 0.5 / 4)


def test_second_track_selects_smaller_areas_above_its_threshold() -> None:
    municipalities()
    result = run(
        second_track={
            "filters": [{"type": "max_inhabitants", "value": 79_999}],
            "select": {"threshold": 0.5},
        }
    )
    assert result["tracks"][1]["selected"] == ["GM0004"]
    assert area(result, "GM0004")["selected_in"] == "tweede spoor"
    # Effum is small but not severe enough: it is in neither track.
    effum = area(result, "GM0006")
    assert effum["excluded"] == {"hoofdspoor": "minder dan 80.000 inwoners"}
    assert effum["tracks"]["tweede spoor"]["selected"] is False
    # Areas chosen in the main track do not compete again in the second.
    assert "tweede spoor" not in area(result, "GM0001")["tracks"]


def test_same_rule_same_data_gives_identical_bytes() -> None:
    municipalities()
    rule = rules.validate(pmg_rule())
    first, hash_1, _ = engine.run(rule)
    second, hash_2, _ = engine.run(rule)
    assert first == second
    assert hash_1 == hash_2


def test_result_names_all_municipalities() -> None:
    municipalities()
    assert {a["code"] for a in run()["areas"]} == set(MUNICIPALITIES)
