"""The two addresses of single sign-on: off the provider, back from it. Both answer 404
when no provider is configured, so the login page is the only door."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponseBase
from django.views import View
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from weerbaar.accounts.services import sso


def _when_configured(view_class: type[View]) -> Callable[[HttpRequest], HttpResponseBase]:
    """The library's view, built per request only when a provider is configured: its
    constructor reads the provider settings and fails without them."""

    @never_cache
    def view(request: HttpRequest) -> HttpResponseBase:
        if not sso.enabled():
            raise Http404
        return view_class.as_view()(request)

    return view


sso_start = _when_configured(OIDCAuthenticationRequestView)
sso_callback = _when_configured(OIDCAuthenticationCallbackView)
