"""``weerbaar import statline <map of zip>``: any CBS StatLine table, offline.

The analyst downloads a table at home (the OData v3 feed's documents, the bulk download, or
the v4 ``Observations`` with their code lists), and maps its measures to the catalogue (see
``mapping``). ``weerbaar sync cbs <tabel>`` reads the same shape online.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from typing import Any

from django.db import transaction

from weerbaar.core.imports import DataFileError, ImportReport, ProgressFactory, no_progress
from weerbaar.monitor.importers.base import Record
from weerbaar.monitor.importers.breaks import rebuild_breaks
from weerbaar.monitor.importers.catalogue import catalogue_mappings, sync_extra_indicators
from weerbaar.monitor.importers.run import file_sha256, store
from weerbaar.monitor.importers.statline.documents import Documents, read_documents
from weerbaar.monitor.importers.statline.mapping import Entry, entries_in_text, records
from weerbaar.monitor.importers.statline.table import Table, from_documents
from weerbaar.monitor.models import DataVersion
from weerbaar.monitor.services import caches

#: the analyst's own mapping (and indicators), beside the downloaded files
MAPPING_FILE = "weerbaar.yaml"


def _digest(path: Path) -> str:
    """One hash over a folder's files (names and contents, read in chunks), or the file's."""
    if not path.is_dir():
        return file_sha256(path)
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file_sha256(file).encode())
    return digest.hexdigest()


def _own_mapping(path: Path) -> tuple[list[Entry], list[dict[str, Any]]]:
    if path.is_dir():
        found = sorted(path.rglob(MAPPING_FILE))
        if found:
            return entries_in_text(found[0].read_text(encoding="utf-8"), str(found[0]))
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if Path(n).name == MAPPING_FILE]
            if names:
                text = archive.read(names[0]).decode("utf-8")
                return entries_in_text(text, f"{path}:{names[0]}")
    return [], []


def table_records(table: Table, entries: list[Entry]) -> list[Record]:
    if not table.table_id:
        raise DataFileError(
            table.origin,
            None,
            "tabelnummer onbekend: zet het in de naam van de map of het zip-bestand "
            "(bijvoorbeeld 85655NED.zip) of lever TableInfos mee",
        )
    if not any(e.table == table.table_id for e in entries):
        raise DataFileError(
            table.origin,
            None,
            f"geen koppeling voor tabel {table.table_id}: voeg in {MAPPING_FILE} (naast de "
            "bestanden) of in de catalogus onder 'statline' toe welke onderwerpen naar welke "
            "meetreeks gaan",
        )
    found = list(records(table, entries))
    if not found:
        raise DataFileError(
            table.origin,
            None,
            f"tabel {table.table_id} leverde geen waarden voor gemeenten, wijken of buurten op",
        )
    return found


def store_table(
    table: Table, found: list[Record], *, importer: str, label: str, sha256: str
) -> ImportReport:
    report = ImportReport()
    counts = report.entity("Waarden")
    with transaction.atomic():
        if DataVersion.objects.filter(path=label, sha256=sha256).exists():
            counts.unchanged = len(found)
            return report
        version = DataVersion.objects.create(
            importer=importer, path=label, table_id=table.table_id, sha256=sha256, rows=len(found)
        )
        counts.created, counts.updated, counts.unchanged = store(found, version)
        if counts.changed:
            rebuild_breaks()
    caches.clear()
    measures = sorted({r.measure for r in found})
    report.notes.append(f"Tabel {table.table_id}: {', '.join(measures)}.")
    return report


def import_statline(path: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    advance = progress(f"StatLine: {path.name}", 3)
    documents: Documents = read_documents(path)
    table = from_documents(documents)
    advance(1)
    own_entries, own_indicators = _own_mapping(path)
    if own_indicators:
        sync_extra_indicators(own_indicators, path)
    found = table_records(table, [*own_entries, *catalogue_mappings()])
    advance(1)
    report = store_table(
        table, found, importer="statline", label=f"statline/{path.name}", sha256=_digest(path)
    )
    advance(1)
    return report
