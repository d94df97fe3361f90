"""``Authorization: Token <key>`` for partner systems (see models.partner_token)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from weerbaar.accounts.models import PartnerToken

KEYWORD = "Token"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(user: Any, name: str) -> tuple[PartnerToken, str]:
    """A new token; the key is returned once and only its hash is stored."""
    key = "wb_" + secrets.token_urlsafe(32)
    token = PartnerToken.objects.create(
        name=name, user=user, prefix=key[:8], key_hash=hash_key(key)
    )
    return token, key


class PartnerTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, PartnerToken] | None:
        header = authentication.get_authorization_header(request).decode(errors="replace")
        parts = header.split()
        if not parts or parts[0] != KEYWORD:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Ongeldige sleutel: verwacht 'Token <sleutel>'.")
        token = (
            PartnerToken.objects.select_related("user", "user__organisation")
            .filter(key_hash=hash_key(parts[1]))
            .first()
        )
        if token is None or token.revoked_at is not None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Onbekende of ingetrokken sleutel.")
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    """Describes the token in the OpenAPI schema."""

    target_class = "weerbaar.accounts.api.authentication.PartnerTokenAuthentication"
    name = "partnerToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <sleutel>`; een sleutel maakt de beheerder met `weerbaar partnertoken maak`.",
        }
