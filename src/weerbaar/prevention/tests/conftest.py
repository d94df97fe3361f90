from __future__ import annotations

from typing import Any

import pytest

from weerbaar.areas.models import Area
from weerbaar.areas.tests.factories import small_country
from weerbaar.prevention.tests.factories import coordinator, organisation


@pytest.fixture
def country(db: Any) -> dict[str, Area]:
    return small_country()


@pytest.fixture
def team(country: dict[str, Area]) -> dict[str, Any]:
    """The regional campaign (both provinces) and a municipality that sees only its own."""
    region = organisation("Regionale aanpak", country["PV20"], country["PV22"])
    assen = organisation("Gemeente Assen", country["GM0106"])
    return {
        "region": region,
        "assen": assen,
        "coordinator": coordinator(region, "coco"),
        "assen_user": coordinator(assen, "asje"),
        "reader": coordinator(
            region, "lezer", ["view_busrequest", "view_tourplan", "view_covenant"]
        ),
    }
