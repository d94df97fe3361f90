"""How registered crime goes together with enforcement effort, per municipality and year:
a rank correlation and a panel regression with fixed effects for municipality and year
(standard errors clustered per municipality). A description of co-movement, never an
effect: more inspections find more crime, and effort follows the problems."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from weerbaar.monitor.services import values
from weerbaar.reports.services import effort as effort_series

if TYPE_CHECKING:
    from weerbaar.monitor.models import Indicator

MIN_PAIRS = 10
MIN_UNITS = 3
FEW_CLUSTERS = 30


@dataclass(frozen=True)
class Correlation:
    rho: float
    p_value: float
    pairs: int


@dataclass(frozen=True)
class Panel:
    coefficient: float
    std_error: float
    lower: float
    upper: float
    p_value: float
    pairs: int
    units: int
    years: int


@dataclass
class Relation:
    pairs: list[tuple[str, int, float, float]]
    correlation: Correlation | None = None
    panel: Panel | None = None
    problems: list[str] = field(default_factory=list)


def relate(effort: dict[tuple[str, int], float], outcome: dict[tuple[str, int], float]) -> Relation:
    """Only (municipality, year) pairs with both an effort and an outcome count."""
    pairs = sorted(
        (code, year, effort[(code, year)], value)
        for (code, year), value in outcome.items()
        if (code, year) in effort and math.isfinite(value)
    )
    relation = Relation(pairs)
    units = {p[0] for p in pairs}
    years = {p[1] for p in pairs}
    if len(pairs) < MIN_PAIRS or len(units) < MIN_UNITS:
        relation.problems.append(
            f"Te weinig gemeente-jaren met zowel inzet als cijfer ({len(pairs)} in "
            f"{len(units)} gemeenten; nodig: {MIN_PAIRS} in {MIN_UNITS})."
        )
        return relation
    relation.correlation = _spearman(pairs)
    if len(years) < 2:
        relation.problems.append("Eén jaar: een panelregressie heeft minstens twee jaren nodig.")
        return relation
    relation.panel = _panel(pairs)
    if relation.panel is None:
        relation.problems.append(
            "De inzet verandert binnen gemeenten niet genoeg om een panelregressie te schatten."
        )
    elif len(units) < FEW_CLUSTERS:
        relation.problems.append(
            f"Maar {len(units)} gemeenten: geclusterde standaardfouten zijn dan onzeker."
        )
    return relation


def _spearman(pairs: list[tuple[str, int, float, float]]) -> Correlation | None:
    from scipy import stats

    x = [p[2] for p in pairs]
    y = [p[3] for p in pairs]
    if len(set(x)) < 2 or len(set(y)) < 2:
        return None
    result = stats.spearmanr(x, y)
    return Correlation(float(result.statistic), float(result.pvalue), len(pairs))


def _panel(pairs: list[tuple[str, int, float, float]]) -> Panel | None:
    import numpy as np
    import pandas as pd
    import statsmodels.formula.api as smf

    frame = pd.DataFrame(pairs, columns=["unit", "year", "effort", "outcome"])
    within = frame["effort"] - frame.groupby("unit")["effort"].transform("mean")
    if float(np.abs(within).max()) == 0.0:
        return None
    groups = frame["unit"].astype("category").cat.codes
    fitted = smf.ols("outcome ~ effort + C(unit) + C(year)", data=frame).fit(
        cov_type="cluster", cov_kwds={"groups": groups}
    )
    low, high = fitted.conf_int().loc["effort"]
    return Panel(
        float(fitted.params["effort"]),
        float(fitted.bse["effort"]),
        float(low),
        float(high),
        float(fitted.pvalues["effort"]),
        len(frame),
        frame["unit"].nunique(),
        frame["year"].nunique(),
    )


def relation_for(slug: str, indicator: Indicator) -> Relation:
    effort = effort_series.series_values(slug)
    if not effort:
        return Relation([], problems=["Deze reeks heeft nog geen waarden."])
    codes = sorted({code for code, _ in effort})
    years = sorted({year for _, year in effort})
    outcome = {
        (v.area_code, v.year): v.value
        for v in values.compute(indicator, codes=codes, years=years)
        if v.value is not None
    }
    return relate(effort, outcome)
