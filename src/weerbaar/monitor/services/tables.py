"""The indicator table (one indicator, one year, all areas of a level) and the area
profile (one area, every indicator), with rankings and comparison values."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db.models import Max

from weerbaar.areas.services import selectors as areas
from weerbaar.core import freshness
from weerbaar.monitor.models import DataVersion, Indicator, SeriesBreak, Status
from weerbaar.monitor.services import charts, comparisons, values
from weerbaar.monitor.services.comparisons import Ranking
from weerbaar.monitor.services.values import Value

LEVEL_PREFIX = {"provincie": "PV", "gemeente": "GM", "wijk": "WK", "buurt": "BU"}


@dataclass
class Row:
    code: str
    name: str
    value: Value
    ranking: Ranking | None
    relative: str = ""  # "relatief veel" …, set where the classes are known


@dataclass
class IndicatorTable:
    indicator: Indicator
    level: str
    year: int | None
    years: list[int]
    rows: list[Row]
    parent: str | None = None
    parent_value: Value | None = None
    national: Value | None = None
    summary: dict[str, float] = field(default_factory=dict)
    #: every area of the level in the country (the reference for ranks and classes)
    everywhere: list[Value] = field(default_factory=list)


def _of_level(items: list[Value], level: str) -> list[Value]:
    prefix = LEVEL_PREFIX[level]
    return [v for v in items if v.area_code.startswith(prefix)]


#: the name under which ``core.freshness`` keeps the data stamp (``caches.clear`` forgets it)
DATA_STAMP = "monitor.data"


def stamp_seconds() -> float:
    """How long a process reuses what it read of the monitor's data and catalogue."""
    return float(getattr(settings, "WEERBAAR_DATA_STAMP_SECONDS", 2.0))


def data_stamp() -> tuple[int, int]:
    """Changes whenever an import changes values: the key of the level cache below. Read
    at most every ``WEERBAAR_DATA_STAMP_SECONDS``: its two queries were most of the time
    of a values request served from memory."""
    return freshness.fresh(DATA_STAMP, _read_data_stamp, stamp_seconds())


def _read_data_stamp() -> tuple[int, int]:
    newest = DataVersion.objects.aggregate(newest=Max("id"))["newest"] or 0
    return newest, SeriesBreak.objects.count()


def _definition(indicator: Indicator) -> tuple:
    """Every field that changes an indicator's values: part of each cache key below, so a
    catalogue change without new data is not served from the cache."""
    return (
        indicator.numerator,
        indicator.denominator,
        indicator.scale,
        indicator.weight_measure,
        indicator.aggregation,
        indicator.denominator_years_apart,
        indicator.class_measure,
    )


def level_values(
    indicator: Indicator, year: int, level: str
) -> tuple[list[Value], dict[str, Ranking]]:
    """All values of one level in one year with their rankings (cached per data version)."""
    return _level_values(indicator, _definition(indicator), year, level, data_stamp())


@lru_cache(maxsize=1024)
def _level_values(
    indicator: Indicator, definition: tuple, year: int, level: str, stamp: tuple[int, int]
) -> tuple[list[Value], dict[str, Ranking]]:
    everywhere = _of_level(values.compute(indicator, years=[year]), level)
    return everywhere, comparisons.rank_values(everywhere)


def _quintiles(indicator: Indicator, year: int, level: str) -> dict[str, str]:
    return _cached_quintiles(indicator, _definition(indicator), year, level, data_stamp())


@lru_cache(maxsize=1024)
def _cached_quintiles(
    indicator: Indicator, definition: tuple, year: int, level: str, stamp: tuple[int, int]
) -> dict[str, str]:
    return charts.quantile_classes(level_values(indicator, year, level)[0])[0]


def national_value(indicator: Indicator, year: int, level: str) -> Value:
    """All areas of a level together (from counts), cached like the level's values."""
    return _cached_national(indicator, _definition(indicator), year, level, data_stamp())


