""" "Who viewed this record": every opening, list and export of a signal, case or Bibob
application, for a privacy request, shown only to those who may see both."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from weerbaar.accounts.models import AuditAction, AuditEvent, User
from weerbaar.tests.world import World, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: Any) -> World:
    return build()


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_reads_page_lists_detail_list_and_export_reads(world: World) -> None:
    ria = _client(world.ria)
    ria.get(f"/signalen/{world.signal.pk}/")
    ria.get("/signalen/")
    ria.get("/signalen/?formaat=csv")
    page = ria.get(f"/signalen/{world.signal.pk}/inzage/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Wie heeft signaal {world.signal.receipt} bekeken?" in html
    assert html.count("<td>ria</td>") >= 3  # opened, in the list, in the export
    for action in ("bekeken", "lijst bekeken", "geëxporteerd"):
        assert f"<td>{action}</td>" in html
    csv = ria.get(f"/signalen/{world.signal.pk}/inzage/?formaat=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert "ria;Gemeente Groningen;bekeken;website" in csv.content.decode()


def test_the_register_list_api_and_admin_list_record_the_ids_they_showed(world: World) -> None:
    ria = _client(world.ria)
    ria.get("/screening/")
    ria.get("/api/v1/screening/applications")
    fence = f",{world.application.pk},"
    lists = AuditEvent.objects.filter(action=AuditAction.LIST, object_type="screening.application")
    assert [(e.channel, e.object_ids) for e in lists.order_by("sequence")] == [
        ("website", fence),
        ("api", fence),
    ]
    page = ria.get(f"/screening/{world.application.pk}/inzage/").content.decode()
    assert "API" in page and "lijst bekeken" in page


def test_only_privacy_officers_and_administrators_see_who_looked(world: World) -> None:
    world.ria.is_functional_admin = False
    world.ria.save()
    ria = _client(User.objects.get(pk=world.ria.pk))
    assert ria.get(f"/zaken/{world.case.pk}/inzage/").status_code == 403
    assert "Wie heeft dit bekeken?" not in ria.get(f"/zaken/{world.case.pk}/").content.decode()
    officer_role = world.ria.groups.first()
    assert officer_role is not None
    officer_role.permissions.add(Permission.objects.get(codename="view_auditevent"))
    ria = _client(User.objects.get(pk=world.ria.pk))
    assert ria.get(f"/zaken/{world.case.pk}/inzage/").status_code == 200
    assert "Wie heeft dit bekeken?" in ria.get(f"/zaken/{world.case.pk}/").content.decode()


def test_another_organisation_cannot_learn_who_looked(world: World) -> None:
    bas = _client(world.bas)  # functional administrator, of Assen
    assert bas.get(f"/zaken/{world.case.pk}/inzage/").status_code == 404
    assert bas.get(f"/screening/{world.application.pk}/inzage/").status_code == 404
