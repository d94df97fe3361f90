"""An evaluation takes seconds (every area and year, two estimators): the page and the
progress report share one copy per data version and participant list."""

from __future__ import annotations

from functools import lru_cache

from weerbaar.monitor.services import selectors as catalogue
from weerbaar.monitor.services.tables import data_stamp
from weerbaar.reports.services.evaluation.programme import Evaluation, evaluate
from weerbaar.reports.services.evaluation.staggered import EvaluationError
from weerbaar.selection.services import selectors as programmes


def evaluation(slug: str, code: str, level: str, uncertain: bool = True) -> Evaluation | str:
    """The evaluation, or the sentence why it cannot be made."""
    members = tuple((p.area_code, p.start_year, p.certainty) for p in programmes.participants(slug))
    return _cached(slug, code, level, uncertain, data_stamp(), members)


@lru_cache(maxsize=32)
def _cached(
    slug: str, code: str, level: str, uncertain: bool, stamp: tuple, members: tuple
) -> Evaluation | str:
    indicator = catalogue.indicator(code)
    if indicator is None:
        return "Deze indicator staat niet in de catalogus."
    try:
        return evaluate(slug, indicator, level, include_uncertain=uncertain)
    except EvaluationError as exc:
        return str(exc)


def cache_clear() -> None:
    _cached.cache_clear()
