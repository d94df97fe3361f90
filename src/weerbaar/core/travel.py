"""Driving times between points for route planning (inspection days, the camper bus).

Straight-line distance times a road factor at an average speed needs no network; any
object with ``minutes(points)`` (a ``TravelTimes``) can take its place, e.g. a call to a
routing service where one is available.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from shapely.geometry import shape

Point = tuple[float, float]  # (latitude, longitude)
ROAD_FACTOR = 1.3
SPEED_KMH = 40.0


class TravelTimes(Protocol):
    def minutes(self, points: Sequence[Point]) -> list[list[int]]: ...


def kilometres(a: Point, b: Point) -> float:
    """Great-circle (haversine) distance."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class StraightLine:
    """Haversine distance × road factor at an average speed, in whole minutes."""

    def __init__(self, road_factor: float = ROAD_FACTOR, speed_kmh: float = SPEED_KMH) -> None:
        self.road_factor = road_factor
        self.speed_kmh = speed_kmh

    def minutes(self, points: Sequence[Point]) -> list[list[int]]:
        return [[self._minutes(a, b) for b in points] for a in points]

    def _minutes(self, a: Point, b: Point) -> int:
        return round(kilometres(a, b) * self.road_factor / self.speed_kmh * 60)


def interior_point(geometry: dict[str, Any] | None) -> Point | None:
    """A point surely inside a boundary (GeoJSON), for places known only by their area."""
    if not geometry:
        return None
    centre = shape(geometry).representative_point()
    return centre.y, centre.x
