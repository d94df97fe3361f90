"""Two steps for every login: the password alone opens no back-office page, no API call by
session and no admin page; an authenticator code or a recovery code does."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import AuditEvent, Organisation, User
from weerbaar.accounts.tests.factories import authenticator, code

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"
CLOSED = ["/werkplek/", "/signalen/", "/zaken/", "/screening/", "/admin/"]


@pytest.fixture
def official() -> User:
    organisation = Organisation.objects.create(name="Gemeente Emmen", kind="gemeente")
    return User.objects.create_superuser(
        username="emma", password=PASSWORD, organisation=organisation
    )


def _unthrottle(device: TOTPDevice) -> None:
    """A wrong code makes the next try wait (1 s, then 2, 4, …); the test does not wait."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


def _password_only(official: User) -> Client:
    client = Client()
    response = client.post("/inloggen/", {"username": "emma", "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_password_alone_opens_nothing(official: User) -> None:
    client = _password_only(official)
    for path in CLOSED:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/inloggen/tweede-stap/?next="), path
    api = client.get("/api/v1/screening/applications")
    assert api.status_code == 403
    assert api["Content-Type"] == "application/problem+json"
    assert "tweede stap" in api.json()["detail"]
    # without a device the second step sends the user to set one up
    step = client.get("/inloggen/tweede-stap/?next=/zaken/")
    assert step.status_code == 302
    assert step["Location"] == "/inloggen/tweede-stap/instellen/?next=%2Fzaken%2F"


def test_enrolment_with_an_app_gives_ten_recovery_codes_once(official: User) -> None:
    client = _password_only(official)
    page = client.get("/inloggen/tweede-stap/instellen/?next=/zaken/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "QR-code voor de authenticator-app" in html
    assert "no-store" in page["Cache-Control"]  # the secret is never kept in a cache
    device = TOTPDevice.objects.get(user=official, confirmed=False)

    wrong = client.post("/inloggen/tweede-stap/instellen/", {"code": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get("/werkplek/").status_code == 302

    _unthrottle(device)
    done = client.post(
        "/inloggen/tweede-stap/instellen/", {"code": code(device), "next": "/zaken/"}
    )
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/werkplek/").status_code == 200
    assert client.get("/admin/").status_code == 200
    assert AuditEvent.objects.filter(action="second_factor", result="mislukt").count() == 1
    assert AuditEvent.objects.filter(action="second_factor", result="gelukt").count() == 1


def test_the_next_login_asks_for_the_app_code(official: User) -> None:
    device = authenticator(official)
    client = _password_only(official)
    assert client.get("/zaken/")["Location"] == "/inloggen/tweede-stap/?next=%2Fzaken%2F"
    wrong = client.post("/inloggen/tweede-stap/", {"code": "123456", "next": "/zaken/"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet of is verlopen" in wrong.content.decode()
    _unthrottle(device)
    right = client.post("/inloggen/tweede-stap/", {"code": code(device), "next": "/zaken/"})
    assert right.status_code == 302 and right["Location"] == "/zaken/"
    assert client.get("/zaken/").status_code == 200


def test_an_outside_next_address_is_not_followed(official: User) -> None:
    device = authenticator(official)
    client = _password_only(official)
    response = client.post(
        "/inloggen/tweede-stap/", {"code": code(device), "next": "https://example.org/"}
    )
    assert response["Location"] == "/werkplek/"


def test_a_recovery_code_works_once(official: User) -> None:
    device = authenticator(official)
    client = _password_only(official)
    client.post("/inloggen/tweede-stap/", {"code": code(device)})
    page = client.post("/werkplek/herstelcodes/")
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page.content.decode())
    assert len(codes) == 10

    first = _password_only(official)
    assert first.post("/inloggen/tweede-stap/", {"code": codes[0]}).status_code == 302
    assert first.get("/werkplek/").status_code == 200
    second = _password_only(official)
    assert second.post("/inloggen/tweede-stap/", {"code": codes[0]}).status_code == 400
    assert StaticToken.objects.filter(device__user=official).count() == 9


def test_an_administrator_resets_the_second_step_and_it_is_audited(official: User) -> None:
    colleague = User.objects.create_user(
        username="piet", password=PASSWORD, organisation=official.organisation
    )
    authenticator(colleague)
    admin = Client()
    admin.force_login(official)
    response = admin.post(
        "/admin/accounts/user/",
        {"action": "reset_second_factor", "_selected_action": [colleague.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    event = AuditEvent.objects.get(action="2fa_reset")
    assert (event.actor, event.object_id) == (official, str(colleague.pk))
