"""The one postcode service: checking what a person typed, and finding the area it lies in.

Two sources answer "where is this postcode?", finest first: an optional table of full
postcodes (``WEERBAAR_POSTCODE_FILE``, e.g. derived from CBS "Buurt, wijk en gemeente per
postcode en huisnummer") that gives a neighbourhood, then the PC4 ranges kept in the admin
(``PostcodeRange``) and the PC4 points of the whole country (``PostcodePoint``) that give a
municipality. Positions on the map are ``geocoding``'s. Weerbaar never asks an online geocoder.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from weerbaar.areas.models import Area, AreaLevel, PostcodePoint, PostcodeRange
from weerbaar.areas.services.selectors import find_area

PC4 = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Z]{2})$")
NOT_ISSUED = {"SA", "SD", "SS"}  # letter pairs PostNL does not use


def normalise_postcode(value: str) -> str | None:
    """'9711 ab' -> '9711AB'; None when it is not a full Dutch postcode."""
    match = POSTCODE.match(value.strip().upper())
    if not match or match.group(2) in NOT_ISSUED:
        return None
    return match.group(1) + match.group(2)


def pc4(value: str) -> int | None:
    """'9712', '9712 CP' or '9712cp' → 9712; None when it is no Dutch postcode."""
    match = PC4.match(value or "")
    return int(match.group(1)) if match else None


def municipality_for(value: str) -> Area | None:
    """The current municipality of a PC4 (or full) postcode: from the admin's ranges, else
    from the PC4 points of the whole country (``weerbaar import postcodes``)."""
    number = pc4(value)
    if number is None:
        return None
    found = (
        PostcodeRange.objects.filter(first__lte=number, last__gte=number)
        .order_by("last")
        .values_list("municipality_code", flat=True)
        .first()
    )
    if found is None:
        found = (
            PostcodePoint.objects.filter(pc4=number)
            .values_list("municipality_code", flat=True)
            .first()
        )
    if found is None:
        return None
    return Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=found).first()


@lru_cache(maxsize=1)
def _postcode_table(path: str) -> dict[str, str]:
    table: dict[str, str] = {}
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            postcode = (row.get("postcode") or "").replace(" ", "").upper()
            code = (row.get("gebiedscode") or "").strip().upper()
            if postcode and code:
                table[postcode] = code
    return table


def table_area(postcode: str) -> Area | None:
    """The area the optional postcode table gives for a normalised postcode."""
    path = getattr(settings, "WEERBAAR_POSTCODE_FILE", None)
    if not path or not Path(path).is_file():
        return None
    table = _postcode_table(str(path))
    code = table.get(postcode) or table.get(postcode[:4])
    return find_area(code) if code else None


def area_for_postcode(postcode: str) -> Area | None:
    """The finest area known for a postcode: the table's, else the municipality of its PC4
    range, else None."""
    return table_area(postcode) or municipality_for(postcode)


def clear_caches() -> None:
    _postcode_table.cache_clear()
