"""Server-rendered SVG maps from the stored boundaries: no tiles, no CDN, no JavaScript.

Coordinates are WGS84; an equirectangular projection scaled by cos(latitude) at the
map's centre is accurate enough for the Netherlands at choropleth scale.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

from weerbaar.areas.models import Area

MAP_WIDTH = 800.0
PADDING = 8.0


@dataclass(frozen=True)
class MapShape:
    code: str
    name: str
    href: str | None
    path: str
    label: str
    highlighted: bool = False
    css_class: str = ""


@dataclass(frozen=True)
class SvgMap:
    width: float
    height: float
    shapes: list[MapShape]
    #: (min lon, max lat, degrees → pixels, cos of the centre latitude): to place points
    frame: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)

    def point(self, latitude: float, longitude: float) -> tuple[float, float]:
        """Where a point lies on this map, in the map's pixels."""
        minx, maxy, factor, x_scale = self.frame
        return (
            (longitude - minx) * x_scale * factor + PADDING,
            (maxy - latitude) * factor + PADDING,
        )

    @property
    def frame_attribute(self) -> str:
        """The frame for a script that turns a click back into a point: min lon, max lat,
        degrees to pixels, cos of the centre latitude, padding."""
        return ",".join(f"{value:.8f}" for value in (*self.frame, PADDING))

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:.0f} {self.height:.0f}"


def _rings(geometry: BaseGeometry) -> Iterable[np.ndarray]:
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    for polygon in polygons:
        if isinstance(polygon, Polygon) and not polygon.is_empty:
            yield np.asarray(polygon.exterior.coords)
            for interior in polygon.interiors:
                yield np.asarray(interior.coords)


def _path(geometry: BaseGeometry) -> str:
    parts = []
    for ring in _rings(geometry):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in ring[:-1])
        parts.append(f"M{points}Z")
    return "".join(parts)


def build_map(
    areas: Iterable[Area],
    *,
    href: Callable[[Area], str | None],
    label: Callable[[Area], str],
    highlight: str | None = None,
    css_class: Callable[[Area], str] | None = None,
) -> SvgMap | None:
    """An SVG map of the areas that have a boundary; None when none has one."""
    shapes = [(area, shape(area.geometry)) for area in areas if area.geometry]
    if not shapes:
        return None
    minx, miny, maxx, maxy = shapely.total_bounds([geometry for _, geometry in shapes])
    x_scale = math.cos(math.radians((miny + maxy) / 2))
    span_x = max((maxx - minx) * x_scale, 1e-9)
    span_y = max(maxy - miny, 1e-9)
    factor = (MAP_WIDTH - 2 * PADDING) / span_x
    height = span_y * factor + 2 * PADDING

    def project(coords: np.ndarray) -> np.ndarray:
        x = (coords[:, 0] - minx) * x_scale * factor + PADDING
        y = (maxy - coords[:, 1]) * factor + PADDING
        return np.column_stack([x, y])

    tolerance = 0.4 / factor  # about half a pixel at this map's scale
    result = []
    for area, geometry in shapes:
        simplified = shapely.simplify(geometry, tolerance, preserve_topology=True)
        projected = shapely.transform(simplified, project)
        result.append(
            MapShape(
                code=area.code,
                name=area.name,
                href=href(area),
                path=_path(projected),
                label=label(area),
                highlighted=area.code == highlight,
                css_class=css_class(area) if css_class else "",
            )
        )
    return SvgMap(MAP_WIDTH, height, result, (minx, maxy, factor, x_scale))
