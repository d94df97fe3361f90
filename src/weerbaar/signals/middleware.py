"""Makes the anonymous pages blind to who is asking.

For ``/melden/`` and ``/api/v1/public/`` the client address, every proxy header that may
carry it, the user agent and all cookies except the CSRF cookie are removed from the
request before any view, logger or error report can see them. Only a rate-limit key
(a salted hash, see services.ratelimit) is derived first. Responses on these paths set
no cookie except the CSRF cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from http.cookies import SimpleCookie

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from weerbaar.core.api.problems import problem_response
from weerbaar.signals.services.ratelimit import limiter
from weerbaar.signals.uploads import max_file_bytes, max_files

ANONYMOUS_PREFIXES = ("/melden/", "/api/v1/public/")
DROPPED = {"REMOTE_HOST", "REMOTE_USER", "HTTP_USER_AGENT", "HTTP_FROM", "HTTP_VIA"}
DROPPED_PARTS = ("FORWARD", "CLIENT", "REAL_IP", "CONNECTING_IP", "ORIGINATING", "USER_AGENT")


def is_anonymous_path(path: str) -> bool:
    return path.startswith(ANONYMOUS_PREFIXES)


def _rate_limit_address(request: HttpRequest) -> str:
    header = getattr(settings, "WEERBAAR_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
    value = str(request.META.get(header, "") or request.META.get("REMOTE_ADDR", ""))
    return value.split(",")[0].strip()


def scrub(request: HttpRequest) -> None:
    request.anonymous_client_key = limiter.client_key(_rate_limit_address(request))  # type: ignore[attr-defined]
    for key in list(request.META):
        if key in DROPPED or (
            key.startswith("HTTP_") and any(part in key for part in DROPPED_PARTS)
        ):
            del request.META[key]
    request.META["REMOTE_ADDR"] = "0.0.0.0"  # noqa: S104 - a placeholder, not a bind address
    cookies = SimpleCookie()
    cookies.load(request.META.get("HTTP_COOKIE", ""))
    csrf_name = settings.CSRF_COOKIE_NAME
    kept = f"{csrf_name}={cookies[csrf_name].value}" if csrf_name in cookies else ""
    if kept:
        request.META["HTTP_COOKIE"] = kept
    else:
        request.META.pop("HTTP_COOKIE", None)
    request.COOKIES  # noqa: B018 - parsed now, from the scrubbed header


class AnonymityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_path(request.path):
            return self.get_response(request)
        scrub(request)
        too_large = _too_large(request)
        if too_large is not None:
            return too_large
        response = self.get_response(request)
        for name in list(response.cookies):
            if name != settings.CSRF_COOKIE_NAME:
                del response.cookies[name]
        response.headers.setdefault("Cache-Control", "no-store")
        return response


TOO_LARGE = (
    "Uw melding is te groot. U kunt maximaal {files} foto's meesturen van elk hoogstens {mb} MB."
)


def _too_large(request: HttpRequest) -> HttpResponse | None:
    """Refuse a body that cannot fit the limits before reading it."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = max_files() * max_file_bytes() + 1024 * 1024
    if length <= limit:
        return None
    detail = TOO_LARGE.format(files=max_files(), mb=max_file_bytes() // (1024 * 1024))
    if request.path.startswith("/api/"):
        return problem_response(request, 413, detail)
    html = render_to_string("signals/error.html", {"detail": detail}, request=request)
    return HttpResponse(html, status=413)
