"""One answer's share per round of the same questionnaire, for all schools together: the
yearly trend, marked where the question's wording changed between versions. Each share is
the grand total of that round's protected tables, so the trend never shows a number the
tables hide."""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.surveys.services import questionnaires, results, stats
from weerbaar.surveys.services.selectors import rounds_of


@dataclass(frozen=True)
class TrendPoint:
    round_name: str
    year: int
    version: int
    share: stats.Share | None  # None: too few answers to show
    wording_changed: bool


def trend(slug: str, key: str, option: str) -> list[TrendPoint]:
    points: list[TrendPoint] = []
    previous = None
    sets = results.area_sets()
    for found in rounds_of(slug):
        definition = found.questionnaire.definition
        changed = previous is not None and key in questionnaires.changed_questions(
            previous, definition
        )
        previous = definition
        question = next((q for q in definition["questions"] if q["key"] == key), None)
        share = None
        if question is not None and option in question["options"]:
            people = results.respondents([found.pk])
            grand = results.question_results(question, people, area_sets=sets)["gemeente"].total
            share = next((f.share for f in grand.options if f.option == option), None)
        points.append(
            TrendPoint(found.name, found.year, found.questionnaire.number, share, changed)
        )
    return points
