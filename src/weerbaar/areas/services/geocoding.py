"""Where an address is, offline, and how precisely that is known.

Finest first: the address itself from a BAG extract (``AddressPoint``, ``weerbaar import
bag``); the point of its four-digit postcode (``PostcodePoint``, GeoNames, CC BY 4.0, for
the whole country); the middle of its neighbourhood, district or municipality. The source
flags a few postcode points that lie outside their own municipality (one is in the North
Sea); for those the municipality's middle is used instead. Every answer says which of these
it is, so a route can warn when two addresses share one fallback point.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _

from weerbaar.areas.models import AddressPoint, Area, AreaLevel, PostcodePoint
from weerbaar.areas.services.postcodes import normalise_postcode, pc4
from weerbaar.core.travel import interior_point

GEONAMES_CREDIT = "GeoNames, www.geonames.org (CC BY 4.0)"


class Precision(StrEnum):
    POINT = "punt"  # given as a point (a map click)
    ADDRESS = "adres"  # the address itself, from the BAG
    PC4 = "postcode4"  # the point of the four-digit postcode area
    AREA = "gebied"  # the middle of a neighbourhood, district or municipality


@dataclass(frozen=True)
class Position:
    latitude: float
    longitude: float
    precision: Precision
    #: what the point stands for: "adres:9711KT|12||", "pc4:9711", "gebied:GM0014"; two
    #: addresses with the same fallback basis share one point
    basis: str
    label: str

    @property
    def point(self) -> tuple[float, float]:
        return self.latitude, self.longitude

    @property
    def is_fallback(self) -> bool:
        return self.precision in (Precision.PC4, Precision.AREA)

    @property
    def description(self) -> str:
        """How precise, in words, for the route table and the map."""
        if self.precision == Precision.POINT:
            return _("opgegeven punt")
        if self.precision == Precision.ADDRESS:
            return _("op het adres (BAG)")
        if self.precision == Precision.PC4:
            return _(
                "midden van postcodegebied %(label)s (GeoNames), tot ongeveer 1 km ernaast"
            ) % {"label": self.label}
        return _("midden van %(label)s: ligging onbekend") % {"label": self.label}


@dataclass(frozen=True)
class FoundAddress:
    """Postcode + house number looked up in the BAG extract."""

    street: str
    place: str
    postcode: str
    house_number: int
    house_letter: str
    house_addition: str
    position: Position


def _address(
    postcode: str, number: int, letter: str = "", addition: str = ""
) -> AddressPoint | None:
    rows = AddressPoint.objects.filter(postcode=postcode, house_number=number)
    exact = rows.filter(house_letter__iexact=letter, house_addition__iexact=addition).first()
    return exact or (
        rows.order_by("house_letter", "house_addition").first() if not letter else None
    )


def lookup(
    postcode: str, number: int | None, letter: str = "", addition: str = ""
) -> FoundAddress | None:
    """Street and place for postcode + house number, when a BAG extract holds it."""
    normal = normalise_postcode(postcode or "")
    if normal is None or number is None:
        return None
    row = _address(normal, number, letter.upper(), addition.upper())
    if row is None:
        return None
    return FoundAddress(
        street=row.street,
        place=row.place,
        postcode=row.postcode,
        house_number=row.house_number,
        house_letter=row.house_letter,
        house_addition=row.house_addition,
        position=Position(
            row.latitude,
            row.longitude,
            Precision.ADDRESS,
            f"adres:{row.postcode}|{row.house_number}|{row.house_letter}|{row.house_addition}",
            str(row),
        ),
    )


@lru_cache(maxsize=4096)
def _area_middle(area_id: int) -> tuple[float, float, str, str] | None:
    area = Area.objects.filter(pk=area_id).only("code", "name", "geometry").first()
    if area is None:
        return None
    point = interior_point(area.geometry)
    return (*point, area.code, area.name) if point else None


def area_position(area: Area | None) -> Position | None:
    """The middle of an area (a point surely inside it)."""
    if area is None:
        return None
    found = _area_middle(area.pk)
    if found is None:
        return None
    latitude, longitude, code, name = found
    return Position(latitude, longitude, Precision.AREA, f"gebied:{code}", name)


def _municipality(code: str) -> Area | None:
    return Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=code).first()


def postcode_position(postcode: str) -> Position | None:
    """The point of the postcode's four-digit area; its municipality's middle where the
    source puts that point outside the municipality."""
    number = pc4(postcode or "")
    if number is None:
        return None
    row = PostcodePoint.objects.filter(pc4=number).first()
    if row is None:
        return None
    if not row.inside_municipality:
        return area_position(_municipality(row.municipality_code))
    return Position(row.latitude, row.longitude, Precision.PC4, f"pc4:{number}", str(number))


def municipality_code_for_pc4(postcode: str) -> str | None:
    """The municipality GeoNames gives for a four-digit postcode (the whole country)."""
    number = pc4(postcode or "")
    if number is None:
        return None
    return (
        PostcodePoint.objects.filter(pc4=number).values_list("municipality_code", flat=True).first()
    )


def locate(
    *,
    postcode: str = "",
    house_number: int | None = None,
    house_letter: str = "",
    house_addition: str = "",
    areas: tuple[Area | None, ...] = (),
) -> Position | None:
    """The finest position known for an address, else for the first of ``areas`` with a
    boundary (its district, then its municipality)."""
    found = lookup(postcode, house_number, house_letter, house_addition)
    if found is not None:
        return found.position
    by_postcode = postcode_position(postcode)
    if by_postcode is not None:
        return by_postcode
    for area in areas:
        position = area_position(area)
        if position is not None:
            return position
    return None


def point_position(latitude: Any, longitude: Any, label: str = "") -> Position:
    return Position(
        float(latitude), float(longitude), Precision.POINT, f"punt:{latitude},{longitude}", label
    )


def has_addresses() -> bool:
    return AddressPoint.objects.exists()


def clear_caches() -> None:
    _area_middle.cache_clear()
