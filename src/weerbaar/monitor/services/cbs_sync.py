"""``weerbaar sync cbs <table>``: the only online feature. Fetches a CBS OData v3 table and
converts it to the records the file importers produce, then stores it the same way.

Two tables have their own converters here (70072ned, 47018ned, as before); any other table
is read through the StatLine mapping of the catalogue (``statline:``), the same code path as
``weerbaar import statline`` for downloaded files.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any

from django.db import transaction

from weerbaar.core.imports import DataFileError, ImportReport
from weerbaar.monitor.importers.base import Record
from weerbaar.monitor.importers.breaks import rebuild_breaks
from weerbaar.monitor.importers.catalogue import catalogue_mappings
from weerbaar.monitor.importers.run import store
from weerbaar.monitor.importers.statline import store_table, table_records
from weerbaar.monitor.importers.statline.documents import Documents
from weerbaar.monitor.importers.statline.mapping import member_filter
from weerbaar.monitor.importers.statline.table import DIMENSION_TYPES, from_documents
from weerbaar.monitor.models import DataVersion, Status

#: base of the CBS OData v3 API; ``WEERBAAR_CBS_ODATA_URL`` overrides it (e.g. a mirror)
DEFAULT_BASE = "https://opendata.cbs.nl/ODataApi/odata"
TIMEOUT = 30

Fetch = Callable[[str], dict[str, Any]]


class SyncError(Exception):
    """One sentence for the operator."""


def _urlopen_json(url: str) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        raise SyncError(
            f"CBS antwoordde met fout {exc.code} voor {url}; er is niets gewijzigd."
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise SyncError(
            "Geen verbinding met de CBS-API; controleer de internetverbinding "
            "(of WEERBAAR_CBS_ODATA_URL), "
            "er is niets gewijzigd."
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise SyncError(
            f"CBS gaf geen geldige JSON terug voor {url}; er is niets gewijzigd."
        ) from exc


def _all_pages(fetch: Fetch, url: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    while url:
        page = fetch(url)
        rows.extend(page.get("value", []))
        url = page.get("odata.nextLink", "")
    return rows


def _years(periods: list[dict[str, Any]]) -> dict[str, tuple[int, bool]]:
    """Perioden key ('2024JJ00') -> (year, provisional), yearly periods only."""
    result = {}
    for period in periods:
        key = str(period.get("Key", ""))
        if len(key) == 8 and key[4:6] == "JJ" and key[:4].isdigit():
            provisional = "voorlopig" in str(period.get("Status", "")).lower() or str(
                period.get("Title", "")
            ).endswith("*")
            result[key] = (int(key[:4]), provisional)
    return result


def _value(raw: Any, provisional: bool) -> tuple[float | None, str]:
    if raw is None:
        return None, Status.MISSING
    return float(raw), Status.PROVISIONAL if provisional else Status.FINAL


def _region(raw: Any) -> str | None:
    code = str(raw or "").strip()
    return code if code[:2] in {"GM", "WK", "BU", "PV"} else None


def records_70072ned(
    rows: list[dict[str, Any]], dims: dict[str, list[dict[str, Any]]]
) -> list[Record]:
    years = _years(dims["Perioden"])
    result = []
    for row in rows:
        code, period = _region(row.get("RegioS")), years.get(str(row.get("Perioden", "")))
        if code is None or period is None:
            continue
        year, provisional = period
        for column, measure in (
            ("GemiddeldAantalInwoners_51", "bevolking.gemiddeld"),
            ("TotaleBevolking_1", "bevolking.totaal"),
        ):
            if column in row:
                value, status = _value(row[column], provisional)
                result.append(Record(measure, code, year, value, status))
    return result


def records_47018ned(
    rows: list[dict[str, Any]], dims: dict[str, list[dict[str, Any]]]
) -> list[Record]:
    years = _years(dims["Perioden"])
    kinds = {
        str(d["Key"]).strip(): str(d.get("Title", "")).split(" ", 1)[0]
        for d in dims["SoortMisdrijf"]
    }
    result = []
    for row in rows:
        code, period = _region(row.get("WijkenEnBuurten")), years.get(str(row.get("Perioden", "")))
        kind = kinds.get(str(row.get("SoortMisdrijf", "")).strip())
        if code is None or period is None or not kind or code == "GM0000":
            continue
        if kind.startswith("0.0.0"):
            kind = "totaal"
        value, status = _value(row.get("GeregistreerdeMisdrijven_1"), period[1])
        result.append(Record(f"misdrijven.{kind}", code, period[0], value, status))
    return result


TABLES: dict[str, tuple[list[str], Callable[..., list[Record]]]] = {
    "70072ned": (["Perioden"], records_70072ned),
    "47018ned": (["Perioden", "SoortMisdrijf"], records_47018ned),
}


def _odata_filter(wanted: dict[str, set[str]]) -> str:
    parts = [
        "(" + " or ".join(f"{key} eq '{member}'" for member in sorted(members)) + ")"
        for key, members in sorted(wanted.items())
    ]
    return urllib.parse.quote(" and ".join(parts))


def sync_mapped_table(table_id: str, root: str, fetch: Fetch) -> ImportReport:
    """Any table the catalogue maps: metadata first, then only the cells the mapping needs
    (``UntypedDataSet``, which keeps CBS's symbols: 'x' stays secret)."""
    documents = Documents(root, table_id=table_id.upper())
    documents.rows["DataProperties"] = _all_pages(fetch, f"{root}/DataProperties?$format=json")
    for prop in documents.rows["DataProperties"]:
        if prop.get("Type") in DIMENSION_TYPES:
            key = str(prop["Key"])
            documents.rows[key] = _all_pages(fetch, f"{root}/{key}?$format=json")
    documents.rows["UntypedDataSet"] = []
    entries = catalogue_mappings()
    try:
        table = from_documents(documents)
        wanted = member_filter(table, entries)
        query = f"&$filter={_odata_filter(wanted)}" if wanted else ""
        documents.rows["UntypedDataSet"] = _all_pages(
            fetch, f"{root}/UntypedDataSet?$format=json{query}"
        )
        table = from_documents(documents)
        found = table_records(table, entries)
    except DataFileError as exc:
        raise SyncError(f"{exc.reason}; er is niets gewijzigd.") from exc
    digest = hashlib.sha256(json.dumps(documents.rows, sort_keys=True).encode()).hexdigest()
    return store_table(table, found, importer="cbs-odata", label=root, sha256=digest)


def sync_table(
    table_id: str, *, fetch: Fetch = _urlopen_json, base: str | None = None
) -> ImportReport:
    mapping = TABLES.get(table_id.lower())
    mapped = {entry.table for entry in catalogue_mappings()}
    if mapping is None and table_id.upper() not in mapped:
        known = sorted({*TABLES, *(t.lower() for t in mapped)})
        raise SyncError(
            f"Tabel {table_id} wordt niet ondersteund; kies uit: {', '.join(known)}, of voeg "
            "een koppeling toe onder 'statline' in de catalogus."
        )
    root = (base or os.environ.get("WEERBAAR_CBS_ODATA_URL") or DEFAULT_BASE).rstrip(
        "/"
    ) + f"/{table_id}"
    if mapping is None:
        return sync_mapped_table(table_id, root, fetch)
    dimensions, convert = mapping
    dims = {name: _all_pages(fetch, f"{root}/{name}?$format=json") for name in dimensions}
    rows = _all_pages(fetch, f"{root}/TypedDataSet?$format=json")
    records = convert(rows, dims)
    if not records:
        raise SyncError(
            f"De CBS-tabel {table_id} leverde geen bruikbare waarden op; er is niets gewijzigd."
        )
    digest = hashlib.sha256(json.dumps([dims, rows], sort_keys=True).encode()).hexdigest()
    report = ImportReport()
    counts = report.entity("Waarden")
    with transaction.atomic():
        if DataVersion.objects.filter(path=root, sha256=digest).exists():
            counts.unchanged = len(records)
            return report
        version = DataVersion.objects.create(
            importer="cbs-odata", path=root, table_id=table_id, sha256=digest, rows=len(records)
        )
        counts.created, counts.updated, counts.unchanged = store(records, version)
        if counts.changed:
            rebuild_breaks()
    return report
