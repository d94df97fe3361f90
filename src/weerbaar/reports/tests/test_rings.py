"""The displacement test on areas with boundaries: the ring comes from the map."""

from __future__ import annotations

import pytest
from django.test import Client

from weerbaar.areas.models import AreaLevel
from weerbaar.areas.tests.factories import make_area, square
from weerbaar.monitor.models import Indicator
from weerbaar.monitor.tests.factories import catalogue, observe
from weerbaar.reports.services.evaluation import cached
from weerbaar.reports.services.evaluation.rings import displacement_for
from weerbaar.selection.models import Participation, Programme

pytestmark = pytest.mark.django_db


def a_row_of_municipalities() -> Indicator:
    """Five squares in a row; the middle one (GM0003) takes part from 2020. Its drug
    trafficking falls by 40 while its two neighbours rise by 20 each; the far ones stay."""
    catalogue()
    province = make_area("PV20", "Groningen", AreaLevel.PROVINCIE)
    counts = {1: (200, 200), 2: (50, 70), 3: (100, 60), 4: (50, 70), 5: (200, 200)}
    for number, (before, after) in counts.items():
        code = f"GM000{number}"
        make_area(
            code,
            f"Gemeente {number}",
            AreaLevel.GEMEENTE,
            province,
            geometry=square(6.0 + 0.1 * number, 53.0),
        )
        for year, count in ((2019, before), (2024, after)):
            observe("misdrijven.3.1.1", code, year, count)
            observe("bevolking.gemiddeld", code, year, 10000)
    programme = Programme.objects.create(slug="test", name="Testprogramma")
    Participation.objects.create(programme=programme, area_code="GM0003", start_year=2020)
    return Indicator.objects.get(code="misdrijven-3-1-1-per-10000")


def test_the_ring_comes_from_the_boundaries_and_displacement_is_found() -> None:
    rows = displacement_for("test", a_row_of_municipalities())
    assert len(rows) == 1
    row = rows[0]
    assert row.ring == ["GM0002", "GM0004"]
    assert (row.before_year, row.after_year) == (2019, 2024)
    assert (row.areas.target.before, row.areas.target.after) == (100, 60)
    assert (row.areas.buffer.before, row.areas.buffer.after) == (100, 140)
    assert (row.areas.control.before, row.areas.control.after) == (400, 400)
    assert row.result.quotient == pytest.approx(-1.0)
    assert row.result.verdict.startswith("verplaatsing")


def test_the_evaluation_page_shows_the_displacement_table(client: Client) -> None:
    cached.cache_clear()
    a_row_of_municipalities()
    page = client.get(
        "/rapportages/evaluatie/?programma=test&indicator=misdrijven-3-1-1-per-10000"
    ).content.decode()
    assert "4. Verplaatst het probleem naar de buren?" in page
    assert "verplaatsing: de ring steeg terwijl het programmagebied daalde" in page
