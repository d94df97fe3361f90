"""One StatLine table in one internal shape, from either OData generation.

OData v3 (opendata.cbs.nl/ODataApi, and the bulk downloads of the same): ``DataProperties``
lists dimensions and topics (measures); ``UntypedDataSet`` (or ``TypedDataSet``) has one row
per combination of dimension members with a column per topic; each dimension has a document
named after its key, ``Perioden`` with a ``Status`` per period.

OData v4 (datasets.cbs.nl): ``Observations`` has one row per cell (``Measure``,
``ValueAttribute``, ``Value`` and the dimension keys); ``MeasureCodes`` and ``Dimensions``
describe them; each dimension has ``<Key>Codes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from weerbaar.core.imports import DataFileError
from weerbaar.monitor.importers.statline.documents import Documents, Row

DIMENSION_TYPES = {"Dimension", "GeoDimension", "TimeDimension", "GeoDetail"}


@dataclass(frozen=True)
class Member:
    key: str
    title: str
    provisional: bool = False


@dataclass
class Dimension:
    key: str
    title: str
    kind: str  # Dimension, GeoDimension, TimeDimension
    members: dict[str, Member] = field(default_factory=dict)


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    unit: str


@dataclass(frozen=True)
class Cell:
    coordinates: dict[str, str]  # dimension key -> member key
    measure: str
    raw: object  # a number, a string with a CBS symbol, or None
    attribute: str = ""  # v4 ValueAttribute


@dataclass
class Table:
    table_id: str
    origin: str
    dimensions: dict[str, Dimension]
    measures: dict[str, Measure]
    cells: list[Cell]

    @property
    def region(self) -> Dimension | None:
        geo = [d for d in self.dimensions.values() if d.kind == "GeoDimension"]
        if geo:
            return geo[0]
        named = [d for d in self.dimensions.values() if d.key.lower().startswith(("regio", "wijk"))]
        return named[0] if named else None

    @property
    def period(self) -> Dimension | None:
        timed = [d for d in self.dimensions.values() if d.kind == "TimeDimension"]
        if timed:
            return timed[0]
        return self.dimensions.get("Perioden")


def _text(value: object) -> str:
    return str(value if value is not None else "").strip()


def _provisional(row: Row) -> bool:
    status = _text(row.get("Status")).lower()
    return "voorlopig" in status or "provisional" in status or _text(row.get("Title")).endswith("*")


def _members(rows: list[Row] | None, key_field: str) -> dict[str, Member]:
    return {
        _text(row.get(key_field)): Member(
            _text(row.get(key_field)), _text(row.get("Title")), _provisional(row)
        )
        for row in rows or []
        if _text(row.get(key_field))
    }


def from_documents(documents: Documents) -> Table:
    if documents.get("Observations") is not None:
        return _from_v4(documents)
    if documents.get("DataProperties") is not None:
        return _from_v3(documents)
    raise DataFileError(
        documents.origin,
        None,
        "geen StatLine-tabel gevonden: verwacht DataProperties met UntypedDataSet of "
        "TypedDataSet (OData v3, ook de downloads), of Observations met MeasureCodes "
        f"(OData v4). Gevonden: {', '.join(documents.names()) or 'niets'}",
    )


def _v3_parts(documents: Documents) -> tuple[dict[str, Dimension], dict[str, Measure]]:
    dimensions: dict[str, Dimension] = {}
    measures: dict[str, Measure] = {}
    for prop in documents.get("DataProperties") or []:
        kind, key = _text(prop.get("Type")), _text(prop.get("Key"))
        if not key:
            continue
        if kind in DIMENSION_TYPES:
            members = _members(documents.get(key), "Key")
            shown = "GeoDimension" if kind == "GeoDetail" else kind
            dimensions[key] = Dimension(key, _text(prop.get("Title")), shown, members)
        elif kind == "Topic":
            measures[key] = Measure(key, _text(prop.get("Title")), _text(prop.get("Unit")))
    return dimensions, measures


def _from_v3(documents: Documents) -> Table:
    dimensions, measures = _v3_parts(documents)
    data = documents.get("UntypedDataSet")
    if data is None:
        data = documents.get("TypedDataSet")
    if data is None:
        raise DataFileError(
            documents.origin, None, "UntypedDataSet of TypedDataSet ontbreekt naast DataProperties"
        )
    missing = [key for key, d in dimensions.items() if not d.members]
    if missing:
        raise DataFileError(
            documents.origin,
            None,
            f"de lijst met codes ontbreekt voor dimensie(s): {', '.join(missing)}",
        )
    cells: list[Cell] = []
    for row in data:
        coordinates = {key: _text(row.get(key)) for key in dimensions}
        cells.extend(Cell(coordinates, key, row[key]) for key in measures if key in row)
    return Table(documents.table_id, documents.origin, dimensions, measures, cells)


def _from_v4(documents: Documents) -> Table:
    measures = {
        _text(row.get("Identifier")): Measure(
            _text(row.get("Identifier")), _text(row.get("Title")), _text(row.get("Unit"))
        )
        for row in documents.get("MeasureCodes") or []
    }
    if not measures:
        raise DataFileError(documents.origin, None, "MeasureCodes ontbreekt naast Observations")
    dimensions: dict[str, Dimension] = {}
    for row in documents.get("Dimensions") or []:
        key = _text(row.get("Identifier"))
        members = _members(documents.get(f"{key}Codes"), "Identifier")
        if not members:
            raise DataFileError(documents.origin, None, f"{key}Codes ontbreekt")
        dimensions[key] = Dimension(key, _text(row.get("Title")), _text(row.get("Kind")), members)
    cells = [
        Cell(
            {key: _text(row.get(key)) for key in dimensions},
            _text(row.get("Measure")),
            row.get("Value"),
            _text(row.get("ValueAttribute")),
        )
        for row in documents.get("Observations") or []
    ]
    return Table(documents.table_id, documents.origin, dimensions, measures, cells)
