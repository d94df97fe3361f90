"""Shared set-up of the benchmarks on the real open data: Django on a throw-away SQLite (or
DATABASE_URL), the data folder, and the open-data tables emptied for a clean import."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def setup_django() -> None:
    os.environ.setdefault("WEERBAAR_VAR_DIR", tempfile.mkdtemp(prefix="weerbaar-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")
    import django

    django.setup()


def data_folder() -> Path:
    from django.conf import settings

    folder = settings.WEERBAAR_DATA_DIR
    if folder is None or not Path(folder).is_dir():
        sys.exit("Geen open data gevonden: zet WEERBAAR_DATA_DIR of plaats ../shared/data.")
    return Path(folder)


def empty_open_data() -> None:
    """Migrate, then remove areas and monitor data (a PostgreSQL bench database may hold them)."""
    from django.core.management import call_command

    from weerbaar.areas.models import Area, HouseholdCount, PopulationCount
    from weerbaar.monitor.models import DataVersion, Indicator, Observation, SeriesBreak

    call_command("migrate", verbosity=0)
    tables = (Observation, DataVersion, SeriesBreak, Indicator, HouseholdCount, PopulationCount)
    for model in tables:
        model.objects.all().delete()
    for level in ("buurt", "wijk", "gemeente", "provincie"):
        Area.objects.filter(level=level).delete()


def engine() -> str:
    from django.conf import settings

    return str(settings.DATABASES["default"]["ENGINE"]).rsplit(".", 1)[-1]
