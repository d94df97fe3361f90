"""Readers for the published file formats. Each yields plain records and raises
``DataFileError`` naming the file, line and problem on anything it cannot trust."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
import topojson.utils
from shapely.geometry import shape

from weerbaar.areas.models.area import CODE_PATTERNS, AreaLevel
from weerbaar.areas.services.bands import band_from_column
from weerbaar.core.imports import DataFileError


@dataclass(frozen=True)
class MunicipalityRow:
    line: int
    code: str
    name: str
    province_code: str
    province_name: str
    population: dict[str, int]  # band -> count, including 'totaal'
    households: int | None


@dataclass(frozen=True)
class KwbRow:
    line: int
    code: str
    level: str
    name: str
    municipality_code: str
    population: dict[str, int]


@dataclass(frozen=True)
class Boundary:
    code: str
    name: str
    geometry: dict[str, Any]


def _open_csv(path: Path) -> tuple[Iterator[dict[str, str]], list[str]]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise DataFileError(path, None, f"kan het bestand niet openen ({exc.strerror})") from exc
    reader = csv.DictReader(handle)
    try:
        header = reader.fieldnames or []
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(path, 1, f"kopregel onleesbaar ({exc})") from exc
    return reader, list(header)


def _require_columns(path: Path, header: list[str], required: list[str]) -> None:
    missing = [column for column in required if column not in header]
    if missing:
        raise DataFileError(path, 1, f"kolom(men) ontbreken in de kopregel: {', '.join(missing)}")


def _count(path: Path, line: int, column: str, raw: str | None, *, allow_empty: bool) -> int | None:
    value = (raw or "").strip()
    if value in {"", ".", "x"}:  # CBS: empty / '.' = not available, 'x' = secret: no number
        if allow_empty:
            return None
        raise DataFileError(path, line, f"kolom '{column}' is leeg; een aantal is verplicht")
    if not re.fullmatch(r"\d+", value):
        raise DataFileError(
            path, line, f"kolom '{column}' bevat '{value}', geen geheel aantal >= 0"
        )
    return int(value)


def _required_count(path: Path, line: int, column: str, raw: str | None) -> int:
    value = _count(path, line, column, raw, allow_empty=False)
    if value is None:  # unreachable: _count raises for empty required values
        raise DataFileError(path, line, f"kolom '{column}' is leeg")
    return value


def _code(path: Path, line: int, column: str, value: str, level: str) -> str:
    code = value.strip()
    if not CODE_PATTERNS[level].match(code):
        raise DataFileError(
            path, line, f"kolom '{column}' bevat '{code}', geen geldige {level}code"
        )
    return code


def _rows(path: Path, reader: Iterator[dict[str, str]]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows with their physical line number, turning decode errors into DataFileError."""
    line = 1
    try:
        for row in reader:
            line = reader.line_num  # type: ignore[attr-defined]
            if None in row or any(value is None for value in row.values()):
                raise DataFileError(path, line, "aantal velden klopt niet met de kopregel")
            yield line, row
    except UnicodeDecodeError as exc:
        raise DataFileError(path, line + 1, f"geen geldige UTF-8-tekst ({exc.reason})") from exc
    except csv.Error as exc:
        raise DataFileError(path, line + 1, f"geen geldige CSV ({exc})") from exc


def year_from_total_column(path: Path, header: list[str]) -> tuple[int, str]:
    for column in header:
        match = re.fullmatch(r"inwoners_1jan(\d{4})", column)
        if match:
            return int(match.group(1)), column
    raise DataFileError(path, 1, "kolom 'inwoners_1janJJJJ' (inwoners op 1 januari) ontbreekt")


def read_municipalities(path: Path) -> tuple[int, list[MunicipalityRow]]:
    """``gemeenten/gemeenten_YYYY.csv``: municipalities, provinces, population by age band."""
    reader, header = _open_csv(path)
    year, total_column = year_from_total_column(path, header)
    _require_columns(path, header, ["gm_code", "gm_naam", "provincie_code", "provincie_naam"])
    band_columns: dict[str, str] = {}
    for column in header:
        band = band_from_column(column)
        if band is not None:
            band_columns[column] = band
    rows: list[MunicipalityRow] = []
    seen: dict[str, int] = {}
    for line, row in _rows(path, reader):
        code = _code(path, line, "gm_code", row["gm_code"], AreaLevel.GEMEENTE)
        if code in seen:
            raise DataFileError(path, line, f"gemeente {code} staat ook al op regel {seen[code]}")
        seen[code] = line
        name = row["gm_naam"].strip()
        province_name = row["provincie_naam"].strip()
        if not name or not province_name:
            raise DataFileError(path, line, "naam van gemeente of provincie is leeg")
        province = _code(path, line, "provincie_code", row["provincie_code"], AreaLevel.PROVINCIE)
        population: dict[str, int] = {}
        population["totaal"] = _required_count(path, line, total_column, row[total_column])
        for column, band in band_columns.items():
            value = _count(path, line, column, row[column], allow_empty=True)
            if value is not None:
                population[band] = value
        households = None
        if "huishoudens_totaal" in row:
            households = _count(
                path, line, "huishoudens_totaal", row["huishoudens_totaal"], allow_empty=True
            )
        rows.append(
            MunicipalityRow(line, code, name, province, province_name, population, households)
        )
    if not rows:
        raise DataFileError(path, None, "het bestand bevat geen gemeenten")
    return year, rows


