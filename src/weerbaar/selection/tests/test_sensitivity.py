"""Weight perturbations: probabilities, rank ranges, leave-one-out, reproducibility."""

from __future__ import annotations

import json

import pytest

from weerbaar.selection.services import engine, rules, sensitivity
from weerbaar.selection.tests.factories import municipalities, pmg_rule

pytestmark = pytest.mark.django_db


def analyse(draws: int = 2000, **changes: object) -> dict:
    rule = rules.validate(pmg_rule(**changes))
    result_json, input_hash, inputs = engine.run(rule)
    return sensitivity.analyse(rule, inputs, json.loads(result_json), input_hash, draws=draws)


def test_clear_leader_is_always_selected_and_probabilities_are_shares() -> None:
    municipalities()
    report = analyse()
    assert report["draws"] == 2000
    assert report["areas"]["GM0001"]["probability"] == 1.0
    assert report["areas"]["GM0001"]["rank_min"] == report["areas"]["GM0001"]["rank_max"] == 1
    assert all(0.0 <= a["probability"] <= 1.0 for a in report["areas"].values())
    # top 2: the probabilities add up to 2 selected per draw
    assert sum(a["probability"] for a in report["areas"].values()) == pytest.approx(2.0)


def test_area_that_depends_on_the_weighting_is_flagged() -> None:
    municipalities()
    report = analyse()
    # Beedorp (many offences in absolute terms, good Leefbaarometer) and Ceeveen (few
    # offences, poor Leefbaarometer) swap places depending on the weights.
    flagged = {code for code, a in report["areas"].items() if a["unstable"]}
    assert flagged == {"GM0002", "GM0003"}


def test_leave_one_out_says_who_moves() -> None:
    municipalities()
    report = analyse()
    without_lbm = report["leave_one_out"]["leefbaarometer-lbm"]
    assert without_lbm == {"in": ["GM0002"], "out": ["GM0003"]}


def test_same_run_same_analysis() -> None:
    municipalities()
    assert analyse() == analyse()


def test_threshold_rules_too() -> None:
    municipalities()
    report = analyse(select={"threshold": 0.0})
    assert report["areas"]["GM0001"]["probability"] == 1.0
    assert report["areas"]["GM0005"]["probability"] == 0.0
