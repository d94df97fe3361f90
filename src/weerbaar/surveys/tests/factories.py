from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from weerbaar.surveys.models import ClassLink, QuestionnaireVersion, Response, Round, School
from weerbaar.surveys.services import questionnaires, rounds
from weerbaar.surveys.services.answering import iso_week


def questionnaire() -> QuestionnaireVersion:
    versions = questionnaires.seed_questionnaires()
    return versions[0]


def a_round(
    year: int | None = None,
    schools: Sequence[str] = (
        "Noorderpoort;GM0014;vmbo;1A=1,2A=2",
        "Dollard;GM0037;havo-vwo;1H=1,2H=2",
    ),
    version: QuestionnaireVersion | None = None,
) -> Round:
    year = year or timezone.localdate().year  # open today, whatever year the tests run in
    return rounds.create_round(
        name=f"Scholierenonderzoek {year}",
        year=year,
        opens_on=dt.date(year, 1, 1),
        closes_on=dt.date(year, 12, 31),
        questionnaire=version or questionnaire(),
        schools=[rounds.parse_school(s) for s in schools],
    )


def answers(school: School, year_group: int, count: int, **given: Sequence[str]) -> None:
    """``count`` stored responses with the same answers, fast (tests and the benchmark)."""
    found = school.round
    Response.objects.bulk_create(
        Response(
            round=found,
            school=school,
            questionnaire=found.questionnaire,
            year_group=year_group,
            week=iso_week(found.opens_on),
            answers={k: list(v) for k, v in given.items()},
        )
        for _ in range(count)
    )


def link(found: Round, school_name: str, year_group: int) -> ClassLink:
    return ClassLink.objects.get(
        school__round=found, school__name=school_name, year_group=year_group
    )
