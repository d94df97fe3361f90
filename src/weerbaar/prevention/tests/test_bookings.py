"""Requesting the camper bus: the public form, the status link, the coordinator's
decision, who may see what, and the retention of contact details."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from weerbaar.accounts.models import AuditEvent
from weerbaar.prevention.models import BusRequest, RequestState
from weerbaar.prevention.services import bookings
from weerbaar.prevention.tests.factories import PASSWORD, bus_request, form_data, future

URL = "/ouders/camperbus/aanvragen/"


def _status_url(response: Any) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def test_organisation_requests_a_visit_and_follows_it_by_link(country: Any, client: Client) -> None:
    response = client.post(
        URL, form_data(datum_2=future(21).isoformat(), van_2="09:00", tot_2="12:00")
    )
    status_url = _status_url(response)
    request = BusRequest.objects.get()
    assert request.municipality.code == "GM0014"
    assert request.windows.count() == 2
    assert request.state == RequestState.SUBMITTED
    assert re.fullmatch(r"BUS-[A-Z2-9]{4}-[A-Z2-9]{4}", request.reference)
    token = status_url.rstrip("/").split("/")[-1]
    assert token not in request.token_hash  # only a hash is kept
    page = client.get(status_url)
    text = page.content.decode()
    assert page.status_code == 200
    assert request.reference in text and "Ingediend" in text
    assert page["Cache-Control"] == "no-store"
    assert client.get("/ouders/camperbus/aanvraag/verkeerd-token/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"datum_1": "2020-01-01"}, "datum_1", "Kies een datum na vandaag"),
        ({"van_1": "13:00", "tot_1": "14:00"}, "tot_1", "korter dan het bezoek"),
        ({"van_1": "15:00", "tot_1": "13:00"}, "tot_1", "na de begintijd"),
        ({"tot_1": ""}, "tot_1", "Dit veld is vereist"),
        ({"datum_2": future(5).isoformat(), "van_2": "10:00"}, "tot_2", "allemaal in"),
        ({"datum_1": "", "van_1": "", "tot_1": ""}, "datum_1", "Dit veld is vereist"),
        ({"postcode": "12"}, "postcode", "postcode in zoals"),
        ({"contact_email": "geen-adres"}, "contact_email", "e-mailadres"),
        ({"expected_visitors": "0"}, "expected_visitors", "minstens 1"),
        ({"municipality_code": "GM0106"}, "municipality_code", "ligt in Groningen"),
    ],
)
def test_bad_input_gets_a_dutch_reason_next_to_the_field(
    country: Any, client: Client, changes: dict[str, str], field: str, message: str
) -> None:
    response = client.post(URL, form_data(**changes))
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert f'id="id_{field}-fout"' in text
    assert f'href="#id_{field}' in text  # the error summary links to the field
    assert BusRequest.objects.count() == 0


def test_request_form_explains_why_contact_details_are_asked(country: Any, client: Client) -> None:
    text = client.get(URL).content.decode()
    assert "niet anoniem" in text and "180 dagen" in text


def test_requester_can_withdraw(country: Any, client: Client) -> None:
    status_url = _status_url(client.post(URL, form_data()))
    client.post(status_url + "intrekken/")
    assert BusRequest.objects.get().state == RequestState.WITHDRAWN
    assert "Aanvraag intrekken" not in client.get(status_url).content.decode()


def test_coordinator_accepts_reschedules_and_declines(
    country: Any, team: Any, client: Client
) -> None:
    request = bus_request(
        country["GM0014"], [(future(10), dt.time(13), dt.time(17))], state=RequestState.SUBMITTED
    )
    client.login(username="coco", password=PASSWORD)
    url = f"/preventie/aanvragen/{request.pk}/"
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="view", object_id=str(request.pk)).exists()
    response = client.post(url, {"actie": "besluit", "state": "verzet", "message": ""})
    assert response.status_code == 400 and "nieuwe moment" in response.content.decode()
    response = client.post(
        url,
        {
            "actie": "besluit",
            "state": "verzet",
            "message": "Liever op woensdag.",
            "datum_1": future(12).isoformat(),
            "van_1": "14:00",
            "tot_1": "18:00",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == RequestState.RESCHEDULED
    assert [(w.date, w.proposed_by_coordinator) for w in request.windows.all()] == [
        (future(12), True)
    ]
    response = client.post(url, {"actie": "besluit", "state": "afgewezen", "message": ""})
    assert response.status_code == 400 and "waarom" in response.content.decode()
    client.post(url, {"actie": "besluit", "state": "afgewezen", "message": "Geen plek meer."})
    request.refresh_from_db()
    assert request.state == RequestState.DECLINED
    with pytest.raises(bookings.BookingError):
        bookings.decide(request, team["coordinator"], RequestState.ACCEPTED, "")


def test_coordinator_sets_the_exact_place(country: Any, team: Any, client: Client) -> None:
    request = bus_request(country["GM0014"], [(future(10), dt.time(13), dt.time(17))])
    client.login(username="coco", password=PASSWORD)
    url = f"/preventie/aanvragen/{request.pk}/"
    assert (
        client.post(url, {"actie": "plek", "latitude": "99", "longitude": "6.5"}).status_code == 400
    )
    client.post(url, {"actie": "plek", "latitude": "53,2150", "longitude": "6,5600"})
    request.refresh_from_db()
    assert bookings.position(request) == (53.215, 6.56)


def test_others_cannot_see_or_decide_requests_outside_their_area(
    country: Any, team: Any, client: Client
) -> None:
    groningen = bus_request(
        country["GM0014"], [(future(10), dt.time(13), dt.time(17))], name="School Stad"
    )
    assen = bus_request(
        country["GM0106"], [(future(10), dt.time(13), dt.time(17))], name="School Assen"
    )
    client.login(username="asje", password=PASSWORD)
    listing = client.get("/preventie/aanvragen/").content.decode()
    assert "School Assen" in listing and "School Stad" not in listing
    assert client.get(f"/preventie/aanvragen/{groningen.pk}/").status_code == 404
    assert (
        client.post(
            f"/preventie/aanvragen/{groningen.pk}/",
            {"actie": "besluit", "state": "afgewezen", "message": "x"},
        ).status_code
        == 404
    )
    csv = client.get("/preventie/aanvragen/?formaat=csv").content.decode()
    assert "School Assen" in csv and "School Stad" not in csv
    client.login(username="lezer", password=PASSWORD)
    assert client.get(f"/preventie/aanvragen/{assen.pk}/").status_code == 200
    response = client.post(
        f"/preventie/aanvragen/{assen.pk}/",
        {"actie": "besluit", "state": "afgewezen", "message": "x"},
    )
    assert response.status_code == 403
    client.logout()
    assert client.get("/preventie/aanvragen/").status_code == 302  # to the login page


def test_request_list_filters_sorts_and_paginates(country: Any, team: Any, client: Client) -> None:
    for number in range(30):
        bus_request(
            country["GM0014"], [(future(10), dt.time(13), dt.time(17))], name=f"School {number:02d}"
        )
    bus_request(
        country["GM0106"],
        [(future(10), dt.time(13), dt.time(17))],
        name="Bibliotheek Assen",
        state=RequestState.SUBMITTED,
    )
    client.login(username="coco", password=PASSWORD)
    first = client.get("/preventie/aanvragen/?sorteer=organisatie").content.decode()
    assert "Bibliotheek Assen" in first and "Pagina 1 van 2" in first
    only = client.get("/preventie/aanvragen/?status=ingediend").content.decode()
    assert "Bibliotheek Assen" in only and "School 01" not in only


def test_purge_removes_contact_details_after_the_retention_period(
    country: Any, capsys: Any
) -> None:
    old = bus_request(country["GM0014"], [(future(1), dt.time(13), dt.time(17))])
    recent = bus_request(country["GM0014"], [(future(30), dt.time(13), dt.time(17))])
    later = future(1) + dt.timedelta(days=200)
    assert "1 aanvragen te verwijderen" in bookings.purge(dry_run=True, today=later)[0]
    bookings.purge(today=later)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.contact_name == "" and old.contact_phone == "" and old.anonymised_at
    assert old.organisation_name == "Basisschool De Linde"  # kept for the figures
    assert recent.contact_name == "Anna de Vries"
    call_command("purge", "--dry-run")
    out = capsys.readouterr().out
    assert "[camperbus]" in out and "[signalen]" in out
