"""Single sign-on against an OpenID Connect provider run in the test itself: the provider
says who someone is, Weerbaar decides what they may do, and its second step still holds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from django.test import Client

from weerbaar.accounts.models import AuditEvent, Organisation, User
from weerbaar.accounts.services import roles
from weerbaar.accounts.tests.oidc_provider import Provider, serve

pytestmark = pytest.mark.django_db

EMMA = {"sub": "idp-4711", "email": "Emma.de.Vries@emmen.nl", "email_verified": True}


@pytest.fixture
def provider(settings: Any) -> Iterator[Provider]:
    provider = Provider(person=dict(EMMA))
    server = serve(provider)
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "weerbaar.accounts.services.sso.Backend",
    ]
    yield provider
    server.shutdown()


@pytest.fixture
def emma() -> User:
    organisation = Organisation.objects.create(name="Gemeente Emmen", kind="gemeente")
    user = User.objects.create_user(
        username="emma", email="emma.de.vries@emmen.nl", organisation=organisation
    )
    user.groups.add(roles.role("analist"))
    return user


def _sso_login(client: Client, next_page: str = "/werkplek/") -> Any:
    """Off to the provider, log in there, and back: Weerbaar's answer to the return."""
    start = client.get(f"/inloggen/organisatie/?next={next_page}")
    assert start.status_code == 302
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = at_provider.headers["Location"].removeprefix("http://testserver")
    return client.get(back)


def test_an_official_logs_in_through_the_provider_and_still_meets_the_second_step(
    provider: Provider, emma: User
) -> None:
    client = Client()
    back = _sso_login(client)
    assert back.status_code == 302
    assert back["Location"] == "/werkplek/"
    emma.refresh_from_db()
    assert emma.sso_subject == "idp-4711"
    assert AuditEvent.objects.filter(action="login", object_id=str(emma.pk)).exists()
    workspace = client.get("/werkplek/")
    assert workspace.status_code == 302
    assert workspace["Location"].startswith("/inloggen/tweede-stap/")


def test_organisation_and_roles_never_come_from_the_claims(provider: Provider, emma: User) -> None:
    provider.person.update(
        {"groups": ["beheerders"], "organisation": "Politie", "is_superuser": True}
    )
    _sso_login(Client())
    emma.refresh_from_db()
    assert emma.organisation.name == "Gemeente Emmen"
    assert [role.name for role in emma.groups.all()] == ["Analist"]
    assert not emma.is_superuser
    assert not emma.is_staff


def test_a_person_without_a_weerbaar_account_is_refused(provider: Provider, emma: User) -> None:
    provider.person.update({"sub": "idp-9999", "email": "iemand@elders.nl"})
    client = Client()
    back = _sso_login(client)
    assert back["Location"] == "/inloggen/?sso=mislukt"
    assert "_auth_user_id" not in client.session
    page = client.get(back["Location"]).content.decode()
    assert "Inloggen via uw organisatie is niet gelukt" in page
    assert AuditEvent.objects.filter(action="login_failed", result="geweigerd").count() == 1
    assert User.objects.count() == 1  # nobody was created


def test_an_unchecked_address_finds_no_account(provider: Provider, emma: User) -> None:
    provider.person["email_verified"] = False
    assert _sso_login(Client())["Location"] == "/inloggen/?sso=mislukt"


def test_once_bound_only_that_subject_opens_the_account(provider: Provider, emma: User) -> None:
    _sso_login(Client())
    provider.person.update({"sub": "idp-other"})  # same address, another person at the IdP
    assert _sso_login(Client())["Location"] == "/inloggen/?sso=mislukt"
    provider.person.update({"sub": "idp-4711", "email": "nieuw@emmen.nl"})  # address changed
    assert _sso_login(Client())["Location"] == "/werkplek/"


def test_a_token_signed_with_another_key_is_refused(provider: Provider, emma: User) -> None:
    provider.forge = True
    client = Client()
    assert _sso_login(client)["Location"] == "/inloggen/?sso=mislukt"
    assert "_auth_user_id" not in client.session


def test_without_a_provider_there_is_no_sso_door(emma: User) -> None:
    client = Client()
    assert client.get("/inloggen/organisatie/").status_code == 404
    assert client.get("/inloggen/organisatie/terug/?code=x&state=y").status_code == 404
    assert "Of via uw organisatie" not in client.get("/inloggen/").content.decode()


def test_the_login_page_offers_the_provider_when_configured(provider: Provider) -> None:
    page = Client().get("/inloggen/?next=/zaken/").content.decode()
    assert "Inloggen met het account van uw organisatie" in page
    assert 'href="/inloggen/organisatie/?next=/zaken/"' in page
