"""Site-wide pages: home and the error pages (HTML, or problem+json under /api/)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from weerbaar.core import readiness
from weerbaar.core.api.problems import problem_response
from weerbaar.core.middleware import API_PREFIX


def health(request: HttpRequest) -> HttpResponse:
    """For load balancers and monitoring: the process answers (no database involved)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def ready(request: HttpRequest) -> HttpResponse:
    """For a load balancer's readiness probe: 200 when this process may get traffic, 503
    with the check that failed when not. Names no record and no person."""
    results = readiness.checks()
    body = "".join(f"{c.name}: {'ok' if c.ok else 'NIET GEREED'} ({c.detail})\n" for c in results)
    status = 200 if all(c.ok for c in results) else 503
    response = HttpResponse(body, content_type="text/plain; charset=utf-8", status=status)
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(request, 404, "Deze URL bestaat niet in de API.")
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(
            request, 500, "Er ging iets mis aan onze kant. Probeer het later opnieuw."
        )
    return render(request, "500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(request, 400, "De invoer kon niet worden gelezen.")
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return problem_response(request, 403, "U heeft geen toegang tot deze gegevens.")
    return render(request, "403.html", status=403)
