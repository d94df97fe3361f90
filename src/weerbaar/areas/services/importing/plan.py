"""From the files in the data directory to the desired state of the areas tables.

Everything is read and checked here, before any write, so a bad file stops the import
with nothing changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from weerbaar.areas.models.area import AreaLevel
from weerbaar.areas.models.population import TOTAL_BAND
from weerbaar.areas.services.importing import sources
from weerbaar.core.imports import DataFileError, ProgressFactory

LEVEL_ORDER: list[str] = [AreaLevel.PROVINCIE, AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT]


@dataclass
class PlannedArea:
    code: str
    level: str
    name: str
    parent_code: str | None
    years: set[int] = field(default_factory=set)
    name_year: int = 0
    geometry: dict[str, Any] | None = None
    geometry_year: int = 0
    geometry_source: str = ""
    source: str = ""

    def attest(self, year: int, name: str, source: str) -> None:
        """This code with this name exists in ``year`` according to ``source``."""
        self.years.add(year)
        if year >= self.name_year and name:
            self.name, self.name_year, self.source = name, year, source


@dataclass
class Plan:
    areas: dict[str, PlannedArea] = field(default_factory=dict)
    #: (code, year, band) -> (count, source)
    population: dict[tuple[str, int, str], tuple[int, str]] = field(default_factory=dict)
    #: (code, year) -> (count, source)
    households: dict[tuple[str, int], tuple[int, str]] = field(default_factory=dict)
    #: latest division year seen per level, to tell current areas from dissolved ones
    latest_year: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def area(self, code: str, level: str, name: str, parent_code: str | None) -> PlannedArea:
        planned = self.areas.get(code)
        if planned is None:
            planned = self.areas[code] = PlannedArea(code, level, name, parent_code)
        elif parent_code and not planned.parent_code:
            planned.parent_code = parent_code
        return planned

    def saw_division(self, level: str, year: int) -> None:
        self.latest_year[level] = max(year, self.latest_year.get(level, year))

    def valid_range(self, planned: PlannedArea) -> tuple[int, int | None]:
        last = max(planned.years)
        return min(planned.years), None if last >= self.latest_year[planned.level] else last

    def ordered(self) -> list[PlannedArea]:
        return sorted(self.areas.values(), key=lambda a: (LEVEL_ORDER.index(a.level), a.code))


def _files(folder: Path, pattern: str) -> list[tuple[int, Path]]:
    """Files in ``folder`` whose name matches ``pattern`` (one group: the year), oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = re.fullmatch(pattern, path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def _boundary_source(year: int) -> str:
    return f"CBS/Kadaster gebiedsindeling {year}, gegeneraliseerd (cartomap)"


def build_plan(folder: Path, progress: ProgressFactory) -> Plan:
    plan = Plan()
    municipality_files = _files(folder / "gemeenten", r"gemeenten_(\d{4})\.csv")
    if not municipality_files:
        raise DataFileError(folder / "gemeenten", None, "bestand gemeenten_JJJJ.csv ontbreekt")
    steps = (
        len(municipality_files)
        + len(_files(folder / "geo", r"(?:provincie|gemeente)_(\d{4})\.geojson"))
        + len(_files(folder / "kwb", r"kwb_(\d{4})_bevolking.*\.csv"))
        + len(_district_boundary_files(folder / "geo"))
        + 1
    )
    advance = progress("Bestanden lezen en controleren", steps)
    for _, path in municipality_files:
        _add_municipalities(plan, path)
        advance(1)
    for year, path in _files(folder / "geo", r"provincie_(\d{4})\.geojson"):
        _add_boundaries(plan, path, year, AreaLevel.PROVINCIE)
        advance(1)
    for year, path in _files(folder / "geo", r"gemeente_(\d{4})\.geojson"):
        _add_boundaries(plan, path, year, AreaLevel.GEMEENTE)
        advance(1)
    for year, path in _files(folder / "kwb", r"kwb_(\d{4})_bevolking.*\.csv"):
        _add_kwb(plan, path, year)
        advance(1)
    for year, path in _district_boundary_files(folder / "geo"):
        _add_boundaries(plan, path, year, AreaLevel.WIJK)
        advance(1)
    _add_province_totals(plan)
    advance(1)
    return plan


def _district_boundary_files(folder: Path) -> list[tuple[int, Path]]:
    """Per year the TopoJSON (the published form) or else the GeoJSON derived from it."""
    by_year: dict[int, Path] = {}
    for year, path in _files(folder, r"wijk_(\d{4})\.geojson"):
        by_year[year] = path
    for year, path in _files(folder, r"wijk_(\d{4})\.topojson"):
        by_year[year] = path
    return sorted(by_year.items())


def _add_municipalities(plan: Plan, path: Path) -> None:
    year, rows = sources.read_municipalities(path)
    source = f"CBS 70072ned Regionale kerncijfers ({path.parent.name}/{path.name})"
    plan.saw_division(AreaLevel.GEMEENTE, year)
    plan.saw_division(AreaLevel.PROVINCIE, year)
    for row in rows:
        province = plan.area(row.province_code, AreaLevel.PROVINCIE, row.province_name, None)
        if province.name_year == year and province.name != row.province_name:
            raise DataFileError(
                path,
                row.line,
                f"provincie {row.province_code} heet hier '{row.province_name}', "
                f"eerder '{province.name}'",
            )
        province.attest(year, row.province_name, source)
        municipality = plan.area(row.code, AreaLevel.GEMEENTE, row.name, row.province_code)
        municipality.parent_code = row.province_code
        municipality.attest(year, row.name, source)
        for band, count in row.population.items():
            plan.population[(row.code, year, band)] = (count, source)
        if row.households is not None:
            plan.households[(row.code, year)] = (row.households, source)


def _add_boundaries(plan: Plan, path: Path, year: int, level: str) -> None:
    if path.suffix == ".topojson":
        boundaries = sources.read_topojson_boundaries(path, level)
    else:
        boundaries = sources.read_geojson_boundaries(path, level)
    plan.saw_division(level, year)
    unknown = 0
    for boundary in boundaries:
        planned = plan.areas.get(boundary.code)
        if planned is None:
            unknown += 1
            continue
        planned.attest(year, "", planned.source)
        if year >= planned.geometry_year:
            planned.geometry = boundary.geometry
            planned.geometry_year = year
            planned.geometry_source = f"{_boundary_source(year)} ({path.parent.name}/{path.name})"
    if unknown:
        plan.notes.append(
            f"{path.name}: {unknown} grenzen overgeslagen, hun code staat niet in de gebiedenlijst."
        )


def _add_kwb(plan: Plan, path: Path, year: int) -> None:
    rows = sources.read_kwb(path)
    source = f"CBS Kerncijfers wijken en buurten {year} ({path.parent.name}/{path.name})"
    for level in (AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT):
        plan.saw_division(level, year)
    for row in rows:
        if row.level == AreaLevel.GEMEENTE:
            parent = plan.areas[row.code].parent_code if row.code in plan.areas else None
        elif row.level == AreaLevel.WIJK:
            parent = row.municipality_code
        else:
            parent = "WK" + row.code[2:8]
        if parent is None:
            plan.notes.append(
                f"{path.name} regel {row.line}: gemeente {row.code} zonder provincie."
            )
        elif parent not in plan.areas:
            raise DataFileError(
                path, row.line, f"{row.code} valt onder {parent}, dat niet bekend is"
            )
        planned = plan.area(row.code, row.level, row.name, parent)
        # The municipal master list names municipalities; KWB only adds the year it saw them.
        planned.attest(year, "" if row.level == AreaLevel.GEMEENTE else row.name, source)
        for band, count in row.population.items():
            plan.population[(row.code, year, band)] = (count, source)


def _add_province_totals(plan: Plan) -> None:
    """Province counts as sums of their municipalities, only where every one has a count."""
    members: dict[str, list[str]] = defaultdict(list)
    for planned in plan.areas.values():
        if planned.level == AreaLevel.GEMEENTE and planned.parent_code:
            members[planned.parent_code].append(planned.code)
    by_code_year: dict[tuple[str, int], dict[str, tuple[int, str]]] = defaultdict(dict)
    for (code, year, band), value in plan.population.items():
        by_code_year[(code, year)][band] = value
    years = sorted({year for (_, year) in by_code_year})
    for province, codes in members.items():
        for year in years:
            in_division = [code for code in codes if year in plan.areas[code].years]
            rows = [by_code_year.get((code, year)) for code in in_division]
            if not rows or not all(rows):
                continue  # a municipality without counts: a sum would undercount
            complete = [row for row in rows if row]
            origin = complete[0].get(TOTAL_BAND, (0, ""))[1]
            source = f"Som van de gemeenten; {origin}"
            for band in set.intersection(*(set(row) for row in complete)):
                plan.population[(province, year, band)] = (
                    sum(r[band][0] for r in complete),
                    source,
                )
            households = [plan.households.get((code, year)) for code in in_division]
            if all(households):
                plan.households[(province, year)] = (sum(h[0] for h in households if h), source)
