"""Setting up a round: schools and their classes, each class with a generic link. One door,
used by the coordinator's page and by `weerbaar enquete ronde`."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.areas.services import selectors as areas
from weerbaar.surveys.models import ClassLink, QuestionnaireVersion, Round, School, SchoolType

#: no 0/O or 1/I: read aloud and typed from a sheet without mistakes
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class RoundError(ValueError):
    pass


@dataclass(frozen=True)
class SchoolPlan:
    name: str
    municipality_code: str
    school_type: str
    classes: tuple[tuple[str, int], ...]  # (label, year group)


def parse_school(text: str) -> SchoolPlan:
    """ "Naam;GM0014;vmbo;1A=1,1B=1,2A=2": a school, its municipality, type and classes."""
    parts = [p.strip() for p in text.split(";")]
    if len(parts) != 4:
        raise RoundError(f"Schrijf een school als 'naam;GMxxxx;soort;klas=leerjaar,...': {text!r}")
    name, code, kind, classes = parts
    found = []
    for item in filter(None, (c.strip() for c in classes.split(","))):
        label, _, year = item.partition("=")
        if not year.isdigit() or not 1 <= int(year) <= 6:
            raise RoundError(f"Klas {item!r}: geef het leerjaar, bijvoorbeeld 2B=2.")
        found.append((label.strip(), int(year)))
    if not found:
        raise RoundError(f"School {name}: noem minstens één klas.")
    return SchoolPlan(name, code.upper(), kind, tuple(found))


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(10))


@transaction.atomic
def create_round(
    *,
    name: str,
    year: int,
    opens_on: dt.date,
    closes_on: dt.date,
    questionnaire: QuestionnaireVersion,
    schools: list[SchoolPlan],
    actor: Any = None,
) -> Round:
    if closes_on < opens_on:
        raise RoundError("De ronde sluit vóór zij opengaat.")
    known = set(areas.current_areas("gemeente").values_list("code", flat=True))
    problems = [
        f"{s.name}: onbekende gemeentecode {s.municipality_code}"
        for s in schools
        if s.municipality_code not in known
    ] + [
        f"{s.name}: schoolsoort moet een van {', '.join(SchoolType.values)} zijn"
        for s in schools
        if s.school_type not in SchoolType.values
    ]
    if problems:
        raise RoundError("; ".join(problems))
    created = Round.objects.create(
        name=name,
        year=year,
        opens_on=opens_on,
        closes_on=closes_on,
        questionnaire=questionnaire,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for plan in schools:
        school = School.objects.create(
            round=created,
            name=plan.name,
            municipality_code=plan.municipality_code,
            school_type=plan.school_type,
        )
        for label, year_group in plan.classes:
            ClassLink.objects.create(
                school=school, label=label, year_group=year_group, code=new_code()
            )
    audit.record(AuditAction.CREATE, actor=actor, obj=created)
    return created
