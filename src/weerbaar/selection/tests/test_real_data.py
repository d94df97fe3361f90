"""The source text's rule on the real data: Preventie met Gezag (seed 003): municipalities
with at least 80,000 inhabitants, police figures and the Leefbaarometer, current
participants excluded, top N; and the flexible second track for smaller municipalities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from weerbaar.conf.env import PROJECT_ROOT
from weerbaar.selection.models import Participation, Programme
from weerbaar.selection.services import engine, rules, runs, sensitivity

pytestmark = [pytest.mark.realdata, pytest.mark.django_db]

RULE_FILE = PROJECT_ROOT / "rules" / "preventie-met-gezag.yaml"


@pytest.fixture
def rule(real_import: Path) -> dict:
    programme = Programme.objects.create(name="Preventie met Gezag", slug="preventie-met-gezag")
    Participation.objects.create(
        programme=programme, area_code="GM0014", start_year=2022, cohort="tranche 1"
    )
    return rules.validate(yaml.safe_load(RULE_FILE.read_text()))


def test_main_track_is_a_ranked_explained_list(rule: dict) -> None:
    result = json.loads(engine.run(rule)[0])
    main = result["tracks"][0]
    assert len(main["selected"]) == rule["select"]["top"]
    selected = [a for a in result["areas"] if a["selected_in"] == "hoofdspoor"]
    assert all(a["inhabitants"] >= 80_000 for a in selected)
    for area in selected:
        track = area["tracks"]["hoofdspoor"]
        assert sum(c["contribution"] for c in track["contributions"]) == pytest.approx(
            track["score"], abs=1e-8
        )
        assert track["distance"] >= 0
    groningen = next(a for a in result["areas"] if a["code"] == "GM0014")
    assert groningen["excluded"]["hoofdspoor"] == "doet al mee aan programma preventie-met-gezag"
    small = next(a for a in result["areas"] if a["code"] == "GM0037")  # Stadskanaal
    assert small["excluded"]["hoofdspoor"].startswith("minder dan 80.000 inwoners")


def test_second_track_selects_smaller_municipalities_above_its_threshold(rule: dict) -> None:
    result = json.loads(engine.run(rule)[0])
    second = [a for a in result["areas"] if a["selected_in"] == "tweede spoor"]
    assert second
    threshold = rule["second_track"]["select"]["threshold"]
    assert all(a["inhabitants"] < 80_000 for a in second)
    assert all(a["tracks"]["tweede spoor"]["score"] >= threshold for a in second)


def test_stored_run_reruns_byte_identical_and_a_weight_change_is_explained(rule: dict) -> None:
    run = runs.execute(runs.save_rule(rule))
    assert runs.rerun(run).identical
    heavier = dict(
        rule,
        indicators=[
            dict(i, weight=i["weight"] * (3 if i["code"] == "leefbaarometer-lbm" else 1))
            for i in rule["indicators"]
        ],
    )
    other = runs.execute(runs.save_rule(heavier))
    diff = runs.compare(run, other)
    assert "indicators" in diff["rule_changes"]
    for area in diff["areas"]:
        assert area["contribution_changes"] or area["reason_after"]


def test_sensitivity_over_all_municipalities(rule: dict) -> None:
    result_json, input_hash, inputs = engine.run(rule)
    report = sensitivity.analyse(rule, inputs, json.loads(result_json), input_hash, draws=10_000)
    assert report["draws"] == 10_000
    assert sum(a["probability"] for a in report["areas"].values()) == pytest.approx(
        rule["select"]["top"]
    )