@lru_cache(maxsize=1024)
def _cached_national(
    indicator: Indicator, definition: tuple, year: int, level: str, stamp: tuple[int, int]
) -> Value:
    label = (
        "NL00"
        if level == "gemeente"
        else f"Alle {comparisons.PLURAL[level]} in Nederland met een waarde"
    )
    return values.aggregate(indicator, level_values(indicator, year, level)[0], label, year)


def latest_year_with_values(indicator: Indicator, level: str) -> int | None:
    for year in reversed(values.years_available(indicator)):
        if any(v.has_value for v in level_values(indicator, year, level)[0]):
            return year
    return None


def indicator_table(
    indicator: Indicator,
    *,
    level: str = "gemeente",
    year: int | None = None,
    parent: str | None = None,
) -> IndicatorTable:
    years = values.years_available(indicator)
    if year is None or year not in years:
        year = latest_year_with_values(indicator, level)
    if year is None:
        return IndicatorTable(indicator, level, None, years, [])
    everywhere, rankings = level_values(indicator, year, level)
    shown = everywhere
    parent_value = None
    if parent:
        members = set(areas.descendant_codes(parent, level))
        shown = [v for v in everywhere if v.area_code in members]
        parent_value = values.aggregate(indicator, shown, parent, year)
    names = areas.names(v.area_code for v in shown)
    rows = [
        Row(v.area_code, names.get(v.area_code, v.area_code), v, rankings.get(v.area_code))
        for v in shown
    ]
    present = [v.value for v in everywhere if v.value is not None]
    summary = {}
    if len(present) >= 2:
        quartiles = statistics.quantiles(present, n=4)
        summary = {
            "min": min(present),
            "p25": quartiles[0],
            "median": quartiles[1],
            "p75": quartiles[2],
            "max": max(present),
        }
    return IndicatorTable(
        indicator,
        level,
        year,
        years,
        rows,
        parent,
        parent_value,
        national_value(indicator, year, level),
        summary,
        everywhere,
    )


def sort_rows(rows: list[Row], key: str, descending: bool) -> list[Row]:
    if key == "naam":
        return sorted(rows, key=lambda r: r.name.casefold(), reverse=descending)
    if key == "code":
        return sorted(rows, key=lambda r: r.code, reverse=descending)
    present = [r for r in rows if r.value.value is not None]
    missing = [r for r in rows if r.value.value is None]
    present.sort(key=lambda r: (r.value.value or 0, r.code), reverse=descending)
    return present + sorted(missing, key=lambda r: r.code)


@dataclass
class ProfileLine:
    indicator: Indicator
    year: int | None
    value: Value | None
    ranking: Ranking | None
    series: list[Value]
    sentence: str
    #: (label, aggregated value) for the province, custom regions, peers and the Netherlands
    comparisons: list[tuple[str, Value]] = field(default_factory=list)
    change_1: float | None = None
    change_5: float | None = None
    average_3: float | None = None
    #: the rank among the areas of the same level in the same municipality (wijk, buurt)
    local_ranking: Ranking | None = None
    local_label: str = ""
    #: "relatief veel" … "relatief weinig": the quintile among all areas of the level
    relative: str = ""


def comparison_groups(
    area_code: str, level: str, peer_codes: list[str]
) -> list[tuple[str, list[str] | None]]:
    """What an area is compared with; None members means all areas of its level.

    A municipality: its province, its custom regions, similar municipalities, the
    Netherlands. A district or neighbourhood: its municipality (from the districts or
    neighbourhoods, so the figure is of the same kind) and all of its level in the country.
    """
    plural = comparisons.PLURAL.get(level, level)
    if level in {"wijk", "buurt"}:
        municipality = "GM" + area_code[2:6]
        name = areas.names([municipality]).get(municipality, municipality)
        return [
            (f"{name} (gemeente, uit de {plural})", areas.descendant_codes(municipality, level)),
            (f"Alle {plural} in Nederland met een waarde", None),
        ]
    if level != "gemeente":
        return []
    groups: list[tuple[str, list[str] | None]] = []
    area = areas.find_area(area_code)
    if area is not None and area.parent is not None:
        groups.append((f"{area.parent.name} (provincie)", areas.sibling_codes(area_code)))
    groups.extend((f"{name} (regio)", members) for name, members in areas.regions_of(area_code))
    if peer_codes:
        groups.append(("Vergelijkbare gemeenten", peer_codes))
    groups.append(("Nederland", None))
    return groups


