"""Police registered crime (Politie / CBS open data)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from weerbaar.monitor.importers.base import (
    FileSource,
    MatchingFiles,
    Record,
    area_code,
    csv_rows,
    parse_value,
    year_of,
)
from weerbaar.monitor.models import Method, Status

#: offences that could not be attributed to a municipality: no area, not imported
UNATTRIBUTED = "GM0000"


class CrimeByTypeSource(MatchingFiles):
    """``misdrijven_47018NED_gemeente_*.csv``: registered offences per type, municipality, year."""

    name = "politie-47018NED"
    table_id = "47018NED"
    location = FileSource("politie", r"misdrijven_47018NED_gemeente.*\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        required = ["gm_code", "soort_code", "jaar", "geregistreerde_misdrijven", "voorlopig"]
        for line, row in csv_rows(path, required):
            if row["gm_code"].strip() == UNATTRIBUTED:
                continue
            value, status = parse_value(
                path,
                line,
                "geregistreerde_misdrijven",
                row["geregistreerde_misdrijven"],
                provisional=row["voorlopig"].strip() == "1",
            )
            yield Record(
                f"misdrijven.{row['soort_code'].strip()}",
                area_code(path, line, row["gm_code"]),
                year_of(path, line, row["jaar"]),
                value,
                status,
            )


class CrimeTotalSource(MatchingFiles):
    """``misdrijven_totaal_gemeente_politie_*.csv``: all registered offences per municipality."""

    name = "politie-totaal"
    table_id = "47013NED"
    location = FileSource("politie", r"misdrijven_totaal_gemeente_politie.*\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        required = ["regio_code", "jaar", "geregistreerde_misdrijven_totaal"]
        for line, row in csv_rows(path, required):
            code = row["regio_code"].strip()
            if not code.startswith("GM"):
                continue  # police units, abroad, unattributable, national total
            value, status = parse_value(
                path,
                line,
                "geregistreerde_misdrijven_totaal",
                row["geregistreerde_misdrijven_totaal"],
            )
            yield Record(
                "misdrijven.totaal",
                area_code(path, line, code),
                year_of(path, line, row["jaar"]),
                value,
                status,
            )


class CrimeConcentrationSource(MatchingFiles):
    """``misdaadconcentratie_brengdelicten_gemeente_YYYY.csv``: Gini of crime over buurten."""

    name = "misdaadconcentratie"
    table_id = "47018NED (afgeleid)"
    location = FileSource("politie", r"misdaadconcentratie_brengdelicten_gemeente_(\d{4})\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        year = int(path.stem.rsplit("_", 1)[1])
        for line, row in csv_rows(path, ["gm_code", "gini_misdaad"]):
            value, status = parse_value(path, line, "gini_misdaad", row["gini_misdaad"])
            yield Record(
                "misdaadconcentratie.gini",
                area_code(path, line, row["gm_code"]),
                year,
                value,
                status,
            )


class NeighbourhoodCrimeSource(MatchingFiles):
    """``misdrijven_47018NED_buurt_*.csv``: registered offences per neighbourhood (CBS OData
    column names). Districts get the sum of their neighbourhoods, marked as such, when every
    neighbourhood of the district has a number; otherwise the district stays missing."""

    name = "politie-47018NED-buurt"
    table_id = "47018NED"
    location = FileSource("politie", r"misdrijven_47018NED_buurt.*\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        required = ["SoortMisdrijf", "WijkenEnBuurten", "Perioden", "GeregistreerdeMisdrijven_1"]
        districts: dict[tuple[str, str, int], list[Record]] = defaultdict(list)
        for line, row in csv_rows(path, required):
            period = row["Perioden"].strip()
            if len(period) != 8 or period[4:6] != "JJ":
                continue  # months and quarters: not used
            kind = row["SoortMisdrijf"].strip()
            measure = "misdrijven.totaal" if kind.startswith("0.0.0") else f"misdrijven.{kind}"
            code = area_code(path, line, row["WijkenEnBuurten"])
            value, status = parse_value(
                path, line, "GeregistreerdeMisdrijven_1", row["GeregistreerdeMisdrijven_1"]
            )
            record = Record(measure, code, year_of(path, line, period[:4]), value, status)
            yield record
            if code.startswith("BU"):
                districts[(measure, "WK" + code[2:8], record.year)].append(record)
        for (measure, district, year), members in sorted(districts.items()):
            if all(m.value is not None for m in members):
                total = sum(m.value or 0.0 for m in members)
                yield Record(measure, district, year, total, Status.FINAL, Method.NEIGHBOURHOOD_SUM)
            else:
                yield Record(
                    measure, district, year, None, Status.MISSING, Method.NEIGHBOURHOOD_SUM
                )
