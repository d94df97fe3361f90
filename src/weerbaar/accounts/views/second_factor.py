"""The second login step: enrol an authenticator app, enter its code or a recovery code.

Reached only after the password step (the user is logged in but not yet verified);
``SecondFactorMiddleware`` sends every other request there until it is passed.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.services import passkeys, second_factor


def next_page(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:workspace")


def _with_next(name: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': next_page(request)})}")


@never_cache
@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "POST"])
def second_step(request: HttpRequest) -> HttpResponse:
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(next_page(request))
    if not second_factor.enrolled(request.user):
        return _with_next("accounts:enrol", request)
    error = ""
    if request.method == "POST":
        if second_factor.verify(request, request.POST.get("code", "")[:20]):
            return redirect(next_page(request))
        error = _(
            "Deze code klopt niet of is verlopen. Wacht een paar seconden en probeer de "
            "nieuwe code uit uw app."
        )
    return render(
        request,
        "accounts/second_step.html",
        {
            "error": error,
            "next": next_page(request),
            "has_passkey": passkeys.has_passkey(request.user),
        },
        status=400 if error else 200,
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    if second_factor.enrolled(request.user):
        return _with_next("accounts:second_step", request)
    device = second_factor.pending_app(request.user)  # type: ignore[arg-type]
    error = ""
    if request.method == "POST":
        codes = second_factor.confirm_app(request, device, request.POST.get("code", "")[:20])
        if codes is not None:
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": next_page(request)},
            )
        error = _(
            "Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat, wacht een "
            "paar seconden en probeer de nieuwe code."
        )
    return render(
        request,
        "accounts/enrol.html",
        {
            "qr": second_factor.qr_svg(device),
            "key": second_factor.manual_key(device),
            "error": error,
            "next": next_page(request),
        },
        status=400 if error else 200,
    )


@never_cache
@login_required
@require_POST
def renew_recovery_codes(request: HttpRequest) -> HttpResponse:
    codes = second_factor.renew_recovery_codes(request.user)  # type: ignore[arg-type]
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("accounts:workspace")},
    )
