"""Readers of programmes and their participants for other apps (public programme facts:
which areas take part, since when; no personal data)."""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.selection.models import Participation, Programme


@dataclass(frozen=True)
class Participant:
    area_code: str
    start_year: int
    cohort: str
    certainty: str
    note: str


def programmes() -> list[tuple[str, str]]:
    """(slug, name) of every programme with participants."""
    return list(
        Programme.objects.filter(participations__isnull=False)
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


def programme_name(slug: str) -> str | None:
    return Programme.objects.filter(slug=slug).values_list("name", flat=True).first()


def participants(slug: str) -> list[Participant]:
    return [
        Participant(p.area_code, p.start_year, p.cohort, p.certainty, p.note)
        for p in Participation.objects.filter(programme__slug=slug).order_by("area_code")
    ]
