"""Participations of a programme from a CSV file (columns: gebiedscode or gm_code,
startjaar, tranche), all or nothing."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from django.db import transaction

from weerbaar.core.imports import DataFileError, EntityCount
from weerbaar.selection.models import Participation, Programme

CODE = re.compile(r"^(GM\d{4}|WK\d{4}[0-9A-Z]{2})$")


def import_participations(programme: Programme, path: Path) -> EntityCount:
    counts = EntityCount()
    header, found = read_table(path)
    code_column = next((c for c in ("gebiedscode", "gm_code", "area_code") if c in header), None)
    if code_column is None or "startjaar" not in header:
        raise DataFileError(
            path, 1, "kolommen gebiedscode (of gm_code) en startjaar zijn verplicht"
        )
    rows = []
    for line, row in found:
        code = (row.get(code_column) or "").strip().upper()
        if not CODE.match(code):
            raise DataFileError(path, line, f"'{code}' is geen gemeente- of wijkcode")
        start = (row.get("startjaar") or "").strip()
        if not re.fullmatch(r"(19|20)\d\d", start):
            raise DataFileError(path, line, f"startjaar '{start}' is geen jaartal")
        rows.append((code, int(start), (row.get("tranche") or "").strip()))
    with transaction.atomic():
        for code, year, cohort in rows:
            current = Participation.objects.filter(programme=programme, area_code=code).first()
            if current is None:
                Participation.objects.create(
                    programme=programme, area_code=code, start_year=year, cohort=cohort
                )
                counts.created += 1
            elif (current.start_year, current.cohort) != (year, cohort):
                current.start_year, current.cohort = year, cohort
                current.save()
                counts.updated += 1
            else:
                counts.unchanged += 1
    return counts


def read_table(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows (with line numbers) of a comma- or semicolon-separated file:
    both are published."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise DataFileError(path, None, f"kan het bestand niet openen ({exc.strerror})") from exc
    with handle:
        delimiter = ";" if ";" in handle.readline() else ","
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=delimiter)
        header = list(reader.fieldnames or [])
        return header, [(reader.line_num, row) for row in reader]


def read_rows(path: Path, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line numbers, after checking the required columns are there."""
    header, rows = read_table(path)
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(path, 1, f"kolom(men) ontbreken: {', '.join(missing)}")
    return rows
