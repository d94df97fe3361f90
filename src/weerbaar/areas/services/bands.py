"""Age bands as stored in ``PopulationCount.band``: 'totaal', 'a-b' (inclusive) or 'a+'."""

from __future__ import annotations

import re

from weerbaar.areas.models.population import TOTAL_BAND

_BAND = re.compile(r"^(\d+)(?:-(\d+)|\+)$")


def band_from_column(column: str) -> str | None:
    """'leeftijd_10_14' -> '10-14'; 'leeftijd_80_plus' / 'leeftijd_65_plus' -> '80+' / '65+'."""
    match = re.fullmatch(r"leeftijd_(\d+)_(\d+|plus)", column)
    if not match:
        return None
    low, high = match.groups()
    return f"{int(low)}+" if high == "plus" else f"{int(low)}-{int(high)}"


def band_label(band: str) -> str:
    if band == TOTAL_BAND:
        return "totaal"
    match = _BAND.match(band)
    if not match:
        return band
    low, high = match.groups()
    return f"{low} jaar en ouder" if high is None else f"{low} t/m {high} jaar"


def band_sort_key(band: str) -> tuple[int, int]:
    if band == TOTAL_BAND:
        return (-1, 0)
    match = _BAND.match(band)
    if not match:
        return (10_000, 0)
    low, high = match.groups()
    return (int(low), int(high) if high else 10_000)
