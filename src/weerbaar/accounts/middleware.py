"""Through which door a request came in (for the audit log), and the second login step
before anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from weerbaar.accounts.models import AuditChannel
from weerbaar.accounts.services import audit
from weerbaar.core.api.problems import problem_response


def channel_of(path: str) -> AuditChannel:
    if path.startswith("/api/"):
        return AuditChannel.API
    if path.startswith("/admin/"):
        return AuditChannel.ADMIN
    return AuditChannel.WEBSITE


class AuditChannelMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit.channel(channel_of(request.path)):
            return self.get_response(request)


#: What a user between the password and the second step may still reach.
OPEN_PREFIXES = ("/inloggen/", "/uitloggen/", "/static/", "/favicon.ico", "/gezond", "/gereed")


class SecondFactorMiddleware:
    """No page, API call by session or admin page for a user who has given a password but
    not yet the second factor (BIO2). Partner systems authenticate with their own token
    in the API view, not with a session, and are not affected."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                return problem_response(
                    request,
                    403,
                    "Log in met uw tweede stap (code of passkey) om de API te gebruiken.",
                )
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('accounts:second_step')}?{query}")
        return self.get_response(request)


IDLE_KEY = "weerbaar_last_seen"
LOGIN_KEY = "weerbaar_logged_in_at"
#: Seconds between two writes of "last seen" (not a database write on every request).
TOUCH_EVERY = 60


class SessionPolicyMiddleware:
    """Logs out after ``WEERBAAR_IDLE_MINUTES`` without a request and after
    ``WEERBAAR_SESSION_HOURS`` whatever happens (BIO2), and keeps every answer given to a
    logged-in user or partner system out of browser and proxy caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        expired = self._expired(request)
        if expired is not None:
            return expired
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "no-store, private"
            response.headers.setdefault("Pragma", "no-cache")
        return response

    def _expired(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        now = time.time()
        session = request.session
        logged_in = float(session.setdefault(LOGIN_KEY, now))
        last_seen = float(session.get(IDLE_KEY, now))
        idle = settings.WEERBAAR_IDLE_MINUTES * 60
        lifetime = settings.WEERBAAR_SESSION_HOURS * 3600
        if now - last_seen > idle or now - logged_in > lifetime:
            reason = "stil" if now - last_seen > idle else "lang"
            logout(request)
            if request.path.startswith("/api/"):
                return problem_response(request, 401, "Uw sessie is verlopen. Log opnieuw in.")
            query = urlencode({"next": request.get_full_path(), "verlopen": reason})
            return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")
        if now - last_seen >= TOUCH_EVERY or IDLE_KEY not in session:
            session[IDLE_KEY] = now
        return None
