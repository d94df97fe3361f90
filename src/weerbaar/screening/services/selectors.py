"""The screening app's scoped reader: an application exists only for its named team
(and never through an area). Reading one detail, with its audit line, is
``services.access.get``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from weerbaar.core.counting import Counts, per_area_year
from weerbaar.screening.models import Application
from weerbaar.screening.services.access import visible as visible_applications

__all__ = ["counts_per_municipality", "visible_applications"]


def counts_per_municipality(codes: Sequence[str], years: Iterable[int]) -> Counts:
    """Bibob applications received per municipality and year, over every team: numbers
    only, for a progress report that suppresses small ones."""
    received = Application.objects.filter(municipality__code__in=list(codes))
    return per_area_year(received, "municipality__code", "received_on", years)
