"""``weerbaar import interventies``: recognition levels, dates and sources of youth
interventions, and research warnings, from ``interventies/`` in the data directory.

The files are hand-compiled from public pages (NJi, Loket Gezond Leven, providers), one
source link per row. A level is kept verbatim; it also gets the catalogue's level where the
text is exactly one level, and stays without one where the file has none or names several
(per outcome). Where the file holds more rows for one intervention, the row it marks
``voorkeursrij`` is the one the catalogue shows first. Interventions the catalogue does
not know yet are added from the row's own description.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from weerbaar.core.imports import DataFileError, ImportReport, ProgressFactory, no_progress
from weerbaar.prevention.models import (
    EvidenceWarning,
    Intervention,
    Level,
    Recognition,
    Setting,
    TargetGroup,
)

FOLDER = Path("interventies")
RECOGNITIONS = FOLDER / "erkende_interventies_jeugd.csv"
WARNINGS = FOLDER / "waarschuwingen_interventies.csv"

_LEVELS = [
    (re.compile(r"^niet erkend$"), Level.NOT_RECOGNISED),
    (re.compile(r"^goed beschreven$"), Level.WELL_DESCRIBED),
    (re.compile(r"^goed onderbouwd$"), Level.WELL_FOUNDED),
    (re.compile(r"^(effectief volgens )?eerste aanwijzingen( voor effectiviteit)?$"), Level.FIRST),
    (re.compile(r"^(effectief volgens )?goede aanwijzingen( voor effectiviteit)?$"), Level.GOOD),
    (re.compile(r"^(effectief volgens )?sterke aanwijzingen( voor effectiviteit)?$"), Level.STRONG),
]
_SETTINGS = {
    "school": Setting.SCHOOL,
    "gezin": Setting.HOME,
    "gezin/groep": Setting.HOME,
    "opvoedgezin": Setting.CARE,
    "wijk": Setting.STREET,
    "justitie": Setting.JUSTICE,
}
_AGES = re.compile(r"(\d{1,2})\s*(?:tot en met|t/m|tot|-|–)\s*(\d{1,2})")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def level_of(text: str) -> str:
    """The catalogue's level when ``text`` is exactly one, else ""."""
    normal = text.strip().strip("'\"").lower()
    return next((level for pattern, level in _LEVELS if pattern.match(normal)), "")


def _date(text: str) -> Any:
    import datetime as dt

    match = _ISO_DATE.match(text.strip())
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    match = re.match(r"^(\d{2})-(\d{2})-(\d{4})$", text.strip())
    if match:
        day, month, year = map(int, match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def _rows(path: Path, required: set[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise DataFileError(path, None, "bestand ontbreekt")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise DataFileError(path, 1, f"kolommen ontbreken: {', '.join(sorted(missing))}")
        return [
            (n, {k: (v or "").strip() for k, v in row.items() if k})
            for n, row in enumerate(reader, start=2)
        ]


def _new_intervention(row: dict[str, str]) -> dict[str, Any]:
    ages = _AGES.search(row["doelgroep_leeftijd"])
    setting = row["setting"].split(";")[0].split(" ")[0].strip()
    audience = row["doelgroep_leeftijd"].lower()
    target = (
        TargetGroup.PARENTS
        if audience.startswith(("ouders", "gedetineerde moeders"))
        else TargetGroup.CHILDREN
    )
    problem = row["probleem"] or "niet vermeld in de bron"
    return {
        "name": row["interventie"][:160],
        "summary": f"Gericht op: {problem}. Doelgroep: {row['doelgroep_leeftijd'] or 'niet vermeld'}."[
            :1000
        ],
        "goal": problem[:1000],
        "target_group": target,
        "age_min": int(ages.group(1)) if ages else None,
        "age_max": int(ages.group(2)) if ages else None,
        "setting": _SETTINGS.get(setting, Setting.STREET if not setting else Setting.JUSTICE),
        "provider": row["aanbieder_eigenaar"][:160],
        "source": (row["bron_url"] or "erkende_interventies_jeugd.csv")[:300],
    }


def _find(name: str) -> Intervention | None:
    return (
        Intervention.objects.filter(slug=slugify(name)[:80]).first()
        or Intervention.objects.filter(name__iexact=name).first()
    )


def _store_recognitions(rows: list[tuple[int, dict[str, str]]], report: ImportReport) -> None:
    added = report.entity("Interventies")
    counted = report.entity("Erkenningen")
    for _line, row in rows:
        intervention = _find(row["interventie"])
        if intervention is None:
            intervention = Intervention.objects.create(
                slug=slugify(row["interventie"])[:80], **_new_intervention(row)
            )
            added.created += 1
        if not row["erkenningsniveau"] and not row["bron_url"]:
            continue  # the file knows nothing about its recognition: neither do we
        _recognition, created = Recognition.objects.update_or_create(
            intervention=intervention,
            source_url=row["bron_url"][:500],
            level_text=row["erkenningsniveau"][:500],
            defaults={
                "committee": row["erkend_door"][:200],
                "level": level_of(row["erkenningsniveau"]),
                "date": _date(row["erkenningsdatum"]),
                "date_text": row["erkenningsdatum"][:200],
                "preferred": row["voorkeursrij"] == "1",
            },
        )
        if created:
            counted.created += 1
        else:
            counted.unchanged += 1


def _store_warnings(rows: list[tuple[int, dict[str, str]]], report: ImportReport) -> None:
    warned = report.entity("Waarschuwingen uit onderzoek")
    for _line, row in rows:
        _warning, created = EvidenceWarning.objects.update_or_create(
            topic=row["onderwerp"][:80],
            subject=row["interventie_of_type"][:300],
            source_url=row["bron_url"][:500],
            defaults={
                "finding": row["bevinding"],
                "date_text": row.get("datum_bron", "")[:80],
                "source_type": row.get("bron_type", "")[:200],
                "intervention": _find(row["interventie_of_type"]),
            },
        )
        if created:
            warned.created += 1
        else:
            warned.unchanged += 1


def import_interventions(folder: Path, progress: ProgressFactory = no_progress) -> ImportReport:
    recognitions = _rows(
        folder / RECOGNITIONS,
        {
            "interventie",
            "erkenningsniveau",
            "erkenningsdatum",
            "erkend_door",
            "bron_url",
            "voorkeursrij",
        },
    )
    warnings = _rows(
        folder / WARNINGS, {"onderwerp", "interventie_of_type", "bevinding", "bron_url"}
    )
    for line, row in recognitions:
        if not row["interventie"]:
            raise DataFileError(folder / RECOGNITIONS, line, "kolom interventie is leeg")
    for line, row in warnings:
        if not row["bron_url"].startswith("http"):
            raise DataFileError(folder / WARNINGS, line, "een waarschuwing heeft een bron nodig")
    report = ImportReport()
    advance = progress("Interventies", len(recognitions) + len(warnings))
    with transaction.atomic():
        _store_recognitions(recognitions, report)
        _store_warnings(warnings, report)
        advance(len(recognitions) + len(warnings))
    report.notes.append(
        "Bron: per rij de pagina in de kolom bron_url (NJi, Loket Gezond Leven, aanbieders), "
        "verzameld op 1 december 2026."
    )
    return report


def has_interventions() -> bool:
    return Recognition.objects.exclude(source_url="").exists()
