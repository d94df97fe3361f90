"""The admin speaks Dutch: no field label is Django's default made from an English field
name ("Latitude", "Created at"), and no permission is shown as "Can view …"."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin

from weerbaar.accounts.services import roles

#: Field names that read as Dutch as they are.
DUTCH_ANYWAY = {"code", "postcode", "platform", "score", "team", "website", "hash", "setting"}
#: Models of the libraries Weerbaar uses, whose pages show their own translations.
LIBRARIES = {"axes", "django_otp_webauthn", "auth"}


def _english_labels() -> list[str]:
    found = []
    for model in admin.site._registry:
        if model._meta.app_label in LIBRARIES:
            continue
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.auto_created:
                continue
            default = field.name.replace("_", " ")
            if str(field.verbose_name) == default and field.name not in DUTCH_ANYWAY:
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_every_admin_field_has_a_dutch_label() -> None:
    assert _english_labels() == []


@pytest.mark.django_db
def test_every_permission_has_a_dutch_label() -> None:
    from django.contrib.auth.models import Permission

    shown = [
        roles.permission_label(p)
        for p in Permission.objects.select_related("content_type").filter(
            content_type__app_label__in=[
                "accounts", "areas", "cases", "monitor", "prevention", "screening",
                "selection", "signals", "training",
            ]
        )
    ]  # fmt: skip
    assert shown and not [label for label in shown if "Can " in label]


@pytest.mark.django_db
def test_the_object_admin_does_not_show_the_internal_key(admin_client: Any) -> None:
    from weerbaar.cases.models import Subject

    subject = Subject.objects.create(
        kind="pand", key="pand:9711KT|12||", label="Vismarkt 12, Groningen", postcode="9711KT"
    )
    page = admin_client.get(f"/admin/cases/subject/{subject.pk}/change/").content.decode()
    assert "Breedtegraad" in page and "Latitude" not in page
    assert subject.key not in page
