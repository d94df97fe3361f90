"""Postcode → municipality, for pages where residents type a postcode."""

from __future__ import annotations

import re

from weerbaar.areas.models import Area, AreaLevel, PostcodeRange

PC4 = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


def pc4(value: str) -> int | None:
    """'9712', '9712 CP' or '9712cp' → 9712; None when it is no Dutch postcode."""
    match = PC4.match(value or "")
    return int(match.group(1)) if match else None


def municipality_for(value: str) -> Area | None:
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
        return None
    return Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=found).first()
