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
from functools import cached_property, lru_cache
from typing import Any

from django.conf import settings
from django.db.models import Count, Max
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from weerbaar.accounts.models import Organisation
from weerbaar.accounts.services.access import covered_area_ids
from weerbaar.areas.models import Area, AreaLevel
from weerbaar.areas.services import postcodes
from weerbaar.areas.services.selectors import ancestors, current_areas, find_area
from weerbaar.areas.services.svg_map import SvgMap, build_map
from weerbaar.core import freshness


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


#: the names under which ``core.freshness`` keeps the two stamps (``clear_caches`` forgets them)
AREA_STAMP, REGION_STAMP = "areas.areas", "areas.region"


def _stamp() -> tuple[Any, ...]:
    """Changes when areas are added, removed or closed (an import): keys every cache of
    area lists below. Read at most every ``WEERBAAR_AREA_STAMP_SECONDS``: the query reads
    the whole areas table (5 ms), and a report asked for it three times."""
    return _fresh(AREA_STAMP, _read_stamp)


def _read_stamp() -> tuple[Any, ...]:
    found = Area.objects.aggregate(
        top=Max("pk"), n=Count("pk"), closed=Count("valid_to"), last=Max("valid_to")
    )
    return (found["top"], found["n"], found["closed"], found["last"])


def _region_stamp() -> tuple[Any, ...]:
    """The area stamp and which active organisation covers which area: what the region
    (and so every list a reporter picks from) is made of."""
    return _fresh(REGION_STAMP, _read_region_stamp)


def _read_region_stamp() -> tuple[Any, ...]:
    links = Organisation.areas.through.objects.filter(organisation__is_active=True)
    return (_stamp(), tuple(sorted(links.values_list("organisation_id", "area_id"))))


def _fresh(name: str, read: Any) -> tuple[Any, ...]:
    """``read()``, reused for a few seconds: an import or a changed work area shows in
    every process within that time (0 in the tests: at once)."""
    seconds = float(getattr(settings, "WEERBAAR_AREA_STAMP_SECONDS", 2.0))
    return freshness.fresh(name, read, seconds)


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
    return _region_for(_region_stamp())


@lru_cache(maxsize=4)
def _region_for(stamp: tuple[Any, ...]) -> frozenset[int]:
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
    return list(
        current_areas(AreaLevel.GEMEENTE).filter(pk__in=region).defer("geometry").order_by("name")
    )


@dataclass(frozen=True)
class Choices:
    """What the report form offers, as codes and names only (no rows, no boundaries):
    made once per area and region stamp, not for every report."""

    municipalities: list[tuple[str, str]]  # (code, name), by name
    districts: list[tuple[str, list[tuple[str, str]]]]  # per municipality name

    @cached_property
    def municipality_codes(self) -> frozenset[str]:
        return frozenset(code for code, _name in self.municipalities)

    @cached_property
    def district_codes(self) -> frozenset[str]:
        return frozenset(code for _group, options in self.districts for code, _name in options)


def choices() -> Choices:
    return _choices_for(_region_stamp())


@lru_cache(maxsize=4)
def _choices_for(stamp: tuple[Any, ...]) -> Choices:
    current = Area.objects.current()
    municipalities = list(
        current.filter(level=AreaLevel.GEMEENTE)
        .order_by("name", "code")
        .values_list("code", "name")
    )
    region = _region_for(stamp)
    groups: dict[str, list[tuple[str, str]]] = {}
    names = dict(current.filter(level=AreaLevel.GEMEENTE, pk__in=region).values_list("pk", "name"))
    for parent, code, name in (
        current.filter(level=AreaLevel.WIJK, parent__in=list(names))
        .order_by("name", "code")
        .values_list("parent_id", "code", "name")
    ):
        groups.setdefault(names[parent], []).append((code, name))
    districts = [(name, groups[name]) for name in sorted(groups)]
    return Choices(municipalities, districts)


def district(code: str) -> Area | None:
    """A current district of the region, by code (what the list sends)."""
    return find_area(code) if code in choices().district_codes else None


def municipality(code: str) -> Area | None:
    """A current municipality by code, read only for the one a reporter chose."""
    if code not in choices().municipality_codes:
        return None
    return Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=code).first()


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
    freshness.forget(AREA_STAMP, REGION_STAMP)
    _shapes.cache_clear()
    _region_for.cache_clear()
    _choices_for.cache_clear()
    postcodes.clear_caches()
