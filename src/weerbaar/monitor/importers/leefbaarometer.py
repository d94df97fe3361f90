"""Leefbaarometer 3.0: scores per district 2002-2022 (with a municipal approximation derived
from them), and the official scores per municipality and neighbourhood of 2024."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from weerbaar.monitor.importers.base import (
    FileSource,
    MatchingFiles,
    Record,
    area_code,
    csv_rows,
    parse_value,
    year_of,
)
from weerbaar.monitor.models import Method, Observation, Status

SCORES = ["lbm", "afw", "fys", "onv", "soc", "vrz", "won"]
#: weights for the municipal figure: district population from KWB
WEIGHT_MEASURE = "kwb.totaal"


class LeefbaarometerSource(MatchingFiles):
    """``leefbaarometer3_wijk_*.csv``.

    The municipal value is the population-weighted mean of its districts' scores. Weights
    are the KWB populations on 1 January of the newest KWB year; districts whose code no
    longer exists then carry no weight. The official municipal score (100 m grid weighted by
    dwellings) may differ; the catalogue says so.
    """

    name = "leefbaarometer"
    table_id = "Leefbaarometer 3.0"
    location = FileSource("leefbaarometer", r"leefbaarometer3_wijk.*\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        districts: list[Record] = []
        for line, row in csv_rows(path, ["wk_code", "jaar", *SCORES]):
            code = area_code(path, line, row["wk_code"])
            year = year_of(path, line, row["jaar"])
            for score in SCORES:
                value, status = parse_value(path, line, score, row[score])
                record = Record(f"leefbaarometer.{score}", code, year, value, status)
                districts.append(record)
                yield record
        yield from municipal_means(districts, district_weights())


def district_weights() -> dict[str, float]:
    newest = (
        Observation.objects.filter(measure=WEIGHT_MEASURE, area_code__startswith="WK")
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if newest is None:
        return {}
    rows = Observation.objects.filter(
        measure=WEIGHT_MEASURE, year=newest, area_code__startswith="WK", value__isnull=False
    )
    return {code: value for code, value in rows.values_list("area_code", "value") if value}


def municipal_means(districts: list[Record], weights: dict[str, float]) -> Iterator[Record]:
    """Population-weighted mean per municipality, measure and year, over districts with a
    value and a weight. Missing when no district qualifies."""
    sums: dict[tuple[str, str, int], list[float]] = defaultdict(lambda: [0.0, 0.0])
    seen: set[tuple[str, str, int]] = set()
    for record in districts:
        key = (record.measure, "GM" + record.area_code[2:6], record.year)
        seen.add(key)
        weight = weights.get(record.area_code)
        if record.value is None or not weight:
            continue
        sums[key][0] += record.value * weight
        sums[key][1] += weight
    for key in sorted(seen):
        measure, code, year = key
        total, weight = sums.get(key, (0.0, 0.0))
        if weight:
            yield Record(measure, code, year, total / weight, Status.FINAL, Method.DISTRICT_MEAN)
        else:
            yield Record(measure, code, year, None, Status.MISSING, Method.DISTRICT_MEAN)


#: deviation columns of the 2024 files, and their published class (1-9) columns
DEVIATIONS = ["afw", "fys", "onv", "soc", "vrz", "won"]
CLASSES = ["kscore", *(f"k{name}" for name in DEVIATIONS)]


class Leefbaarometer2024Source(MatchingFiles):
    """``leefbaarometer3_gemeente_2024.csv`` and ``leefbaarometer3_buurt_2024.csv``: the
    official scores (deviations from the national average) and classes 1-9 of meting 2024.

    For municipalities these replace the approximation: BZK computes them from the 100 m grid
    weighted by dwellings, which an average of districts cannot reproduce.
    """

    name = "leefbaarometer-2024"
    table_id = "Leefbaarometer 3.0 meting 2024"
    location = FileSource("leefbaarometer", r"leefbaarometer3_(gemeente|buurt)_\d{4}\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        key = "gm_code" if "_gemeente_" in path.name else "bu_code"
        for line, row in csv_rows(path, [key, "year", *DEVIATIONS, *CLASSES]):
            code = area_code(path, line, row[key])
            year = year_of(path, line, row["year"])
            for column in [*DEVIATIONS, *CLASSES]:
                value, status = parse_value(path, line, column, row[column])
                yield Record(f"leefbaarometer.{column}", code, year, value, status)