def area_profile(area_code: str, level: str) -> tuple[list[ProfileLine], list[str]]:
    """Every indicator available for the area's level, and the peer group used."""
    peer_codes = comparisons.peers(area_code) if level == "gemeente" else []
    groups = comparison_groups(area_code, level, peer_codes)
    local_codes = groups[0][1] if level in {"wijk", "buurt"} else None
    lines = []
    indicators = [i for i in Indicator.objects.all() if level in i.levels]
    all_series = values.series_for_area(indicators, area_code)
    name = areas.names([area_code]).get(area_code, area_code)
    for indicator in indicators:
        series = all_series[indicator.code]
        with_value = [v for v in series if v.status != Status.MISSING or v.numerator is not None]
        latest = next(
            (v for v in reversed(series) if v.value is not None),
            with_value[-1] if with_value else None,
        )
        if latest is None:
            lines.append(ProfileLine(indicator, None, None, None, series, ""))
            continue
        everywhere, rankings = level_values(indicator, latest.year, level)
        text = ""
        if latest.value is not None:
            text = comparisons.sentence(
                indicator, name, latest.value, everywhere, latest.year, level
            )
        line = ProfileLine(indicator, latest.year, latest, rankings.get(area_code), series, text)
        line.change_1 = values.change(series, latest.year, 1)
        line.change_5 = values.change(series, latest.year, 5)
        line.average_3 = values.multi_year_average(series, latest.year, 3)
        by_code = {v.area_code: v for v in everywhere}
        line.relative = charts.relative_word(
            _quintiles(indicator, latest.year, level).get(area_code, ""), indicator.unit
        )
        if local_codes:
            local = [by_code[c] for c in local_codes if c in by_code]
            line.local_ranking = comparisons.rank_values(local).get(area_code)
            line.local_label = groups[0][0].split(" (", 1)[0]
        for label, members in groups:
            if members is None:
                line.comparisons.append((label, national_value(indicator, latest.year, level)))
                continue
            chosen = [by_code[c] for c in members if c in by_code]
            line.comparisons.append(
                (label, values.aggregate(indicator, chosen, label, latest.year))
            )
        lines.append(line)
    return lines, peer_codes


@dataclass(frozen=True)
class OverviewRow:
    line: ProfileLine
    anchor: str
    #: "gunstig", "ongunstig", "midden", "hoog", "laag" or "" (no ranking)
    standing: str


def _standing(line: ProfileLine) -> str:
    """Where the area stands, in a word, from its percentile and the indicator's direction:
    the top or bottom quarter of all areas, or around the middle."""
    if line.ranking is None:
        return ""
    percentile = line.ranking.percentile
    high, low = percentile >= 75, percentile <= 25
    direction = comparisons.higher_means(line.indicator)
    if direction == "worse":
        return "ongunstig" if high else "gunstig" if low else "midden"
    if direction == "better":
        return "gunstig" if high else "ongunstig" if low else "midden"
    return "hoog" if high else "laag" if low else "midden"


def profile_overview(lines: list[ProfileLine]) -> list[tuple[str, list[OverviewRow]]]:
    """The profile's first screen: per theme, each indicator in one row with where the area
    stands; the anchors lead to the detailed sections below."""
    themes: dict[str, list[OverviewRow]] = {}
    for number, line in enumerate(lines, start=1):
        row = OverviewRow(line, f"ind-{number}", _standing(line))
        themes.setdefault(line.indicator.theme or "Overig", []).append(row)
    return list(themes.items())
