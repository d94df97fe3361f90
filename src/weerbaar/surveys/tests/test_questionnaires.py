"""Questionnaires are versioned data: sensitive items offer "zeg ik liever niet", routing
points back only, a changed text is a new version and past answers keep theirs."""

from __future__ import annotations

import copy

import pytest

from weerbaar.surveys.models import QuestionnaireVersion
from weerbaar.surveys.services import questionnaires
from weerbaar.surveys.tests.factories import questionnaire

pytestmark = pytest.mark.django_db


def test_the_shipped_questionnaire_is_there_after_migrate() -> None:
    version = QuestionnaireVersion.objects.get(slug="scholieren")
    keys = [q["key"] for q in version.definition["questions"]]
    assert keys[:3] == ["kent_leeftijdsgenoot", "berichten_gezien", "platform"]
    sensitive = [q for q in version.definition["questions"] if q["sensitive"]]
    assert sensitive and all("liever_niet" in q["options"] for q in sensitive)
    assert {h["name"] for h in version.definition["help"]} >= {
        "Halt",
        "Meld Misdaad Anoniem",
        "Veilig Thuis",
    }


def test_seeding_again_makes_no_new_version() -> None:
    first = questionnaire()
    assert questionnaire().pk == first.pk
    assert QuestionnaireVersion.objects.filter(slug="scholieren").count() == 1


def test_new_wording_is_a_new_version_and_names_the_changed_question() -> None:
    old = questionnaire()
    definition = copy.deepcopy(old.definition)
    definition["questions"][1]["text"] = "Zag je online oproepen voor zulke klusjes?"
    new = questionnaires.store(definition)
    assert (old.number, new.number) == (1, 2)
    old.refresh_from_db()
    assert old.definition["questions"][1]["text"].startswith("Heb je weleens berichten gezien")
    assert questionnaires.changed_questions(old.definition, new.definition) == ["berichten_gezien"]


def test_routing_must_point_to_an_earlier_question() -> None:
    definition = copy.deepcopy(questionnaire().definition)
    definition["questions"][0]["show_if"] = {"question": "benaderd", "answer": "ja"}
    with pytest.raises(questionnaires.QuestionnaireError, match="eerdere vraag"):
        questionnaires.normalise(definition)


def test_routing_shows_follow_ups_only_to_whom_they_apply() -> None:
    definition = questionnaire().definition
    asked = questionnaires.shown(definition, {"benaderd": ["nee"]})
    assert "aangeboden" not in asked and "waarom_niet" not in asked
    asked = questionnaires.shown(definition, {"benaderd": ["ja"], "verteld": ["niemand"]})
    assert {"aangeboden", "verteld", "waarom_niet"} <= set(asked)
