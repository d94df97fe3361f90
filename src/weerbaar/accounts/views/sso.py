"""The two addresses of single sign-on: off the provider, back from it. Both answer 404
when no provider is configured, so the login page is the only door."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from weerbaar.accounts.services import sso


@never_cache
def sso_start(request: HttpRequest) -> HttpResponse:
    if not sso.enabled():
        raise Http404
    return OIDCAuthenticationRequestView.as_view()(request)


@never_cache
def sso_callback(request: HttpRequest) -> HttpResponse:
    if not sso.enabled():
        raise Http404
    return OIDCAuthenticationCallbackView.as_view()(request)
