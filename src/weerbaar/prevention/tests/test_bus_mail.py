"""The camper-bus requester is told by e-mail: the status link when the request comes in,
the decision, and the planned date, time and place when the tour is published; a lost
link is replaced by a new one sent to the address the request gave."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from weerbaar.prevention.models import BusRequest, RequestState
from weerbaar.prevention.services import bookings, planning
from weerbaar.prevention.services.seeding import seed_prevention
from weerbaar.prevention.tests.factories import bus_request, form_data, the_bus

URL = "/ouders/camperbus/aanvragen/"
pytestmark = pytest.mark.django_db(transaction=True)  # e-mail goes out on commit


@pytest.fixture(autouse=True)
def _reference_data() -> None:
    seed_prevention()  # transactional tests start from an empty database


def _link(message: Any) -> str:
    found = re.search(r"https?://\S+/ouders/camperbus/aanvraag/\S+/", message.body)
    assert found, message.body
    return found.group(0)


def test_the_requester_gets_the_status_link_by_email(country: Any, settings: Any) -> None:
    settings.WEERBAAR_PUBLIC_URL = "https://weerbaar.groningen.nl"
    client = Client()
    response = client.post(URL, form_data())
    assert response.status_code == 302
    (message,) = mail.outbox
    request = BusRequest.objects.get()
    assert message.to == ["piet@example.org"] and request.reference in message.subject
    link = _link(message)
    assert link.startswith("https://weerbaar.groningen.nl/ouders/camperbus/aanvraag/")
    assert link.endswith(response["Location"])
    assert "link-kwijt" in message.body


def test_acceptance_says_the_moment_follows_and_the_plan_says_date_time_place(
    country: Any, team: Any
) -> None:
    monday = dt.date.today() + dt.timedelta(days=14)
    monday -= dt.timedelta(days=monday.weekday())
    request = bus_request(
        country["GM0014"],
        [
            (monday, dt.time(9), dt.time(17)),
            (monday + dt.timedelta(days=1), dt.time(9), dt.time(17)),
        ],
    )
    BusRequest.objects.filter(pk=request.pk).update(state=RequestState.SUBMITTED)
    request.refresh_from_db()
    mail.outbox.clear()
    bookings.decide(request, team["coordinator"], RequestState.ACCEPTED, "Tot dan!")
    (accepted,) = mail.outbox
    assert "geaccepteerd" in accepted.subject
    assert "kiezen we bij het plannen van de tour" in accepted.body and "Tot dan!" in accepted.body
    page = Client().get("/ouders/camperbus/link-kwijt/").status_code
    assert page == 200
    plan = planning.make_plan(the_bus(), monday, monday + dt.timedelta(days=4), seconds=1)
    stop = plan.stops.get(request=request)
    mail.outbox.clear()
    planning.publish(plan)
    (planned,) = [m for m in mail.outbox if request.contact_email in m.to]
    assert f"{stop.visit_start:%H:%M}" in planned.body and request.place in planned.body
    assert request.street in planned.body


def test_a_lost_link_is_replaced_and_sent_only_to_the_address_given(country: Any) -> None:
    client = Client()
    old = client.post(URL, form_data())["Location"]
    request = BusRequest.objects.get()
    mail.outbox.clear()
    wrong = client.post(
        "/ouders/camperbus/link-kwijt/",
        {"reference": request.reference, "email": "ander@example.org"},
    )
    assert (
        wrong.status_code == 200 and "Als het kenmerk en het e-mailadres" in wrong.content.decode()
    )
    assert mail.outbox == []
    right = client.post(
        "/ouders/camperbus/link-kwijt/",
        {"reference": request.reference.lower(), "email": "PIET@example.org"},
    )
    assert "Als het kenmerk en het e-mailadres" in right.content.decode()
    (message,) = mail.outbox
    new = _link(message)
    assert client.get(old).status_code == 404  # the old link no longer works
    assert client.get(new.split("testserver", 1)[-1]).status_code == 200


def test_the_lost_link_form_explains_bad_input(country: Any) -> None:
    response = Client().post("/ouders/camperbus/link-kwijt/", {"reference": "12", "email": "x"})
    text = response.content.decode()
    assert response.status_code == 400
    assert "BUS-AB12-CD34" in text and "naam@school.nl" in text


def test_the_status_page_of_an_accepted_request_says_which_moment_is_not_chosen_yet(
    country: Any, team: Any
) -> None:
    client = Client()
    status = client.post(URL, form_data())["Location"]
    request = BusRequest.objects.get()
    bookings.decide(request, team["coordinator"], RequestState.ACCEPTED, "")
    text = client.get(status).content.decode()
    assert "Welk van uw momenten het wordt, kiezen we bij het plannen van de tour" in text
    assert "Gevraagde momenten (er wordt er één gekozen)" in text
