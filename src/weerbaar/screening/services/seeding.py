"""Seed the kinds, the first questionnaire and the letter templates from seed/*.yaml;
idempotent, and never overwrites what legal staff changed. Works with a migration's
historical models (``apps``) as well as the current ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.apps import apps as global_apps

SEED = Path(__file__).resolve().parent.parent / "seed"


def _load(name: str) -> Any:
    return yaml.safe_load((SEED / name).read_text(encoding="utf-8"))


def seed_screening(apps: Any = None) -> None:
    apps = apps or global_apps
    kind_model = apps.get_model("screening", "ApplicationKind")
    questionnaire_model = apps.get_model("screening", "Questionnaire")
    question_model = apps.get_model("screening", "Question")
    template_model = apps.get_model("screening", "LetterTemplate")
    for row in _load("kinds.yaml"):
        kind_model.objects.get_or_create(code=row.pop("code"), defaults=row)
    data = _load("questionnaire.yaml")
    questionnaire, created = questionnaire_model.objects.get_or_create(
        version=data["version"],
        defaults={"title": data["title"], "published_on": data["published_on"]},
    )
    if created:
        every = list(kind_model.objects.all())
        for position, row in enumerate(data["questions"], start=1):
            question = question_model.objects.create(
                questionnaire=questionnaire,
                code=row["code"],
                position=position,
                text=row["text"],
                answer_type=row["answer_type"],
            )
            wanted = row.get("required_for") or []
            question.required_for.set(
                every if "alle" in wanted else [k for k in every if k.code in wanted]
            )
    for row in _load("letters.yaml"):
        template_model.objects.get_or_create(
            kind=row["kind"], defaults={"subject": row["subject"], "body": row["body"].strip()}
        )
