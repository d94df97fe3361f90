"""``weerbaar import monitor``: the catalogue and every source, in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from django.db import connection, transaction

from weerbaar.core.imports import ImportReport, ProgressFactory, no_progress
from weerbaar.monitor.importers.base import Record
from weerbaar.monitor.importers.breaks import rebuild_breaks
from weerbaar.monitor.importers.catalogue import sync_catalogue
from weerbaar.monitor.importers.registry import sources
from weerbaar.monitor.models import DataVersion, Observation
from weerbaar.monitor.services import caches

BATCH = 2000


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_monitor(folder: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    report = ImportReport()
    plan = [(source, path) for source in sources() for path in source.files(folder)]
    advance = progress("Monitor: bronnen importeren", len(plan) + 2)
    with transaction.atomic():
        sync_catalogue(report.entity("Indicatoren"))
        advance(1)
        values = report.entity("Waarden")
        for source, path in plan:
            sha = file_sha256(path)
            label = f"{path.parent.name}/{path.name}"
            if DataVersion.objects.filter(path=label, sha256=sha).exists():
                values.unchanged += Observation.objects.filter(
                    data_version__path=label, data_version__sha256=sha
                ).count()
                advance(1)
                continue
            step = progress(f"  {label}", 2)  # one bar per file: read, then stored
            records = list(source.read(path))
            step(1)
            version = DataVersion.objects.create(
                importer=source.name,
                path=label,
                table_id=source.table_id,
                sha256=sha,
                rows=len(records),
            )
            created, updated, unchanged = store(records, version)
            values.created += created
            values.updated += updated
            values.unchanged += unchanged
            step(1)
            advance(1)
        if values.changed:
            report.notes.append(f"Trendbreuken door herindeling: {rebuild_breaks()} gemeenten.")
        advance(1)
    if not plan:
        report.notes.append(f"Geen monitorbestanden gevonden in {folder}.")
    caches.clear()
    return report


def store(records: Iterable[Record], version: DataVersion) -> tuple[int, int, int]:
    """Upsert observations; an unchanged value keeps its row (and its older data version).

    New rows go in with one ``executemany`` per batch instead of model instances: the import
    writes close to half a million rows and the ORM's per-object cost was most of its time.
    """
    records = list({(r.measure, r.area_code, r.year): r for r in records}.values())
    measures = {r.measure for r in records}
    existing = {
        (measure, code, year): (pk, value, status, method)
        for pk, measure, code, year, value, status, method in Observation.objects.filter(
            measure__in=measures
        ).values_list("id", "measure", "area_code", "year", "value", "status", "method")
    }
    to_create: list[tuple[object, ...]] = []
    to_update: list[Observation] = []
    unchanged = 0
    for record in records:
        current = existing.get((record.measure, record.area_code, record.year))
        if current is None:
            to_create.append((*record, version.pk))
        elif current[1:] != (record.value, record.status, record.method):
            to_update.append(
                Observation(
                    id=current[0],
                    value=record.value,
                    status=record.status,
                    method=record.method,
                    data_version=version,
                )
            )
        else:
            unchanged += 1
    _insert(to_create)
    Observation.objects.bulk_update(
        to_update, ["value", "status", "method", "data_version"], batch_size=BATCH
    )
    return len(to_create), len(to_update), unchanged


_COLUMNS = ("measure", "area_code", "year", "value", "status", "method", "data_version")


def _insert(rows: list[tuple[object, ...]]) -> None:
    meta = Observation._meta
    table = connection.ops.quote_name(meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(str(getattr(meta.get_field(name), "column", name)))
        for name in _COLUMNS
    )
    # names from the model, values as parameters
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(_COLUMNS))})"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH * 5):
            cursor.executemany(sql, rows[start : start + BATCH * 5])  # type: ignore[arg-type]
