"""Comparison of a chosen set of municipalities, provinces and custom regions: each as a
column (a province or region is computed from its municipalities' counts), plus all of
them together and the Netherlands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from weerbaar.areas.services import selectors as areas
from weerbaar.monitor.models import Indicator
from weerbaar.monitor.services import comparisons, values
from weerbaar.monitor.services.tables import indicator_table
from weerbaar.monitor.services.values import Value

MAX_COLUMNS = 12
REGION_PREFIX = "regio:"


@dataclass(frozen=True)
class Column:
    key: str  # GMxxxx, PVxx or regio:<slug>
    label: str
    members: tuple[str, ...]


@dataclass
class CompareRow:
    indicator: Indicator
    year: int
    cells: dict[str, Value | None]
    together: Value
    national: Value | None
    sentence: str


@dataclass
class Comparison:
    columns: list[Column] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rows: list[CompareRow] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        return list(dict.fromkeys(m for column in self.columns for m in column.members))


def columns_for(keys: list[str]) -> tuple[list[Column], list[str]]:
    """Validate the chosen keys; unknown ones are returned as errors, never silently used."""
    columns: list[Column] = []
    errors: list[str] = []
    for key in dict.fromkeys(k.strip() for k in keys if k.strip()):
        if key.startswith(REGION_PREFIX):
            region = areas.region_by_slug(key[len(REGION_PREFIX) :])
            if region is None:
                errors.append(key)
            else:
                columns.append(Column(key, f"{region[0]} (regio)", tuple(region[1])))
            continue
        code = key.upper()
        name = areas.names([code]).get(code) if re.fullmatch(r"GM\d{4}|PV\d{2}", code) else None
        if name is None:
            errors.append(key)
        elif code.startswith("GM"):
            columns.append(Column(code, name, (code,)))
        else:
            columns.append(
                Column(code, f"{name} (provincie)", tuple(areas.descendant_codes(code, "gemeente")))
            )
    return columns[:MAX_COLUMNS], errors


def compare(keys: list[str]) -> Comparison:
    columns, errors = columns_for(keys)
    result = Comparison(columns, errors)
    if not columns:
        return result
    everyone = result.members
    for indicator in Indicator.objects.all():
        if "gemeente" not in indicator.levels:
            continue
        table = indicator_table(indicator, level="gemeente")
        if table.year is None:
            continue
        by_code = {row.code: row.value for row in table.rows}
        everywhere = list(by_code.values())
        cells: dict[str, Value | None] = {}
        for column in columns:
            if len(column.members) == 1 and column.key == column.members[0]:
                cells[column.key] = by_code.get(column.key)
            else:
                chosen = [by_code[m] for m in column.members if m in by_code]
                cells[column.key] = values.aggregate(indicator, chosen, column.key, table.year)
        together = values.aggregate(
            indicator, [by_code[m] for m in everyone if m in by_code], "samen", table.year
        )
        sentence = ""
        if together.value is not None and len(everyone) > 1:
            sentence = comparisons.sentence(
                indicator, "de gekozen gemeenten samen", together.value, everywhere, table.year
            )
        result.rows.append(
            CompareRow(indicator, table.year, cells, together, table.national, sentence)
        )
    return result
