"""The area tables on the pages (and their CSV export): which columns per level, the
year shown, sorting and totals. Kept out of views and templates so it can be tested."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.models.population import TOTAL_BAND
from weerbaar.areas.services import selectors

HOUSEHOLDS = "huishoudens"


@dataclass(frozen=True)
class Column:
    key: str  # a population band, or HOUSEHOLDS
    label: str


def columns_for(level: str) -> list[Column]:
    """The figures shown for areas of ``level``, as far as the open data has them."""
    if level in (AreaLevel.PROVINCIE, AreaLevel.GEMEENTE):
        return [
            Column(TOTAL_BAND, _("Inwoners")),
            Column("10-14", _("Inwoners 10 t/m 14 jaar")),
            Column(HOUSEHOLDS, _("Huishoudens")),
        ]
    return [
        Column(TOTAL_BAND, _("Inwoners")),
        Column("0-14", _("Inwoners 0 t/m 14 jaar")),
        Column("15-24", _("Inwoners 15 t/m 24 jaar")),
    ]


SORT_KEYS = ("code", "naam")


@dataclass
class Row:
    area: Area
    values: dict[str, int | None]


@dataclass
class AreaTable:
    level: str
    year: int | None
    columns: list[Column]
    rows: list[Row]
    sort: str
    descending: bool
    sources: list[str] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int | None]:
        """Column sums; None where any area lacks a value (a sum would undercount)."""
        result: dict[str, int | None] = {}
        for column in self.columns:
            values = [row.values.get(column.key) for row in self.rows]
            result[column.key] = (
                None if any(v is None for v in values) else sum(v for v in values if v is not None)
            )
        return result

    @property
    def sort_keys(self) -> list[str]:
        return [*SORT_KEYS, *(column.key for column in self.columns)]


def area_table(
    areas: Sequence[Area], level: str, sort: str = "naam", descending: bool = False
) -> AreaTable:
    ids = [area.pk for area in areas]
    year = selectors.latest_population_year(ids)
    columns = columns_for(level)
    population = selectors.population_counts(ids, year) if year else {}
    households = selectors.household_counts(ids, year) if year else {}
    rows = []
    for area in areas:
        values: dict[str, int | None] = {}
        for column in columns:
            if column.key == HOUSEHOLDS:
                values[column.key] = households.get(area.pk)
            else:
                values[column.key] = population.get(area.pk, {}).get(column.key)
        rows.append(Row(area, values))
    table = AreaTable(level, year, columns, rows, "naam", False)
    table.sources = selectors.population_sources(ids, year) if year else []
    sort_rows(table, sort, descending)
    return table


def sort_rows(table: AreaTable, sort: str, descending: bool) -> None:
    """Sort in place; unknown keys fall back to name. Missing values always sort last."""
    if sort not in table.sort_keys:
        sort, descending = "naam", False
    table.sort, table.descending = sort, descending
    if sort == "code":
        table.rows.sort(key=lambda row: row.area.code, reverse=descending)
        return
    if sort == "naam":
        table.rows.sort(
            key=lambda row: (row.area.name.casefold(), row.area.code), reverse=descending
        )
        return
    present = [row for row in table.rows if row.values.get(sort) is not None]
    missing = [row for row in table.rows if row.values.get(sort) is None]
    present.sort(key=lambda row: (row.values[sort] or 0, row.area.code), reverse=descending)
    table.rows = present + sorted(missing, key=lambda row: row.area.code)


def _safe_cell(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def table_csv(table: AreaTable) -> str:
    """CSV with the year and source, so an export stands on its own."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["code", "naam", "niveau", "jaar", *(c.label for c in table.columns), "bron"])
    source = " | ".join(table.sources)
    for row in table.rows:
        writer.writerow(
            [
                row.area.code,
                _safe_cell(row.area.name),
                row.area.level,
                table.year or "",
                *(
                    "" if row.values.get(c.key) is None else row.values[c.key]
                    for c in table.columns
                ),
                source,
            ]
        )
    return buffer.getvalue()


@dataclass(frozen=True)
class Header:
    key: str
    label: str
    numeric: bool
    aria_sort: str | None  # "ascending" / "descending" on the sorted column
    query: str  # query string that sorts on this column (toggling the direction)


def headers(table: AreaTable) -> list[Header]:
    """Column headers as links that sort the table server-side (works without JavaScript)."""
    labels = [("code", _("Code"), False), ("naam", _("Naam"), False)] + [
        (column.key, column.label, True) for column in table.columns
    ]
    result = []
    for key, label, numeric in labels:
        active = key == table.sort
        descending = not table.descending if active else numeric  # numbers: largest first
        aria = ("descending" if table.descending else "ascending") if active else None
        query = urlencode({"sorteer": key, "volgorde": "af" if descending else "op"})
        result.append(Header(key, label, numeric, aria, query))
    return result
