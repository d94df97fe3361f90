"""Sync the indicator catalogue (``catalogue.yaml``) into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from weerbaar.core.imports import DataFileError, EntityCount
from weerbaar.monitor.models import Aggregation, Direction, Indicator, Unit

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
