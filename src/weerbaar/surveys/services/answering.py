"""A pupil's answers, stored as anonymously as a report: through the class's generic link,
with the school and year group only, the ISO week instead of a time, routing applied so no
answer to a question the pupil was never asked is kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from weerbaar.surveys.models import ClassLink, Response
from weerbaar.surveys.services.questionnaires import shown


class ClosedError(ValueError):
    """The link is unknown or its round is not open: said to the pupil in plain words."""


def open_link(code: str, today: dt.date | None = None) -> ClassLink:
    link = (
        ClassLink.objects.select_related("school__round__questionnaire")
        .filter(code=code.strip().upper())
        .first()
    )
    if link is None:
        raise ClosedError("Deze link kennen we niet. Vraag je leraar om de goede link.")
    today = today or timezone.localdate()
    current = link.school.round
    if today < current.opens_on:
        raise ClosedError(f"De vragenlijst gaat open op {current.opens_on:%d-%m-%Y}.")
    if today > current.closes_on:
        raise ClosedError("De vragenlijst is gesloten. Dank je wel voor je hulp!")
    return link


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def clean_answers(
    definition: dict[str, Any], posted: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Only known options of questions the pupil was asked; a single-choice question keeps
    one answer. Skipped questions are simply absent (everything may be skipped)."""
    answers: dict[str, list[str]] = {}
    questions = {q["key"]: q for q in definition["questions"]}
    for key, question in questions.items():
        chosen = [v for v in posted.get(key, []) if v in question["options"]]
        if question["kind"] != "multiple":
            chosen = chosen[:1]
        if chosen:
            answers[key] = sorted(set(chosen), key=list(question["options"]).index)
    asked = set(shown(definition, answers))
    return {k: v for k, v in answers.items() if k in asked}


@transaction.atomic
def record(
    link: ClassLink, posted: Mapping[str, Sequence[str]], today: dt.date | None = None
) -> Response:
    """Store one completed questionnaire. Logs nothing: an id beside a log time could be
    joined to a school timetable."""
    version = link.school.round.questionnaire
    return Response.objects.create(
        round=link.school.round,
        school=link.school,
        questionnaire=version,
        year_group=link.year_group,
        week=iso_week(today or timezone.localdate()),
        answers=clean_answers(version.definition, posted),
    )
