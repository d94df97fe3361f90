"""The append-only audit log: logins, failed logins, admin changes."""

from __future__ import annotations

import pytest
from django.test import Client

from weerbaar.accounts.models import AuditEvent, Organisation, User
from weerbaar.accounts.models.audit import AppendOnlyError
from weerbaar.accounts.services import audit

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def official() -> User:
    organisation = Organisation.objects.create(name="Gemeente Groningen", kind="gemeente")
    return User.objects.create_user(
        username="ambtenaar", password=PASSWORD, organisation=organisation
    )


def test_login_and_logout_are_audited(client: Client, official: User) -> None:
    response = client.post("/inloggen/", {"username": "ambtenaar", "password": PASSWORD})
    assert response.status_code == 302
    client.post("/uitloggen/")

    events = list(AuditEvent.objects.order_by("id").values_list("action", "actor", "organisation"))
    assert events == [
        ("login", official.pk, official.organisation_id),
        ("logout", official.pk, official.organisation_id),
    ]


def test_failed_login_is_audited_without_the_typed_name(client: Client, official: User) -> None:
    response = client.post("/inloggen/", {"username": "iemand-anders", "password": "fout"})
    assert response.status_code == 200
    assert "Inloggen is niet gelukt" in response.content.decode()

    event = AuditEvent.objects.get()
    assert event.action == "login_failed"
    assert event.actor is None
    assert "iemand-anders" not in str(AuditEvent.objects.values().get())


def test_admin_change_is_audited(client: Client) -> None:
    admin = User.objects.create_superuser(username="beheer", password=PASSWORD)
    client.force_login(admin)
    response = client.post(
        "/admin/accounts/organisation/add/",
        {"name": "RIEC Noord", "kind": "riec", "is_active": "on"},
    )
    assert response.status_code == 302

    organisation = Organisation.objects.get(name="RIEC Noord")
    event = AuditEvent.objects.get(action="create")
    assert (event.actor, event.object_type, event.object_id) == (
        admin,
        "accounts.organisation",
        str(organisation.pk),
    )


def test_audit_events_cannot_be_changed_or_deleted(official: User) -> None:
    event = audit.record("view", actor=official, obj=official)
    event.action = "change"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.update(action="delete")
    assert AuditEvent.objects.get().action == "view"


def test_admin_login_goes_through_the_one_login_page(client: Client) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/admin/"


def test_workspace_needs_login_and_shows_the_organisation(client: Client, official: User) -> None:
    assert client.get("/werkplek/").status_code == 302
    client.force_login(official)
    html = client.get("/werkplek/").content.decode()
    assert "Gemeente Groningen" in html
