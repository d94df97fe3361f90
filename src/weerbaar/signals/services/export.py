"""The back-office list as rows for CSV: what was reported, never who."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils import timezone

from weerbaar.signals.models import Category, Channel, Confidentiality, Signal, Source, Status

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


COLUMNS = (
    "receipt",
    "created_at",
    "channel",
    "source",
    "category_id",
    "category_confirmed",
    "status",
    "municipality__name",
    "area__code",
    "outside_region",
    "confidentiality",
)


def _minute(moment: dt.datetime) -> str:
    """``%Y-%m-%d %H:%M`` without strftime, which cost 4 µs a row."""
    return f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} {moment.hour:02d}:{moment.minute:02d}"


def rows(signals: QuerySet[Signal]) -> Iterator[list[object]]:
    """The rows straight from the database in chunks, in the list's order: plain values,
    no model objects and no geometry, each label looked up once."""
    channels, sources, statuses, levels = (
        {key: str(label) for key, label in choices.choices}
        for choices in (Channel, Source, Status, Confidentiality)
    )
    categories = {category.pk: category.label for category in Category.objects.all()}
    yes, no = "ja", "nee"
    zone = timezone.get_current_timezone()  # once, not per row
    for (
        receipt,
        created_at,
        channel,
        source,
        category,
        confirmed,
        status,
        municipality,
        area,
        outside,
        level,
    ) in signals.values_list(*COLUMNS).iterator(chunk_size=2000):
        yield [
            receipt,
            _minute(created_at.astimezone(zone)),
            channels.get(channel, channel),
            sources.get(source, source),
            categories.get(category, ""),
            yes if confirmed else no,
            statuses.get(status, status),
            municipality or "",
            area or "",
            yes if outside else no,
            levels.get(level, level),
        ]
