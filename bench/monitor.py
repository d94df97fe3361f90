"""Benchmark of the monitor: full import of the data directory, and server-side time of the
values endpoint (all 342 municipalities) and of an area profile page.

Run: ``.venv/bin/python bench/monitor.py`` (SQLite in a temporary folder), or with
``DATABASE_URL=postgres://...`` for PostgreSQL (its areas and monitor tables are emptied
first). Prints the figures; targets: values p95 < 50 ms, profile p95 < 200 ms, import < 60 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROUNDS = 40
DRUGS = "misdrijven-3-1-1-per-10000"


def timings(client: object, url: str, expect: int = 200) -> tuple[float, float, float]:
    """Cold (first request after import), warm median and warm p95, in ms."""
    start = time.perf_counter()
    response = client.get(url)  # type: ignore[attr-defined]
    cold = (time.perf_counter() - start) * 1000
    assert response.status_code == expect, url
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)  # type: ignore[attr-defined]
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return cold, statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _real import data_folder, empty_open_data, setup_django

    setup_django()
    from django.conf import settings
    from django.test import Client

    from weerbaar.areas.services.importing import import_areas
    from weerbaar.monitor.importers.run import import_monitor

    # as served (conf/base.py): the tests read the data stamp afresh on every call
    settings.WEERBAAR_DATA_STAMP_SECONDS = 2.0
    folder = data_folder()
    empty_open_data()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    import_areas(Path(folder))
    start = time.perf_counter()
    report = import_monitor(Path(folder))
    full = time.perf_counter() - start
    start = time.perf_counter()
    import_monitor(Path(folder))
    again = time.perf_counter() - start
    print(f"database: {engine}")
    created = report.counts["Waarden"].created
    print(f"monitor import, empty database: {full:6.2f} s ({created} values)")
    print(f"monitor import, second run:     {again:6.2f} s")
    client = Client()
    for label, url in (
        ("values, 342 municipalities", f"/api/v1/indicators/{DRUGS}/values?year=2023"),
        ("indicator page, all NL map", f"/monitor/{DRUGS}/?jaar=2023"),
        ("area profile GM0014", "/monitor/gebied/GM0014/"),
        ("area profile WK001400", "/monitor/gebied/WK001400/"),
        ("area profile BU00140001", "/monitor/gebied/BU00140001/"),
        ("district map GM0014", "/monitor/leefbaarometer-afw/?niveau=wijk&gemeente=GM0014"),
    ):
        cold, median, p95 = timings(client, url)
        print(f"{label:28s} cold {cold:7.1f} ms  warm median {median:6.1f} ms  p95 {p95:6.1f} ms")
    # a client that already has the values revalidates with their ETag (side by side)
    values_url = f"/api/v1/indicators/{DRUGS}/values?year=2023"
    etag = client.get(values_url)["ETag"]
    revalidating = Client(HTTP_IF_NONE_MATCH=etag)
    assert revalidating.get(values_url).status_code == 304
    from weerbaar.monitor.services import answers

    class Rebuilding:
        """The answer built again from the cached table each time (before the ETag)."""

        def get(self, path: str) -> object:
            answers._answer.cache_clear()
            return client.get(path)

    # the reference: the same bytes from memory, through the same middleware stack
    reference = reference_urls(client.get(values_url).content)
    timed = {}
    for label, reader, url, status in (
        ("values, answer rebuilt", Rebuilding(), values_url, 200),
        ("values, answer kept", client, values_url, 200),
        ("values, 304 with ETag", revalidating, values_url, 304),
        ("same bytes from memory", client, reference, 200),
    ):
        _cold, median, p95 = timings(reader, url, expect=status)
        timed[label] = median
        print(f"{label:28s} warm median {median:6.2f} ms  p95 {p95:6.2f} ms")
    ratio = timed["values, answer kept"] / timed["same bytes from memory"]
    print(f"values kept / same bytes from memory: {ratio:.2f}x (target <= 3x)")
    # after a restart: the server warms the answers before it forks (conf/gunicorn.py)
    answers._answer.cache_clear()
    from weerbaar.monitor.services import caches

    caches.clear()
    start = time.perf_counter()
    made = answers.warm()
    warming = time.perf_counter() - start
    cold, _median, _p95 = timings(Client(), f"/api/v1/indicators/{DRUGS}/values")
    print(
        f"warm-up at start: {made} answers in {warming:.1f} s; first request after it {cold:.1f} ms (target < 100 ms)"
    )


def reference_urls(body: bytes) -> str:
    """Adds ``/bench/bytes`` serving ``body`` to the real URLs; returns its path."""
    import types

    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    import weerbaar.urls

    module = types.ModuleType("bench_reference_urls")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("bench/bytes", lambda request: HttpResponse(body, content_type="application/json")),
        *weerbaar.urls.urlpatterns,
    ]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()
    return "/bench/bytes"


if __name__ == "__main__":
    main()
