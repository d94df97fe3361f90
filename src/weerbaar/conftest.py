"""Fixtures shared by all apps' tests."""

from __future__ import annotations

import os
from pathlib import Path

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