KWB_LEVELS = {"Gemeente": AreaLevel.GEMEENTE, "Wijk": AreaLevel.WIJK, "Buurt": AreaLevel.BUURT}
KWB_AGE_COLUMNS = [
    "leeftijd_0_14",
    "leeftijd_15_24",
    "leeftijd_25_44",
    "leeftijd_45_64",
    "leeftijd_65_plus",
]


def read_kwb(path: Path) -> list[KwbRow]:
    """``kwb/kwb_YYYY_bevolking_*.csv`` (CBS Kerncijfers wijken en buurten).

    Only the total and the age columns are read; country-of-origin columns are skipped
    on purpose.
    """
    reader, header = _open_csv(path)
    _require_columns(
        path, header, ["regio_code", "soort_regio", "regio_naam", "gm_code", "inwoners"]
    )
    age_columns = [column for column in KWB_AGE_COLUMNS if column in header]
    rows: list[KwbRow] = []
    for line, row in _rows(path, reader):
        kind = row["soort_regio"].strip()
        if kind == "Land":
            continue
        level = KWB_LEVELS.get(kind)
        if level is None:
            raise DataFileError(path, line, f"onbekende soort_regio '{kind}'")
        code = _code(path, line, "regio_code", row["regio_code"], level)
        municipality = _code(path, line, "gm_code", row["gm_code"], AreaLevel.GEMEENTE)
        if code[2:6] != municipality[2:6]:
            raise DataFileError(path, line, f"{code} hoort niet bij gemeente {municipality}")
        name = row["regio_naam"].strip()
        if not name:
            raise DataFileError(path, line, "regio_naam is leeg")
        population: dict[str, int] = {}
        total = _count(path, line, "inwoners", row["inwoners"], allow_empty=True)
        if total is not None:
            population["totaal"] = total
        for column in age_columns:
            value = _count(path, line, column, row[column], allow_empty=True)
            band = band_from_column(column)
            if value is not None and band is not None:
                population[band] = value
        rows.append(KwbRow(line, code, level, name, municipality, population))
    return rows


def _check_geometry(path: Path, index: int, code: str, geometry: Any) -> dict[str, Any]:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise DataFileError(path, None, f"object {index} ({code}) heeft geen vlak als grens")
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as exc:
        raise DataFileError(
            path, None, f"object {index} ({code}): ongeldige grens ({exc})"
        ) from exc
    minx, miny, maxx, maxy = geom.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise DataFileError(path, None, f"object {index} ({code}): coördinaten buiten WGS84")
    return geometry


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as exc:
        raise DataFileError(path, None, f"kan het bestand niet openen ({exc.strerror})") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(
            path, exc.lineno, f"geen geldige JSON ({exc.msg}, kolom {exc.colno})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(path, None, f"geen geldige UTF-8-tekst ({exc.reason})") from exc


def _boundaries(path: Path, features: Any, level: str) -> list[Boundary]:
    if not isinstance(features, list):
        raise DataFileError(path, None, "geen lijst met objecten ('features') gevonden")
    result = []
    for index, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {} if isinstance(feature, dict) else {}
        code = str(properties.get("statcode", "")).strip()
        if not CODE_PATTERNS[level].match(code):
            raise DataFileError(
                path, None, f"object {index}: 'statcode' '{code}' is geen {level}code"
            )
        geometry = _check_geometry(path, index, code, feature.get("geometry"))
        result.append(Boundary(code, str(properties.get("statnaam", "")).strip(), geometry))
    return result


def read_geojson_boundaries(path: Path, level: str) -> list[Boundary]:
    """A GeoJSON FeatureCollection with CBS ``statcode`` / ``statnaam`` properties."""
    data = _load_json(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataFileError(path, None, "geen GeoJSON FeatureCollection")
    return _boundaries(path, data.get("features"), level)


def _as_lists(value: Any, decimals: int) -> Any:
    """Tuples to lists and floats rounded, so geometries compare equal across runs."""
    if isinstance(value, dict):
        return {key: _as_lists(item, decimals) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_lists(item, decimals) for item in value]
    if isinstance(value, float):
        return round(value, decimals)
    return value


def read_topojson_boundaries(path: Path, level: str) -> list[Boundary]:
    """A TopoJSON Topology with one object (as published by cartomap for CBS divisions)."""
    data = _load_json(path)
    if not isinstance(data, dict) or data.get("type") != "Topology" or not data.get("objects"):
        raise DataFileError(path, None, "geen TopoJSON Topology met objecten")
    object_name = next(iter(data["objects"]))
    try:
        collection = topojson.utils.serialize_as_geojson(data, objectname=object_name)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise DataFileError(path, None, f"TopoJSON niet te lezen ({exc})") from exc
    features = [
        {**feature, "geometry": _as_lists(feature["geometry"], 6)}
        for feature in collection["features"]
    ]
    return _boundaries(path, features, level)
