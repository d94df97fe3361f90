"""One programme, one indicator: the anchor's view (programme areas against the national
figure), a matched comparison, and staggered difference-in-differences, from the monitor's
values and the programme's participants."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from weerbaar.monitor.services import tables, values
from weerbaar.monitor.services.values import Value
from weerbaar.reports.services.evaluation.staggered import (
    EvaluationError,
    Observation,
    StaggeredResult,
    staggered_did,
)
from weerbaar.selection.services import selectors as programmes

if TYPE_CHECKING:
    from weerbaar.monitor.models import Indicator

#: the levels an evaluation runs on (neighbourhoods have too few years), with their code prefix
LEVEL_PREFIX = {level: tables.LEVEL_PREFIX[level] for level in ("gemeente", "wijk")}
#: comparison areas per programme area in the matched comparison
MATCHES = 3
#: measures describing size and urbanity for matching
SIZE, DENSITY = "kwb.totaal", "kwb.dichtheid"


@dataclass(frozen=True)
class YearPoint:
    year: int
    programme: float | None
    other: float | None  # NL (anchor) or the matched comparison areas

    @property
    def difference(self) -> float | None:
        if self.programme is None or self.other is None:
            return None
        return self.programme - self.other


@dataclass
class Evaluation:
    programme: str
    indicator: Indicator
    level: str
    years: list[int]
    treated: list[str]
    left_out_uncertain: list[str]
    anchor: list[YearPoint]
    matched: list[YearPoint]
    matched_pairs: dict[str, list[str]]
    matched_difference: float | None  # (after - before) programme minus comparison
    staggered: dict[str, StaggeredResult | str] = field(default_factory=dict)
    first_start: int | None = None


def _series(indicator: Indicator, level: str) -> tuple[dict[str, dict[int, float]], list[Value]]:
    prefix = LEVEL_PREFIX[level]
    result: dict[str, dict[int, float]] = {}
    of_level = [v for v in values.compute(indicator) if v.area_code.startswith(prefix)]
    for value in of_level:
        if value.value is not None:
            result.setdefault(value.area_code, {})[value.year] = value.value
    return result, of_level


def _together(indicator: Indicator, items: list[Value], codes: set[str], year: int) -> float | None:
    """Areas together, from counts where the indicator allows (never a mean of rates)."""
    chosen = [v for v in items if v.year == year and v.area_code in codes]
    if indicator.weight_measure:
        # areas without a weight (codes that no longer exist) cannot be weighed: left out
        weights = values.newest_values(indicator.weight_measure)
        chosen = [v for v in chosen if weights.get(v.area_code)]
    return values.aggregate(indicator, chosen, "samen", year).value


def _features(
    codes: list[str], series: dict[str, dict[int, float]], before: list[int]
) -> np.ndarray:
    """Per area: log size, log density, pre-period mean and trend (standardised later)."""
    size = values.newest_values(SIZE)
    density = values.newest_values(DENSITY)
    rows = []
    for code in codes:
        points = [(y, series[code][y]) for y in before]
        ys = np.array([p[1] for p in points])
        xs = np.array([p[0] for p in points], dtype=float)
        slope = float(np.polyfit(xs, ys, 1)[0]) if len(points) > 1 else 0.0
        rows.append(
            [
                math.log10(size.get(code) or 1.0),
                math.log10(density.get(code) or 1.0),
                float(ys.mean()),
                slope,
            ]
        )
    return np.array(rows)


def _match(
    treated: list[str], pool: list[str], series: dict[str, dict[int, float]], before: list[int]
) -> dict[str, list[str]]:
    """The ``MATCHES`` nearest comparison areas of each programme area (with replacement),
    on standardised size, urbanity, and level and trend of the outcome before the start."""
    if not pool or not before:
        return {}
    features = _features(treated + pool, series, before)
    spread = features.std(axis=0)
    spread[spread == 0] = 1.0
    z = (features - features.mean(axis=0)) / spread
    treated_z, pool_z = z[: len(treated)], z[len(treated) :]
    pairs = {}
    for index, code in enumerate(treated):
        distance = np.sqrt(((pool_z - treated_z[index]) ** 2).sum(axis=1))
        pairs[code] = [pool[i] for i in np.argsort(distance, kind="stable")[:MATCHES]]
    return pairs


def evaluate(
    slug: str, indicator: Indicator, level: str = "gemeente", *, include_uncertain: bool = True
) -> Evaluation:
    name = programmes.programme_name(slug)
    if name is None:
        raise EvaluationError(f"Programma '{slug}' bestaat niet of heeft geen deelnemers.")
    if level not in LEVEL_PREFIX or level not in indicator.levels:
        raise EvaluationError(f"{indicator.name} heeft geen waarden per {level}.")
    prefix = LEVEL_PREFIX[level]
    members = [p for p in programmes.participants(slug) if p.area_code.startswith(prefix)]
    uncertain = sorted(p.area_code for p in members if p.certainty == "onzeker")
    if not include_uncertain:
        members = [p for p in members if p.certainty != "onzeker"]
    starts = {p.area_code: p.start_year for p in members}
    series, items = _series(indicator, level)
    years = sorted({y for s in series.values() for y in s})
    complete = {code: s for code, s in series.items() if len(s) == len(years)}
    treated = sorted(code for code in starts if code in complete)
    if not treated:
        raise EvaluationError(
            f"Geen van de gebieden van {name} heeft waarden voor alle jaren van {indicator.name}."
        )
    first_start = min(starts[c] for c in treated)
    before = [y for y in years if y < first_start]
    # uncertain areas left out are no comparison areas either
    pool = sorted(c for c in complete if c not in starts and c not in uncertain)
    pairs = _match(treated, pool, complete, before)
    anchor, matched = [], []
    compared = {c for found in pairs.values() for c in found}
    everyone = set(complete)
    for year in years:
        together = _together(indicator, items, set(treated), year)
        anchor.append(YearPoint(year, together, _together(indicator, items, everyone, year)))
        matched.append(YearPoint(year, together, _together(indicator, items, compared, year)))
    difference = _difference(matched, first_start)
    result = Evaluation(
        name,
        indicator,
        level,
        years,
        treated,
        uncertain if not include_uncertain else [],
        anchor,
        matched,
        pairs,
        difference,
        first_start=first_start,
    )
    panel = [
        Observation(code, year, value, starts.get(code))
        for code, s in complete.items()
        if code not in uncertain or include_uncertain
        for year, value in s.items()
    ]
    for control in ("never_treated", "not_yet_treated"):
        try:
            result.staggered[control] = staggered_did(panel, control)
        except EvaluationError as exc:
            result.staggered[control] = str(exc)
    return result


def _difference(points: list[YearPoint], start: int) -> float | None:
    before = [
        p for p in points if p.year < start and p.programme is not None and p.other is not None
    ]
    after = [
        p for p in points if p.year >= start and p.programme is not None and p.other is not None
    ]
    if not before or not after:
        return None
    gap_before = sum((p.programme or 0) - (p.other or 0) for p in before) / len(before)
    gap_after = sum((p.programme or 0) - (p.other or 0) for p in after) / len(after)
    return gap_after - gap_before
