"""From a StatLine table to the monitor's measures, as the catalogue maps them.

A mapping entry (``statline:`` in ``catalogue.yaml``, or in a ``weerbaar.yaml`` the analyst
puts beside the downloaded files) names the table, the measure (its key or title), a member
of every other dimension (key or title; a list is summed, e.g. single years of age into an
age band), and the measure code the values go into::

    - table: 85655NED
      into: verdachten.12-17
      measure: Verdachten
      filters: {Leeftijd: "12 tot 18 jaar", Geslacht: "Totaal mannen en vrouwen"}

Everything is checked against the table itself: an unknown name stops the import with the
names the table does have, so a renamed CBS column never loads silently wrong.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from weerbaar.core.imports import DataFileError
from weerbaar.monitor.importers.base import AREA_CODE, Record
from weerbaar.monitor.importers.statline.table import Cell, Dimension, Measure, Table
from weerbaar.monitor.models import Status
from weerbaar.monitor.models.observation import WITH_VALUE
from weerbaar.monitor.services.values import combine_status

#: ValueAttribute of OData v4 for a cell without a number
SECRET_ATTRIBUTES = {"confidential", "geheim"}
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class Entry:
    table: str
    into: str
    measure: str
    filters: dict[str, list[str]]
    region: str = ""
    scale: float = 1.0
    #: the year of every value, for a table without a period dimension (KWB is one per year)
    year: int | None = None


def entries_from(data: Any, origin: str) -> list[Entry]:
    """Mapping entries from the ``statline:`` list of a YAML document."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError(origin, None, "'statline' moet een lijst van koppelingen zijn")
    result = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not {"table", "into", "measure"} <= set(item):
            raise DataFileError(
                origin, None, f"koppeling {number}: 'table', 'into' en 'measure' zijn verplicht"
            )
        filters = {
            str(dim): [str(v) for v in (value if isinstance(value, list) else [value])]
            for dim, value in (item.get("filters") or {}).items()
        }
        result.append(
            Entry(
                str(item["table"]).upper(),
                str(item["into"]),
                str(item["measure"]),
                filters,
                str(item.get("region") or ""),
                float(item.get("scale") or 1.0),
                int(item["year"]) if item.get("year") else None,
            )
        )
    return result


def entries_in_text(text: str, origin: str) -> tuple[list[Entry], list[dict[str, Any]]]:
    """The mapping entries and extra indicator definitions of a YAML document."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(origin, None, f"onleesbaar ({exc})") from exc
    if not isinstance(data, dict):
        raise DataFileError(origin, None, "verwacht de sleutels 'statline' en/of 'indicators'")
    return entries_from(data.get("statline"), origin), list(data.get("indicators") or [])


def _pick(items: dict[str, Any], wanted: str, what: str, table: Table) -> Any:
    """An item by its key, else by its title (case-insensitive); an error names the choices."""
    if wanted in items:
        return items[wanted]
    by_title = [item for item in items.values() if item.title.casefold() == wanted.casefold()]
    if len(by_title) == 1:
        return by_title[0]
    choices = ", ".join(f"{item.key} ({item.title})" for item in list(items.values())[:30])
    more = " …" if len(items) > 30 else ""
    reason = "komt meer dan eens voor" if by_title else "staat niet in deze tabel"
    raise DataFileError(
        table.origin, None, f"{what} '{wanted}' {reason}; kies uit: {choices}{more}"
    )


@dataclass
class _Resolved:
    entry: Entry
    measure: Measure
    region: Dimension
    period: Dimension | None
    allowed: dict[str, set[str]]  # dimension key -> member keys (summed when more than one)


def _resolve(entry: Entry, table: Table) -> _Resolved:
    measure = _pick(table.measures, entry.measure, "Onderwerp (measure)", table)
    region = (
        _pick(table.dimensions, entry.region, "Dimensie", table) if entry.region else table.region
    )
    period = table.period
    if region is None:
        raise DataFileError(
            table.origin, None, "de tabel heeft geen regiodimensie die Weerbaar kent"
        )
    if period is None and entry.year is None:
        raise DataFileError(
            table.origin,
            None,
            f"koppeling naar {entry.into}: de tabel heeft geen perioden; zet 'year' in de koppeling",
        )
    allowed: dict[str, set[str]] = {}
    for name, wanted in entry.filters.items():
        dimension = _pick(table.dimensions, name, "Dimensie", table)
        allowed[dimension.key] = {
            _pick(dimension.members, value, f"Waarde van {dimension.key}", table).key
            for value in wanted
        }
    for dimension in table.dimensions.values():
        if dimension.key in allowed or dimension.key in {region.key, period and period.key}:
            continue
        if len(dimension.members) == 1:
            allowed[dimension.key] = set(dimension.members)
            continue
        titles = ", ".join(m.title for m in list(dimension.members.values())[:10])
        raise DataFileError(
            table.origin,
            None,
            f"koppeling naar {entry.into}: kies in 'filters' een waarde voor dimensie "
            f"{dimension.key} ({dimension.title}), bijvoorbeeld: {titles}",
        )
    return _Resolved(entry, measure, region, period, allowed)


def member_filter(table: Table, entries: list[Entry]) -> dict[str, set[str]]:
    """Per dimension the member keys any entry for this table needs (to ask CBS for only
    those cells); checks every entry against the table's metadata on the way."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.table != table.table_id.upper():
            continue
        for key, members in _resolve(entry, table).allowed.items():
            wanted[key] |= members
    return dict(wanted)


