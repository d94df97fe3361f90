"""Response headers every page and API call gets."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from weerbaar.core.api.problems import problem_response

API_PREFIX = "/api/"


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: no browser features we do not use."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=(), payment=()",
        )
        return response


MAX_API_ADDRESS = 4000  # below gunicorn's request line limit (4094), so the API answers


class ApiRequestShapeMiddleware:
    """What the API schema promises about every request before a view sees it: an address
    of at most ``MAX_API_ADDRESS`` characters (414) and each query parameter once (400);
    no operation takes a list in the query, so ``?page=1&page=2`` is not quietly page 2."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(API_PREFIX):
            if len(request.get_full_path()) > MAX_API_ADDRESS:
                return problem_response(
                    request, 414, f"Het adres is langer dan {MAX_API_ADDRESS} tekens."
                )
            repeated = sorted(k for k, v in request.GET.lists() if len(v) > 1)
            if repeated:
                return problem_response(
                    request, 400, f"Geef elke parameter één keer op: {', '.join(repeated)}."
                )
            empty = sorted(k for k, v in request.GET.items() if v == "")
            if empty:
                return problem_response(
                    request,
                    400,
                    f"Deze parameters hebben geen waarde: {', '.join(empty)}. "
                    "Laat ze weg of vul ze in.",
                )
        return self.get_response(request)


class ApiVersionMiddleware:
    """NL API Design Rules (API-57): every API response names the full API version."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            response.headers["API-Version"] = str(settings.SPECTACULAR_SETTINGS["VERSION"])
        return response
