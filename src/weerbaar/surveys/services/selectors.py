"""Readers of rounds for pages and other apps: rounds and schools (no answers; results
come from services.results as aggregates only)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from weerbaar.accounts.services.access import may
from weerbaar.surveys.models import Round
from weerbaar.surveys.permissions import VIEW_ROUND


def visible_rounds(user: Any) -> QuerySet[Round]:
    if not may(user, VIEW_ROUND):
        return Round.objects.none()
    return Round.objects.select_related("questionnaire").annotate(answered=Count("responses"))


def rounds_of(slug: str) -> list[Round]:
    """Every round of one questionnaire, oldest first (for trends)."""
    return list(
        Round.objects.filter(questionnaire__slug=slug)
        .select_related("questionnaire")
        .order_by("year", "pk")
    )
