"""A round's results flow into the monitor per municipality, with their n; a municipality
the tables hide goes in as secret, never as a number, and a new delivery replaces the old."""

from __future__ import annotations

import pytest
from django.test import Client

from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.models import Indicator, Observation
from weerbaar.monitor.services import values
from weerbaar.surveys.models import Response
from weerbaar.surveys.tests.factories import a_round, answers
from weerbaar.surveys.tests.test_pages import _user

pytestmark = pytest.mark.django_db


def _by_area(indicator: Indicator, year: int) -> dict[str, values.Value]:
    return {v.area_code: v for v in values.compute(indicator, years=[year])}


def test_shares_per_municipality_reach_the_monitor(client: Client, settings: object) -> None:
    settings.WEERBAAR_MONITOR_MIN_DENOMINATOR = 10  # type: ignore[attr-defined]
    small_country()
    found = a_round(
        schools=(
            "Noorderpoort;GM0014;vmbo;1A=1",
            "Dollard;GM0037;havo-vwo;1H=1",
            "Dr. Nassau;GM0106;havo-vwo;1N=1",
        )
    )
    dollard = found.schools.get(name="Dollard")
    answers(found.schools.get(name="Dr. Nassau"), 1, 20, benaderd=["ja"])
    answers(found.schools.get(name="Dr. Nassau"), 1, 60, benaderd=["nee"])
    answers(found.schools.get(name="Noorderpoort"), 1, 30, benaderd=["ja"])
    answers(found.schools.get(name="Noorderpoort"), 1, 90, benaderd=["nee"])
    answers(dollard, 1, 14, benaderd=["ja"])
    answers(dollard, 1, 40, benaderd=["nee"])
    client.force_login(_user("enquetecoordinator"))
    response = client.post(f"/enquetes/{found.pk}/naar-monitor/", follow=True)
    assert "De uitkomsten staan in de monitor: 3 gemeente-cijfers" in response.content.decode()
    indicator = Indicator.objects.get(code="enquete-benaderd-procent")
    by_area = _by_area(indicator, found.year)
    assert by_area["GM0014"].value == pytest.approx(25.0)
    assert by_area["GM0014"].denominator == 120  # the n beside the value
    assert by_area["GM0037"].value == pytest.approx(14 / 54 * 100)
    # ten fewer "ja" in Stadskanaal: 4 is too few, the delivery replaces the old numbers
    removed = [
        r.pk for r in Response.objects.filter(school=dollard) if r.answers["benaderd"] == ["ja"]
    ]
    Response.objects.filter(pk__in=removed[:10]).delete()
    client.post(f"/enquetes/{found.pk}/naar-monitor/")
    by_area = _by_area(indicator, found.year)
    assert by_area["GM0037"].value is None and by_area["GM0037"].status == "geheim"
    stored = Observation.objects.filter(measure="enquete.benaderd.ja", area_code="GM0037").get()
    assert stored.value is None  # never the 4
