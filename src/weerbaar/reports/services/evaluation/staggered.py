"""Difference-in-differences with staggered starts (Callaway & Sant'Anna 2021), through
the maintained ``differences`` package: group-time effects ATT(g,t), their event-study
aggregation with pre-periods, an overall effect, and a pre-trend test.

Areas whose programme started in or before the first year of the panel have no year before
the start; they cannot be compared before and after and are left out (and listed). The
reference ``did`` package once used such units silently as not-yet-treated controls; the
test suite keeps a case for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:  # pandas (76 MB) is loaded only when an evaluation is estimated
    import pandas as pd

Control = Literal["never_treated", "not_yet_treated"]

CONTROL_WORDS = {
    "never_treated": "gebieden die nooit meededen",
    "not_yet_treated": "gebieden die (nog) niet meededen",
}


class EvaluationError(ValueError):
    """One sentence for the analyst: why this comparison cannot be made."""


@dataclass(frozen=True)
class Observation:
    unit: str
    year: int
    outcome: float
    #: first year in the programme; None for an area that never took part
    start: int | None


@dataclass(frozen=True)
class Estimate:
    att: float
    std_error: float
    lower: float
    upper: float

    @property
    def excludes_zero(self) -> bool:
        return self.lower > 0 or self.upper < 0


@dataclass(frozen=True)
class GroupTime:
    cohort: int
    year: int
    estimate: Estimate


@dataclass(frozen=True)
class EventTime:
    relative: int  # years since the start; negative: before
    estimate: Estimate


@dataclass(frozen=True)
class PreTrend:
    """Joint test that every pre-period effect is zero (chi-square, treating the
    pre-period estimates as independent: an approximation, stated on the page)."""

    statistic: float
    degrees: int
    p_value: float


@dataclass
class StaggeredResult:
    control: Control
    overall: Estimate
    group_time: list[GroupTime]
    event: list[EventTime]
    pre_trend: PreTrend | None
    units: int
    treated_units: int
    left_out: list[str] = field(default_factory=list)
    confidence: float = 0.95


def _estimate(row: pd.Series) -> Estimate:
    values = row.to_numpy(dtype=float)
    return Estimate(float(values[0]), float(values[1]), float(values[2]), float(values[3]))


def panel_frame(observations: Iterable[Observation]) -> tuple[pd.DataFrame, list[str]]:
    import pandas as pd

    """A balanced panel for the estimator, without the areas that started in or before
    the first year (returned by name)."""
    rows = [(o.unit, o.year, o.outcome, o.start) for o in observations]
    if not rows:
        raise EvaluationError("Er zijn geen waarden om te vergelijken.")
    frame = pd.DataFrame(rows, columns=["unit", "year", "outcome", "start"])
    frame = frame.dropna(subset=["outcome"])
    years = sorted(frame["year"].unique())
    complete = frame.groupby("unit")["year"].nunique() == len(years)
    frame = frame[frame["unit"].isin(complete[complete].index)]
    first = years[0]
    always = sorted(frame.loc[frame["start"].notna() & (frame["start"] <= first), "unit"].unique())
    frame = frame[~frame["unit"].isin(always)].copy()
    frame["start"] = frame["start"].astype(float)
    # a start after the last year is, within this panel, never treated
    frame.loc[frame["start"] > years[-1], "start"] = np.nan
    return frame.set_index(["unit", "year"]).sort_index(), [str(u) for u in always]


def staggered_did(
    observations: Iterable[Observation], control: Control = "never_treated", alpha: float = 0.05
) -> StaggeredResult:
    """Group-time effects with the chosen controls, their event study and overall effect."""
    from differences import ATTgt

    frame, left_out = panel_frame(observations)
    treated = frame["start"].notna().groupby(level="unit").first()
    if not treated.any():
        raise EvaluationError("Geen van de gebieden begon binnen de jaren met waarden.")
    if control == "never_treated" and treated.all():
        raise EvaluationError(
            "Er zijn geen gebieden die nooit meededen; kies 'nog niet meegedaan' als vergelijking."
        )
    model = ATTgt(data=frame, cohort_column="start")
    result = model.fit(
        formula="outcome", control_group=control, alpha=alpha, n_jobs=1, progress_bar=False
    )
    del result
    group_time = []
    for (cohort, _base, year), row in model.results().iterrows():
        group_time.append(GroupTime(int(cohort), int(year), _estimate(row.iloc[:4])))
    event_frame = model.aggregate("event", alpha=alpha)
    event = [
        EventTime(int(relative), _estimate(row.iloc[:4]))
        for relative, row in event_frame.iterrows()
    ]
    simple = model.aggregate("simple", alpha=alpha)
    overall = _estimate(simple.iloc[0, :4])
    return StaggeredResult(
        control=control,
        overall=overall,
        group_time=group_time,
        event=event,
        pre_trend=pre_trend([e for e in event if e.relative < 0]),
        units=int(treated.size),
        treated_units=int(treated.sum()),
        left_out=left_out,
        confidence=1 - alpha,
    )


def pre_trend(before: list[EventTime]) -> PreTrend | None:
    usable = [e for e in before if e.estimate.std_error > 0 and math.isfinite(e.estimate.att)]
    if not usable:
        return None
    from scipy import stats  # here, not at the top: a server process need not hold scipy

    statistic = sum((e.estimate.att / e.estimate.std_error) ** 2 for e in usable)
    return PreTrend(statistic, len(usable), float(stats.chi2.sf(statistic, len(usable))))
