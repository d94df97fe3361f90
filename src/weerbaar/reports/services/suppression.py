"""Small-number suppression for counts from Weerbaar's own records, before any is shown.

Primary: a count from 1 up to the minimum is hidden. Secondary: a row with exactly one
hidden count and a shown total would give it away by subtraction, so the smallest other
count above zero is hidden too. A total under the minimum is hidden as well. Zero is shown:
it says nothing about a person."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings


def minimum() -> int:
    return int(getattr(settings, "WEERBAAR_REPORT_MIN_COUNT", 5))


@dataclass(frozen=True)
class Row:
    #: per column its count, None where suppressed
    cells: dict[str, int | None]
    total: int | None

    @property
    def suppressed(self) -> int:
        return sum(1 for v in self.cells.values() if v is None)


def suppress_row(counts: Mapping[str, int], least: int | None = None) -> Row:
    least = minimum() if least is None else least
    cells: dict[str, int | None] = {
        key: (None if 0 < count < least else count) for key, count in counts.items()
    }
    total = sum(counts.values())
    hidden = [key for key, value in cells.items() if value is None]
    if len(hidden) == 1:
        others = sorted(
            (count, key) for key, count in counts.items() if key not in hidden and count > 0
        )
        if others:
            cells[others[0][1]] = None
    # with no other count above zero the total is the hidden count itself, under the minimum
    return Row(cells, None if 0 < total < least else total)
