"""Importing where addresses are: the PC4 points for the whole country (``weerbaar import
postcodes``, from ``postcodes/pc4_gemeente_centroide.csv``) and a municipality's BAG
extract (``weerbaar import bag --data-dir MAP``, every ``*.csv`` in the folder).

Both read and check every row before the first write, and write in one transaction, so a
bad file leaves the database as it was and names the line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from weerbaar.areas.models import AddressPoint, PostcodePoint
from weerbaar.areas.services import geocoding
from weerbaar.areas.services.postcodes import normalise_postcode
from weerbaar.core.imports import DataFileError, ImportReport, ProgressFactory, no_progress

PC4_FILE = Path("postcodes") / "pc4_gemeente_centroide.csv"
PC4_SOURCE = f"{geocoding.GEONAMES_CREDIT}, stand 12 april 2024"
NL_LATITUDE = (50.7, 53.7)
NL_LONGITUDE = (3.2, 7.3)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
        reader = csv.DictReader(handle, dialect=dialect)
        reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames or []]
        for number, row in enumerate(reader, start=2):
            yield number, {k: (v or "").strip() for k, v in row.items() if k}


def _in_nl(path: Path, line: int, latitude: float, longitude: float) -> None:
    if not (
        NL_LATITUDE[0] <= latitude <= NL_LATITUDE[1]
        and NL_LONGITUDE[0] <= longitude <= NL_LONGITUDE[1]
    ):
        raise DataFileError(path, line, f"het punt {latitude}, {longitude} ligt niet in Nederland")


def _float(path: Path, line: int, row: dict[str, str], *names: str) -> float:
    for name in names:
        if row.get(name):
            try:
                return float(row[name].replace(",", "."))
            except ValueError:
                raise DataFileError(
                    path, line, f"'{row[name]}' in kolom {name} is geen getal"
                ) from None
    raise DataFileError(path, line, f"kolom {' of '.join(names)} ontbreekt of is leeg")


def import_postcodes(folder: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    path = folder / PC4_FILE
    if not path.is_file():
        raise DataFileError(path, None, "bestand ontbreekt")
    wanted: dict[int, dict[str, Any]] = {}
    for line, row in _rows(path):
        try:
            number = int(row["pc4"])
        except (KeyError, ValueError):
            raise DataFileError(path, line, "kolom pc4 is geen postcode van 4 cijfers") from None
        latitude = _float(path, line, row, "lat")
        longitude = _float(path, line, row, "lon")
        if not row.get("gm_code"):
            raise DataFileError(path, line, "kolom gm_code is leeg")
        wanted[number] = {
            "municipality_code": row["gm_code"],
            "place": row.get("woonplaats", "")[:80],
            "latitude": latitude,
            "longitude": longitude,
            "inside_municipality": row.get("punt_in_gemeente_2025", "ja") == "ja",
            "source": PC4_SOURCE,
        }
    report = ImportReport()
    count = report.entity("Punten van postcodegebieden")
    existing = {p.pc4: p for p in PostcodePoint.objects.all()}
    advance = progress("Postcodes", len(wanted))
    with transaction.atomic():
        new, changed = [], []
        for number, values in wanted.items():
            current = existing.get(number)
            if current is None:
                new.append(PostcodePoint(pc4=number, **values))
            elif any(getattr(current, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(current, k, v)
                changed.append(current)
            else:
                count.unchanged += 1
        PostcodePoint.objects.bulk_create(new, batch_size=1000)
        PostcodePoint.objects.bulk_update(
            changed, list(next(iter(wanted.values()))), batch_size=1000
        )
        count.created, count.updated = len(new), len(changed)
        advance(len(wanted))
    flagged = sum(1 for v in wanted.values() if not v["inside_municipality"])
    report.notes.append(
        f"Bron: {PC4_SOURCE}. {flagged} punten liggen volgens de bron buiten de eigen gemeente; "
        "daar gebruikt Weerbaar het midden van de gemeente."
    )
    return report


def has_postcodes() -> bool:
    return PostcodePoint.objects.exists()


def _rd_to_wgs84() -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def _bag_row(path: Path, line: int, row: dict[str, str], transformer: Any) -> dict[str, Any]:
    postcode = normalise_postcode(row.get("postcode", ""))
    if postcode is None:
        raise DataFileError(path, line, f"'{row.get('postcode', '')}' is geen postcode")
    try:
        number = int(row.get("huisnummer", ""))
    except ValueError:
        raise DataFileError(path, line, "kolom huisnummer is geen getal") from None
    street = row.get("straat") or row.get("openbare_ruimte") or row.get("openbareruimte") or ""
    place = row.get("woonplaats") or row.get("plaats") or ""
    if not street or not place:
        raise DataFileError(path, line, "straat of woonplaats ontbreekt")
    if row.get("lat") or row.get("latitude"):
        latitude = _float(path, line, row, "lat", "latitude")
        longitude = _float(path, line, row, "lon", "longitude")
    else:
        x = _float(path, line, row, "x", "rd_x")
        y = _float(path, line, row, "y", "rd_y")
        longitude, latitude = transformer.transform(x, y)
    _in_nl(path, line, latitude, longitude)
    return {
        "postcode": postcode,
        "house_number": number,
        "house_letter": row.get("huisletter", "").upper()[:1],
        "house_addition": (row.get("toevoeging") or row.get("huisnummertoevoeging") or "").upper()[
            :4
        ],
        "street": street[:120],
        "place": place[:80],
        "latitude": round(latitude, 6),
        "longitude": round(longitude, 6),
    }


def import_bag(folder: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    """A BAG extract as CSV (from the Kadaster/PDOK download, e.g. converted with bagconv):
    columns postcode, huisnummer, huisletter, toevoeging, straat (or openbare_ruimte),
    woonplaats, and lat/lon (WGS84) or x/y (RD New)."""
    files = sorted((folder / "bag").glob("*.csv")) or sorted(folder.glob("*.csv"))
    if not files:
        raise DataFileError(folder, None, "geen CSV-bestanden met BAG-adressen in deze map")
    transformer = _rd_to_wgs84()
    wanted: dict[tuple[str, int, str, str], dict[str, Any]] = {}
    for path in files:
        for line, row in _rows(path):
            values = _bag_row(path, line, row, transformer)
            key = (
                values["postcode"],
                values["house_number"],
                values["house_letter"],
                values["house_addition"],
            )
            wanted[key] = values
    report = ImportReport()
    count = report.entity("Adressen uit de BAG")
    advance = progress("BAG-adressen", len(wanted))
    with transaction.atomic():
        existing = {
            (a.postcode, a.house_number, a.house_letter, a.house_addition): a
            for a in AddressPoint.objects.filter(postcode__in={k[0] for k in wanted})
        }
        new, changed = [], []
        for key, values in wanted.items():
            current = existing.get(key)
            if current is None:
                new.append(AddressPoint(**values))
            elif any(getattr(current, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(current, k, v)
                changed.append(current)
            else:
                count.unchanged += 1
        AddressPoint.objects.bulk_create(new, batch_size=2000)
        AddressPoint.objects.bulk_update(
            changed, ["street", "place", "latitude", "longitude"], batch_size=2000
        )
        count.created, count.updated = len(new), len(changed)
        advance(len(wanted))
    report.notes.append(f"Gelezen: {', '.join(p.name for p in files)}.")
    return report


def has_bag() -> bool:
    return AddressPoint.objects.exists()
