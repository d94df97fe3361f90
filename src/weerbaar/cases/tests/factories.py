"""Handlers with signals and cases permissions, and signals in three spellings."""

from __future__ import annotations

from django.contrib.auth.models import Permission

from weerbaar.accounts.models import Organisation, Role, User
from weerbaar.signals.tests.factories import HANDLER_PERMISSIONS, PASSWORD

CASE_PERMISSIONS = [
    "view_subject",
    "change_signallink",
    "add_triagedecision",
    "view_case",
    "add_case",
    "change_case",
    "add_caseshare",
    "view_inspection",
    "add_inspection",
    "change_inspection",
]


def case_handler(org: Organisation, username: str, *, cases: bool = True) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, organisation=org)
    role = Role.objects.create(name=f"team-{username}")
    codenames = HANDLER_PERMISSIONS + (CASE_PERMISSIONS if cases else [])
    role.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["signals", "cases"], codename__in=codenames
        )
    )
    user.groups.add(role)
    return User.objects.get(pk=user.pk)
