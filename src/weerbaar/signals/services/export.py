"""The back-office list as rows for CSV: what was reported, never who."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from weerbaar.signals.models import Signal

HEADER = [
    "ontvangstcode",
    "ontvangen op",
    "kanaal",
    "bron",
    "categorie",
    "categorie bevestigd",
    "status",
    "gemeente",
    "gebied",
    "buiten ons gebied",
    "vertrouwelijkheid",
]


def rows(signals: Iterable[Signal]) -> Iterator[list[object]]:
    for signal in signals:
        yield [
            signal.receipt,
            signal.created_at.strftime("%Y-%m-%d %H:%M"),
            signal.get_channel_display(),
            signal.get_source_display(),
            signal.category.label if signal.category else "",
            "ja" if signal.category_confirmed else "nee",
            signal.get_status_display(),
            signal.municipality.name if signal.municipality else "",
            signal.area.code if signal.area else "",
            "ja" if signal.outside_region else "nee",
            signal.get_confidentiality_display(),
        ]
