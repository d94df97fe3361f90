"""A resident may ask for an e-mail when there is news: stored apart from the signal,
never shown to handlers, saying only that there is news, and wiped at closure."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from weerbaar.signals.models import ReporterContact, Signal
from weerbaar.signals.services import conversation, retention, status

pytestmark = pytest.mark.django_db(transaction=True)  # e-mail goes out on commit

DESCRIPTION = "Bij het hek van het park wordt elke avond gedeald."


@pytest.fixture(autouse=True)
def _reference_data() -> None:
    from weerbaar.signals.services.seeding import seed_defaults

    seed_defaults()


def _report() -> tuple[Signal, str, str]:
    client = Client()
    form = client.get("/melden/?categorie=drugs-handel").content.decode()
    token = form.split('name="formulier" value="')[1].split('"')[0]
    receipt = client.post(
        "/melden/", {"formulier": token, "category": "drugs-handel", "description": DESCRIPTION}
    ).content.decode()
    code = receipt.split('id="ontvangstcode">')[1].split("<")[0]
    secret = receipt.split('id="geheim">')[1].split("<")[0]
    assert "Wat gebeurt er nu?" in receipt and "binnen 5 werkdagen" in receipt
    return Signal.objects.get(receipt=code), code, secret


def test_news_by_email_says_only_that_there_is_news_and_is_wiped_at_closure(
    orgs: dict[str, Any],
) -> None:
    signal, code, secret = _report()
    chosen = Client().post(
        "/melden/status/berichten/",
        {"receipt": code, "secret": secret, "email": "bewoner@example.org"},
    )
    assert (
        chosen.status_code == 200
        and "U krijgt een e-mail als er nieuws is" in chosen.content.decode()
    )
    contact = ReporterContact.objects.get()
    assert contact.email == "bewoner@example.org"
    handler = orgs["user_groningen"]
    mail.outbox.clear()
    conversation.ask_reporter(signal, "Welk hek bedoelt u precies, bij de vijver?", actor=handler)
    (question,) = mail.outbox
    assert question.to == ["bewoner@example.org"] and code in question.body
    assert "vijver" not in question.body  # never the content
    mail.outbox.clear()
    status.change(signal, "in_behandeling", actor=handler)
    assert len(mail.outbox) == 1
    mail.outbox.clear()
    status.change(
        signal, "afgehandeld", actor=handler, note="Opgepakt met de politie.", confirmed=True
    )
    (last,) = mail.outbox
    assert "gewist" in last.body and "politie" not in last.body
    assert not ReporterContact.objects.exists()


def test_handlers_never_see_the_address(orgs: dict[str, Any]) -> None:
    from weerbaar.signals.tests.factories import PASSWORD

    signal, code, secret = _report()
    Client().post(
        "/melden/status/berichten/",
        {"receipt": code, "secret": secret, "email": "geheim-adres@example.org"},
    )
    handler = Client()
    assert handler.login(username=orgs["user_groningen"].username, password=PASSWORD)
    for page in (
        f"/signalen/{signal.pk}/",
        "/signalen/?formaat=csv",
        f"/api/v1/signals/{signal.pk}",
    ):
        assert "geheim-adres" not in handler.get(page).getvalue().decode()
    from django.contrib import admin

    assert ReporterContact not in admin.site._registry


def test_without_the_secret_nobody_can_subscribe_or_unsubscribe(orgs: dict[str, Any]) -> None:
    _signal, code, _secret = _report()
    refused = Client().post(
        "/melden/status/berichten/", {"receipt": code, "secret": "fout", "email": "x@example.org"}
    )
    assert refused.status_code == 404 and not ReporterContact.objects.exists()


def test_unsubscribing_and_anonymising_wipe_the_address(orgs: dict[str, Any]) -> None:
    signal, code, secret = _report()
    client = Client()
    client.post(
        "/melden/status/berichten/", {"receipt": code, "secret": secret, "email": "a@example.org"}
    )
    out = client.post(
        "/melden/status/berichten/", {"receipt": code, "secret": secret, "actie": "uit"}
    )
    assert (
        "Uw e-mailadres is gewist" in out.content.decode() and not ReporterContact.objects.exists()
    )
    client.post(
        "/melden/status/berichten/", {"receipt": code, "secret": secret, "email": "a@example.org"}
    )
    retention.anonymise(signal)
    assert not ReporterContact.objects.exists()


def test_a_bad_address_gets_a_dutch_error(orgs: dict[str, Any]) -> None:
    _signal, code, secret = _report()
    bad = Client().post(
        "/melden/status/berichten/", {"receipt": code, "secret": secret, "email": "geen-adres"}
    )
    assert bad.status_code == 400 and "naam@voorbeeld.nl" in bad.content.decode()
