"""Small, self-made areas for tests: two provinces, three municipalities, districts."""

from __future__ import annotations

from typing import Any

from weerbaar.areas.models import Area, AreaLevel, HouseholdCount, PopulationCount


def square(x: float, y: float, size: float = 0.1) -> dict[str, Any]:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def make_area(
    code: str,
    name: str,
    level: str,
    parent: Area | None = None,
    *,
    population: dict[str, int] | None = None,
    year: int = 2025,
    households: int | None = None,
    geometry: dict[str, Any] | None = None,
    valid_from: int = 2023,
    valid_to: int | None = None,
) -> Area:
    area = Area.objects.create(
        code=code,
        name=name,
        level=level,
        parent=parent,
        geometry=geometry,
        valid_from=valid_from,
        valid_to=valid_to,
        source="test",
    )
    for band, count in (population or {}).items():
        PopulationCount.objects.create(area=area, year=year, band=band, count=count, source="test")
    if households is not None:
        HouseholdCount.objects.create(area=area, year=year, count=households, source="test")
    return area


def small_country() -> dict[str, Area]:
    """PV20 with GM0014 (two districts, one neighbourhood) and GM0037; PV22 with GM0106."""
    pv20 = make_area(
        "PV20",
        "Groningen",
        AreaLevel.PROVINCIE,
        geometry=square(6.0, 53.0, 1.0),
        population={"totaal": 1300, "10-14": 60},
        households=600,
    )
    pv22 = make_area(
        "PV22",
        "Drenthe",
        AreaLevel.PROVINCIE,
        geometry=square(6.0, 52.5, 0.5),
        population={"totaal": 700, "10-14": 40},
        households=300,
    )
    gm14 = make_area(
        "GM0014",
        "Groningen",
        AreaLevel.GEMEENTE,
        pv20,
        geometry=square(6.5, 53.2),
        population={"totaal": 1000, "10-14": 40},
        households=500,
    )
    gm37 = make_area(
        "GM0037",
        "Stadskanaal",
        AreaLevel.GEMEENTE,
        pv20,
        geometry=square(6.9, 53.0),
        population={"totaal": 300, "10-14": 20},
        households=100,
    )
    gm106 = make_area(
        "GM0106",
        "Assen",
        AreaLevel.GEMEENTE,
        pv22,
        geometry=square(6.5, 52.9),
        population={"totaal": 700, "10-14": 40},
        households=300,
    )
    wk00 = make_area(
        "WK001400",
        "Centrum",
        AreaLevel.WIJK,
        gm14,
        geometry=square(6.5, 53.2, 0.05),
        population={"totaal": 600, "0-14": 50, "15-24": 200},
        year=2024,
    )
    wk01 = make_area(
        "WK001401",
        "Oud-Zuid",
        AreaLevel.WIJK,
        gm14,
        geometry=square(6.55, 53.2, 0.05),
        population={"totaal": 400, "0-14": 70},
        year=2024,
    )
    bu = make_area(
        "BU00140000",
        "Binnenstad-Noord",
        AreaLevel.BUURT,
        wk00,
        population={"totaal": 350},
        year=2024,
    )
    return {a.code: a for a in (pv20, pv22, gm14, gm37, gm106, wk00, wk01, bu)}
