"""Need to know in /admin/: a staff user of one organisation cannot list, open, change or
delete another organisation's records there, domain records are read-only for everyone,
every admin read of a domain record is audited, and staff who are not administrators do
not get in at all."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from weerbaar.accounts.admin_scoping import RecordAdmin
from weerbaar.accounts.models import AuditAction, AuditEvent, User
from weerbaar.tests.world import MARKER, PASSWORD, World, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: Any) -> World:
    return build()


def _login(user: User) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _admin_url(model: Any, view: str, *args: Any) -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def _every_object() -> list[tuple[Any, Any]]:
    return [
        (model, obj) for model in admin.site._registry for obj in model._default_manager.all()[:50]
    ]


def test_staff_who_are_not_administrators_stay_out(world: World) -> None:
    world.agent.is_staff = True
    world.agent.save()
    response = _login(world.agent).get("/admin/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_another_organisations_records_are_not_there(world: World) -> None:
    client = _login(world.bas)
    leaks = []
    for model, obj in _every_object():
        for view in ("changelist",):
            text = client.get(_admin_url(model, view)).content.decode()
            if MARKER in text:
                leaks.append((model._meta.label, view))
        for view in ("change", "history", "delete"):
            response = client.get(_admin_url(model, view, obj.pk))
            assert response.status_code < 500, (model._meta.label, view)
            if MARKER in response.content.decode():
                leaks.append((model._meta.label, view, obj.pk))
    assert leaks == [], "\n".join(map(str, leaks))


def test_nothing_of_anothers_can_be_changed_or_deleted(world: World) -> None:
    client = _login(world.bas)
    for model, obj in _every_object():
        if isinstance(admin.site._registry[model], RecordAdmin) or MARKER in str(obj):
            client.post(_admin_url(model, "delete", obj.pk), {"post": "yes"})
            client.post(_admin_url(model, "change", obj.pk), {"title": "x", "label": "x"})
            assert model._default_manager.filter(pk=obj.pk).exists(), model._meta.label
    world.case.refresh_from_db()
    assert MARKER in world.case.title


def test_domain_records_are_read_only_and_every_read_is_audited(world: World) -> None:
    client = _login(world.ria)
    url = _admin_url(type(world.case), "change", world.case.pk)
    page = client.get(url)
    assert page.status_code == 200 and MARKER in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_type="cases.case", object_id=str(world.case.pk)
    ).exists()
    client.get(_admin_url(type(world.case), "changelist"))
    listed = AuditEvent.objects.get(action=AuditAction.LIST, object_type="cases.case")
    assert listed.object_ids == f",{world.case.pk},"  # the ids the list showed
    refused = client.post(_admin_url(type(world.case), "delete", world.case.pk), {"post": "yes"})
    assert refused.status_code == 403
    assert type(world.case).objects.filter(pk=world.case.pk).exists()


def test_a_functional_administrator_manages_only_their_own_users(world: World) -> None:
    client = _login(world.bas)
    listing = client.get(_admin_url(User, "changelist")).content.decode()
    assert ">bas<" in listing and ">ria<" not in listing and ">agent<" not in listing
    assert client.get(_admin_url(User, "change", world.ria.pk)).status_code == 302
    page = client.get(_admin_url(User, "change", world.bas.pk)).content.decode()
    assert 'name="is_superuser"' not in page  # cannot make anyone a superuser


def test_the_admin_says_what_a_partner_with_a_work_area_sees(world: World) -> None:
    superuser = User.objects.create_superuser("beheer", password=PASSWORD)
    client = _login(superuser)
    page = client.get(_admin_url(type(world.police), "change", world.police.pk)).content.decode()
    assert "Het werkgebied opent voor haar geen signalen" in page
    assert "alleen als ze met haar gedeeld zijn" in page
    user_page = client.get(_admin_url(User, "change", world.agent.pk)).content.decode()
    assert "Alleen als ze gedeeld zijn met Politie Noord-Nederland" in user_page


def test_region_wide_reference_data_is_changed_by_superusers_only(world: World) -> None:
    """Assen's administrator holds every permission of the domain apps, yet cannot change
    the signal categories or the kinds of Bibob application that Groningen uses too."""
    from weerbaar.screening.models import ApplicationKind
    from weerbaar.signals.models import Category

    client = _login(world.bas)
    category = Category.objects.first()
    kind = ApplicationKind.objects.first()
    assert category is not None and kind is not None
    for obj in (category, kind):
        page = client.get(_admin_url(type(obj), "change", obj.pk)).content.decode()
        assert 'name="_save"' not in page
        refused = client.post(_admin_url(type(obj), "delete", obj.pk), {"post": "yes"})
        assert refused.status_code == 403
        assert type(obj).objects.filter(pk=obj.pk).exists()