def cell_value(cell: Cell, provisional: bool) -> tuple[float | None, str]:
    """A cell to (value, status); secret stays secret and missing stays missing, never 0."""
    if cell.attribute.casefold() in SECRET_ATTRIBUTES:
        return None, Status.SECRET
    raw = cell.raw
    if isinstance(raw, str):
        text = raw.strip()
        if text.endswith("*"):
            provisional, text = True, text.rstrip("*").strip()
        if text in {"", ".", "?"}:
            return None, Status.MISSING
        if text.lower() == "x":
            return None, Status.SECRET
        if text == "-":
            return 0.0, Status.NIL
        if not _NUMBER.match(text):
            raise DataFileError("StatLine", None, f"cel '{raw}' is geen getal of CBS-teken")
        raw = float(text.replace(",", "."))
    if raw is None or isinstance(raw, bool):
        return None, Status.MISSING
    return float(raw), Status.PROVISIONAL if provisional else Status.FINAL  # type: ignore[arg-type]


def _year(key: str) -> int | None:
    return int(key[:4]) if len(key) == 8 and key[4:6] == "JJ" and key[:4].isdigit() else None


def _cells(item: _Resolved, table: Table) -> dict[tuple[str, int], list[tuple[float | None, str]]]:
    """The mapped cells per (area code, year), each as (value, status)."""
    sums: dict[tuple[str, int], list[tuple[float | None, str]]] = defaultdict(list)
    for cell in table.cells:
        if cell.measure != item.measure.key:
            continue
        if any(cell.coordinates.get(k) not in keys for k, keys in item.allowed.items()):
            continue
        code = cell.coordinates.get(item.region.key, "").strip()
        if item.period is None:
            year, member = item.entry.year, None
        else:
            period = cell.coordinates.get(item.period.key, "")
            year, member = _year(period), item.period.members.get(period)
        if year is None or not AREA_CODE.match(code) or code.startswith("NL"):
            continue
        sums[(code, year)].append(cell_value(cell, bool(member and member.provisional)))
    return sums


def records(table: Table, entries: list[Entry]) -> Iterator[Record]:
    """Records for every entry that maps this table; sums over listed members, and a sum
    with a secret or missing part is secret or missing itself."""
    resolved = [_resolve(e, table) for e in entries if e.table == table.table_id.upper()]
    for item in resolved:
        expected = 1
        for keys in item.allowed.values():
            expected *= len(keys)
        for (code, year), parts in sorted(_cells(item, table).items()):
            status = combine_status(*(s for _, s in parts))
            if len(parts) < expected:
                status = Status.MISSING  # a listed member has no cell: the sum is incomplete
            if status in WITH_VALUE:
                total = sum(v or 0.0 for v, _ in parts) * item.entry.scale
                yield Record(item.entry.into, code, year, total, status)
            else:
                yield Record(item.entry.into, code, year, None, status)
