"""The passkey ceremonies of django-otp-webauthn, with Weerbaar's audit around them.

Passkeys are a second step only (``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False``): the
user has already passed the password step, with its lockout, when these are called.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as ceremony
from django_otp_webauthn.models import WebAuthnCredential

from weerbaar.accounts.services import passkeys
from weerbaar.accounts.views.second_factor import next_page


class CompleteRegistration(ceremony.CompleteCredentialRegistrationView):
    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(*args, **kwargs)
        credential = WebAuthnCredential.objects.get(
            pk=json.loads(response.content)["id"], user=self.request.user
        )
        passkeys.registered(self.request.user, credential)
        return response


class CompleteAuthentication(ceremony.CompleteCredentialAuthenticationView):
    def complete_auth(self, device: Any) -> Any:
        result = super().complete_auth(device)
        passkeys.used(self.request.user, device, ok=True)
        return result

    def handle_exception(self, exc: Exception) -> HttpResponse:
        if isinstance(exc, exceptions.OTPWebAuthnApiError) and self.request.user.is_authenticated:
            passkeys.used(self.request.user, None, ok=False)
        return super().handle_exception(exc)


@never_cache
@login_required
@require_POST
def passkey_ready(request: HttpRequest) -> HttpResponse:
    """Where the page goes after a passkey is added: recovery codes when this was the
    user's first factor, otherwise straight on."""
    if not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:second_step")
    codes = passkeys.first_recovery_codes(request.user)  # type: ignore[arg-type]
    if codes is None:
        return redirect(next_page(request))
    return render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": next_page(request)}
    )


# Mounted as the namespace the library's template tags reverse ("otp_webauthn:…").
ceremony_patterns = [
    path(
        "registratie/begin/",
        ceremony.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registratie/afronden/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "controle/begin/",
        ceremony.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "controle/afronden/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "teksten.js",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
