"""The values endpoint's answer, built once per data version and indicator definition and
then served from memory with its fingerprint as ETag: a client that has it gets a 304
without the table being read again, one that does not gets the kept answer."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rest_framework.renderers import JSONRenderer

from weerbaar.core.hashing import content_digest
from weerbaar.monitor.models import Indicator
from weerbaar.monitor.services import comparisons, selectors, tables
from weerbaar.monitor.services.formatting import class_in_words


class NoValues(LookupError):
    """No values for the asked year; the message lists the years there are."""


def fingerprint(indicator: Indicator, level: str, year: int | None, parent: str | None) -> str:
    """Changes whenever the answer would: new data, a changed definition or wording."""
    described = [
        str(part)
        for part in (
            *selectors.definition(indicator),
            indicator.unit,
            indicator.class_words,
            indicator.direction,
        )
    ]
    return content_digest(
        [indicator.code, described, level, year, parent, list(tables.data_stamp())]
    )[:32]


def warm() -> int:
    """Builds the answer asked for most (each indicator per municipality, newest year),
    so that the first request after a restart is served from memory. Run in the server's
    master process before it forks its workers; returns how many answers were made."""
    made = 0
    for indicator in Indicator.objects.all():
        if "gemeente" not in indicator.levels:
            continue
        try:
            values_answer(
                indicator, "gemeente", None, None, fingerprint(indicator, "gemeente", None, None)
            )
        except NoValues:
            continue
        made += 1
    return made


@lru_cache(maxsize=512)
def values_answer(
    indicator: Indicator, level: str, year: int | None, parent: str | None, key: str
) -> bytes:
    """The answer for ``/api/v1/indicators/<code>/values`` as the JSON bytes sent, kept
    under ``key`` (its ``fingerprint``): a repeated request costs no rendering; raises
    NoValues."""
    return JSONRenderer().render(_build(indicator, level, year, parent))


def _build(
    indicator: Indicator, level: str, year: int | None, parent: str | None
) -> dict[str, Any]:
    table = tables.indicator_table(indicator, level=level, year=year, parent=parent)
    if year and table.year != year:
        raise NoValues(f"Geen waarden voor {year}. Jaren: {', '.join(map(str, table.years))}.")
    compared = next((row.ranking.compared_with for row in table.rows if row.ranking), 0)
    return {
        "indicator": indicator.code,
        "level": level,
        "year": table.year,
        "unit": indicator.unit,
        "higherIs": comparisons.higher_means(indicator),
        "comparedWith": compared,
        "results": [
            {
                "code": row.code,
                "name": row.name,
                "year": row.value.year,
                "value": row.value.value,
                "numerator": row.value.numerator,
                "denominator": row.value.denominator,
                "status": row.value.status,
                "note": row.value.note,
                "classNumber": row.value.klass,
                "classInWords": class_in_words(row.value.klass, indicator.class_words),
                "rank": row.ranking.rank if row.ranking else None,
                "percentile": round(row.ranking.percentile, 2) if row.ranking else None,
                "shareHigher": round(row.ranking.share_higher, 2) if row.ranking else None,
            }
            for row in table.rows
        ],
    }
