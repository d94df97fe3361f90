"""The displacement test on real areas: for each programme area its ring of neighbours
(from the boundaries) and a control (every other area of the level), with counts of the
indicator's numerator the year before the start and in the newest year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from weerbaar.areas.services import selectors as areas
from weerbaar.areas.services.adjacency import neighbours
from weerbaar.monitor.services import values
from weerbaar.reports.services.evaluation.displacement import (
    Areas,
    Counts,
    Displacement,
    weighted_displacement,
)
from weerbaar.reports.services.evaluation.programme import LEVEL_PREFIX
from weerbaar.reports.services.evaluation.staggered import EvaluationError
from weerbaar.selection.services import selectors as programmes

if TYPE_CHECKING:
    from weerbaar.monitor.models import Indicator


@dataclass
class RingResult:
    code: str
    name: str
    ring: list[str]
    before_year: int
    after_year: int
    areas: Areas
    result: Displacement


def _counted(
    codes: list[str], counts: dict[tuple[str, int], float], years: tuple[int, int]
) -> list[str]:
    """Only areas with a count in both years: a missing count is never a zero."""
    return [c for c in codes if all((c, year) in counts for year in years)]


def _ring_row(
    code: str,
    start: int,
    members: dict[str, int],
    adjacency: dict[str, list[str]],
    counts: dict[tuple[str, int], float],
    after_year: int,
) -> tuple[list[str], Areas, list[str]] | None:
    years = (start - 1, after_year)
    if code not in adjacency or years[0] >= after_year or not _counted([code], counts, years):
        return None
    ring = [c for c in adjacency[code] if c not in members]
    shown_ring = _counted(ring, counts, years)
    others = [c for c in adjacency if c not in members and c not in ring and c != code]
    control = _counted(others, counts, years)

    def total(codes: list[str], year: int) -> float:
        return sum(counts[(c, year)] for c in codes)

    measured = Areas(
        target=Counts(counts[(code, years[0])], counts[(code, after_year)]),
        buffer=Counts(total(shown_ring, years[0]), total(shown_ring, after_year)),
        control=Counts(total(control, years[0]), total(control, after_year)),
    )
    return shown_ring, measured, sorted(set(ring) - set(shown_ring))


def displacement_for(slug: str, indicator: Indicator, level: str = "gemeente") -> list[RingResult]:
    """One row per programme area with counts the year before its start and in the newest
    year; only for indicators made of counts."""
    if not indicator.denominator:
        raise EvaluationError(
            "De verplaatsingstoets telt gevallen; kies een indicator die uit aantallen bestaat."
        )
    members = {
        p.area_code: p.start_year
        for p in programmes.participants(slug)
        if p.area_code.startswith(LEVEL_PREFIX[level])
    }
    counts = {
        (v.area_code, v.year): v.numerator
        for v in values.compute(indicator)
        if v.numerator is not None
    }
    years = sorted({year for _, year in counts})
    if not members or not years:
        return []
    shapes = list(areas.current_areas(level))
    adjacency = neighbours(shapes)
    names = {area.code: area.name for area in shapes}
    rows = []
    for code, start in sorted(members.items()):
        found = _ring_row(code, start, members, adjacency, counts, years[-1])
        if found is None:
            continue
        ring, measured, missing = found
        result = weighted_displacement(measured)
        if missing:
            result.flags.append(f"ring zonder cijfers voor: {', '.join(missing)}")
        rows.append(
            RingResult(code, names.get(code, code), ring, start - 1, years[-1], measured, result)
        )
    return rows
