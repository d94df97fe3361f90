"""Single sign-on through the organisation's OpenID Connect provider.

The provider only says *who* someone is. Weerbaar never creates an account from it and
never takes organisation, roles or clearance from its claims: an administrator makes the
account first, with the official's work e-mail address. The first login binds the
provider's subject to that account; from then on only that subject opens it, even when
the address changes at the provider.
"""

from __future__ import annotations

from typing import Any

import jwt
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from weerbaar.accounts.models import AuditAction, AuditResult, User
from weerbaar.accounts.services import audit


def enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def _email_vouched(claims: dict[str, Any]) -> bool:
    """Only an address the provider says it checked may find an account."""
    return claims.get("email_verified") is True or bool(settings.WEERBAAR_OIDC_TRUST_EMAIL)


class Backend(OIDCAuthenticationBackend):
    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any] | None:
        """The library checks signature, expiry and nonce; the token must also be meant
        for Weerbaar (OIDC Core 3.1.3.7). A bad token ends the attempt, never in a 500."""
        try:
            payload = dict(super().verify_token(token, **kwargs))
        except (SuspiciousOperation, jwt.PyJWTError):
            payload = {}
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            audit.record(AuditAction.LOGIN_FAILED, result=AuditResult.DENIED)
            return None
        return payload

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        subject = str(claims["sub"])
        bound = User.objects.filter(sso_subject=subject, is_active=True)
        if bound.exists():
            return bound
        email = str(claims.get("email") or "")
        if not email or not _email_vouched(claims):
            return User.objects.none()
        return User.objects.filter(email__iexact=email, sso_subject="", is_active=True)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        """Bind the subject on the first login; nothing else from the claims is kept."""
        if not user.sso_subject:
            with transaction.atomic():
                user.sso_subject = str(claims["sub"])
                user.save(update_fields=["sso_subject"])
                audit.record(AuditAction.CHANGE, actor=user, obj=user)
        return user

    def get_or_create_user(self, access_token: str, id_token: str, payload: Any) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            # no account in Weerbaar for this person: counted, nothing about them kept
            audit.record(AuditAction.LOGIN_FAILED, result=AuditResult.DENIED)
        return user
