"""Dates and counts read as Dutch: '01-12-2026' in tables, '1 december 2026' in text,
'1 maand' and never '1 maanden'."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from weerbaar.tests.world import PASSWORD, World, build

pytestmark = pytest.mark.django_db

ENGLISH_MONTHS = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


@pytest.fixture
def client() -> tuple[World, Client]:
    world = build()
    client = Client()
    assert client.login(username=world.ria.username, password=PASSWORD)
    return world, client


def test_tables_show_day_month_year_in_figures(client: tuple[World, Client]) -> None:
    _, c = client
    today = timezone.localdate().strftime("%d-%m-%Y")
    signals = c.get("/signalen/").content.decode()
    assert today in signals  # received today
    cases = c.get("/zaken/").content.decode()
    assert re.search(r"<td>\d{2}-\d{2}-\d{4}</td>", cases)  # the deadline
    for html in (signals, cases):
        assert not ENGLISH_MONTHS.search(html)


def test_an_object_page_counts_in_dutch(client: tuple[World, Client]) -> None:
    world, c = client
    html = c.get(f"/zaken/objecten/{world.subject.pk}/").content.decode()
    assert "1 maanden" not in html
    assert " 1 verschillende bronnen" not in html


INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
#: where "je" is not addressed to the reader (what children learn to say in the bus)
NOT_ADDRESSED = ("hoe je nee zegt",)


def _visible_text(html: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    for phrase in NOT_ADDRESSED:
        text = text.replace(phrase, "")
    return text


@pytest.mark.parametrize(
    "page",
    ["/", "/melden/", "/melden/?categorie=drugs-productie", "/melden/status/", "/ouders/"],
)
def test_the_public_is_addressed_as_u(client: tuple[World, Client], page: str) -> None:
    """One form of address per audience: residents read "u" on every public page."""
    html = Client().get(page).content.decode()
    assert INFORMAL.findall(_visible_text(html)) == []


def test_the_receipt_and_status_page_say_u() -> None:
    from weerbaar.signals.models import Signal

    assert not Signal.objects.exists()
    form = Client().get("/melden/?categorie=drugs-handel").content.decode()
    token = form.split('name="formulier" value="')[1].split('"')[0]
    receipt = Client().post(
        "/melden/",
        {
            "formulier": token,
            "category": "drugs-handel",
            "description": "Er wordt gedeald bij het hek.",
        },
    )
    assert receipt.status_code == 201
    assert INFORMAL.findall(_visible_text(receipt.content.decode())) == []
