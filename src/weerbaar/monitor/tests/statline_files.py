"""A recorded table in the shape of CBS 85655NED, written by us in each format CBS serves:
OData v3 responses (JSON), the bulk download (CSV in a zip) and OData v4 (JSON)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

TABLE = "85655NED"
DIMENSIONS = {
    "Geslacht": [("T001038", "Totaal mannen en vrouwen"), ("3000", "Mannen")],
    "Leeftijd": [
        ("52052", "12 tot 18 jaar"),
        ("52053", "18 tot 25 jaar"),
        ("52054", "12 tot 25 jaar"),
    ],
    "SoortMisdrijf": [("T001161", "Totaal misdrijven")],
    "RegioS": [
        ("NL01  ", "Nederland"),
        ("GM0014", "Groningen"),
        ("GM1979", "Eemsdelta"),
        ("GM0106", "Assen"),
    ],
    "Perioden": [("2022JJ00", "2022", "Definitief"), ("2023JJ00", "2023*", "Voorlopig")],
}
KINDS = {"RegioS": "GeoDimension", "Perioden": "TimeDimension"}
MEASURE = ("Verdachten_1", "Verdachten", "aantal")

#: (geslacht, leeftijd, regio, periode) -> published cell ('x' secret, '.' missing)
CELLS: dict[tuple[str, str, str, str], str] = {}
for period in ("2022JJ00", "2023JJ00"):
    for region, counts in {
        "NL01  ": ("33000", "52000", "85000"),
        "GM0014": ("220", "390", "610"),
        "GM1979": ("x", "45", "."),
        "GM0106": ("60", "95", "155"),
    }.items():
        for (age, _), cell in zip(DIMENSIONS["Leeftijd"], counts, strict=True):
            CELLS[("T001038", age, region, period)] = cell
            CELLS[("3000", age, region, period)] = "1"
CELLS[("T001038", "52052", "GM0014", "2023JJ00")] = "240"


def _properties() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for number, key in enumerate(DIMENSIONS):
        rows.append({"ID": number, "Type": KINDS.get(key, "Dimension"), "Key": key, "Title": key})
    rows.append({"ID": 9, "Type": "TopicGroup", "Key": "", "Title": "Verdachten"})
    rows.append(
        {"ID": 10, "Type": "Topic", "Key": MEASURE[0], "Title": MEASURE[1], "Unit": MEASURE[2]}
    )
    return rows


def _members(key: str) -> list[dict[str, Any]]:
    result = []
    for member in DIMENSIONS[key]:
        row = {"Key": member[0], "Title": member[1], "Description": ""}
        if len(member) == 3:
            row["Status"] = member[2]
        result.append(row)
    return result


def _untyped() -> list[dict[str, Any]]:
    return [
        {
            "ID": number,
            "Geslacht": g,
            "Leeftijd": a,
            "SoortMisdrijf": "T001161",
            "RegioS": r,
            "Perioden": p,
            MEASURE[0]: f"{cell:>8}",
        }
        for number, ((g, a, r, p), cell) in enumerate(sorted(CELLS.items()))
    ]


def write_odata_v3(folder: Path) -> Path:
    """The v3 feed's responses, saved as JSON files in a folder named after the table."""
    target = folder / TABLE
    target.mkdir(parents=True)
    documents = {"DataProperties": _properties(), "UntypedDataSet": _untyped()}
    documents.update({key: _members(key) for key in DIMENSIONS})
    for name, rows in documents.items():
        body = {"odata.metadata": f"https://example.invalid/{TABLE}/$metadata", "value": rows}
        (target / f"{name}.json").write_text(json.dumps(body), encoding="utf-8")
    return target


def _csv(rows: list[dict[str, Any]]) -> str:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_bulk_zip(folder: Path) -> Path:
    """The bulk download: CSV files with the table id in their names, in one zip."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{TABLE}_download.zip"
    documents = {"DataProperties": _properties(), "TypedDataSet": _untyped()}
    documents.update({key: _members(key) for key in DIMENSIONS})
    with zipfile.ZipFile(path, "w") as archive:
        for name, rows in documents.items():
            archive.writestr(f"{TABLE}_{name}.csv", _csv(rows))
    return path


def write_odata_v4(folder: Path) -> Path:
    """The v4 shape: one observation per cell, code lists per dimension."""
    target = folder / f"{TABLE}-v4"
    target.mkdir(parents=True)
    attribute = {"x": "Confidential", ".": "Missing"}
    observations = [
        {
            "Id": number,
            "Measure": "M000173",
            "ValueAttribute": attribute.get(cell, "None"),
            "Value": None if cell in attribute else float(cell),
            "Geslacht": g,
            "Leeftijd": a,
            "SoortMisdrijf": "T001161",
            "RegioS": r,
            "Perioden": p,
        }
        for number, ((g, a, r, p), cell) in enumerate(sorted(CELLS.items()))
    ]
    documents: dict[str, Any] = {
        "Properties": [{"Identifier": TABLE}],
        "Observations": observations,
        "MeasureCodes": [{"Identifier": "M000173", "Title": MEASURE[1], "Unit": MEASURE[2]}],
        "Dimensions": [
            {"Identifier": k, "Title": k, "Kind": KINDS.get(k, "Dimension")} for k in DIMENSIONS
        ],
    }
    for key in DIMENSIONS:
        documents[f"{key}Codes"] = [
            {"Identifier": m[0], "Title": m[1], **({"Status": m[2]} if len(m) == 3 else {})}
            for m in DIMENSIONS[key]
        ]
    for name, rows in documents.items():
        (target / f"{name}.json").write_text(json.dumps({"value": rows}), encoding="utf-8")
    return target


def odata_responses(base: str) -> dict[str, dict[str, Any]]:
    """What the v3 feed answers, by URL (for ``weerbaar sync cbs`` with a recorded fetch)."""
    root = f"{base}/{TABLE}"
    responses = {f"{root}/DataProperties?$format=json": {"value": _properties()}}
    responses.update({f"{root}/{key}?$format=json": {"value": _members(key)} for key in DIMENSIONS})
    responses[f"{root}/UntypedDataSet"] = {"value": _untyped()}
    return responses
