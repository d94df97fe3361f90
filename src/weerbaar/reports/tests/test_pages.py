"""The evaluation page: three views, the plain-Dutch caveats, downloads, empty states."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from weerbaar.reports.services.evaluation import cached
from weerbaar.reports.tests.test_programme_evaluation import constructed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    cached.cache_clear()


def test_the_page_shows_three_views_and_what_they_cannot_say(client: Client) -> None:
    constructed()
    page = client.get(
        "/rapportages/evaluatie/?programma=test&indicator=leefbaarometer-afw"
    ).content.decode()
    assert "1. Programmagebieden tegen Nederland" in page
    assert "2. Tegen gebieden die vóór de start op ze leken" in page
    assert "3. Verschil-in-verschillen met gespreide startjaren" in page
    assert "regressie naar het gemiddelde" in page
    assert "Vergeleken met gebieden die nooit meededen" in page
    assert "Vergeleken met gebieden die (nog) niet meededen" in page
    assert "Het interval bevat geen 0." in page
    assert '<svg class="event-chart"' in page


def test_every_table_downloads_as_csv(client: Client) -> None:
    constructed()
    response = client.get(
        "/rapportages/evaluatie/?programma=test&indicator=leefbaarometer-afw&formaat=csv"
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    kinds = {row[0] for row in rows[1:]}
    assert kinds == {
        "programma tegen Nederland",
        "gematchte vergelijking",
        "verschil-in-verschillen",
    }


def test_without_programmes_the_page_says_how_to_load_them(client: Client) -> None:
    page = client.get("/rapportages/evaluatie/").content.decode()
    assert "weerbaar import programmas" in page
