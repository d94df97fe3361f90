"""Errors as ``application/problem+json`` (RFC 9457), as the NL API Design Rules ask.

Bad query or body parameters are listed under ``invalidParams`` with a Dutch reason.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from weerbaar.core.api.parsers import TooDeep

PROBLEM_CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige invoer.",
    401: "Niet ingelogd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat wordt niet ondersteund.",
    413: "Invoer te groot.",
    414: "Adres te lang.",
    415: "Formaat van de invoer wordt niet ondersteund.",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
}


def problem(status_code: int, detail: str, instance: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": f"https://httpstatuses.io/{status_code}",
        "title": TITLES.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail,
        "instance": instance,
        **extra,
    }


def _invalid_params(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error dict into NL API ``invalidParams`` entries."""
    result: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for name, value in detail.items():
            result.extend(_invalid_params(value, f"{prefix}{name}"))
    elif isinstance(detail, list):
        for item in detail:
            if isinstance(item, (dict, list)):
                result.extend(_invalid_params(item, prefix))
            else:
                code = getattr(item, "code", "invalid")
                result.append(
                    {"name": prefix or "nonFieldErrors", "code": code, "reason": str(item)}
                )
    else:
        code = getattr(detail, "code", "invalid")
        result.append({"name": prefix or "nonFieldErrors", "code": code, "reason": str(detail)})
    return result


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context["request"]
    extra: dict[str, Any] = {}
    if isinstance(exc, exceptions.ValidationError):
        extra["invalidParams"] = _invalid_params(exc.detail)
        detail = "Een of meer parameters zijn ongeldig."
    elif isinstance(exc, TooDeep):
        detail = str(exc.detail)
    elif isinstance(exc, exceptions.ParseError):
        detail = (
            "De invoer kon niet worden gelezen: controleer of het geldige JSON of multipart is."
        )
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        detail = f"Dit formaat wordt niet ondersteund: {exc.args[0] if exc.args else ''}".strip()
    elif isinstance(exc, Http404 | exceptions.NotFound):
        detail = str(getattr(exc, "detail", "")) or "Het gevraagde object bestaat niet."
    else:
        detail = str(getattr(exc, "detail", exc))
    response.data = problem(response.status_code, detail, request.get_full_path(), **extra)
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_response(request: HttpRequest, status_code: int, detail: str) -> JsonResponse:
    """For errors raised outside DRF views (unknown API paths, server errors)."""
    return JsonResponse(
        problem(status_code, detail, request.get_full_path()),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


__all__ = [
    "PROBLEM_CONTENT_TYPE",
    "problem",
    "problem_exception_handler",
    "problem_response",
    "status",
]
