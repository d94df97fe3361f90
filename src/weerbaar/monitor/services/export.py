"""CSV and Excel exports of monitor tables, with source and status on every row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from weerbaar.core import downloads
from weerbaar.monitor.models import Indicator
from weerbaar.monitor.services.compare import Comparison
from weerbaar.monitor.services.comparisons import Ranking
from weerbaar.monitor.services.formatting import class_in_words
from weerbaar.monitor.services.tables import IndicatorTable, ProfileLine
from weerbaar.monitor.services.values import Value

HEADER = [
    "code",
    "naam",
    "jaar",
    "waarde",
    "teller",
    "noemer",
    "status",
    "toelichting",
    "rang",
    "percentiel",
    "aandeel_gebieden_hoger_pct",
    "indicator",
    "eenheid",
    "bron",
    "klasse",
]


def _row(
    code: str, name: str, v: Value | None, year: int, ranking: Ranking | None, indicator: Indicator
) -> list[Any]:
    """One export row in HEADER order; a missing value keeps its status, never 0."""
    return [
        code,
        name,
        v.year if v else year,
        v.value if v else None,
        v.numerator if v else None,
        v.denominator if v else None,
        v.status if v else "ontbreekt",
        v.note if v else "",
        ranking.rank if ranking else None,
        round(ranking.percentile, 1) if ranking else None,
        round(ranking.share_higher, 1) if ranking else None,
        indicator.code,
        indicator.get_unit_display(),
        f"{indicator.citation} ({indicator.licence})",
        class_in_words(v.klass, indicator.class_words) if v else "",
    ]


def indicator_rows(table: IndicatorTable) -> list[list[Any]]:
    return [
        _row(row.code, row.name, row.value, row.value.year, row.ranking, table.indicator)
        for row in table.rows
    ]


def profile_rows(code: str, name: str, lines: Sequence[ProfileLine]) -> list[list[Any]]:
    return [
        _row(code, name, v, v.year, line.ranking if v.year == line.year else None, line.indicator)
        for line in lines
        for v in line.series
    ]


def compare_rows(comparison: Comparison) -> list[list[Any]]:
    """One row per indicator and column (province and region values computed from counts)."""
    rows: list[list[Any]] = []
    for row in comparison.rows:
        cells = [(c.key, c.label, row.cells.get(c.key)) for c in comparison.columns]
        if row.together is not None:
            cells.append(("samen", "gekozen gemeenten samen", row.together))
        rows.extend(_row(key, label, v, row.year, None, row.indicator) for key, label, v in cells)
    return rows


def to_csv(rows: Sequence[Sequence[Any]], header: Sequence[str] = HEADER) -> str:
    return downloads.to_csv(rows, header)


def to_xlsx(rows: Sequence[Sequence[Any]], title: str, header: Sequence[str] = HEADER) -> bytes:
    return downloads.to_xlsx(rows, title, header)
