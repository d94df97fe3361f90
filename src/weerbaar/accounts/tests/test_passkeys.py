"""Passkeys next to the authenticator app: no way around a factor the user already has,
recovery codes once for a passkey-only user, and an administrator's reset removes them.
The ceremony itself runs in a real browser (test_browser.py, virtual authenticator)."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp_webauthn.models import WebAuthnCredential

from weerbaar.accounts.models import Organisation, User
from weerbaar.accounts.services import second_factor
from weerbaar.accounts.tests.factories import authenticator

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def official() -> User:
    organisation = Organisation.objects.create(name="Gemeente Assen", kind="gemeente")
    return User.objects.create_user(username="anna", password=PASSWORD, organisation=organisation)


def _passkey(user: User) -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user,
        name="Laptop",
        confirmed=True,
        credential_id=b"id-" + user.username.encode(),
        public_key=b"not-used-here",
        sign_count=0,
    )


def _password_only() -> Client:
    client = Client()
    response = client.post("/inloggen/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_password_alone_cannot_add_a_passkey_to_get_past_the_app(official: User) -> None:
    authenticator(official)
    response = _password_only().post("/inloggen/passkey/registratie/begin/")
    assert response.status_code == 403
    assert not WebAuthnCredential.objects.filter(user=official).exists()


def test_a_new_user_may_start_with_a_passkey(official: User) -> None:
    response = _password_only().post("/inloggen/passkey/registratie/begin/")
    assert response.status_code == 200
    assert response.json()["rp"] == {"name": "Weerbaar", "id": "localhost"}


def test_the_second_step_offers_the_passkey_only_to_who_has_one(official: User) -> None:
    authenticator(official)
    client = _password_only()
    assert "Inloggen met passkey" not in client.get("/inloggen/tweede-stap/").content.decode()
    _passkey(official)
    page = client.get("/inloggen/tweede-stap/").content.decode()
    assert "Inloggen met passkey" in page
    assert 'id="otp_webauthn_config"' in page  # settings for the script, as JSON data


def test_recovery_codes_once_after_the_first_passkey(official: User) -> None:
    _passkey(official)
    client = Client()
    client.force_login(official)
    first = client.post("/inloggen/tweede-stap/passkey-klaar/", {"next": "/werkplek/"})
    assert first.status_code == 200
    assert "Uw herstelcodes" in first.content.decode()
    assert second_factor.has_recovery_codes(official)
    again = client.post("/inloggen/tweede-stap/passkey-klaar/", {"next": "/werkplek/"})
    assert again.status_code == 302
    assert again["Location"] == "/werkplek/"


def test_an_administrators_reset_removes_passkeys_too(official: User) -> None:
    _passkey(official)
    authenticator(official)
    assert second_factor.reset(official, official) == 2
    assert not second_factor.enrolled(official)


def test_no_admin_page_shows_a_login_secret() -> None:
    from django.contrib import admin
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
        assert not admin.site.is_registered(model), model
