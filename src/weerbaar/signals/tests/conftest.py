from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from weerbaar.areas.models import Area
from weerbaar.areas.tests.factories import small_country
from weerbaar.signals.services import location
from weerbaar.signals.services.ratelimit import limiter
from weerbaar.signals.tests.factories import handler, organisation


@pytest.fixture(autouse=True)
def _fresh_limits_and_shapes(request: pytest.FixtureRequest) -> Iterator[None]:
    """Limits live in the database cache: reset them for tests that have a database."""
    with_db = request.node.get_closest_marker("django_db") is not None
    if with_db:
        limiter.reset()
    location.clear_caches()
    yield
    if with_db:
        limiter.reset()


@pytest.fixture
def country(db: Any) -> dict[str, Area]:
    return small_country()


@pytest.fixture
def orgs(country: dict[str, Area]) -> dict[str, Any]:
    """Groningen (GM0014) and Assen (GM0106) handle their own signals; a regional intake
    point gets what has no place. Stadskanaal (GM0037) takes no part: outside our area."""
    groningen = organisation("Gemeente Groningen", country["GM0014"])
    assen = organisation("Gemeente Assen", country["GM0106"])
    meldpunt = organisation("Regionaal meldpunt", intake_point=True)
    return {
        "groningen": groningen,
        "assen": assen,
        "meldpunt": meldpunt,
        "user_groningen": handler(groningen, "ria"),
        "user_assen": handler(assen, "bas"),
        "user_meldpunt": handler(meldpunt, "mo"),
    }
