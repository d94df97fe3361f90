"""The coordinator's pages: a round set up from the form with clear errors, class links
with a QR sheet and letters, results as aggregates with CSV/Excel, and the loose answers
only for the researcher, audited."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from weerbaar.accounts.models import AuditEvent, User
from weerbaar.accounts.services import roles
from weerbaar.areas.tests.factories import small_country
from weerbaar.surveys.models import ClassLink, Round
from weerbaar.surveys.tests.factories import a_round, answers

pytestmark = pytest.mark.django_db


def _user(role: str) -> User:
    user = User.objects.create_user(username=role, password="x" * 16)
    user.groups.add(roles.role(role))
    return User.objects.get(pk=user.pk)


def test_a_coordinator_sets_up_a_round_and_gets_class_links(client: Client) -> None:
    small_country()
    client.force_login(_user("enquetecoordinator"))
    bad = client.post(
        "/enquetes/",
        {
            "naam": "Ronde",
            "jaar": "26",
            "van": "2027-02-01",
            "tot": "2027-01-01",
            "scholen": "Noorderpoort;GM9999;vmbo;1A=1",
        },
    )
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Het jaar heeft vier cijfers." in page
    assert not Round.objects.exists()
    good = client.post(
        "/enquetes/",
        {
            "naam": "Scholierenonderzoek 2027",
            "jaar": "2027",
            "van": "2027-02-01",
            "tot": "2027-02-28",
            "scholen": "Noorderpoort;GM0014;vmbo;1A=1,2B=2\nDollard;GM0037;havo-vwo;3H=3",
        },
        follow=True,
    )
    page = good.content.decode()
    assert "De ronde staat klaar" in page
    assert ClassLink.objects.count() == 3
    code = ClassLink.objects.get(label="2B").code
    assert f"/enquete/{code}/" in page
    found = Round.objects.get()
    link = ClassLink.objects.get(label="2B")
    sheet = client.get(f"/enquetes/{found.pk}/klas/{link.pk}/").content.decode()
    assert "<svg" in sheet and f"/enquete/{code}/" in sheet
    letters = client.get(f"/enquetes/{found.pk}/school/{link.school_id}/brieven/").content.decode()
    assert "Wilt u niet dat uw kind meedoet?" in letters and "Meld Misdaad Anoniem" in letters


def test_results_are_aggregates_and_download(client: Client) -> None:
    small_country()
    found = a_round()
    school = found.schools.get(name="Noorderpoort")
    answers(school, 1, 30, kent_leeftijdsgenoot=["ja"], benaderd=["nee"])
    answers(school, 1, 45, kent_leeftijdsgenoot=["nee"], benaderd=["nee"])
    answers(school, 1, 12, kent_leeftijdsgenoot=["weet_niet"], benaderd=["nee"])
    answers(school, 2, 4, kent_leeftijdsgenoot=["ja"], benaderd=["ja"])
    client.force_login(_user("enquetecoordinator"))
    page = client.get(f"/enquetes/{found.pk}/uitkomsten/").content.decode()
    assert "91 leerlingen vulden de vragenlijst in." in page
    assert '<svg class="survey-chart"' in page  # 34 of 91 know a peer: shown as a bar
    regions = client.get(f"/enquetes/{found.pk}/uitkomsten/?indeling=provincie").content.decode()
    assert "Groningen" in regions
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    f"/enquetes/{found.pk}/uitkomsten/?indeling=leerjaar&formaat=csv"
                ).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert rows[0][:5] == ["vraag", "indeling", "groep", "antwoord", "aantal"]
    year_two = [r for r in rows if r[0] == "benaderd" and r[2] == "2" and r[3] == "ja"]
    assert year_two and year_two[0][4] == ""  # 4 pupils: hidden
    assert client.get(f"/enquetes/{found.pk}/antwoorden.csv").status_code == 403


def test_the_researcher_exports_loose_answers_and_is_audited(client: Client) -> None:
    small_country()
    found = a_round()
    answers(found.schools.get(name="Dollard"), 1, 3, benaderd=["ja"])
    client.force_login(_user("onderzoeker"))
    response = client.get(f"/enquetes/{found.pk}/antwoorden.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["school", "gemeente", "schoolsoort", "leerjaar", "week"]
    assert len(rows) == 4
    assert AuditEvent.objects.filter(action="export", object_type="surveys.round").count() == 1


def test_the_pages_are_closed_to_others(client: Client) -> None:
    small_country()
    found = a_round()
    assert client.get("/enquetes/").status_code == 302
    client.force_login(_user("analist"))
    assert client.get("/enquetes/").status_code == 403
    assert client.get(f"/enquetes/{found.pk}/").status_code == 404
    assert client.get(f"/enquetes/{found.pk}/uitkomsten/").status_code == 404


def test_a_school_sees_its_own_results_only_from_25_answers(client: Client) -> None:
    small_country()
    found = a_round()
    small, big = found.schools.get(name="Dollard"), found.schools.get(name="Noorderpoort")
    answers(small, 1, 24, benaderd=["nee"])
    answers(big, 1, 25, benaderd=["nee"])
    client.force_login(_user("enquetecoordinator"))
    page = client.get(f"/enquetes/{found.pk}/uitkomsten/?school={small.pk}").content.decode()
    assert "pas als minstens 25 leerlingen" in page
    page = client.get(f"/enquetes/{found.pk}/uitkomsten/?school={big.pk}").content.decode()
    assert "25 leerlingen vulden de vragenlijst in." in page and "Noorderpoort" in page
