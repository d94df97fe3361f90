from __future__ import annotations

from typing import Any

import pytest

from weerbaar.accounts.tests.factories import organisation
from weerbaar.areas.models import Area
from weerbaar.areas.tests.factories import small_country
from weerbaar.screening.tests.factories import screener


@pytest.fixture
def country(db: Any) -> dict[str, Area]:
    return small_country()


@pytest.fixture
def staff(country: dict[str, Area]) -> dict[str, Any]:
    """Groningen's screening team (two named colleagues and one who is not on the
    application), a Groningen official without screening rights, and Assen's screener."""
    groningen = organisation("Gemeente Groningen", country["GM0014"])
    assen = organisation("Gemeente Assen", country["GM0106"])
    return {
        "org": groningen,
        "anna": screener(groningen, "anna"),
        "bram": screener(groningen, "bram"),
        "carla": screener(groningen, "carla"),  # screening staff, not named
        "dirk": screener(groningen, "dirk", ["view_signal"]),  # no screening permission
        "eva": screener(assen, "eva"),
    }
