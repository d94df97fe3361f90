"""Comparison of a chosen set of municipalities, provinces and custom regions: each as a
column (a province or region is computed from its municipalities' counts), plus all of
them together and the Netherlands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from weerbaar.areas.services import selectors as areas
from weerbaar.monitor.models import Aggregation, Indicator
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
    together: Value | None
    national: Value | None
    sentence: str
    #: for each province or region chosen: how many municipalities score higher than it
    column_sentences: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    columns: list[Column] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rows: list[CompareRow] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        return list(dict.fromkeys(m for column in self.columns for m in column.members))

    @property
    def overlaps(self) -> list[tuple[str, str]]:
        """Pairs of chosen columns that share municipalities (Groningen and the province of
        Groningen): adding them up would count those municipalities twice."""
        found = []
        for i, a in enumerate(self.columns):
            for b in self.columns[i + 1 :]:
                if set(a.members) & set(b.members):
                    found.append((a.label, b.label))
        return found

    @property
    def together_possible(self) -> bool:
        return len(self.columns) > 1 and not self.overlaps


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


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    kind: str


def choices() -> list[Choice]:
    """Everything one can compare: regions, provinces, municipalities (for the picker)."""
    found = [Choice(f"{REGION_PREFIX}{r.slug}", r.name, "regio") for r in areas.regions()]
    found += [Choice(p.code, p.name, "provincie") for p in areas.provinces().order_by("name")]
    found += [
        Choice(m.code, m.name, "gemeente")
        for m in areas.current_areas("gemeente").defer("geometry").order_by("name")
    ]
    return found


def search(text: str, limit: int = 20) -> list[Choice]:
    """Choices whose name or code contains ``text``; an exact name or code first."""
    needle = text.strip().lower()
    if not needle:
        return []
    hits = [c for c in choices() if needle in c.label.lower() or needle == c.key.lower()]
    hits.sort(key=lambda c: (c.label.lower() != needle and c.key.lower() != needle, c.label))
    return hits[:limit]


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
        together = (
            values.aggregate(
                indicator, [by_code[m] for m in everyone if m in by_code], "samen", table.year
            )
            if result.together_possible
            else None
        )
        sentence = ""
        # a sum (inhabitants) of many municipalities is not comparable with one municipality
        comparable = indicator.aggregation != Aggregation.SUM
        if together is not None and together.value is not None and comparable:
            sentence = comparisons.sentence(
                indicator, "de gekozen gemeenten samen", together.value, everywhere, table.year
            )
        column_sentences = []
        for column in columns:
            cell = cells.get(column.key)
            if len(column.members) > 1 and comparable and cell is not None and cell.has_value:
                column_sentences.append(
                    comparisons.sentence(
                        indicator,
                        f"{column.label} samen",
                        cell.value or 0.0,
                        everywhere,
                        table.year,
                    )
                )
        result.rows.append(
            CompareRow(
                indicator, table.year, cells, together, table.national, sentence, column_sentences
            )
        )
    return result
