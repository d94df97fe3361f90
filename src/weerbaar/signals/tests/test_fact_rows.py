"""``fact_rows`` gives the triage agenda the same facts as ``facts_per``, with the newest
signal as its local date: across midnight and both clock changes, on SQLite (text) and
PostgreSQL (datetimes) alike."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from weerbaar.signals.models import Signal
from weerbaar.signals.services.selectors import fact_rows, facts_per
from weerbaar.signals.tests.factories import make_signal

UTC = dt.UTC
MOMENTS = [
    dt.datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # 00:30 on the 29th in Amsterdam (winter time)
    dt.datetime(2026, 3, 29, 22, 15, tzinfo=UTC),  # 00:15 on the 30th (summer time, +2)
    dt.datetime(2026, 10, 24, 21, 59, 59, 999999, tzinfo=UTC),  # 23:59 on the 24th (+2)
    dt.datetime(2026, 10, 25, 23, 0, tzinfo=UTC),  # midnight on the 26th (winter time again)
    dt.datetime(2026, 12, 31, 12, 0, tzinfo=UTC),  # a whole hour, no microseconds
]


def test_fact_rows_give_the_local_date_of_the_newest_signal(country: dict[str, Any]) -> None:
    made = []
    for moment in MOMENTS:
        signal = make_signal(country["GM0014"]).signal
        Signal.objects.filter(pk=signal.pk).update(created_at=moment)
        made.append((signal.pk, moment))
    rows = {row[0]: row for row in fact_rows(Signal.objects.all(), "pk")}
    facts = facts_per(Signal.objects.all(), "pk")
    for pk, moment in made:
        _, count, categories, sources, local, secret = rows[pk]
        assert local == timezone.localtime(moment).date(), moment
        assert (count, categories, sources, secret) == (
            facts[pk].count,
            facts[pk].categories,
            facts[pk].source_count,
            facts[pk].confidential,
        )
    assert [rows[pk][4] for pk, _ in made] == [
        dt.date(2026, 3, 29),
        dt.date(2026, 3, 30),
        dt.date(2026, 10, 24),
        dt.date(2026, 10, 26),
        dt.date(2026, 12, 31),
    ]


def test_fact_rows_of_nothing_are_empty(db: Any) -> None:
    assert fact_rows(Signal.objects.none(), "pk") == []
