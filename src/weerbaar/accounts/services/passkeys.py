"""Passkeys (WebAuthn) as the second login step, next to the authenticator app.

django-otp-webauthn does the ceremony; this module adds what Weerbaar promises around it:
every passkey added or used is audited like a code, and a user who sets up a passkey as
first factor still gets recovery codes for the day the device is lost.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp_webauthn.models import WebAuthnCredential

from weerbaar.accounts.models import AuditAction, AuditResult, User
from weerbaar.accounts.services import audit, second_factor


def has_passkey(user: Any) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def registered(user: User, credential: WebAuthnCredential) -> None:
    audit.record(AuditAction.CREATE, actor=user, obj=credential)


def used(user: User, credential: WebAuthnCredential | None, *, ok: bool) -> None:
    audit.record(
        AuditAction.SECOND_FACTOR,
        actor=user,
        obj=credential if ok else user,
        result=AuditResult.SUCCESS if ok else AuditResult.FAILED,
    )


def first_recovery_codes(user: User) -> list[str] | None:
    """Recovery codes for a user whose first factor is a passkey; None when the user
    already has them (renewing is a separate, deliberate step)."""
    with transaction.atomic():
        if second_factor.has_recovery_codes(user):
            return None
        _, codes = second_factor.new_recovery_codes(user)
        audit.record(AuditAction.CREATE, actor=user, obj=user)
    return codes
