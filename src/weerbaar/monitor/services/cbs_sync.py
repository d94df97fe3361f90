"""``weerbaar sync cbs <table>``: the only online feature. Fetches a CBS OData v3 table and
converts it to the records the file importers produce, then stores it the same way.

Known tables are mapped to measures here; others are refused with a clear message.
"""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from django.db import transaction

from weerbaar.core.imports import ImportReport
from weerbaar.monitor.importers.base import Record
from weerbaar.monitor.importers.breaks import rebuild_breaks
from weerbaar.monitor.importers.run import store
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


def sync_table(
    table_id: str, *, fetch: Fetch = _urlopen_json, base: str | None = None
) -> ImportReport:
    mapping = TABLES.get(table_id.lower())
    if mapping is None:
        raise SyncError(
            f"Tabel {table_id} wordt niet ondersteund; kies uit: {', '.join(sorted(TABLES))}."
        )
    dimensions, convert = mapping
    root = (base or os.environ.get("WEERBAAR_CBS_ODATA_URL") or DEFAULT_BASE).rstrip(
        "/"
    ) + f"/{table_id}"
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
