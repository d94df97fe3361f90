"""Benchmark of the back office at scale: the triage agenda, the signals list and search,
and the streamed CSV export, on a database filled with synthetic signals.

Targets (issue 21): triage page p95 under 300 ms at 100,000 signals; the signals list
and search p95 under 100 ms; the CSV export of 100,000 signals under 3 s in constant
memory. The signals list is the reference in the same run: the triage page does more
(it ranks every object), the list only shows a page.

Rows are written with ``bulk_create`` (the intake's per-report work is measured in
``bench/intake.py``): 60% of the objects have one signal, the rest two to four, from three
sources, in two municipalities of one organisation.

Run: ``.venv/bin/python bench/backoffice.py [signals]`` (default 100,000; SQLite in a
temporary folder, or ``DATABASE_URL=postgres://...``).
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _real import setup_django

setup_django()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

SIGNALS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
RUNS = 15
RNG = random.Random(20261203)


def fill(n: int) -> object:
    from weerbaar.areas.tests.factories import small_country
    from weerbaar.cases.models import SignalLink, Subject
    from weerbaar.cases.tests.factories import case_handler
    from weerbaar.signals.models import Category, Signal
    from weerbaar.signals.tests.factories import organisation

    call_command("migrate", verbosity=0)
    Signal.objects.all().delete()
    Subject.objects.all().delete()
    country = small_country()
    org = organisation("Gemeente Groningen", country["GM0014"], country["GM0037"])
    user = case_handler(org, "bench-coordinator")
    categories = list(Category.objects.filter(is_active=True)) or [None]
    places = [country["GM0014"], country["GM0037"]]
    now = timezone.now()
    # spread the dates over a year: bulk_create would otherwise stamp them all now
    Signal._meta.get_field("created_at").auto_now_add = False  # type: ignore[attr-defined]
    count = int(n / 1.7) // 2 * 2  # even: object i % count lies where signal i does
    subjects = Subject.objects.bulk_create(
        Subject(
            kind="omschrijving",
            key=f"omschrijving:bench-{i}",
            label=f"Object {i:06d}",
            area=places[i % 2],
            municipality=places[i % 2],
        )
        for i in range(count)
    )
    signals, owners = [], []
    for i in range(n):
        place = places[i % 2]
        signals.append(
            Signal(
                receipt=f"B-{i:08d}",
                channel="publiek" if i % 3 else "intern",
                source=("melder", "eigen_waarneming", "collega")[i % 3],
                confidentiality="normaal" if i % 10 else "vertrouwelijk",
                description=f"Bij woning {i} komen steeds jongens langs met kleine pakjes.",
                category=RNG.choice(categories),
                location_kind="gebied",
                area=place,
                municipality=place,
                created_at=now - dt.timedelta(minutes=5 * i),
            )
        )
        owners.append(subjects[i % len(subjects)] if i >= len(subjects) else subjects[i])
    created = Signal.objects.bulk_create(signals, batch_size=5000)
    SignalLink.objects.bulk_create(
        (
            SignalLink(signal=signal, subject=subject, score=100, reason="zelfde")
            for signal, subject in zip(created, owners, strict=True)
        ),
        batch_size=5000,
    )
    return user


def optimise() -> float:
    """What ``weerbaar serve`` does at start (and ``purge`` daily): planner statistics."""
    from weerbaar.core import database

    start = time.perf_counter()
    database.optimise()
    return time.perf_counter() - start


def timed(client: Client, url: str, runs: int = RUNS, shows: str = "") -> list[float]:
    first = client.get(url)  # warm: the first visit stores the formula and fills caches
    assert shows in first.content.decode(), (url, shows)  # the page shows what it should
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def export(client: Client) -> tuple[float, int, float]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    response = client.get("/signalen/?formaat=csv")
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    seconds = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    return seconds, size, grown


def main() -> None:

    engine = str(settings.DATABASES["default"]["ENGINE"]).rsplit(".", 1)[-1]
    start = time.perf_counter()
    user = fill(SIGNALS)
    print(
        f"Database: {engine}; {SIGNALS:,} signalen aangemaakt in {time.perf_counter() - start:.1f} s"
    )
    client = Client()
    from weerbaar.accounts.tests.factories import verify_session

    client.force_login(user)  # type: ignore[arg-type]
    verify_session(client, user)  # both login steps done, as a real session after them
    rows = [
        ("triage (agenda, pagina 1)", "/zaken/triage/", 300, "objecten op de agenda"),
        ("triage, pagina 100", "/zaken/triage/?pagina=100", 300, "objecten op de agenda"),
        ("signalenlijst", "/signalen/", 100, "B-"),
        ("zoeken in signalen", "/signalen/?zoek=woning+123", 100, "B-"),
    ]
    print(f"{'pagina':<28} {'p50 ms':>8} {'p95 ms':>8} {'doel p95':>9}")
    before = timed(client, "/signalen/")
    print(
        f"{'signalenlijst, zonder stat.':<28} {statistics.median(before):>8.1f} {p95(before):>8.1f}"
    )
    print(
        f"  planner-statistieken (ANALYZE) in {optimise():.2f} s, zoals bij de start van de server"
    )
    for name, url, target, shows in rows:
        times = timed(client, url, shows=shows)
        print(f"{name:<28} {statistics.median(times):>8.1f} {p95(times):>8.1f} {target:>9}")
    seconds, size, grown = export(client)
    print(
        f"CSV-export {SIGNALS:,} signalen: {seconds:.2f} s (doel < 3 s), {size / 1e6:.1f} MB, "
        f"geheugen piek +{grown:.0f} MB"
    )


if __name__ == "__main__":
    main()
