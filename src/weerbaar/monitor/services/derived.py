"""Series that other parts of Weerbaar compute and the monitor shows (the school survey's
shares per municipality): stored through the same upsert as an import, each delivery a
data version of its own, so values say where they came from and caches refresh."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from weerbaar.monitor.importers.base import Record
from weerbaar.monitor.importers.run import store
from weerbaar.monitor.models import DataVersion, Observation

__all__ = ["Record", "store_series"]


@transaction.atomic
def store_series(
    importer: str, table_id: str, digest: str, records: Sequence[Record]
) -> tuple[DataVersion, tuple[int, int, int]]:
    """Replace what an earlier delivery of ``table_id`` wrote for these measures and years
    with ``records`` (a value that disappeared, e.g. now suppressed, is removed)."""
    version = DataVersion.objects.create(
        importer=importer, path="", table_id=table_id, sha256=digest, rows=len(records)
    )
    keep = {(r.measure, r.area_code, r.year) for r in records}
    measures = {r.measure for r in records}
    years = {r.year for r in records}
    stale = [
        pk
        for pk, measure, code, year in Observation.objects.filter(
            measure__in=measures, year__in=years, data_version__table_id=table_id
        ).values_list("pk", "measure", "area_code", "year")
        if (measure, code, year) not in keep
    ]
    Observation.objects.filter(pk__in=stale).delete()
    return version, store(records, version)
