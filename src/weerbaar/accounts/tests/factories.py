"""Staff users for tests in every app: one organisation, one role with the permissions
named (app label + codename), as the access service sees them in production."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Permission

from weerbaar.accounts.models import Organisation, Role, User
from weerbaar.areas.models import Area


def organisation(name: str, *areas: Area, kind: str = "gemeente", **fields: object) -> Organisation:
    """An organisation covering ``areas`` (and everything below them)."""
    org = Organisation.objects.create(name=name, kind=kind, **fields)
    org.areas.add(*areas)
    return org


def member(
    org: Organisation,
    username: str,
    *,
    apps: Iterable[str],
    codenames: Iterable[str],
    role: str,
    password: str,
) -> User:
    """A user of ``org`` whose role ``role`` holds the named permissions of ``apps``."""
    user = User.objects.create_user(username=username, password=password, organisation=org)
    group, _ = Role.objects.get_or_create(name=role)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label__in=list(apps), codename__in=codenames)
    )
    user.groups.add(group)
    return User.objects.get(pk=user.pk)  # fresh: no cached permissions
