"""A login ends after 30 minutes without use and after 8 hours in any case; answers to a
logged-in user are never kept in a cache."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.test import Client

from weerbaar.accounts.middleware import IDLE_KEY, LOGIN_KEY
from weerbaar.accounts.models import Organisation, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of_official() -> Client:
    organisation = Organisation.objects.create(name="Gemeente Groningen", kind="gemeente")
    user = User.objects.create_user(username="ria", organisation=organisation)
    client = Client()
    client.force_login(user)
    return client


def _age(client: Client, key: str, seconds: float) -> None:
    session = client.session
    session[key] = time.time() - seconds
    session.save()


def test_pages_for_a_logged_in_user_are_not_cached(client_of_official: Client) -> None:
    response = client_of_official.get("/werkplek/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    assert "no-store" not in Client().get("/gebieden/").get("Cache-Control", "")


def test_thirty_idle_minutes_end_the_login(client_of_official: Client) -> None:
    assert client_of_official.get("/werkplek/").status_code == 200
    _age(client_of_official, IDLE_KEY, 31 * 60)
    response = client_of_official.get("/werkplek/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?")
    assert "verlopen=stil" in response["Location"]
    page = client_of_official.get(response["Location"]).content.decode()
    assert "omdat u een tijd niets in Weerbaar deed" in page
    assert client_of_official.get("/werkplek/").status_code == 302  # really logged out


def test_the_api_says_the_session_expired(client_of_official: Client) -> None:
    client_of_official.get("/werkplek/")
    _age(client_of_official, IDLE_KEY, 31 * 60)
    response = client_of_official.get("/api/v1/screening/applications")
    assert response.status_code == 401
    assert "sessie is verlopen" in response.json()["detail"]


def test_eight_hours_end_the_login_even_when_busy(
    client_of_official: Client, settings: Any
) -> None:
    client_of_official.get("/werkplek/")
    _age(client_of_official, LOGIN_KEY, 8 * 3600 + 1)
    response = client_of_official.get("/werkplek/")
    assert "verlopen=lang" in response["Location"]


def test_the_idle_time_is_configurable(client_of_official: Client, settings: Any) -> None:
    settings.WEERBAAR_IDLE_MINUTES = 5
    client_of_official.get("/werkplek/")
    _age(client_of_official, IDLE_KEY, 6 * 60)
    assert client_of_official.get("/werkplek/").status_code == 302
