"""Stored runs: versioning, immutability, byte-identical re-runs, comparison, register."""

from __future__ import annotations

import pytest

from weerbaar.accounts.models import AuditEvent
from weerbaar.monitor.models import Observation
from weerbaar.selection.models import RuleVersion, SelectionRun
from weerbaar.selection.models.rule import Immutable
from weerbaar.selection.services import register, rules, runs
from weerbaar.selection.tests.factories import municipalities, pmg_rule

pytestmark = pytest.mark.django_db


def test_same_definition_is_the_same_version_a_change_is_a_new_one() -> None:
    municipalities()
    first = runs.save_rule(pmg_rule())
    assert runs.save_rule(pmg_rule()) == first
    second = runs.save_rule(pmg_rule(select={"top": 3}))
    assert (first.number, second.number) == (1, 2)
    assert second.rule == first.rule


def test_run_is_stored_with_data_versions_and_hashes_and_audited() -> None:
    municipalities()
    run = runs.execute(runs.save_rule(pmg_rule()))
    assert len(run.input_hash) == len(run.output_hash) == 64
    assert run.data_versions[0]["path"] == "test.csv"
    assert AuditEvent.objects.filter(
        action="create", object_type="selection.selectionrun", object_id=str(run.pk)
    ).exists()


def test_rerun_on_the_same_data_is_byte_identical() -> None:
    municipalities()
    run = runs.execute(runs.save_rule(pmg_rule()))
    again = runs.rerun(run)
    assert again.identical
    assert again.result == run.result


def test_rerun_after_the_data_changed_says_so() -> None:
    municipalities()
    run = runs.execute(runs.save_rule(pmg_rule()))
    Observation.objects.filter(measure="misdrijven.3.1.1", area_code="GM0002").update(value=400)
    again = runs.rerun(run)
    assert not again.identical
    assert not again.same_inputs


def test_runs_and_versions_cannot_be_changed() -> None:
    municipalities()
    run = runs.execute(runs.save_rule(pmg_rule()))
    with pytest.raises(Immutable):
        run.save()
    with pytest.raises(Immutable):
        run.delete()
    version = RuleVersion.objects.get()
    with pytest.raises(Immutable):
        version.save()
    assert SelectionRun.objects.count() == 1


def test_comparison_shows_who_moved_and_why() -> None:
    municipalities()
    before = runs.execute(runs.save_rule(pmg_rule()))
    after = runs.execute(
        runs.save_rule(pmg_rule(indicators=[{"code": "misdrijven-3-1-1-per-10000", "weight": 1}]))
    )
    diff = runs.compare(before, after)
    assert diff["rule_changes"]["indicators"]["before"][1]["code"] == "leefbaarometer-lbm"
    moved = {a["code"]: a for a in diff["areas"]}
    assert set(moved) == {"GM0002", "GM0003"}
    assert (moved["GM0002"]["before"], moved["GM0002"]["after"]) == (None, "hoofdspoor")
    assert moved["GM0003"]["contribution_changes"][0]["indicator"] == "leefbaarometer-lbm"


def test_register_text_describes_the_rule_in_plain_dutch() -> None:
    municipalities()
    text = register.describe(rules.validate(pmg_rule()))
    assert text["Werking"].startswith(
        "Gebieden die meedingen: gemeenten met minstens 80.000 inwoners."
    )
    assert "de 2 gebieden met de hoogste score" in text["Werking"]
    assert "(gewicht 67%; hoger telt als ernstiger" in text["Gebruikte gegevens"]
    assert "lager telt als ernstiger" in text["Gebruikte gegevens"]
    assert "Menselijke beslissing" in text
    assert register.warnings(rules.validate(pmg_rule())) == []


def test_population_characteristics_give_a_warning() -> None:
    municipalities()
    rule = rules.validate(pmg_rule(indicators=[{"code": "aandeel-0-14", "weight": 1}]))
    warning = register.warnings(rule)[0]
    assert "stigmatiseren" in warning
    assert "Herkomst en etniciteit zijn in Weerbaar niet beschikbaar" in warning
