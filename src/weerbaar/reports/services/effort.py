"""Enforcement-effort series: the one door for entering or importing them, and their
values for the relation with registered crime. Weerbaar's own inspection visits are
offered as a series beside those an analyst enters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.accounts.services.access import may
from weerbaar.areas.services import selectors as areas
from weerbaar.cases.services import selectors as cases
from weerbaar.reports.models import EffortSeries, EffortValue
from weerbaar.reports.permissions import CHANGE_EFFORT

#: the series Weerbaar counts itself (not stored: always as the records are now)
OWN = "weerbaar-bezoeken"
OWN_NAME = "Bezochte adressen op controledagen (Weerbaar)"
FIRST_YEAR = 1990
MAX_ROWS = 20_000


class EffortError(ValueError):
    """What is wrong with the input, line by line; nothing is stored."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Row:
    code: str
    year: int
    value: float


def _number(text: str) -> float:
    cleaned = text.strip().replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", cleaned):  # 1.234,5
        cleaned = cleaned.replace(".", "")
    return float(cleaned.replace(",", "."))


def _delimiter(first_line: str) -> str:
    try:
        return csv.Sniffer().sniff(first_line, delimiters=";,\t").delimiter
    except csv.Error:
        return ";"


def _row(number: int, fields: list[str], known: set[str], this_year: int) -> Row | str:
    """One line as a row, or the problem with it in words."""
    if len(fields) < 3:
        return f"regel {number}: verwacht gemeentecode, jaar en waarde"
    code, year_text, value_text = fields[0].upper(), fields[1], fields[2]
    if code not in known:
        return f"regel {number}: onbekende gemeentecode {code or '(leeg)'}"
    if not year_text.isdigit() or not FIRST_YEAR <= int(year_text) <= this_year:
        return f"regel {number}: jaar {year_text!r} ligt niet tussen {FIRST_YEAR} en {this_year}"
    try:
        value = _number(value_text)
    except ValueError:
        return f"regel {number}: waarde {value_text!r} is geen getal"
    if value < 0:
        return f"regel {number}: een inzet kan niet negatief zijn"
    return Row(code, int(year_text), value)


def parse(text: str) -> list[Row]:
    """Rows "gemeentecode;jaar;waarde" (also with , or tab; a header line is skipped).
    Every problem is collected with its line number, so the analyst fixes all at once."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise EffortError(["Er staan geen regels in. Zet per regel: gemeentecode;jaar;waarde."])
    if len(lines) > MAX_ROWS + 1:
        raise EffortError([f"Te veel regels: hoogstens {MAX_ROWS:,}.".replace(",", ".")])
    known = set(areas.current_areas("gemeente").values_list("code", flat=True))
    this_year = dt.date.today().year
    rows: list[Row] = []
    problems: list[str] = []
    seen: dict[tuple[str, int], int] = {}
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=_delimiter(lines[0]))
    for number, raw in enumerate(reader, 1):
        fields = [f.strip() for f in raw]
        if number == 1 and fields and not re.match(r"(?i)^gm\d{4}$", fields[0]):
            continue  # a header line
        found = _row(number, fields, known, this_year)
        if isinstance(found, str):
            problems.append(found)
        elif (found.code, found.year) in seen:
            first = seen[(found.code, found.year)]
            problems.append(f"regel {number}: {found.code} {found.year} staat ook op regel {first}")
        else:
            seen[(found.code, found.year)] = number
            rows.append(found)
    if problems:
        more = [f"en nog {len(problems) - 50} problemen"] if len(problems) > 50 else []
        raise EffortError(problems[:50] + more)
    if not rows:
        raise EffortError(["Er staan alleen kopregels in."])
    return rows


def save_series(
    user: Any, *, name: str, unit: str, source: str, rows: Sequence[Row], slug: str = ""
) -> EffortSeries:
    """Create a series or add to one: a (municipality, year) already there gets the new
    value, every other value stays. One transaction; audited."""
    if not may(user, CHANGE_EFFORT):
        raise PermissionDenied("U mag geen inzetreeksen invoeren.")
    problems = [
        text
        for text, ok in (
            ("geef de reeks een naam", bool(name.strip())),
            ("geef de eenheid (bijvoorbeeld controles of fte)", bool(unit.strip())),
            ("noem de bron", bool(source.strip())),
        )
        if not ok
    ]
    key = slug or slugify(name)[:80]
    if key == OWN:
        problems.append("deze code is voor de reeks die Weerbaar zelf telt")
    if problems:
        raise EffortError(problems)
    with transaction.atomic():
        series = EffortSeries.objects.select_for_update().filter(slug=key).first()
        action = AuditAction.CHANGE
        if series is None:
            series = EffortSeries.objects.create(
                slug=key,
                name=name.strip(),
                unit=unit.strip(),
                source=source.strip(),
                created_by=user,
            )
            action = AuditAction.CREATE
        else:
            series.name, series.unit, series.source = name.strip(), unit.strip(), source.strip()
            series.save()
        existing = {(v.municipality_code, v.year): v for v in series.values.all()}
        changed = []
        for row in rows:
            found = existing.get((row.code, row.year))
            if found is None:
                changed.append(
                    EffortValue(
                        series=series, municipality_code=row.code, year=row.year, value=row.value
                    )
                )
            elif found.value != row.value:
                found.value = row.value
                found.save(update_fields=["value"])
        EffortValue.objects.bulk_create(changed)
        audit.record(action, actor=user, obj=series)
    return series


def all_series() -> list[tuple[str, str, str]]:
    """(slug, name, unit) of every series, Weerbaar's own first."""
    return [(OWN, OWN_NAME, "adressen")] + [
        (s.slug, s.name, s.unit) for s in EffortSeries.objects.order_by("name")
    ]


def series_values(slug: str) -> dict[tuple[str, int], float]:
    """Per (municipality, year) the effort. Weerbaar's own: the municipalities with any
    visit, and every year from the first to the last visit, a year without visits as 0."""
    if slug != OWN:
        return {
            (code, year): value
            for code, year, value in EffortValue.objects.filter(series__slug=slug).values_list(
                "municipality_code", "year", "value"
            )
        }
    codes = list(areas.current_areas("gemeente").values_list("code", flat=True))
    counted = cases.inspection_visits(codes, range(FIRST_YEAR, dt.date.today().year + 1))
    if not counted:
        return {}
    years = range(min(y for _, y in counted), max(y for _, y in counted) + 1)
    used = sorted({code for code, _ in counted})
    return {(code, year): float(counted.get((code, year), 0)) for code in used for year in years}


def series_name(slug: str) -> tuple[str, str, str] | None:
    return next((s for s in all_series() if s[0] == slug), None)
