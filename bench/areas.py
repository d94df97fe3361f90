"""Benchmark: import of the areas from the real data and server-side time of the pages
and API that read them. Prints figures; run with ``.venv/bin/python bench/areas.py``.

Uses a fresh SQLite database in a temporary folder (or DATABASE_URL if set, in which case
the tables are emptied first).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 30


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="weerbaar-bench-")
    os.environ.setdefault("WEERBAAR_VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from weerbaar.areas.models import Area, HouseholdCount, PopulationCount
    from weerbaar.areas.services.importing import import_areas

    folder = settings.WEERBAAR_DATA_DIR
    if folder is None or not Path(folder).is_dir():
        sys.exit("Geen open data gevonden: zet WEERBAAR_DATA_DIR of plaats ../shared/data.")
    call_command("migrate", verbosity=0)
    HouseholdCount.objects.all().delete()
    PopulationCount.objects.all().delete()
    for level in ("buurt", "wijk", "gemeente", "provincie"):
        Area.objects.filter(level=level).delete()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    start = time.perf_counter()
    report = import_areas(Path(folder))
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = import_areas(Path(folder))
    second = time.perf_counter() - start
    print(f"database: {engine}")
    created = report.counts["Gebieden"].created
    print(f"import areas, empty database: {first:.2f} s ({created} gebieden)")
    print(f"import areas, second run:     {second:.2f} s (changed: {again.changed})")

    client = Client()
    for url in (
        "/gebieden/",
        "/gebieden/PV20/",
        "/gebieden/GM0014/",
        "/gebieden/GM0363/",
        "/api/v1/areas?level=gemeente&pageSize=1000",
        "/api/v1/areas?level=gemeente&parent=PV20",
        "/api/v1/areas/GM0014?geometry=true",
    ):
        client.get(url)  # warm up
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, url
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"{url:48s} median {statistics.median(timings):7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
