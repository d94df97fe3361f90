"""Questionnaires as data: checked, normalised (every sensitive item gets "zeg ik liever
niet"), and stored as a new version whenever the definition changes. A version is never
edited, so past answers keep the words they answered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Max

from weerbaar.core.hashing import content_digest
from weerbaar.surveys.models import QuestionnaireVersion

SEED = Path(__file__).resolve().parent.parent / "seed"
KINDS = {"single", "multiple", "scale"}
RATHER_NOT = "liever_niet"
RATHER_NOT_TEXT = "zeg ik liever niet"


class QuestionnaireError(ValueError):
    pass


def normalise(definition: dict[str, Any]) -> dict[str, Any]:
    """Checked and completed: unique keys, known kinds, routing to earlier questions only."""
    questions = definition.get("questions") or []
    if not definition.get("slug") or not definition.get("title") or not questions:
        raise QuestionnaireError("Een vragenlijst heeft een slug, een titel en vragen.")
    seen: dict[str, dict[str, Any]] = {}
    result = []
    for question in questions:
        key = question.get("key", "")
        if not key or key in seen:
            raise QuestionnaireError(f"Vraag zonder of met dubbele sleutel: {key!r}.")
        if question.get("kind") not in KINDS:
            raise QuestionnaireError(f"Vraag {key}: soort moet een van {sorted(KINDS)} zijn.")
        options = {str(k): str(v) for k, v in (question.get("options") or {}).items()}
        if len(options) < 2:
            raise QuestionnaireError(f"Vraag {key}: minstens twee antwoorden.")
        if question.get("sensitive") and RATHER_NOT not in options:
            options[RATHER_NOT] = RATHER_NOT_TEXT
        condition = question.get("show_if")
        if condition:
            earlier = seen.get(condition.get("question", ""))
            if earlier is None or str(condition.get("answer")) not in earlier["options"]:
                raise QuestionnaireError(
                    f"Vraag {key}: 'show_if' moet naar een eerdere vraag en een van haar "
                    "antwoorden wijzen."
                )
            condition = {"question": condition["question"], "answer": str(condition["answer"])}
        item = {
            "key": key,
            "kind": question["kind"],
            "text": str(question["text"]),
            "options": options,
            "sensitive": bool(question.get("sensitive")),
            "show_if": condition or None,
        }
        seen[key] = item
        result.append(item)
    return {
        "slug": definition["slug"],
        "title": str(definition["title"]),
        "intro": str(definition.get("intro", "")),
        "questions": result,
        "help": [dict(h) for h in definition.get("help") or []],
    }


digest = content_digest


@transaction.atomic
def store(definition: dict[str, Any]) -> QuestionnaireVersion:
    """The version with exactly this definition; a new number when it is new."""
    clean = normalise(definition)
    found = digest(clean)
    existing = QuestionnaireVersion.objects.filter(slug=clean["slug"], definition_hash=found)
    if existing.exists():
        return existing.get()
    newest = QuestionnaireVersion.objects.select_for_update().filter(slug=clean["slug"])
    number = (newest.aggregate(n=Max("number"))["n"] or 0) + 1
    return QuestionnaireVersion.objects.create(
        slug=clean["slug"],
        number=number,
        title=clean["title"],
        definition=clean,
        definition_hash=found,
    )


def seed_questionnaires() -> list[QuestionnaireVersion]:
    return [store(yaml.safe_load(path.read_text())) for path in sorted(SEED.glob("*.yaml"))]


def newest(slug: str = "scholieren") -> QuestionnaireVersion | None:
    return QuestionnaireVersion.objects.filter(slug=slug).order_by("-number").first()


def changed_questions(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Keys of questions whose wording or options differ between two versions: a trend
    over them crosses a change of wording, and says so."""
    before = {q["key"]: (q["text"], q["options"]) for q in old["questions"]}
    return [
        q["key"]
        for q in new["questions"]
        if q["key"] in before and before[q["key"]] != (q["text"], q["options"])
    ]


def shown(definition: dict[str, Any], answers: dict[str, list[str]]) -> list[str]:
    """The questions a pupil with these answers was asked (routing applied in order)."""
    asked: list[str] = []
    for question in definition["questions"]:
        condition = question.get("show_if")
        if condition and condition["answer"] not in answers.get(condition["question"], []):
            continue
        asked.append(question["key"])
    return asked
