"""The register, registering an application, recording data on the application page, the
deadlines overview and retention: what a screening official does in a day."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from weerbaar.cases.models import Subject
from weerbaar.screening.models import Application, Person, Question
from weerbaar.screening.services import retention, workflow
from weerbaar.screening.tests.factories import KVK, PASSWORD, application

pytestmark = pytest.mark.django_db


def _client(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _form(country: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "kind": "",
        "requested_decision": "Exploitatievergunning café De Hoek",
        "received_on": (timezone.localdate() - dt.timedelta(days=10)).isoformat(),
        "applicant_name": "De Hoek B.V.",
        "applicant_is_business": "1",
        "kvk": KVK,
        "founded_on": "2025-09-01",
        "street": "Grote Markt",
        "house_number": "1a",
        "postcode": "9711lv",
        "place": "Groningen",
        "municipality": country["GM0014"].pk,
        "investment": "150000",
        "rent_per_month": "",
        "purchase_price": "",
        "floor_area": "120",
    }
    data.update(overrides)
    return data


def test_register_an_application_with_errors_first(country: Any, staff: Any) -> None:
    from weerbaar.screening.models import ApplicationKind

    client = _client(staff["anna"])
    page = client.get("/screening/nieuw/").content.decode()
    assert "bram" in page and "eva" not in page  # colleagues of the own organisation only
    kind = ApplicationKind.objects.get(code="exploitatievergunning-horeca")
    response = client.post(
        "/screening/nieuw/", _form(country, kvk="12345678", postcode="97", received_on="2099-01-01")
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Dit is geen geldig KvK-nummer" in text and "Vul een postcode in" in text
    assert "Deze datum ligt in de toekomst." in text and "Dit veld is vereist." in text  # kind
    response = client.post(
        "/screening/nieuw/", _form(country, kind=kind.pk, team=[staff["bram"].pk])
    )
    assert response.status_code == 302
    app = Application.objects.get()
    assert app.reference == f"BIB-{app.received_on.year}-0001"
    assert app.premises.key == "pand:9711LV|1|A|" and app.business.kvk == KVK
    assert app.premises in app.business.addresses.all()
    assert set(app.team.values_list("username", flat=True)) == {"anna", "bram"}
    assert Subject.objects.count() == 2


def test_application_page_records_persons_money_answers(country: Any, staff: Any) -> None:
    app = application(country["GM0014"], staff["anna"])
    client = _client(staff["anna"])
    page = client.get(f"/screening/{app.pk}/").content.decode()
    assert "verplichte antwoorden of stukken ontbreken" in page
    response = client.post(
        f"/screening/{app.pk}/personen/", {"persoon-role": "bestuurder", "persoon-name": ""}
    )
    assert response.status_code == 400 and "Dit veld is vereist." in response.content.decode()
    client.post(
        f"/screening/{app.pk}/personen/",
        {
            "persoon-role": "bestuurder",
            "persoon-name": "Piet de Vries",
            "persoon-birth_date": "1980-02-03",
        },
    )
    assert Person.objects.get(application=app).name == "Piet de Vries"
    client.post(
        f"/screening/{app.pk}/financiering/",
        {"financiering-source": "contant", "financiering-amount": "40000"},
    )
    client.post(f"/screening/{app.pk}/kvk/", {"kvk-kind": "adres", "kvk-date": "2026-05-01"})
    question = Question.objects.get(questionnaire=app.questionnaire, code="pand")
    bad = client.post(
        f"/screening/{app.pk}/vragen/{question.pk}/",
        {"document": SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload")},
    )
    assert bad.status_code == 400 and "Alleen PDF" in bad.content.decode()
    client.post(
        f"/screening/{app.pk}/vragen/{question.pk}/",
        {"document": SimpleUploadedFile("huur.pdf", b"%PDF-1.4", content_type="application/pdf")},
    )
    page = client.get(f"/screening/{app.pk}/").content.decode()
    assert "Piet de Vries" in page and f"{app.reference}-pand.pdf" in page
    assert "€ 40.000 contant" in page  # the financing check fired
    events = list(app.events.values_list("text", flat=True))
    assert "Persoon toegevoegd: bestuurder." in events and all("Piet" not in e for e in events)


def test_register_filters_sorts_and_exports(country: Any, staff: Any) -> None:
    old = application(country["GM0014"], staff["anna"], received_on=dt.date(2026, 1, 5))
    new = application(
        country["GM0014"],
        staff["anna"],
        kind="subsidie",
        received_on=dt.date(2026, 11, 2),
        number="2",
        applicant_name="Stichting Jeugd",
    )
    client = _client(staff["anna"])
    page = client.get("/screening/").content.decode()
    assert page.index(new.reference) < page.index(old.reference)
    page = client.get("/screening/?sorteer=beslisdatum").content.decode()
    assert page.index(old.reference) < page.index(new.reference)
    page = client.get("/screening/?soort=subsidie").content.decode()
    assert new.reference in page and old.reference not in page
    page = client.get("/screening/?zoek=jeugd").content.decode()
    assert new.reference in page and old.reference not in page
    assert "Geen aanvragen gevonden" in client.get("/screening/?zoek=niemand").content.decode()
    rows = list(
        csv.reader(
            io.StringIO(client.get("/screening/?formaat=csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][0] == "kenmerk" and len(rows) == 3
    assert "te laat" in client.get("/screening/termijnen/").content.decode()  # January's is overdue


def test_retention_removes_persons_by_outcome_and_reports(country: Any, staff: Any) -> None:
    anna = staff["anna"]
    refused = application(country["GM0014"], anna, received_on=dt.date(2019, 1, 7))
    granted = application(country["GM0014"], anna, received_on=dt.date(2019, 1, 7), number="3")
    for app in (refused, granted):
        Person.objects.create(application=app, role="bestuurder", name="Piet de Vries")
    workflow.intend_refusal(refused, "Ernstig gevaar.", actor=anna, on=dt.date(2019, 2, 1))
    workflow.decide(
        refused,
        "geweigerd",
        "art. 3 Wet Bibob",
        "Ernstig gevaar.",
        actor=anna,
        on=dt.date(2019, 3, 1),
    )
    workflow.decide(
        granted, "verleend", "APV", "Geen aanwijzingen.", actor=anna, on=dt.date(2019, 3, 1)
    )
    today = dt.date(2023, 1, 1)  # granted: 2 years passed; refused: 5 years not yet
    dry = retention.purge(dry_run=True, today=today)
    assert len(dry) == 1 and granted.reference in dry[0] and "zou verwijderen" in dry[0]
    assert Person.objects.filter(application=granted).exists()
    (line,) = retention.purge(today=today)
    assert "1 personen" in line and "verleend" in line
    granted.refresh_from_db()
    assert granted.purged_at and not granted.persons.exists()
    assert set(granted.events.values_list("text", flat=True)) == {retention.REMOVED}
    assert refused.persons.exists()
    assert retention.purge(today=dt.date(2024, 3, 2))[0].startswith(refused.reference)
    assert retention.purge(today=dt.date(2024, 3, 2)) == ["Bibob: niets te verwijderen."]


def test_purge_command_runs_the_screening_retention(country: Any, staff: Any) -> None:
    out = io.StringIO()
    call_command("purge", "--dry-run", stdout=out)
    assert "Bibob: niets te verwijderen." in out.getvalue()


def test_document_type_comes_from_the_content() -> None:
    from weerbaar.screening.services.questionnaire import document_kind

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert document_kind(buffer.getvalue()) == "docx"
    assert document_kind(b"%PDF-1.7 ...") == "pdf"
    assert document_kind(b"MZ\x90\x00 renamed.pdf") is None
    assert document_kind(b"PK\x03\x04 not a zip") is None


def test_register_pages_keep_the_filters(country: Any, staff: Any) -> None:
    for number in range(26):
        application(country["GM0014"], staff["anna"], number=str(number + 1), kind="subsidie")
    page = _client(staff["anna"]).get("/screening/?soort=subsidie&sorteer=kenmerk").content.decode()
    assert "Pagina 1 van 2" in page
    assert 'href="?soort=subsidie&amp;sorteer=kenmerk&amp;pagina=2"' in page


def _steps(html: str) -> tuple[str, str]:
    """The open part of the steps section and the folded 'Andere stappen' part."""
    section = html.split('id="stappen"')[1].split("</section>")[0]
    if "Andere stappen in deze fase" not in section:
        return section, ""
    open_part, folded = section.split('<details class="other-steps"', 1)
    return open_part, folded


def test_the_page_shows_only_the_steps_of_the_current_phase(
    country: Any, staff: dict[str, Any]
) -> None:
    """In 'eigen onderzoek' the page used to show the assessment, the intention to refuse
    and the decision at once. Now: first the assessment; the decision folded away; no
    intention to refuse before there is an assessment."""
    app = application(country["GM0014"], staff["anna"])
    client = _client(staff["anna"])
    shown, folded = _steps(client.get(f"/screening/{app.pk}/").content.decode())
    assert "/stap/beoordeling/" in shown
    assert "/stap/besluit/" not in shown and "/stap/besluit/" in folded
    assert "/stap/voornemen/" not in shown + folded
    workflow.assess(
        app,
        "geen",
        "Niets gevonden in eigen onderzoek.",
        actor=staff["anna"],
        on=timezone.localdate(),
    )
    shown, folded = _steps(client.get(f"/screening/{app.pk}/").content.decode())
    assert "/stap/besluit/" in shown and "/stap/beoordeling/" not in shown + folded
    assert "/stap/voornemen/" in folded
