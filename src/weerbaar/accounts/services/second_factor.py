"""The second login step (BIO2: multi-factor for every account that sees case data).

An authenticator app (TOTP) or a passkey, plus ten one-time recovery codes for when the
phone is lost. Every user who logs in with a password must pass it before any back-office
page, API call by session or admin page (``accounts.middleware.SecondFactorMiddleware``).
"""

from __future__ import annotations

import base64
from typing import Any

import segno
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import AuditAction, AuditResult, User
from weerbaar.accounts.services import audit

RECOVERY_CODES = 10
APP_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"


def _account(request: HttpRequest) -> User:
    """The user between the two steps: logged in with a password, so never anonymous."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login_required views only
    return user


def enrolled(user: Any) -> bool:
    return bool(user_has_device(user, confirmed=True))


def pending_app(user: User) -> TOTPDevice:
    """The authenticator app being set up (one per user until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The set-up code as inline SVG: no image request, no third party, no inline style."""
    return str(
        segno.make(str(device.config_url), error="m").svg_inline(
            scale=5, dark="#000", light="#fff", title="QR-code voor de authenticator-app"
        )
    )


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32 groups of four, for typing into the app by hand."""
    text = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def has_recovery_codes(user: User) -> bool:
    return StaticDevice.objects.filter(user=user, name=RECOVERY_NAME).exists()


def new_recovery_codes(user: User) -> tuple[StaticDevice, list[str]]:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return device, codes


def confirm_app(request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code, verify the session with it and hand out
    fresh recovery codes (shown once). None when the code is wrong."""
    code = code.replace(" ", "")
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not locked.verify_token(code):
            audit.record(
                AuditAction.SECOND_FACTOR,
                actor=request.user,
                obj=locked.user,
                result=AuditResult.FAILED,
            )
            return None
        locked.confirmed = True
        locked.save(update_fields=["confirmed"])
        _, codes = new_recovery_codes(locked.user)
        otp_login(request, locked)
        audit.record(AuditAction.SECOND_FACTOR, actor=request.user, obj=locked.user)
    return codes


def verify(request: HttpRequest, code: str) -> bool:
    """Check a code from the app or a recovery code (used once) and, when it fits,
    mark this session as having passed the second step."""
    user = _account(request)
    device = match_token(user, code.replace(" ", ""))
    if device is None:
        audit.record(AuditAction.SECOND_FACTOR, actor=user, obj=user, result=AuditResult.FAILED)
        return False
    otp_login(request, device)
    audit.record(AuditAction.SECOND_FACTOR, actor=user, obj=user)
    return True


def renew_recovery_codes(user: User) -> list[str]:
    with transaction.atomic():
        device, codes = new_recovery_codes(user)
        audit.record(AuditAction.CHANGE, actor=user, obj=device)
    return codes


def reset(actor: Any, user: User) -> int:
    """An administrator's reset for a user who lost every factor: all devices go, the
    user enrols again at the next login. Audited with who did it."""
    with transaction.atomic():
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        audit.record(AuditAction.SECOND_FACTOR_RESET, actor=actor, obj=user)
    return len(devices)
