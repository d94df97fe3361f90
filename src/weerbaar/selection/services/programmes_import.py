"""``weerbaar import programmas``: the participants of Preventie met Gezag (municipalities,
with tranche and start year) and the NPLV focus areas (districts, from a derived mapping
with its certainty per row), from ``programmas/`` and ``geo/`` in the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from weerbaar.core.imports import (
    DataFileError,
    ImportReport,
    ProgressFactory,
    no_progress,
)
from weerbaar.selection.models import Participation, Programme
from weerbaar.selection.services.participations import CODE, read_rows

#: the NPLV started in 2022 (kabinetsbesluit, 20 focus areas for 10-20 years)
NPLV_START = 2022


@dataclass(frozen=True)
class Planned:
    code: str
    start_year: int
    cohort: str
    certainty: str = ""
    note: str = ""


PROGRAMMES = {
    "preventie-met-gezag": (
        "Preventie met Gezag",
        "Rijksprogramma tegen de aanwas van jongeren in de criminaliteit (8-27 jaar); "
        "gemeenten per tranche en startjaar.",
        "jongeren van 8 tot 27 jaar",
    ),
    "nplv": (
        "NPLV-focusgebieden",
        "Nationaal Programma Leefbaarheid en Veiligheid: 20 focusgebieden, als wijken van 2024 "
        "(afgeleide koppeling met zekerheid per wijk). Startjaar 2022 voor alle gebieden.",
        "bewoners van de focusgebieden",
    ),
}


def _pmg(path: Path) -> list[Planned]:
    rows = read_rows(path, ["gm_code", "start_jaar", "tranche"])
    result = []
    for line, row in rows:
        code = row["gm_code"].strip().upper()
        year = row["start_jaar"].strip()
        if not CODE.match(code) or not year.isdigit():
            raise DataFileError(path, line, f"'{code}' / '{year}' is geen gemeentecode met jaar")
        result.append(Planned(code, int(year), row["tranche"].strip()))
    return result


def _nplv(path: Path) -> list[Planned]:
    rows = read_rows(path, ["nplv_gebied", "wk_code", "zekerheid"])
    result = []
    for line, row in rows:
        code = row["wk_code"].strip().upper()
        if not CODE.match(code):
            raise DataFileError(path, line, f"'{code}' is geen wijkcode")
        note = (row.get("toelichting") or "").strip()[:400]
        result.append(
            Planned(code, NPLV_START, row["nplv_gebied"].strip(), row["zekerheid"].strip(), note)
        )
    return result


def _store(slug: str, planned: list[Planned]) -> tuple[int, int, int]:
    name, description, target = PROGRAMMES[slug]
    programme, _ = Programme.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description, "target_group": target}
    )
    created = updated = unchanged = 0
    for item in {p.code: p for p in planned}.values():
        fields = {
            "start_year": item.start_year,
            "cohort": item.cohort,
            "certainty": item.certainty,
            "note": item.note,
        }
        current = Participation.objects.filter(programme=programme, area_code=item.code).first()
        if current is None:
            Participation.objects.create(programme=programme, area_code=item.code, **fields)
            created += 1
        elif any(getattr(current, k) != v for k, v in fields.items()):
            for key, value in fields.items():
                setattr(current, key, value)
            current.save()
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged


def import_programmes(folder: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    report = ImportReport()
    sources = [
        ("preventie-met-gezag", folder / "programmas" / "preventie_met_gezag_gemeenten.csv", _pmg),
        ("nplv", folder / "geo" / "nplv_focusgebieden_wijk_2024.csv", _nplv),
    ]
    present = [(slug, path, read) for slug, path, read in sources if path.is_file()]
    if not present:
        report.notes.append(f"Geen programmabestanden gevonden in {folder}.")
        return report
    advance = progress("Programma's", len(present))
    plans = [(slug, read(path)) for slug, path, read in present]  # all checked before writing
    counts = report.entity("Deelnames")
    with transaction.atomic():
        for slug, planned in plans:
            created, updated, unchanged = _store(slug, planned)
            counts.created += created
            counts.updated += updated
            counts.unchanged += unchanged
            advance(1)
    return report


def has_programmes() -> bool:
    return Participation.objects.exists()
