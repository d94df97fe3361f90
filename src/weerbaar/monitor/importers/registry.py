"""The monitor's source plugins, in import order (KWB before Leefbaarometer: its weights)."""

from __future__ import annotations

from weerbaar.monitor.importers.base import Source
from weerbaar.monitor.importers.leefbaarometer import (
    Leefbaarometer2024Source,
    LeefbaarometerSource,
)
from weerbaar.monitor.importers.politie import (
    CrimeByTypeSource,
    CrimeConcentrationSource,
    CrimeTotalSource,
    NeighbourhoodCrimeSource,
)
from weerbaar.monitor.importers.population import (
    AveragePopulationSource,
    KwbSource,
    MunicipalAgeSource,
)

_SOURCES: list[Source] = [
    AveragePopulationSource(),
    MunicipalAgeSource(),
    KwbSource(),
    CrimeByTypeSource(),
    CrimeTotalSource(),
    CrimeConcentrationSource(),
    NeighbourhoodCrimeSource(),
    LeefbaarometerSource(),
    Leefbaarometer2024Source(),
]


def register(source: Source) -> None:
    _SOURCES.append(source)


def sources() -> list[Source]:
    return list(_SOURCES)
