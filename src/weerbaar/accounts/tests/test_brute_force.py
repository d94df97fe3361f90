"""Guessing passwords: an account, and separately a client address, is locked after the
configured number of failures; every failure is audited against the account attacked;
administrators see the spike."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from weerbaar.accounts.models import AuditEvent, Organisation, User

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def victim() -> User:
    organisation = Organisation.objects.create(name="Gemeente Assen", kind="gemeente")
    return User.objects.create_user(username="anna", password=PASSWORD, organisation=organisation)


def _try(client: Client, username: str, password: str, **extra: Any) -> int:
    response = client.post("/inloggen/", {"username": username, "password": password}, **extra)
    return response.status_code


def test_twenty_wrong_passwords_lock_the_account(victim: User, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 10
    # from twenty different addresses: the account itself is what gets locked
    codes = [_try(Client(REMOTE_ADDR=f"198.51.100.{i}"), "anna", f"fout-{i}") for i in range(20)]
    assert codes[:9] == [200] * 9  # the form again, "Inloggen is niet gelukt"
    assert set(codes[9:]) == {429}
    locked = Client(REMOTE_ADDR="192.0.2.1").post(
        "/inloggen/", {"username": "anna", "password": PASSWORD}
    )
    assert locked.status_code == 429  # the right password does not help now
    assert "Inloggen is tijdelijk geblokkeerd" in locked.content.decode()
    assert "15 minuten" in locked.content.decode()

    failures = AuditEvent.objects.filter(action="login_failed")
    assert failures.count() >= 10
    assert set(failures.values_list("object_type", "object_id", "organisation")) == {
        ("accounts.user", str(victim.pk), victim.organisation_id)
    }
    assert AuditEvent.objects.filter(action="locked_out", object_id=str(victim.pk)).exists()
    for row in failures.values():
        assert "fout-" not in str(row)  # never what was typed as password


def test_one_client_guessing_many_accounts_is_locked_too(victim: User, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    client = Client(REMOTE_ADDR="198.51.100.7")
    codes = [_try(client, f"naam-{i}", "fout") for i in range(8)]
    assert codes[-1] == 429
    # Another address can still log in to an account that was not guessed at.
    assert _try(Client(REMOTE_ADDR="198.51.100.8"), "anna", PASSWORD) == 302
    unknown = AuditEvent.objects.filter(action="login_failed", object_id="")
    assert unknown.count() >= 5  # a name that is no account: counted, not kept
    assert not any("naam-" in str(row) for row in unknown.values())


def test_rotating_forwarded_for_does_not_escape_the_client_lockout(
    victim: User, settings: Any
) -> None:
    """Behind one trusted proxy the address is what that proxy saw, whatever the client
    writes into X-Forwarded-For itself."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.WEERBAAR_TRUSTED_PROXY_HOPS = 1
    codes = [
        _try(
            Client(REMOTE_ADDR="10.0.0.1"),
            f"naam-{i}",
            "fout",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}, 192.0.2.44",
        )
        for i in range(8)
    ]
    assert codes[-1] == 429


def test_the_monitor_shows_the_spike_to_administrators(victim: User, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 100
    for i in range(20):
        _try(Client(), "anna", f"fout-{i}")
    admin = User.objects.create_user(
        username="beheer",
        password=PASSWORD,
        organisation=victim.organisation,
        is_staff=True,
        is_functional_admin=True,
    )
    client = Client()
    client.force_login(admin)
    page = client.get("/werkplek/inlogmonitor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<td>anna</td><td>20</td>" in html
    assert "<dt>Mislukte inlogpogingen</dt><dd>20</dd>" in html

    ordinary = Client()
    ordinary.force_login(victim)
    assert ordinary.get("/werkplek/inlogmonitor/").status_code == 403


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        ("2026-12-02 10:00", False),  # Wednesday morning
        ("2026-12-02 19:59", False),
        ("2026-12-02 20:00", True),  # evening
        ("2026-12-02 03:10", True),  # night
        ("2026-12-05 11:00", True),  # Saturday
    ],
)
def test_what_counts_as_an_unusual_hour(local: str, expected: bool) -> None:
    import datetime as dt

    from django.utils import timezone

    from weerbaar.accounts.services.login_monitor import unusual

    moment = timezone.make_aware(dt.datetime.strptime(local, "%Y-%m-%d %H:%M"))
    assert unusual(moment) is expected
