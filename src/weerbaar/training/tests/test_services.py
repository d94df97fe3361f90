"""The training's services: scenarios tied to the live checklist, feedback per signal and
on the next step, completions kept as history with refreshers due, and the practice form
that stores nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from weerbaar.accounts.models import AuditEvent
from weerbaar.accounts.tests.factories import member, organisation
from weerbaar.signals.models import ChecklistIndicator, Signal, SignalEvent
from weerbaar.signals.services import practice
from weerbaar.training.models import Attempt, ScenarioVersion
from weerbaar.training.services import attempts, completion, scenarios
from weerbaar.training.services.completion import set_requirement
from weerbaar.training.services.scenarios import SEED, ScenarioError, normalise, read

pytestmark = pytest.mark.django_db

PASSWORD = "training-wachtwoord-2026"


def _official(name: str = "trainer"):
    org = organisation(f"Gemeente {name}")
    return member(org, name, apps=["training"], codenames=[], role=f"rol-{name}", password=PASSWORD)


def _walk(user, slug: str, ticks: dict[int, list[str]], action: str) -> Attempt:
    attempt = attempts.start(user, slug)
    for number, step in enumerate(attempt.scenario.content["steps"], start=1):
        option = 0 if step.get("question") else None
        attempts.answer_step(user, attempt.pk, number, ticks.get(number, []), option)
    return attempts.finish(user, attempt.pk, action)


def test_every_shipped_scenario_is_valid_and_speaks_the_checklist() -> None:
    shipped = [read(path) for path in sorted(SEED.glob("*.yaml"))]
    assert len(shipped) >= 6
    assert {s["target_group"] for s in shipped} >= {
        "vergunningen",
        "handhaving",
        "balie",
        "inkoop",
        "jongerenwerk",
        "school",
    }
    for content in shipped:
        assert scenarios.problems(content) == [], content["slug"]
    assert ScenarioVersion.objects.filter(is_current=True).count() == len(shipped)


def test_a_removed_indicator_withdraws_the_scenario_with_a_clear_message() -> None:
    ChecklistIndicator.objects.filter(slug="contant").update(is_active=False)
    offered = scenarios.current("horeca-vergunning")
    assert offered is not None and not offered.available
    assert any(
        "stap 2 (Het gesprek aan de balie): indicator 'contant' staat niet (meer) in de checklist"
        in p
        for p in offered.problems
    )
    with pytest.raises(attempts.AttemptError, match="niet beschikbaar"):
        attempts.start(_official(), "horeca-vergunning")


def test_a_bad_scenario_file_is_refused_saying_where() -> None:
    content = read(SEED / "1-horeca-vergunning.yaml")
    broken = {**content, "decision": {**content["decision"], "why": {"weerbaar": "x"}}}
    with pytest.raises(ScenarioError, match="mist de uitleg"):
        normalise(broken)
    with pytest.raises(ScenarioError, match="doelgroep"):
        normalise({**content, "target_group": "bakkers"})


def test_renaming_an_indicator_renames_it_in_the_feedback() -> None:
    ChecklistIndicator.objects.filter(slug="stroman").update(label="Katvanger of stroman")
    user = _official()
    attempt = _walk(user, "horeca-vergunning", {2: ["stroman"]}, "weerbaar")
    from weerbaar.signals.services.selectors import checklist
    from weerbaar.training.services.feedback import assess

    result = assess(attempt.scenario.content, attempt.answers, checklist())
    labels = {s.indicator: s.label for step in result.steps for s in step.signals}
    assert labels["stroman"] == "Katvanger of stroman"


def test_found_and_missed_per_signal_and_nothing_where_gso_expected_is_wrong() -> None:
    from weerbaar.signals.services.selectors import checklist
    from weerbaar.training.services.feedback import assess

    user = _official()
    attempt = _walk(
        user,
        "bedrijf-zonder-klanten",
        {1: ["geen-klanten", "contant"], 3: ["ramen-geblindeerd"]},
        "niets",
    )
    result = assess(attempt.scenario.content, attempt.answers, checklist())
    by_code = {s.indicator: s for step in result.steps for s in step.signals}
    assert by_code["geen-klanten"].found and by_code["geen-klanten"].found_at is None
    assert by_code["ramen-geblindeerd"].found and by_code["ramen-geblindeerd"].found_at == 3
    assert not by_code["afwijkende-openingstijden"].found
    assert [a.indicator for a in result.steps[0].false_alarms] == ["contant"]
    assert result.action is not None and not result.action.right
    assert result.action.why.startswith("Fout.")
    assert "gso" in [code for code, _l, _w in result.action.right_routes]
    assert (attempt.signals_found, attempt.signals_total, attempt.action_right) == (2, 4, False)


def test_a_refresher_is_due_after_the_period_and_the_history_stays(settings) -> None:
    settings.WEERBAAR_TRAINING_REFRESH_DAYS = 365
    user = _official("handhaver")
    set_requirement(user, user.organisation, "handhaving", None, 365)
    first = _walk(user, "bedrijf-zonder-klanten", {}, "gso")
    a_year_ago = timezone.now() - dt.timedelta(days=366)
    Attempt.objects.filter(pk=first.pk).update(finished_at=a_year_ago)
    [status] = completion.statuses(user.organisation)
    assert status.state == "verlopen" and status.is_due
    assert status.due_on == timezone.localdate(a_year_ago) + dt.timedelta(days=365)
    _walk(user, "bedrijf-zonder-klanten", {}, "gso")
    [status] = completion.statuses(user.organisation)
    assert status.state == "geldig" and not status.is_due
    assert Attempt.objects.filter(user=user, finished_at__isnull=False).count() == 2
    rows = completion.export_rows(user.organisation, [status], user)
    assert rows[0][-1] == 1  # one earlier completion in the evidence


def test_a_finished_attempt_cannot_be_changed() -> None:
    user = _official()
    attempt = _walk(user, "pand-opgekocht", {}, "weerbaar")
    with pytest.raises(attempts.AttemptError, match="al afgerond"):
        attempts.answer_step(user, attempt.pk, 1, ["contant"])
    other = _official("ander")
    with pytest.raises(attempts.AttemptError, match="bestaat niet"):
        attempts.finish(other, attempt.pk, "niets")


def test_practising_the_signal_form_stores_nothing() -> None:
    user = _official()
    before = (Signal.objects.count(), SignalEvent.objects.count(), AuditEvent.objects.count())
    form = practice.form(
        user,
        {
            "category": "witwassen",
            "description": "Nagelstudio zonder klanten, ramen afgeplakt achter.",
            "indicators": ["geen-klanten"],
            "location_kind": "onbekend",
        },
    )
    assert form.is_valid(), form.errors
    preview = practice.preview(form)
    assert preview.indicators == ("geen-klanten",)
    assert (
        Signal.objects.count(),
        SignalEvent.objects.count(),
        AuditEvent.objects.count(),
    ) == before
