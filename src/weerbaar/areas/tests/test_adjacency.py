"""Neighbours from boundaries, with a tolerance for generalised boundaries."""

from __future__ import annotations

from weerbaar.areas.models import Area
from weerbaar.areas.services.adjacency import neighbours, ring


def square(code: str, x: float, y: float, size: float = 1.0) -> Area:
    coordinates = [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]
    return Area(
        code=code,
        level="gemeente",
        name=code,
        geometry={"type": "Polygon", "coordinates": coordinates},
    )


def test_touching_and_nearly_touching_areas_are_neighbours_others_not() -> None:
    areas = [
        square("GM0001", 0, 0),
        square("GM0002", 1, 0),  # shares an edge
        square("GM0003", 2.0002, 0),  # a sliver of 20 m from GM0002
        square("GM0004", 5, 5),  # far away
    ]
    found = neighbours(areas)
    assert found["GM0001"] == ["GM0002"]
    assert found["GM0002"] == ["GM0001", "GM0003"]
    assert found["GM0004"] == []
    assert ring("GM0002", found) == ["GM0001", "GM0003"]
