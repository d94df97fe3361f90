"""Which areas border each other, derived from the boundaries (for the displacement test's
ring of neighbours). Generalised boundaries do not always touch exactly, so areas closer
than a small tolerance count as neighbours."""

from __future__ import annotations

from collections.abc import Iterable

import shapely
from shapely.geometry import shape

from weerbaar.areas.models import Area

#: degrees; about 50 m: closes the slivers of generalised boundaries
TOLERANCE = 0.0005


def neighbours(areas: Iterable[Area], tolerance: float = TOLERANCE) -> dict[str, list[str]]:
    """Area code -> the codes of the areas that border it (among ``areas``)."""
    shaped = [(area.code, shape(area.geometry)) for area in areas if area.geometry]
    if not shaped:
        return {}
    codes = [code for code, _ in shaped]
    geometries = [geometry for _, geometry in shaped]
    tree = shapely.STRtree(geometries)
    pairs = tree.query(geometries, predicate="dwithin", distance=tolerance)
    found: dict[str, set[str]] = {code: set() for code in codes}
    for left, right in zip(*pairs, strict=True):
        if left != right:
            found[codes[left]].add(codes[right])
    return {code: sorted(others) for code, others in found.items()}


def ring(code: str, adjacency: dict[str, list[str]]) -> list[str]:
    """The first ring around an area: its direct neighbours."""
    return adjacency.get(code, [])
