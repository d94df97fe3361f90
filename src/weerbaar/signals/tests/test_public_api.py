"""The public API and form: receipts, status with the secret, adding information, and a
clear Dutch 4xx for every kind of bad input (never a 500)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from weerbaar.signals.models import EventKind, Signal, Status
from weerbaar.signals.services import conversation
from weerbaar.signals.services import status as status_service
from weerbaar.signals.tests.factories import jpeg_with_metadata, png_bytes

pytestmark = pytest.mark.django_db
URL = "/api/v1/public/signals"


def post(client: Client, data: dict[str, Any], **extra: Any) -> Any:
    return client.post(URL, data, **extra)


def reasons(response: Any) -> dict[str, str]:
    assert response["Content-Type"].startswith("application/problem+json")
    return {p["name"]: p["reason"] for p in response.json().get("invalidParams", [])}


def test_receipt_and_secret_give_the_coarse_status(orgs: dict[str, Any]) -> None:
    client = Client()
    created = post(client, {"description": "Hennepgeur uit de schuur.", "municipality": "GM0014"})
    assert created.status_code == 201
    receipt, secret = created.json()["receipt"], created.json()["secret"]
    response = client.get(f"{URL}/{receipt}", HTTP_X_SIGNAL_SECRET=secret)
    assert response.status_code == 200
    assert response.json()["status"] == "ontvangen"
    signal = Signal.objects.get(receipt=receipt)
    status_service.change(signal, Status.DOORGESTUURD, actor=orgs["user_groningen"])
    conversation.ask_reporter(signal, "Welke kleur had de bus?", actor=orgs["user_groningen"])
    body = client.get(f"{URL}/{receipt}", HTTP_X_SIGNAL_SECRET=secret).json()
    assert body["status"] == "in_behandeling"  # never "doorgestuurd": that stays inside
    assert [m["text"] for m in body["messages"]] == ["Welke kleur had de bus?"]


def test_secret_is_forgiving_about_case_and_dashes(orgs: dict[str, Any]) -> None:
    client = Client()
    body = post(client, {"description": "Drugs verkocht bij de school."}).json()
    sloppy = body["secret"].lower().replace("-", " ")
    response = client.get(f"{URL}/{body['receipt'].lower()}", HTTP_X_SIGNAL_SECRET=sloppy)
    assert response.status_code == 200


def test_wrong_or_missing_secret_and_unknown_receipt_all_answer_404(orgs: dict[str, Any]) -> None:
    client = Client()
    receipt = post(client, {"description": "Drugs verkocht bij de school."}).json()["receipt"]
    wrong = client.get(f"{URL}/{receipt}", HTTP_X_SIGNAL_SECRET="AAAA-BBBB-CCCC-DDDD")
    missing = client.get(f"{URL}/{receipt}")
    unknown = client.get(f"{URL}/M-0000-0000", HTTP_X_SIGNAL_SECRET="AAAA-BBBB-CCCC-DDDD")
    assert wrong.status_code == missing.status_code == unknown.status_code == 404
    assert wrong.json()["detail"] == unknown.json()["detail"]  # nothing to tell them apart


def test_reporter_adds_information(orgs: dict[str, Any]) -> None:
    client = Client()
    body = post(client, {"description": "Drugs verkocht bij de school."}).json()
    response = client.post(
        f"{URL}/{body['receipt']}/messages",
        {"text": "Het gebeurt vooral op woensdag."},
        content_type="application/json",
        HTTP_X_SIGNAL_SECRET=body["secret"],
    )
    assert response.status_code == 201
    event = Signal.objects.get().events.get(kind=EventKind.REPORTER)
    assert event.text == "Het gebeurt vooral op woensdag." and event.actor is None
    empty = client.post(
        f"{URL}/{body['receipt']}/messages",
        {"text": " "},
        content_type="application/json",
        HTTP_X_SIGNAL_SECRET=body["secret"],
    )
    assert empty.status_code == 400 and "text" in reasons(empty)


def test_multipart_body_with_answers_as_one_json_part(orgs: dict[str, Any]) -> None:
    """As the schema documents it: the answers were silently dropped from multipart."""
    response = Client().post(
        URL,
        {
            "description": "Een belwinkel waar nooit klanten komen.",
            "category": "witwassen",
            "answers": '{"bedrijfsnaam": "Bel & Co"}',
        },
    )
    assert response.status_code == 201, response.content
    assert Signal.objects.get().answers == {"bedrijfsnaam": "Bel & Co"}


@pytest.mark.parametrize("answers", ['{"bedrijfsnaam": ["a", "b"]}', "geen json", "[1]"])
def test_multipart_answers_that_are_no_object_of_texts_are_refused(
    orgs: dict[str, Any], answers: str
) -> None:
    response = Client().post(
        URL, {"description": "Een belwinkel waar nooit klanten komen.", "answers": answers}
    )
    assert response.status_code == 400
    assert "answers" in {p["name"] for p in response.json()["invalidParams"]}
    assert not Signal.objects.exists()


def test_json_body_with_answers(orgs: dict[str, Any]) -> None:
    response = Client().post(
        URL,
        {
            "description": "Een belwinkel waar nooit klanten komen.",
            "category": "witwassen",
            "answers": {"bedrijfsnaam": "Bel & Co", "onbekend": "genegeerd"},
            "postcode": "9711 ab",
            "house_number": 12,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    signal = Signal.objects.get()
    assert signal.answers == {"bedrijfsnaam": "Bel & Co"}
    assert signal.postcode == "9711AB" and signal.house_number == 12
    assert signal.category.slug == "witwassen" and not signal.category_confirmed


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"description": ""}, "description", "Beschrijf"),
        ({"description": "x", "category": "bestaat-niet"}, "category", "Onbekende categorie"),
        (
            {"description": "x", "postcode": "1234 5A", "house_number": 1},
            "postcode",
            "geen geldige postcode",
        ),
        ({"description": "x", "postcode": "9711AB"}, "house_number", "postcode en huisnummer"),
        (
            {"description": "x", "house_number": "twaalf", "postcode": "9711AB"},
            "house_number",
            "cijfers",
        ),
        ({"description": "x", "municipality": "GM9999"}, "municipality", "Onbekende gemeente"),
        (
            {"description": "x", "latitude": "48.1", "longitude": "11.5"},
            "latitude",
            "niet in Nederland",
        ),
        ({"description": "x", "location_kind": "online"}, "platform", "platform"),
        ({"description": "x", "occurred_at": "2999-01-01"}, "occurred_at", "toekomst"),
        ({"description": "x", "occurred_at": "gisteren"}, "occurred_at", "datum"),
        ({"description": "x" * 5001}, "description", "te lang"),
        ({"description": "x", "website": "http://spam"}, "website", "niet worden verwerkt"),
    ],
)
def test_bad_input_gets_a_dutch_reason_per_field(
    orgs: dict[str, Any], data: dict[str, Any], field: str, words: str
) -> None:
    response = post(Client(), data)
    assert response.status_code == 400
    assert words in reasons(response)[field]
    assert not Signal.objects.exists()


def test_pdf_renamed_to_jpg_is_refused(orgs: dict[str, Any]) -> None:
    pdf = SimpleUploadedFile(
        "scan.jpg", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n%%EOF", content_type="image/jpeg"
    )
    response = post(Client(), {"description": "Zie bijlage.", "attachments": [pdf]})
    assert response.status_code == 400
    assert "geen foto of schermafbeelding" in reasons(response)["attachments"]


@override_settings(WEERBAAR_UPLOAD_MAX_FILE_BYTES=1024 * 1024)
def test_a_file_over_the_limit_is_refused(orgs: dict[str, Any]) -> None:
    big = SimpleUploadedFile(
        "groot.jpg", b"\xff\xd8" + b"0" * (2 * 1024 * 1024), content_type="image/jpeg"
    )
    response = post(Client(), {"description": "Zie bijlage.", "attachments": [big]})
    assert response.status_code == 400
    assert "te groot" in reasons(response)["attachments"]


def test_a_50_mb_request_is_refused_before_reading_it(orgs: dict[str, Any]) -> None:
    response = Client().generic(
        "POST",
        URL,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "te groot" in response.json()["detail"]


def test_a_50_mb_photo_is_refused_with_a_dutch_message(orgs: dict[str, Any]) -> None:
    huge = SimpleUploadedFile(
        "groot.jpg", b"\xff\xd8" + b"0" * (50 * 1024 * 1024), content_type="image/jpeg"
    )
    response = post(Client(), {"description": "Zie bijlage.", "attachments": [huge]})
    assert response.status_code in {400, 413}
    assert "te groot" in response.content.decode()


def test_more_than_five_files_is_refused(orgs: dict[str, Any]) -> None:
    files = [
        SimpleUploadedFile(f"{i}.png", png_bytes("RGB"), content_type="image/png") for i in range(6)
    ]
    response = post(Client(), {"description": "Zie bijlagen.", "attachments": files})
    assert response.status_code == 400
    assert "maximaal 5" in reasons(response)["attachments"]


def test_broken_multipart_gets_a_400_problem(orgs: dict[str, Any]) -> None:
    response = Client().generic(
        "POST",
        URL,
        b'--grens\r\nContent-Disposition: form-data; name="description"\r\n\r\nhalf',
        content_type="multipart/form-data",  # no boundary: nothing can be parsed
    )
    assert response.status_code == 400
    assert "niet helemaal aangekomen" in response.json()["detail"]


def test_broken_multipart_on_the_html_form_is_a_400(orgs: dict[str, Any]) -> None:
    response = Client().generic(
        "POST",
        "/melden/",
        b'--grens\r\nContent-Disposition: form-data; name="description"\r\n\r\nhalf',
        content_type="multipart/form-data; boundary=\x00",
    )
    assert 400 <= response.status_code < 500


def test_invalid_json_gets_a_400_problem(orgs: dict[str, Any]) -> None:
    response = Client().post(URL, "{niet: json", content_type="application/json")
    assert response.status_code == 400


def test_photo_is_stored_with_a_new_name_and_no_metadata(orgs: dict[str, Any]) -> None:
    photo = SimpleUploadedFile("IMG_0001.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    assert (
        post(Client(), {"description": "Zie de foto.", "attachments": [photo]}).status_code == 201
    )
    attachment = Signal.objects.get().attachments.get()
    assert attachment.file_name.endswith("-bijlage-1.jpg")
    assert "IMG_0001" not in attachment.file_name


def test_html_form_shows_receipt_once_and_a_resubmit_does_not_duplicate(
    orgs: dict[str, Any],
) -> None:
    client = Client()
    data = {"description": "Vreemde drukte bij de loods.", "formulier": "token-1"}
    first = client.post("/melden/", data)
    assert first.status_code == 201
    signal = Signal.objects.get()
    assert signal.receipt in first.content.decode()
    again = client.post("/melden/", data)
    assert again.status_code == 200
    assert Signal.objects.count() == 1
    assert "al verstuurd" in again.content.decode()


def test_html_status_page_with_codes_and_adding(orgs: dict[str, Any]) -> None:
    client = Client()
    body = post(client, {"description": "Drugs verkocht bij de school."}).json()
    page = client.post("/melden/status/", {"receipt": body["receipt"], "secret": body["secret"]})
    assert page.status_code == 200 and "ontvangen" in page.content.decode()
    wrong = client.post("/melden/status/", {"receipt": body["receipt"], "secret": "nee"})
    assert wrong.status_code == 404 and "geen melding" in wrong.content.decode()
    added = client.post(
        "/melden/status/aanvullen/",
        {"receipt": body["receipt"], "secret": body["secret"], "text": "Ook op zaterdag."},
    )
    assert added.status_code == 200 and "aanvulling is ontvangen" in added.content.decode()
    assert Signal.objects.get().events.filter(kind=EventKind.REPORTER).count() == 1


def test_choose_step_and_form_step(orgs: dict[str, Any]) -> None:
    client = Client()
    assert "Stap 1 van 2" in client.get("/melden/").content.decode()
    form = client.get("/melden/?categorie=witwassen").content.decode()
    assert "Naam van het bedrijf" in form  # the category's follow-up question
    assert client.get("/melden/?categorie=onzin").status_code == 400


def test_rate_limit_answers_429_in_dutch(orgs: dict[str, Any], settings: Any) -> None:
    settings.WEERBAAR_RATE_LIMITS = {"melden": (2, 3600.0), "status": (2, 3600.0)}
    client = Client()
    codes = [post(client, {"description": f"Melding nummer {i}"}).status_code for i in range(3)]
    assert codes == [201, 201, 429]
    assert "Te veel verzoeken" in post(client, {"description": "nog een"}).json()["detail"]
    other = Client(REMOTE_ADDR="198.51.100.200")
    assert post(other, {"description": "Andere verbinding"}).status_code == 201
