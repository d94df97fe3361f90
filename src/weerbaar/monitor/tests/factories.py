"""Monitor data for tests: the real catalogue, and observations written by the test."""

from __future__ import annotations

from weerbaar.core.imports import EntityCount
from weerbaar.monitor.importers.catalogue import sync_catalogue
from weerbaar.monitor.models import DataVersion, Indicator, Observation, SeriesBreak, Status


def catalogue() -> None:
    sync_catalogue(EntityCount())


def version() -> DataVersion:
    return DataVersion.objects.create(
        importer="test", path="test.csv", table_id="T", sha256="0" * 64, rows=0
    )


def observe(
    measure: str, code: str, year: int, value: float | None, status: str = Status.FINAL
) -> Observation:
    source = DataVersion.objects.filter(importer="test").first() or version()
    return Observation.objects.create(
        measure=measure, area_code=code, year=year, value=value, status=status, data_version=source
    )


def drug_trafficking() -> Indicator:
    return Indicator.objects.get(code="misdrijven-3-1-1-per-10000")


def small_monitor() -> None:
    """Drug trafficking and population for the three municipalities of ``small_country``."""
    catalogue()
    populations = {"GM0014": 1000, "GM0037": 300, "GM0106": 700}
    counts = {
        "GM0014": {2023: 20, 2024: 10},
        "GM0037": {2023: 3, 2024: None},
        "GM0106": {2023: 7, 2024: 14},
    }
    for code, population in populations.items():
        for year in (2023, 2024):
            observe("bevolking.gemiddeld", code, year, population)
            count = counts[code][year]
            status = (
                Status.MISSING
                if count is None
                else Status.PROVISIONAL
                if year == 2024
                else Status.FINAL
            )
            observe("misdrijven.3.1.1", code, year, count, status)
    SeriesBreak.objects.all().delete()
