"""CSV and Excel exports of monitor tables, with source and status on every row."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from weerbaar.monitor.services.compare import Comparison
from weerbaar.monitor.services.tables import IndicatorTable, ProfileLine

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
    "aandeel_gemeenten_hoger_pct",
    "indicator",
    "eenheid",
    "bron",
]


def _safe(value: Any) -> Any:
    """Text cells never start a formula in a spreadsheet (CSV injection)."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def indicator_rows(table: IndicatorTable) -> list[list[Any]]:
    indicator = table.indicator
    source = f"{indicator.citation} ({indicator.licence})"
    rows = []
    for row in table.rows:
        v, r = row.value, row.ranking
        rows.append(
            [
                row.code,
                row.name,
                v.year,
                v.value,
                v.numerator,
                v.denominator,
                v.status,
                v.note,
                r.rank if r else None,
                round(r.percentile, 1) if r else None,
                round(r.share_higher, 1) if r else None,
                indicator.code,
                indicator.get_unit_display(),
                source,
            ]
        )
    return rows


def profile_rows(code: str, name: str, lines: Sequence[ProfileLine]) -> list[list[Any]]:
    rows = []
    for line in lines:
        indicator = line.indicator
        for v in line.series:
            ranking = line.ranking if v.year == line.year else None
            rows.append(
                [
                    code,
                    name,
                    v.year,
                    v.value,
                    v.numerator,
                    v.denominator,
                    v.status,
                    v.note,
                    ranking.rank if ranking else None,
                    round(ranking.percentile, 1) if ranking else None,
                    round(ranking.share_higher, 1) if ranking else None,
                    indicator.code,
                    indicator.get_unit_display(),
                    f"{indicator.citation} ({indicator.licence})",
                ]
            )
    return rows


def compare_rows(comparison: Comparison) -> list[list[Any]]:
    """One row per indicator and column (province and region values computed from counts)."""
    rows = []
    for row in comparison.rows:
        indicator = row.indicator
        source = f"{indicator.citation} ({indicator.licence})"
        cells = [(c.key, c.label, row.cells.get(c.key)) for c in comparison.columns]
        cells.append(("samen", "gekozen gemeenten samen", row.together))
        for key, label, v in cells:
            if v is None:
                rows.append(
                    [
                        key,
                        label,
                        row.year,
                        None,
                        None,
                        None,
                        "ontbreekt",
                        "",
                        None,
                        None,
                        None,
                        indicator.code,
                        indicator.get_unit_display(),
                        source,
                    ]
                )
                continue
            rows.append(
                [
                    key,
                    label,
                    v.year,
                    v.value,
                    v.numerator,
                    v.denominator,
                    v.status,
                    v.note,
                    None,
                    None,
                    None,
                    indicator.code,
                    indicator.get_unit_display(),
                    source,
                ]
            )
    return rows


def to_csv(rows: Sequence[Sequence[Any]], header: Sequence[str] = HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else _safe(cell) for cell in row])
    return buffer.getvalue()


def to_xlsx(rows: Sequence[Sequence[Any]], title: str, header: Sequence[str] = HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active or workbook.create_sheet()
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(cell) for cell in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
