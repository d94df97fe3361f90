"""Fixtures shared by all apps' tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The real open data (../shared/data); tests using it skip on a clone without it."""
    folder: Path | None = settings.WEERBAAR_DATA_DIR
    if folder is None or not (folder / "gemeenten").is_dir():
        pytest.skip(
            "Echte open data niet gevonden: zet WEERBAAR_DATA_DIR of plaats ../shared/data "
            "naast de checkout om deze test te draaien."
        )
    return folder


def browser_required() -> bool:
    return os.environ.get("WEERBAAR_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def real_import(
    django_db_setup: None, django_db_blocker: Any, real_data_dir: Path
) -> Iterator[Path]:
    """The real open data imported once for the whole session (areas and monitor).

    Tests using it run in transactions on top and roll back; the import is removed at the
    end so tests with their own small fixtures never see it.
    """
    from weerbaar.areas.models import Area, HouseholdCount, PopulationCount, Region
    from weerbaar.areas.services.importing import import_areas
    from weerbaar.monitor.importers.run import import_monitor
    from weerbaar.monitor.models import DataVersion, Indicator, Observation, SeriesBreak

    with django_db_blocker.unblock():
        import_areas(real_data_dir)
        import_monitor(real_data_dir)
        yield real_data_dir
        for model in (
            Observation,
            DataVersion,
            SeriesBreak,
            Indicator,
            HouseholdCount,
            PopulationCount,
            Region,  # the ready-made regions the areas import sets up
        ):
            model.objects.all().delete()
        for level in ("buurt", "wijk", "gemeente", "provincie"):
            Area.objects.filter(level=level).delete()


@pytest.fixture
def browser() -> Iterator[Any]:
    """Debian's Chromium (never a downloaded browser), a fresh process per test: a shared
    browser kept keep-alive sockets to the live server across tests and then waited for a
    free connection forever (seen on PostgreSQL). Skips where Chromium is not installed,
    except with WEERBAAR_REQUIRE_BROWSER=1 (CI), where that is a failure."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        message = "Chromium ontbreekt: installeer het Debian-pakket (apt-get install chromium)."
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the live server is another thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from weerbaar.core.tests.browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _order(item: pytest.Item) -> int:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return 2  # flushes the database when done: the migrations' seed data goes too
    return 1 if item.get_closest_marker("realdata") else 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Real-data tests run late: they share one import (``real_import``) that stays in the
    database until the session ends, which small self-made fixtures must not meet.
    Transactional tests run last (as Django's own runner does): they end with a flush."""
    items.sort(key=_order)


@pytest.fixture(autouse=True)
def _logins_pass_the_second_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """``client.login`` / ``force_login`` stand for a finished login, both steps; the
    second step and the lockout are tested through the real pages (accounts/tests)."""
    from django.test.client import Client

    original = Client._login  # type: ignore[attr-defined]

    def _login(self: Client, user: Any, backend: str | None = None) -> None:
        original(self, user, backend)
        from weerbaar.accounts.tests.factories import verify_session

        verify_session(self, user)

    monkeypatch.setattr(Client, "_login", _login)

    # django-axes needs the request in authenticate(), as the login page always passes it.
    original_password_login = Client.login

    def login(self: Client, **credentials: Any) -> bool:
        from django.http import HttpRequest

        credentials.setdefault("request", HttpRequest())
        return original_password_login(self, **credentials)

    monkeypatch.setattr(Client, "login", login)


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Rolled-back test transactions let SQLite reuse ids, so the version-keyed caches
    could serve another test's values; every test starts with empty caches."""
    from weerbaar.monitor.services import caches

    caches.clear()
