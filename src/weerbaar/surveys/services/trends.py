"""One answer's share per round of the same questionnaire, for all schools together: the
yearly trend, marked where the question's wording changed between versions. Each share is
the grand total of that round's protected tables, so the trend never shows a number the
tables hide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from weerbaar.surveys.services import questionnaires, results, stats
from weerbaar.surveys.services.selectors import rounds_of


@dataclass(frozen=True)
class TrendPoint:
    round_name: str
    year: int
    version: int
    share: stats.Share | None  # None: too few answers to show
    wording_changed: bool


def trends(
    slug: str, answers: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], list[TrendPoint]]:
    """The trend of each (question, answer), reading each round's answers once."""
    found: dict[tuple[str, str], list[TrendPoint]] = {pair: [] for pair in answers}
    previous: dict[str, Any] | None = None
    sets = results.area_sets()
    for each in rounds_of(slug):
        definition = each.questionnaire.definition
        changed = set(questionnaires.changed_questions(previous, definition) if previous else [])
        previous = definition
        questions = {q["key"]: q for q in definition["questions"]}
        people = results.respondents([each.pk])
        for key, option in answers:
            question = questions.get(key)
            share = None
            if question is not None and option in question["options"]:
                grand = results.question_results(question, people, area_sets=sets)["gemeente"]
                share = next((f.share for f in grand.total.options if f.option == option), None)
            found[(key, option)].append(
                TrendPoint(each.name, each.year, each.questionnaire.number, share, key in changed)
            )
    return found


def trend(slug: str, key: str, option: str) -> list[TrendPoint]:
    return trends(slug, [(key, option)])[(key, option)]
