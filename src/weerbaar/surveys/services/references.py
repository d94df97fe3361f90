"""The published 2026 Groningen/Drenthe figures (Sociaal Planbureau Groningen and Trendbureau
Drenthe), read from the open-data folder, as reference lines beside the results."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from weerbaar.core.data_dir import data_dir_or_none

FILE = "jeugd/feiten_jeugd_en_programmas.csv"
#: question key, answer -> the row's kenmerk in the file
MAPPING = {
    ("kent_leeftijdsgenoot", "ja"): "kent_leeftijdsgenoot_strafbare_klusjes",
    ("berichten_gezien", "ja"): "wervende_berichten_gezien",
    ("benaderd", "ja"): "persoonlijk_benaderd",
}


@dataclass(frozen=True)
class Reference:
    share: float
    text: str
    date: str
    url: str


def references() -> dict[tuple[str, str], Reference]:
    """Empty when the open data are not there (the page then says so)."""
    folder = data_dir_or_none()
    path = folder / FILE if folder else None
    if path is None or not path.is_file():
        return {}
    wanted = {v: k for k, v in MAPPING.items()}
    found = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = wanted.get(row["kenmerk"])
            if key and row["onderwerp"] == "scholierenonderzoek_gr_dr" and row["waarde"]:
                found[key] = Reference(
                    float(row["waarde"]), row["omschrijving"], row["datum_bron"], row["bron_url"]
                )
    return found
