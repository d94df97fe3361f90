"""A run's ranked list as rows for CSV, Excel and the command line."""

from __future__ import annotations

from typing import Any

from weerbaar.selection.services.engine import TRACK_NAMES


def header(result: dict[str, Any]) -> list[str]:
    indicators = [i["code"] for i in result["rule"]["indicators"]]
    return [
        "code",
        "naam",
        "gekozen_in",
        "rang",
        "score",
        "afstand_tot_grens",
        "inwoners",
        "uitgesloten",
        *(f"bijdrage:{code}" for code in indicators),
        *(f"waarde:{code}" for code in indicators),
    ]


def rows(result: dict[str, Any]) -> list[list[Any]]:
    """One row per area, in the run's order; scores of the main track (else the second)."""
    indicators = [i["code"] for i in result["rule"]["indicators"]]
    table = []
    for area in result["areas"]:
        track = area["tracks"].get(TRACK_NAMES[0]) or area["tracks"].get(TRACK_NAMES[1]) or {}
        by_indicator = {c["indicator"]: c for c in track.get("contributions", [])}
        excluded = "; ".join(
            f"{name}: {reason}" for name, reason in sorted((area.get("excluded") or {}).items())
        )
        table.append(
            [
                area["code"],
                area["name"],
                area["selected_in"] or "",
                track.get("rank"),
                track.get("score"),
                track.get("distance"),
                area["inhabitants"],
                excluded,
                *(by_indicator.get(code, {}).get("contribution") for code in indicators),
                *(by_indicator.get(code, {}).get("value") for code in indicators),
            ]
        )
    return table
