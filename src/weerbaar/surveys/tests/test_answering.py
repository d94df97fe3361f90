"""A class answers through its generic link, anonymously: no IP address, user agent, cookie
or time is kept, only school, year group, ISO week and the answers the routing allows."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from weerbaar.areas.tests.factories import small_country
from weerbaar.surveys.models import Response
from weerbaar.surveys.services import answering
from weerbaar.surveys.tests.factories import a_round, link

pytestmark = pytest.mark.django_db

PROBES = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_X_FORWARDED_FOR": "198.51.100.23",
    "HTTP_USER_AGENT": "ProbeBrowser/9.9 (leerling-iphone)",
    "HTTP_COOKIE": "tracker=volg-mij-123; sessionid=abc",
}


def test_a_pupil_answers_and_nothing_identifying_is_stored(
    caplog: pytest.LogCaptureFixture,
) -> None:
    small_country()
    found = a_round()
    code = link(found, "Noorderpoort", 2).code
    client = Client(enforce_csrf_checks=False)
    page = client.get(f"/enquete/{code}/", **PROBES)
    assert page.status_code == 200
    assert "Je naam staat er niet op" in page.content.decode()
    assert not [c for c in page.cookies if c != "csrftoken"]
    posted = client.post(
        f"/enquete/{code}/",
        {
            "benaderd": ["ja"],
            "aangeboden": ["geld", "vapes", "onzin"],
            "verteld": ["niemand"],
            "waarom_niet": ["verklikken"],
        },
        **PROBES,
    )
    assert "Dank je wel" in posted.content.decode()
    assert "Meld Misdaad Anoniem" in posted.content.decode()
    row = Response.objects.get()
    assert row.year_group == 2 and row.school.name == "Noorderpoort"
    assert row.answers == {
        "benaderd": ["ja"],
        "aangeboden": ["geld", "vapes"],
        "verteld": ["niemand"],
        "waarom_niet": ["verklikken"],
    }
    assert len(row.week) == 8 and "-W" in row.week
    stored = json.dumps([getattr(row, f.attname) for f in Response._meta.fields], default=str)
    logged = caplog.text
    for probe in ("203.0.113.77", "198.51.100.23", "ProbeBrowser", "volg-mij", code):
        assert probe not in stored and probe not in logged
    # no field can hold a time or the class
    assert {f.name for f in Response._meta.fields} == {
        "id",
        "round",
        "school",
        "questionnaire",
        "year_group",
        "week",
        "answers",
    }


def test_answers_to_questions_never_asked_are_dropped() -> None:
    small_country()
    found = a_round()
    row = answering.record(
        link(found, "Dollard", 1),
        {"benaderd": ["nee"], "aangeboden": ["geld"], "kent_leeftijdsgenoot": ["ja", "nee"]},
    )
    assert row.answers == {"benaderd": ["nee"], "kent_leeftijdsgenoot": ["ja"]}


def test_an_unknown_or_closed_link_says_so_plainly(client: Client) -> None:
    small_country()
    found = a_round(year=2026)  # 1 January to 31 December 2026
    response = client.get("/enquete/ONBEKEND12/")  # an unknown code: no round needed
    assert response.status_code == 404 and "Deze link kennen we niet" in response.content.decode()
    with pytest.raises(answering.ClosedError, match="gesloten"):
        answering.open_link(link(found, "Dollard", 1).code, today=dt.date(2027, 1, 5))
    with pytest.raises(answering.ClosedError, match="gaat open op 01-01-2026"):
        answering.open_link(link(found, "Dollard", 1).code, today=dt.date(2025, 12, 1))
