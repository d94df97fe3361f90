"""Only the named screening team of the owning organisation sees an application, its
persons and everything derived from them: tested over every page and the API. Every read
is written to the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from weerbaar.accounts.models import AuditAction, AuditEvent
from weerbaar.screening.models import Application, Person, Question
from weerbaar.screening.services import letters, questionnaire
from weerbaar.screening.tests.factories import PASSWORD, application

pytestmark = pytest.mark.django_db
SECRET_NAME = "Jan Geheimhouder"


@pytest.fixture
def app(country: Any, staff: Any) -> Application:
    found = application(country["GM0014"], staff["anna"], team=[staff["bram"]])
    Person.objects.create(
        application=found, role="bestuurder", name=SECRET_NAME, birth_date=dt.date(1975, 3, 4)
    )
    question = Question.objects.get(questionnaire=found.questionnaire, code="pand")
    questionnaire.answer(
        found,
        question,
        document=SimpleUploadedFile("huur.pdf", b"%PDF-1.4 huur", content_type="application/pdf"),
        actor=staff["anna"],
    )
    letters.draft(found, "aanvulling", actor=staff["anna"], today=dt.date(2026, 10, 2))
    return found


def _urls(app: Application) -> list[tuple[str, str]]:
    question = Question.objects.get(questionnaire=app.questionnaire, code="pand")
    person = app.persons.get()
    letter = app.letters.get()
    return [
        ("get", reverse("screening:application", args=[app.pk])),
        ("get", reverse("screening:document", args=[app.pk, question.pk])),
        ("get", reverse("screening:letter", args=[app.pk, letter.pk])),
        ("post", reverse("screening:add-person", args=[app.pk])),
        ("post", reverse("screening:remove-person", args=[app.pk, person.pk])),
        ("post", reverse("screening:add-financing", args=[app.pk])),
        ("post", reverse("screening:add-company-event", args=[app.pk])),
        ("post", reverse("screening:answer", args=[app.pk, question.pk])),
        ("post", reverse("screening:step", args=[app.pk, "beoordeling"])),
        ("post", reverse("screening:make-letter", args=[app.pk])),
        ("get", f"/api/v1/screening/applications/{app.pk}"),
    ]


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize("who", ["carla", "dirk", "eva"])
def test_outsiders_reach_nothing_of_the_application(app: Application, staff: Any, who: str) -> None:
    client = _client(staff[who])
    for method, url in _urls(app):
        response = getattr(client, method)(url)
        assert response.status_code in (403, 404), (who, url, response.status_code)
        assert SECRET_NAME not in response.content.decode(errors="ignore")
    for url in (
        "/screening/",
        "/screening/termijnen/",
        "/screening/?formaat=csv",
        "/api/v1/screening/applications",
    ):
        response = client.get(url)
        assert app.reference not in response.content.decode(errors="ignore"), (who, url)
    assert Person.objects.filter(application=app).count() == 1  # nothing was removed


def test_anonymous_users_are_sent_to_login(app: Application) -> None:
    client = Client()
    for method, url in _urls(app):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 401, 403), url
        if response.status_code == 302:
            assert "/inloggen/" in response["Location"]


def test_named_team_sees_persons_and_each_read_is_audited(app: Application, staff: Any) -> None:
    client = _client(staff["bram"])
    before = AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(app.pk)).count()
    page = client.get(f"/screening/{app.pk}/").content.decode()
    assert SECRET_NAME in page
    api = client.get(f"/api/v1/screening/applications/{app.pk}").json()
    assert api["persons"][0]["name"] == SECRET_NAME
    assert {f["code"] for f in api["findings"]} >= {"signalen", "herhaling"}
    after = AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(app.pk))
    assert after.count() == before + 2 and set(after.values_list("actor__username", flat=True)) >= {
        "bram"
    }
    listing = client.get("/api/v1/screening/applications").json()
    assert listing["count"] == 1 and "persons" not in listing["results"][0]
    document = client.get(
        reverse(
            "screening:document",
            args=[app.pk, Question.objects.get(code="pand", questionnaire=app.questionnaire).pk],
        )
    )
    assert document.content == b"%PDF-1.4 huur"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=staff["bram"]).exists()


def test_api_validates_its_parameters(app: Application, staff: Any) -> None:
    client = _client(staff["anna"])
    assert client.get("/api/v1/screening/applications?state=onzin").status_code == 400
    assert client.get("/api/v1/screening/applications?pageSize=1000").status_code == 400
    assert client.get("/api/v1/screening/applications/999999").status_code == 404
