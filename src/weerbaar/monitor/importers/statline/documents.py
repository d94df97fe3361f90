"""The files of a StatLine table, wherever they come from: a folder, a zip, or the OData
feed. Each "document" (``DataProperties``, ``TypedDataSet``, ``Perioden`` …) is a list of
rows, read from JSON (an OData response ``{"value": [...]}`` or a plain list) or CSV (comma
or semicolon separated, as StatLine downloads them)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from weerbaar.core.imports import DataFileError

Row = dict[str, Any]

#: a table id as CBS writes it: 85655NED, 70072ned, 47018NED
TABLE_ID = re.compile(r"(?<![0-9A-Za-z])(\d{5}[A-Za-z]{3})(?![0-9A-Za-z])")


@dataclass
class Documents:
    """Named documents of one table; ``origin`` says where they came from (for messages)."""

    origin: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    table_id: str = ""

    def get(self, name: str) -> list[Row] | None:
        for key, rows in self.rows.items():
            if key.lower() == name.lower():
                return rows
        return None

    def names(self) -> list[str]:
        return sorted(self.rows)


def _parse_json(text: str, origin: str) -> list[Row]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DataFileError(origin, None, f"geen geldige JSON ({exc})") from exc
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        data = data["value"]
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise DataFileError(origin, None, "verwacht een lijst van regels of {'value': [...]}")
    return data


def _parse_csv(text: str, origin: str) -> list[Row]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = [{k.strip(): v for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as exc:
        raise DataFileError(origin, reader.line_num, f"geen geldige CSV ({exc})") from exc
    return rows


def _document_name(filename: str) -> tuple[str, str]:
    """'85984NED_DataProperties.json' -> ('DataProperties', '85984NED')."""
    stem = Path(filename).stem
    match = TABLE_ID.match(stem)
    if match and stem[match.end() : match.end() + 1] in {"_", "-", " "}:
        return stem[match.end() + 1 :], match.group(1)
    return stem, ""


def _add(documents: Documents, filename: str, data: bytes) -> None:
    suffix = Path(filename).suffix.lower()
    if suffix not in {".json", ".csv"}:
        return
    origin = f"{documents.origin}:{filename}" if documents.origin != filename else filename
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(origin, None, "geen geldige UTF-8-tekst") from exc
    name, table_id = _document_name(filename)
    documents.rows[name] = (
        _parse_json(text, origin) if suffix == ".json" else _parse_csv(text, origin)
    )
    if table_id and not documents.table_id:
        documents.table_id = table_id.upper()


def read_documents(path: Path) -> Documents:
    """All JSON and CSV documents in a folder or zip (sub-folders included)."""
    documents = Documents(str(path))
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            _add(documents, str(file.relative_to(path)), file.read_bytes())
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    _add(documents, info.filename, archive.read(info))
    elif path.is_file():
        raise DataFileError(path, None, "verwacht een map of een zip-bestand met de tabel")
    else:
        raise DataFileError(path, None, "bestaat niet")
    if not documents.table_id:
        described = documents.get("TableInfos") or documents.get("Properties") or []
        identifier = str(described[0].get("Identifier", "")) if described else ""
        match = TABLE_ID.search(identifier) or TABLE_ID.search(path.name)
        documents.table_id = match.group(1).upper() if match else ""
    return documents
