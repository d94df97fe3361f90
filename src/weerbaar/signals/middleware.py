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
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string

from weerbaar.core.api.problems import problem_response
from weerbaar.core.client_address import client_address
from weerbaar.core.logging import ANONYMOUS_PREFIXES
from weerbaar.signals.services.ratelimit import limiter
from weerbaar.signals.uploads import max_file_bytes, max_files

DROPPED = {"REMOTE_HOST", "REMOTE_USER", "HTTP_USER_AGENT", "HTTP_FROM", "HTTP_VIA"}
DROPPED_PARTS = ("FORWARD", "CLIENT", "REAL_IP", "CONNECTING_IP", "ORIGINATING", "USER_AGENT")


def is_anonymous_path(path: str) -> bool:
    return path.startswith(ANONYMOUS_PREFIXES)


def scrub(request: HttpRequest) -> None:
    request.anonymous_client_key = limiter.client_key(client_address(request))  # type: ignore[attr-defined]
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
        refused = _too_large(request) or _cut_off(request)
        if refused is not None:
            return refused
        response = self.get_response(request)
        for name in list(response.cookies):
            if name != settings.CSRF_COOKIE_NAME:
                del response.cookies[name]
        response.headers.setdefault("Cache-Control", "no-store")
        return response


CUT_OFF = (
    "Uw melding is niet helemaal aangekomen, misschien doordat de verbinding wegviel. Er is "
    "niets bewaard. Probeer het opnieuw, eventueel met minder of kleinere foto's."
)
TAIL = 4096


class _TailStream:
    """Passes reads through to the request body, remembering its last bytes: a multipart
    body that was cut off in transit lacks the closing boundary at the end."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.tail = b""

    def _keep(self, data: bytes) -> bytes:
        self.tail = (self.tail + data)[-TAIL:]
        return data

    def read(self, *args: Any) -> bytes:
        return self._keep(self._stream.read(*args))

    def readline(self, *args: Any) -> bytes:
        return self._keep(self._stream.readline(*args))


def _refuse(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return problem_response(request, status, detail)
    html = render_to_string("signals/error.html", {"detail": detail}, request=request)
    return HttpResponse(html, status=status)


def _cut_off(request: HttpRequest) -> HttpResponse | None:
    """Parse a multipart report here, before any view, and refuse it whole when the body
    ended before its closing boundary: nothing half-received is ever stored."""
    if request.method != "POST" or not (request.content_type or "").startswith("multipart/"):
        return None
    boundary = (request.content_params or {}).get("boundary", "")
    tail = _TailStream(request._stream)
    request._stream = tail  # type: ignore[assignment]
    try:
        request.POST  # noqa: B018 - parsed now, through the tail recorder
        request.FILES  # noqa: B018
    except (MultiPartParserError, SuspiciousOperation, UnicodeDecodeError):
        return _refuse(request, 400, CUT_OFF)
    if not boundary or f"--{boundary}--".encode("latin-1") not in tail.tail:
        return _refuse(request, 400, CUT_OFF)
    return None


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
    return _refuse(request, 413, detail)
