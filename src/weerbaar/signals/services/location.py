"""Where a signal is about, linked to municipality, district and neighbourhood.

- A point (WGS84) is placed with the area boundaries (shapely).
- An address is placed by its postcode (``areas.services.postcodes``: the optional table
  of full postcodes, then the PC4 ranges), else with the
  municipality the reporter chose, else with a place name that is a municipality's name.
  Weerbaar never asks an online geocoder: it must work without internet.
- A chosen area code (municipality, district or neighbourhood) is taken as it is.

A place no participating organisation covers is "outside our area"; such signals, and
those without any place, go to the organisation marked as central intake (meldpunt).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from weerbaar.accounts.models import Organisation
from weerbaar.accounts.services.access import covered_area_ids
from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services import postcodes
from weerbaar.areas.services.selectors import ancestors, children, current_areas, find_area
from weerbaar.areas.services.svg_map import SvgMap, build_map


@dataclass(frozen=True)
class Placement:
    area: Area | None
    municipality: Area | None
    outside_region: bool
    owner: Organisation | None

    @property
    def district(self) -> Area | None:
        chain = [*ancestors(self.area), self.area] if self.area else []
        return next((a for a in chain if a.level == AreaLevel.WIJK), None)


@lru_cache(maxsize=1)
def _shapes(stamp: tuple[Any, ...]) -> tuple[STRtree, list[int], list[Any]]:
    rows = list(
        Area.objects.current()
        .filter(level__in=[AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT])
        .exclude(geometry__isnull=True)
        .values_list("pk", "level", "geometry")
    )
    geometries = [shape(geometry) for _, _, geometry in rows]
    return STRtree(geometries), [pk for pk, _, _ in rows], geometries


def _stamp() -> tuple[Any, ...]:
    latest = Area.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (latest, Area.objects.count())


def area_at(latitude: Decimal | float, longitude: Decimal | float) -> Area | None:
    """The smallest current area whose boundary holds the point."""
    tree, ids, geometries = _shapes(_stamp())
    point = Point(float(longitude), float(latitude))
    hits = [ids[i] for i in tree.query(point) if geometries[i].covers(point)]
    if not hits:
        return None
    rank: dict[str, int] = {AreaLevel.BUURT: 0, AreaLevel.WIJK: 1, AreaLevel.GEMEENTE: 2}
    candidates = list(Area.objects.filter(pk__in=hits).select_related("parent", "parent__parent"))
    return min(candidates, key=lambda area: rank.get(area.level, 9)) if candidates else None


def municipality_named(name: str) -> Area | None:
    if not name.strip():
        return None
    return (
        Area.objects.current()
        .filter(level=AreaLevel.GEMEENTE, name__iexact=name.strip())
        .select_related("parent")
        .first()
    )


def _municipality_of(area: Area | None) -> Area | None:
    if area is None:
        return None
    if area.level == AreaLevel.GEMEENTE:
        return area
    return next((a for a in ancestors(area) if a.level == AreaLevel.GEMEENTE), None)


def _region_area_ids() -> frozenset[int]:
    covered: set[int] = set()
    for organisation in Organisation.objects.filter(is_active=True).prefetch_related("areas"):
        covered |= covered_area_ids(organisation)
    return frozenset(covered)


def intake_organisation() -> Organisation | None:
    return Organisation.objects.filter(is_active=True, is_intake=True).order_by("pk").first()


def place(area: Area | None) -> Placement:
    """Routing for a located (or unlocated) signal."""
    municipality = _municipality_of(area)
    region = _region_area_ids()
    outside = bool(region) and area is not None and area.pk not in region
    owner = intake_organisation() if area is None or outside else None
    return Placement(area=area, municipality=municipality, outside_region=outside, owner=owner)


def region_municipalities() -> list[Area]:
    """The municipalities the participating organisations cover, by name."""
    region = _region_area_ids()
    if not region:
        return []
    return list(current_areas(AreaLevel.GEMEENTE).filter(pk__in=region).order_by("name"))


def district_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The districts (wijken) of the region, grouped by municipality, for a list a
    resident picks from without JavaScript."""
    groups = []
    for municipality in region_municipalities():
        districts = children(municipality).filter(level=AreaLevel.WIJK).order_by("name")
        options = [(d.code, d.name) for d in districts]
        if options:
            groups.append((municipality.name, options))
    return groups


def district(code: str) -> Area | None:
    """A current district of the region, by code (what the list sends)."""
    allowed = {c for _name, options in district_choices() for c, _label in options}
    return find_area(code) if code in allowed else None


def region_map() -> SvgMap | None:
    """The map a resident may click on (with JavaScript): the region's districts, else
    every municipality. Drawn from the boundaries Weerbaar holds; nothing from outside."""
    municipalities = region_municipalities()
    if municipalities:
        areas = list(
            current_areas(AreaLevel.WIJK).filter(parent__in=municipalities).exclude(geometry=None)
        )
    else:
        areas = list(current_areas(AreaLevel.GEMEENTE).exclude(geometry=None))
    return build_map(areas, href=lambda area: None, label=lambda area: area.name)


def clear_caches() -> None:
    _shapes.cache_clear()
    postcodes.clear_caches()
