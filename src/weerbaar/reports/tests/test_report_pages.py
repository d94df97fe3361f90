"""The report pages: a public list and published versions, the draft only for analysts,
every table as CSV and Excel, the method register, and clear errors."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from weerbaar.accounts.models import User
from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import small_monitor
from weerbaar.reports.services import publishing
from weerbaar.reports.tests.factories import analyst

pytestmark = pytest.mark.django_db


@pytest.fixture
def data() -> None:
    small_country()
    small_monitor()


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_list_is_public_and_says_when_nothing_is_published(client: Client) -> None:
    page = client.get("/rapportages/").content.decode()
    assert "Er is nog geen rapportage gepubliceerd." in page
    assert "Een rapportage samenstellen" not in page


def test_an_analyst_reads_the_draft_before_publishing(client: Client, data: None) -> None:
    client.force_login(analyst())
    page = client.get("/rapportages/").content.decode()
    assert "Een rapportage samenstellen" in page and 'value="PV20"' in page
    draft = client.get("/rapportages/concept/?regio=PV20&jaar=2023").content.decode()
    assert "Voortgangsrapportage Provincie Groningen 2023" in draft
    assert "Concept: niet gepubliceerd." in draft
    assert "Publiceer deze rapportage" in draft
    assert "Wat er met Weerbaar is gedaan" in draft and "Verantwoording" in draft


def test_the_draft_is_closed_to_others(client: Client, data: None) -> None:
    assert client.get("/rapportages/concept/?regio=PV20&jaar=2023").status_code == 302
    client.force_login(User.objects.create_user(username="iemand", password="x" * 16))
    assert client.get("/rapportages/concept/?regio=PV20&jaar=2023").status_code == 403
    assert (
        client.post("/rapportages/publiceren/", {"regio": "PV20", "jaar": "2023"}).status_code
        == 403
    )


def test_bad_input_gets_a_dutch_message(client: Client, data: None) -> None:
    client.force_login(analyst())
    response = client.get("/rapportages/concept/?regio=XX99&jaar=2023", follow=True)
    assert "Onbekende regio: XX99" in response.content.decode()
    response = client.get("/rapportages/concept/?regio=PV20&jaar=twintig", follow=True)
    assert "Kies een jaar (vier cijfers)." in response.content.decode()


def test_publishing_from_the_page_opens_the_public_version(
    client: Client, data: None, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(analyst())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/rapportages/publiceren/", {"regio": "PV20", "jaar": "2023"})
    url = response["Location"]
    page = client.get(url).content.decode()
    assert "Versie 1, gepubliceerd op" in page
    assert "De rapportage als pdf" in page
    client.logout()
    assert "Versie 1, gepubliceerd op" in client.get(url).content.decode()
    listed = client.get("/rapportages/").content.decode()
    assert "Provincie Groningen" in listed and "Pdf Provincie Groningen 2023" in listed


def test_every_table_downloads_as_csv_and_excel(client: Client, data: None) -> None:
    report = publishing.publish(analyst(), "PV20", 2023)
    base = f"/rapportages/{report.pk}/"
    indicators = _rows(client.get(base + "?tabel=indicatoren&formaat=csv").content)
    assert indicators[0][:3] == ["indicator", "code", "jaar"]
    drugs = next(r for r in indicators if r[1] == "misdrijven-3-1-1-per-10000")
    assert drugs[2] == "2023"
    activity = _rows(client.get(base + "?tabel=activiteit&formaat=csv").content)
    assert {r[3] for r in activity[1:]} >= {"Groningen", "Stadskanaal", "totaal"}
    excel = client.get(base + "?tabel=gemeenten&formaat=xlsx")
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(base + "?tabel=onbekend&formaat=csv").status_code == 404


def test_the_method_register_has_every_method(client: Client) -> None:
    page = client.get("/rapportages/methoden/").content.decode()
    for name in (
        "Verschil-in-verschillen met gespreide startjaren",
        "Verplaatsingstoets (waterbedeffect)",
        "Samenhang met handhavingsinzet",
        "Afscherming van kleine aantallen",
        "Gematchte vergelijking",
    ):
        assert name in page
    assert "Menselijke tussenkomst" in page


def test_an_unknown_report_is_a_404(client: Client) -> None:
    assert client.get("/rapportages/999/").status_code == 404
    assert client.get("/rapportages/999/pdf/").status_code == 404
