"""Fixtures of the cross-app tests."""

from __future__ import annotations

from typing import Any

import pytest

from weerbaar.areas.models import Area
from weerbaar.areas.tests.factories import small_country


@pytest.fixture
def country(db: Any) -> dict[str, Area]:
    return small_country()
