"""Staff users for tests in every app: one organisation, one role with the permissions
named (app label + codename), as the access service sees them in production."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Permission
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def authenticator(user: User) -> TOTPDevice:
    """A confirmed authenticator app for ``user``; ``code(device)`` gives its code now."""
    return TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)


def code(device: TOTPDevice, offset: int = 0) -> str:
    """The app's code at this moment (``offset`` steps of 30 s later or earlier)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return str(value).zfill(device.digits)


def verify_session(client: Client, user: User) -> None:
    """Mark the test client's session as having passed the second step."""
    device = StaticDevice.objects.filter(user=user, name="test").first() or (
        StaticDevice.objects.create(user=user, name="test", confirmed=True)
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
