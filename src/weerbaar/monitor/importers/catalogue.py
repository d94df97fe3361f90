"""Sync the indicator catalogue (``catalogue.yaml``) into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from weerbaar.core.imports import DataFileError, EntityCount
from weerbaar.monitor.models import Aggregation, Direction, Indicator, Unit
from weerbaar.monitor.services.formatting import CLASS_WORDS

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue.yaml"
REQUIRED = [
    "code",
    "theme",
    "name",
    "name_en",
    "definition",
    "numerator",
    "scale",
    "unit",
    "direction",
    "aggregation",
    "levels",
    "source",
]


def _fields(entry: dict[str, Any], position: int, path: Path) -> dict[str, Any]:
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        raise DataFileError(
            path, None, f"indicator {entry.get('code', position)}: ontbreekt {', '.join(missing)}"
        )
    if entry.get("class_words") not in (None, "", *CLASS_WORDS):
        raise DataFileError(
            path, None, f"indicator {entry['code']}: onbekende class_words '{entry['class_words']}'"
        )
    for key, choices in (("unit", Unit), ("direction", Direction), ("aggregation", Aggregation)):
        if entry[key] not in choices.values:
            raise DataFileError(
                path, None, f"indicator {entry['code']}: onbekende {key} '{entry[key]}'"
            )
    source = entry["source"]
    return {
        "theme": entry["theme"],
        "name": entry["name"],
        "name_en": entry["name_en"],
        "definition": entry["definition"],
        "numerator": entry["numerator"],
        "denominator": entry.get("denominator") or "",
        "weight_measure": entry.get("weight_measure") or "",
        "scale": int(entry["scale"]),
        "unit": entry["unit"],
        "direction": entry["direction"],
        "aggregation": entry["aggregation"],
        "levels": list(entry["levels"]),
        "publisher": source["publisher"],
        "table_id": str(source["table_id"]),
        "source_url": source["url"],
        "licence": source["licence"],
        "citation": source["citation"],
        "notes": entry.get("notes") or "",
        "class_measure": entry.get("class_measure") or "",
        "class_words": entry.get("class_words") or "",
        "denominator_years_apart": int(entry.get("denominator_years_apart") or 0),
        "registration_note": bool(entry.get("registration_note")),
        "effort_indicator": entry.get("effort_indicator") or "",
        "load_hint": entry.get("load_hint") or "",
        "position": position,
    }


def sync_catalogue(counts: EntityCount, path: Path = CATALOGUE) -> None:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise DataFileError(
            path,
            getattr(getattr(exc, "problem_mark", None), "line", None),
            f"catalogus onleesbaar ({exc})",
        ) from exc
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for position, entry in enumerate(entries):
        fields = _fields(entry, position, path)
        indicator = existing.get(entry["code"])
        if indicator is None:
            Indicator.objects.create(code=entry["code"], **fields)
            counts.created += 1
        elif any(getattr(indicator, key) != value for key, value in fields.items()):
            for key, value in fields.items():
                setattr(indicator, key, value)
            indicator.save()
            counts.updated += 1
        else:
            counts.unchanged += 1


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(path, None, f"catalogus onleesbaar ({exc})") from exc
    return data if isinstance(data, dict) else {}


def catalogue_mappings(path: Path = CATALOGUE) -> list[Any]:
    """The catalogue's StatLine mappings (``statline:``): which table feeds which measure."""
    from weerbaar.monitor.importers.statline.mapping import entries_from

    return entries_from(_load(path).get("statline"), str(path))


def sync_extra_indicators(entries: list[dict[str, Any]], path: Path) -> EntityCount:
    """Indicators an analyst defines beside a table they bring (``weerbaar.yaml``); placed
    after the catalogue's own."""
    counts = EntityCount()
    offset = Indicator.objects.count() + 1000
    for number, entry in enumerate(entries):
        if not isinstance(entry, dict) or "code" not in entry:
            raise DataFileError(path, None, f"indicator {number + 1}: 'code' ontbreekt")
        fields = _fields(entry, offset + number, path)
        _, created = Indicator.objects.update_or_create(code=entry["code"], defaults=fields)
        counts.created += int(created)
        counts.updated += int(not created)
    return counts
