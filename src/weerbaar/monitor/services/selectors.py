"""The monitor's readers for other apps: indicators from the catalogue and the versions of
the data behind them. Other apps read these, never the monitor's models."""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.core import freshness
from weerbaar.monitor.models import DataVersion, Indicator
from weerbaar.monitor.services.tables import _definition, stamp_seconds

#: the name under which ``core.freshness`` keeps the catalogue (``caches.clear`` forgets it)
CATALOGUE = "monitor.catalogue"


def indicator(code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first()


def served_indicator(code: str) -> Indicator | None:
    """``indicator(code)`` from the catalogue as read at most ``WEERBAAR_DATA_STAMP_SECONDS``
    ago, for the public API: reading the row was most of a values request served from
    memory. Treat it as read-only: the same object serves every request of the process."""
    return freshness.fresh(CATALOGUE, _catalogue, stamp_seconds()).get(code)


def _catalogue() -> dict[str, Indicator]:
    return {found.code: found for found in Indicator.objects.all()}


def indicators(level: str | None = None) -> list[Indicator]:
    """The catalogue in its order (theme, position); only those with values at ``level``."""
    found = list(Indicator.objects.order_by("theme", "position", "code"))
    return found if level is None else [i for i in found if level in i.levels]


def definition(indicator: Indicator) -> tuple:
    """Every field that changes the indicator's values (the same tuple the caches use)."""
    return _definition(indicator)


@dataclass(frozen=True, order=True)
class LoadedFile:
    importer: str
    table: str
    sha256: str
    rows: int


def data_versions() -> list[LoadedFile]:
    """Every file or table loaded, in a fixed order, so a hash over them names the data."""
    rows = DataVersion.objects.values_list("importer", "table_id", "sha256", "rows")
    return sorted(LoadedFile(*row) for row in rows)
