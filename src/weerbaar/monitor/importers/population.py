"""Population from CBS: municipal series per year, 1 January counts by age, KWB per district."""

from __future__ import annotations

import re
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


class AveragePopulationSource(MatchingFiles):
    """``bevolking_gemiddeld_70072ned_*.csv``: average inhabitants per municipality and year,
    each in the division of that year (dissolved municipalities keep their own code)."""

    name = "bevolking-70072ned"
    table_id = "70072ned"
    location = FileSource("gemeenten", r"bevolking_gemiddeld_70072ned.*\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        for line, row in csv_rows(path, ["gm_code", "jaar", "gemiddeld_inwoners"]):
            value, status = parse_value(path, line, "gemiddeld_inwoners", row["gemiddeld_inwoners"])
            yield Record(
                "bevolking.gemiddeld",
                area_code(path, line, row["gm_code"]),
                year_of(path, line, row["jaar"]),
                value,
                status,
            )


#: youth age bands estimated from CBS's 5-year bands, assuming ages spread evenly within a
#: band: 12-17 = 3/5 of 10-14 + 3/5 of 15-19; 18-24 = 2/5 of 15-19 + 20-24
YOUTH_BANDS = {
    "bevolking.12-17": {"leeftijd_10_14": 0.6, "leeftijd_15_19": 0.6},
    "bevolking.18-24": {"leeftijd_15_19": 0.4, "leeftijd_20_24": 1.0},
    "bevolking.12-24": {"leeftijd_10_14": 0.6, "leeftijd_15_19": 1.0, "leeftijd_20_24": 1.0},
}


class MunicipalAgeSource(MatchingFiles):
    """``gemeenten_YYYY.csv``: inhabitants on 1 January by age band, and the youth bands
    estimated from them (marked as estimates: a table with single years of age, such as CBS
    03759ned loaded through ``weerbaar import statline``, gives them exactly)."""

    name = "bevolking-leeftijd"
    table_id = "70072ned"
    location = FileSource("gemeenten", r"gemeenten_\d{4}\.csv")

    def read(self, path: Path) -> Iterator[Record]:
        year = int(re.findall(r"\d{4}", path.name)[0])
        total = f"inwoners_1jan{year}"
        for line, row in csv_rows(path, ["gm_code", total, "leeftijd_10_14"]):
            code = area_code(path, line, row["gm_code"])
            for column, measure in (
                (total, "bevolking.totaal"),
                ("leeftijd_10_14", "bevolking.10-14"),
            ):
                value, status = parse_value(path, line, column, row[column])
                yield Record(measure, code, year, value, status)
            if all(column in row for column in ("leeftijd_15_19", "leeftijd_20_24")):
                yield from _youth_bands(path, line, row, code, year)


class KwbSource:
    """CBS Kerncijfers wijken en buurten: population (total, 0-14) and density.

    Country-of-origin columns are never read.
    """

    name = "kwb"
    table_id = "85984NED"
    _population = FileSource("kwb", r"kwb_(\d{4})_bevolking.*\.csv")
    _density = FileSource("kwb", r"kwb_(\d{4})_gemeente_wijk_oppervlakte.*\.csv")

    def files(self, folder: Path) -> list[Path]:
        return self._population.matching(folder) + self._density.matching(folder)

    def read(self, path: Path) -> Iterator[Record]:
        year = int(re.findall(r"\d{4}", path.name)[0])
        if "oppervlakte" in path.name:
            for line, row in csv_rows(path, ["regio_code", "bevolkingsdichtheid_per_km2"]):
                value, status = parse_value(
                    path, line, "bevolkingsdichtheid_per_km2", row["bevolkingsdichtheid_per_km2"]
                )
                yield Record(
                    "kwb.dichtheid", area_code(path, line, row["regio_code"]), year, value, status
                )
            return
        for line, row in csv_rows(path, ["regio_code", "inwoners", "leeftijd_0_14"]):
            code = area_code(path, line, row["regio_code"])
            for column, measure in (("inwoners", "kwb.totaal"), ("leeftijd_0_14", "kwb.0-14")):
                value, status = parse_value(path, line, column, row[column])
                yield Record(measure, code, year, value, status)


def _youth_bands(
    path: Path, line: int, row: dict[str, str], code: str, year: int
) -> Iterator[Record]:
    parsed = {
        column: parse_value(path, line, column, row[column])
        for column in ("leeftijd_10_14", "leeftijd_15_19", "leeftijd_20_24")
    }
    for measure, parts in YOUTH_BANDS.items():
        if all(parsed[column][0] is not None for column in parts):
            total = sum((parsed[column][0] or 0.0) * share for column, share in parts.items())
            yield Record(measure, code, year, round(total), Status.FINAL, Method.AGE_ESTIMATE)
        else:
            yield Record(measure, code, year, None, Status.MISSING, Method.AGE_ESTIMATE)
