"""Partner systems post signals with a token; same validation, category required."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from weerbaar.accounts.api.authentication import issue
from weerbaar.signals.models import Signal
from weerbaar.signals.tests.factories import handler

pytestmark = pytest.mark.django_db
URL = "/api/v1/signals"
MMA = {
    "description": "Doorgezette MMA-melding: in een loods worden vaten met chemicaliën opgeslagen.",
    "category": "drugs-opslag",
    "source": "mma",
    "source_reference": "MMA-2026-004711",
    "municipality": "GM0106",
    "indicators": ["zware-aansluiting"],
}


@pytest.fixture
def key(orgs: dict[str, Any]) -> str:
    service = handler(orgs["assen"], "mma-koppeling", ["add_signal"])
    return issue(service, "MMA-koppeling")[1]


def test_partner_posts_with_a_token(key: str, orgs: dict[str, Any]) -> None:
    response = Client().post(
        URL, MMA, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["municipality"] == "GM0106" and body["outsideRegion"] is False
    signal = Signal.objects.get(pk=body["id"])
    assert signal.channel == "partner" and signal.source_reference == "MMA-2026-004711"
    assert signal.owner_organisation == orgs["assen"] and signal.category_confirmed
    assert [i.slug for i in signal.indicators.all()] == ["zware-aansluiting"]
    assert signal.secret_hash == ""


def test_no_token_wrong_token_and_revoked_token_are_401(key: str) -> None:
    client = Client()
    assert client.post(URL, MMA, content_type="application/json").status_code in {401, 403}
    wrong = client.post(
        URL, MMA, content_type="application/json", HTTP_AUTHORIZATION="Token wb_nee"
    )
    assert wrong.status_code == 401
    assert "sleutel" in wrong.json()["detail"]
    call_command("partnertoken", "intrekken", key[:8])
    revoked = client.post(
        URL, MMA, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert revoked.status_code == 401


def test_token_without_the_permission_is_403(orgs: dict[str, Any]) -> None:
    reader = handler(orgs["assen"], "lezer", ["view_signal"])
    _, key = issue(reader, "alleen lezen")
    response = Client().post(
        URL, MMA, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 403


def test_same_validation_as_the_form_and_category_required(key: str) -> None:
    data = {**MMA, "category": "", "postcode": "nee", "house_number": 3}
    response = Client().post(
        URL, data, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert {"category", "postcode"} <= names
    unknown = {**MMA, "indicators": ["bestaat-niet"]}
    response = Client().post(
        URL, unknown, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 400


def test_only_the_hash_of_a_key_is_stored(key: str) -> None:
    from weerbaar.accounts.models import PartnerToken

    token = PartnerToken.objects.get()
    assert key not in (token.key_hash, token.prefix) and token.prefix == key[:8]
    assert token.revoked_at is None or token.revoked_at <= timezone.now()
