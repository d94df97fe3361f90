"""A stored run's explanation as the page shows it: indicator names instead of codes, and
each weight beside the share of the total it counts for, so a contribution visibly equals
normalised value × share (the stored run itself is never changed)."""

from __future__ import annotations

import copy
from typing import Any

from weerbaar.monitor.models import Indicator


def explained_areas(result: dict[str, Any]) -> list[dict[str, Any]]:
    codes = {
        c["indicator"]
        for area in result["areas"]
        for track in (area.get("tracks") or {}).values()
        for c in track.get("contributions", [])
    }
    names = dict(Indicator.objects.filter(code__in=codes).values_list("code", "name"))
    rows = copy.deepcopy(result["areas"])
    for area in rows:
        for track in (area.get("tracks") or {}).values():
            contributions = track.get("contributions", [])
            total = sum(c["weight"] for c in contributions) or 1.0
            for c in contributions:
                c["name"] = names.get(c["indicator"], c["indicator"])
                c["share"] = c["weight"] / total
    return rows


def indicator_names(codes: list[str]) -> dict[str, str]:
    return dict(Indicator.objects.filter(code__in=codes).values_list("code", "name"))
