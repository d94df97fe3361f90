"""Derived values, computed in this one place: rates from counts (denominator kept),
statuses combined, aggregates for provinces, regions and the Netherlands from counts and
populations (never by averaging rates), multi-year averages and changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from django.conf import settings
from django.db.models import Max

from weerbaar.monitor.models import (
    Aggregation,
    DataVersion,
    Indicator,
    Method,
    Observation,
    SeriesBreak,
    Status,
)
from weerbaar.monitor.models.observation import WITH_VALUE

#: when two inputs differ, the status shown is the most limiting one
_STATUS_ORDER = [
    Status.SECRET,
    Status.SMALL,
    Status.MISSING,
    Status.REDIVISION,
    Status.PROVISIONAL,
    Status.NIL,
    Status.FINAL,
]

#: measures published in the newest municipal division for every year
FIXED_DIVISION_PREFIXES = ("misdrijven.",)


@dataclass(frozen=True)
class Value:
    area_code: str
    year: int
    value: float | None
    numerator: float | None
    denominator: float | None
    status: str
    note: str = ""
    #: the published class 1-9 of this value, when the indicator has one
    klass: int | None = None

    @property
    def has_value(self) -> bool:
        return self.value is not None


_STATUS_RANK = {str(status): index for index, status in enumerate(_STATUS_ORDER)}


def combine_status(*statuses: str) -> str:
    return min(statuses, key=_STATUS_RANK.__getitem__)


Observed = dict[tuple[str, int], tuple[float | None, str, str]]


def _observations(
    measure: str, codes: Iterable[str] | None, years: Iterable[int] | None
) -> Observed:
    queryset = Observation.objects.filter(measure=measure)
    if codes is not None:
        queryset = queryset.filter(area_code__in=list(codes))
    if years is not None:
        queryset = queryset.filter(year__in=list(years))
    return {
        (code, year): (value, status, method)
        for code, year, value, status, method in queryset.values_list(
            "area_code", "year", "value", "status", "method"
        )
    }


def _breaks(codes: Iterable[str] | None) -> dict[str, tuple[int, str]]:
    queryset = SeriesBreak.objects.all()
    if codes is not None:
        queryset = queryset.filter(area_code__in=list(codes))
    return {b.area_code: (b.year, b.reason) for b in queryset}


def compute(
    indicator: Indicator, *, codes: Sequence[str] | None = None, years: Sequence[int] | None = None
) -> list[Value]:
    """Values of ``indicator`` for the given area codes and years (None: all there are)."""
    numerators = _observations(indicator.numerator, codes, years)
    apart = indicator.denominator_years_apart
    wider = (
        None if years is None else sorted({y + d for y in years for d in range(-apart, apart + 1)})
    )
    denominators = (
        _observations(indicator.denominator, codes, wider) if indicator.denominator else {}
    )
    fixed = indicator.numerator.startswith(FIXED_DIVISION_PREFIXES)
    breaks = _breaks(codes) if fixed and indicator.denominator else {}
    result = combine(indicator, numerators, denominators, breaks)
    return with_classes(indicator, result, codes, years)


def with_classes(
    indicator: Indicator,
    result: list[Value],
    codes: Sequence[str] | None,
    years: Sequence[int] | None,
) -> list[Value]:
    """Attach the published class (1-9) to each value of an indicator that has one."""
    if not indicator.class_measure:
        return result
    published = _observations(indicator.class_measure, codes, years)
    return [_with_class(v, published) for v in result]


def _with_class(value: Value, published: Observed) -> Value:
    found = published.get((value.area_code, value.year))
    if found is None or found[0] is None:
        return value
    return replace(value, klass=int(found[0]))


def series_for_area(indicators: Sequence[Indicator], code: str) -> dict[str, list[Value]]:
    """Every year of every indicator for one area, from one query (the profile page)."""
    observed: dict[str, Observed] = defaultdict(dict)
    rows = Observation.objects.filter(area_code=code).values_list(
        "measure", "year", "value", "status", "method"
    )
    for measure, year, value, status, method in rows:
        observed[measure][(code, year)] = (value, status, method)
    breaks = _breaks([code])
    result = {}
    for i in indicators:
        series = combine(
            i, observed[i.numerator], observed[i.denominator] if i.denominator else {}, breaks
        )
        if i.class_measure:
            series = [_with_class(v, observed[i.class_measure]) for v in series]
        result[i.code] = series
    return result


def combine(
    indicator: Indicator,
    numerators: Observed,
    denominators: Observed,
    breaks: dict[str, tuple[int, str]],
) -> list[Value]:
    """Observations to values: counts as they are, rates as count / population x scale.

    A rate over fewer than ``WEERBAAR_MONITOR_MIN_DENOMINATOR`` inhabitants is suppressed
    (status "te klein", apart from missing and from zero); one from fewer than
    ``WEERBAAR_MONITOR_MIN_NUMERATOR`` cases keeps its value with a warning.
    """
    if not indicator.denominator:
        return [
            Value(code, year, value, value, None, status, method_note(method))
            for (code, year), (value, status, method) in sorted(numerators.items())
        ]
    if not indicator.numerator.startswith(FIXED_DIVISION_PREFIXES):
        breaks = {}
    minimum_denominator = settings.WEERBAAR_MONITOR_MIN_DENOMINATOR
    minimum_numerator = settings.WEERBAAR_MONITOR_MIN_NUMERATOR
    result = []
    for (code, year), (count, count_status, count_method) in sorted(numerators.items()):
        denominator_year = _denominator_year(
            denominators, code, year, indicator.denominator_years_apart
        )
        population, population_status, population_method = denominators.get(
            (code, denominator_year), (None, Status.MISSING, "")
        )
        notes = [method_note(count_method), method_note(population_method)]
        if denominator_year != year:
            notes.append(f"noemer uit {denominator_year} (dichtstbijzijnde jaar)")
        broken = breaks.get(code)
        if broken and year < broken[0]:
            note = (
                f"Niet vergelijkbaar: {broken[1]}; vóór {broken[0]} geen inwonertal "
                "in dezelfde indeling."
            )
            result.append(Value(code, year, None, count, None, Status.REDIVISION, note))
            continue
        status = combine_status(count_status, population_status)
        rate = None
        if status in WITH_VALUE and population is not None and population < minimum_denominator:
            status = Status.SMALL
            notes.append(f"minder dan {minimum_denominator} in de noemer: niet getoond")
        elif status in WITH_VALUE and count is not None and population:
            rate = count / population * indicator.scale
            if count < minimum_numerator:
                notes.append(f"berekend uit minder dan {minimum_numerator} gevallen: onzeker")
        elif status in WITH_VALUE:
            status = Status.MISSING
        note = "; ".join(n for n in notes if n)
        result.append(Value(code, year, rate, count, population, status, note))
    return result


def _denominator_year(denominators: Observed, code: str, year: int, apart: int) -> int:
    """The year whose denominator is used: the same year, else the nearest within ``apart``
    years (the later one first: 1 January of the next year closes the year counted)."""
    if (code, year) in denominators or not apart:
        return year
    for distance in range(1, apart + 1):
        for candidate in (year + distance, year - distance):
            if (code, candidate) in denominators:
                return candidate
    return year


def method_note(method: str) -> str:
    """The note shown beside a value Weerbaar derived itself; "" for published values."""
    return str(Method(method).label) if method else ""


def years_available(indicator: Indicator) -> list[int]:
    return sorted(
        set(Observation.objects.filter(measure=indicator.numerator).values_list("year", flat=True))
    )


def aggregate(indicator: Indicator, members: Sequence[Value], area_code: str, year: int) -> Value:
    """One value for a set of areas, from counts. Missing when any member lacks its inputs."""
    if not members or indicator.aggregation == Aggregation.NONE:
        return Value(
            area_code,
            year,
            None,
            None,
            None,
            Status.MISSING,
            "niet op te tellen" if members else "",
        )
    # a suppressed small area still has its counts: they add up like any other
    status = combine_status(
        *(Status.FINAL if m.status == Status.SMALL else m.status for m in members)
    )
    if status not in WITH_VALUE:
        return Value(
            area_code, year, None, None, None, status, "niet alle gebieden hebben een waarde"
        )
    if indicator.aggregation == Aggregation.SUM:
        total = sum(m.numerator or 0 for m in members)
        return Value(area_code, year, total, total, None, status)
    if indicator.aggregation == Aggregation.RATIO:
        numerator = sum(m.numerator or 0 for m in members)
        denominator = sum(m.denominator or 0 for m in members)
        rate = numerator / denominator * indicator.scale if denominator else None
        return Value(
            area_code,
            year,
            rate,
            numerator,
            denominator,
            status if rate is not None else Status.MISSING,
        )
    newest = newest_weights(indicator.weight_measure, _stamp())
    pairs = [(m.value, newest.get(m.area_code)) for m in members]
    if any(value is None or not weight for value, weight in pairs):
        return Value(
            area_code, year, None, None, None, Status.MISSING, "gewicht ontbreekt voor een gebied"
        )
    total_weight = sum(weight for _, weight in pairs if weight)
    mean = sum((value or 0) * (weight or 0) for value, weight in pairs) / total_weight
    return Value(area_code, year, mean, None, total_weight, status)


def _stamp() -> int:
    return DataVersion.objects.aggregate(newest=Max("id"))["newest"] or 0


@lru_cache(maxsize=16)
def newest_weights(measure: str, stamp: int) -> dict[str, float]:
    """Per area its newest non-zero value of ``measure`` (cached per data version)."""
    result: dict[str, float] = {}
    rows = Observation.objects.filter(measure=measure, value__gt=0).order_by("year")
    for code, weight in rows.values_list("area_code", "value"):
        if weight:
            result[code] = weight
    return result


def newest_values(measure: str) -> dict[str, float]:
    """Per area its newest non-zero value of ``measure`` (size and density for matching)."""
    return newest_weights(measure, _stamp())


def multi_year_average(series: Sequence[Value], end_year: int, years: int) -> float | None:
    """Mean of the values over ``years`` years ending with ``end_year``; None when one lacks."""
    window = [v for v in series if end_year - years < v.year <= end_year]
    if len(window) != years or any(v.value is None for v in window):
        return None
    return sum(v.value or 0 for v in window) / years


def change(series: Sequence[Value], year: int, years_back: int = 1) -> float | None:
    """Difference in value between ``year`` and ``years_back`` years earlier."""
    by_year = {v.year: v.value for v in series}
    now, before = by_year.get(year), by_year.get(year - years_back)
    return None if now is None or before is None else now - before


def by_year(values: Iterable[Value]) -> dict[int, list[Value]]:
    result: dict[int, list[Value]] = defaultdict(list)
    for value in values:
        result[value.year].append(value)
    return result
