"""Detect municipal redivisions from the population series, to know from which year a
municipality has its current territory.

Police counts are published in the current division for every year, the population in
the division of each year. A rate is only right where both divisions agree. Rule, per
municipality of the newest year:

- it appears under its code only from year Y (a new municipality): break at Y;
- in a year Y in which other municipalities were dissolved, its population grew by more
  than max(1,000; 2.5 %) compared with Y-1 (it absorbed all or part of one): break at Y.

The newest such Y counts. The rule errs towards flagging: natural growth of over 2.5 %
in a redivision year is also taken as a break, which withholds a rate rather than
showing a wrong one.
"""

from __future__ import annotations

from collections import defaultdict

from weerbaar.monitor.models import Observation, SeriesBreak

POPULATION = "bevolking.gemiddeld"
MIN_JUMP = 1000
MIN_JUMP_SHARE = 0.025


def detect_breaks(series: dict[str, dict[int, float]]) -> dict[str, tuple[int, str]]:
    """code -> (first year with the current territory, reason)."""
    if not series:
        return {}
    newest = max(year for values in series.values() for year in values)
    first = min(year for values in series.values() for year in values)
    dissolved_in: dict[int, list[str]] = defaultdict(list)
    for code, values in series.items():
        last = max(values)
        if last < newest:
            dissolved_in[last + 1].append(code)
    result: dict[str, tuple[int, str]] = {}
    for code, values in series.items():
        if newest not in values:
            continue
        start = min(values)
        if start > first:
            result[code] = (start, f"gemeente bestaat met deze code sinds {start}")
        for year in sorted(dissolved_in):
            before, after = values.get(year - 1), values.get(year)
            if before is None or after is None:
                continue
            if after - before > max(MIN_JUMP, MIN_JUMP_SHARE * before):
                names = ", ".join(sorted(dissolved_in[year])[:5])
                result[code] = (
                    year,
                    f"inwonertal sprong in {year} (herindeling; opgeheven: {names})",
                )
    return result


def rebuild_breaks() -> int:
    series: dict[str, dict[int, float]] = defaultdict(dict)
    rows = Observation.objects.filter(measure=POPULATION, value__isnull=False).values_list(
        "area_code", "year", "value"
    )
    for code, year, value in rows:
        if value is not None:
            series[code][year] = value
    breaks = detect_breaks(series)
    SeriesBreak.objects.all().delete()
    SeriesBreak.objects.bulk_create(
        SeriesBreak(area_code=code, year=year, reason=reason[:200])
        for code, (year, reason) in breaks.items()
    )
    return len(breaks)
