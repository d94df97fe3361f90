"""What every source importer yields: plain records in one internal form."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from weerbaar.core.imports import DataFileError
from weerbaar.monitor.models import Status


class Record(NamedTuple):
    measure: str
    area_code: str
    year: int
    value: float | None
    status: str
    method: str = ""  # Method: "" when published as such


class Source(Protocol):
    """A plugin: which files it reads and how it turns them into records."""

    name: str
    table_id: str

    def files(self, folder: Path) -> list[Path]: ...

    def read(self, path: Path) -> Iterator[Record]: ...


_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE]-?\d+)?$")
AREA_CODE = re.compile(r"^(GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}|PV\d{2}|NL0[01])$")


def parse_value(
    path: Path, line: int, column: str, raw: str | None, *, provisional: bool = False
) -> tuple[float | None, str]:
    """A published cell to (value, status). CBS symbols: '.' missing, 'x' secret, '-' nil.

    Missing and secret never become 0.
    """
    text = (raw or "").strip().rstrip("*")
    if (raw or "").strip().endswith("*"):
        provisional = True
    if text in {"", "."}:
        return None, Status.MISSING
    if text.lower() == "x":
        return None, Status.SECRET
    if text == "-":
        return 0.0, Status.NIL
    if not _NUMBER.match(text):
        raise DataFileError(path, line, f"kolom '{column}' bevat '{text}', geen getal")
    return float(text), Status.PROVISIONAL if provisional else Status.FINAL


def csv_rows(path: Path, required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows with their line number; header and field count checked."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise DataFileError(path, None, f"kan het bestand niet openen ({exc.strerror})") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(path, 1, f"kolom(men) ontbreken: {', '.join(missing)}")
        try:
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    raise DataFileError(
                        path, reader.line_num, "aantal velden klopt niet met de kopregel"
                    )
                yield reader.line_num, row
        except UnicodeDecodeError as exc:
            raise DataFileError(path, reader.line_num + 1, "geen geldige UTF-8-tekst") from exc
        except csv.Error as exc:
            raise DataFileError(path, reader.line_num, f"geen geldige CSV ({exc})") from exc


def year_of(path: Path, line: int, raw: str) -> int:
    text = raw.strip()
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise DataFileError(path, line, f"'{text}' is geen jaartal")
    return int(text)


def area_code(path: Path, line: int, raw: str) -> str:
    code = raw.strip()
    if not AREA_CODE.match(code):
        raise DataFileError(path, line, f"'{code}' is geen gebiedscode")
    return code


@dataclass(frozen=True)
class FileSource:
    """A source that reads every file in ``folder/subdir`` matching ``pattern``."""

    subdir: str
    pattern: str

    def matching(self, folder: Path) -> list[Path]:
        directory = folder / self.subdir
        if not directory.is_dir():
            return []
        return sorted(p for p in directory.iterdir() if re.fullmatch(self.pattern, p.name))


class MatchingFiles:
    """Base for sources that read the files matching one pattern (``location``)."""

    name: str
    table_id: str
    location: FileSource

    def files(self, folder: Path) -> list[Path]:
        return self.location.matching(folder)
