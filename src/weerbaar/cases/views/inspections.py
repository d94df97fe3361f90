"""Inspection days of the regional intervention team: plan, route, day sheet, visits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.audit import record_view
from weerbaar.areas.services.postcodes import normalise_postcode
from weerbaar.cases import permissions
from weerbaar.cases.models import (
    Discipline,
    Finding,
    Inspection,
    InspectionStop,
    MeasureKind,
    Situation,
    SubjectKind,
)
from weerbaar.cases.services import dayroute, visits
from weerbaar.cases.services.selectors import (
    start_locations,
    visible_inspections,
    visible_subjects,
)
from weerbaar.core.images import ImageRejected, clean_image

VIEW = permissions.VIEW_INSPECTION
ADD = permissions.ADD_INSPECTION
CHANGE = permissions.CHANGE_INSPECTION


def _get(request: HttpRequest, pk: int, permission: str = VIEW) -> Inspection:
    inspection = visible_inspections(request.user).filter(pk=pk).first()
    if inspection is None or not may(request.user, VIEW, inspection):
        raise Http404(_("Deze controledag bestaat niet of u heeft er geen toegang toe."))
    if permission != VIEW and not may(request.user, permission, inspection):
        raise PermissionDenied
    return inspection


def _start_point(request: HttpRequest, errors: list[str]) -> dayroute.StartPoint | None:
    """A stored start point, or an address typed as postcode + house number."""
    choice = request.POST.get("vertrekpunt", "")
    if choice.isdigit():
        location = start_locations(request.user).filter(pk=int(choice)).first()
        if location is None:
            errors.append(_("Kies een vertrekpunt uit de lijst."))
            return None
        return dayroute.start_at_location(location)
    if choice != "adres":
        errors.append(_("Kies een vertrekpunt, of vul het adres in waar de dag begint."))
        return None
    postcode = request.POST.get("vertrek_postcode", "").strip()
    number = request.POST.get("vertrek_huisnummer", "").strip()
    if normalise_postcode(postcode) is None or not number.isdigit():
        errors.append(
            _("Vul het vertrekpunt in als postcode en huisnummer, bijvoorbeeld 9712 HW 1.")
        )
        return None
    try:
        return dayroute.start_at_address(postcode, int(number))
    except dayroute.RouteError as error:
        errors.append(str(error))
        return None


def _planned_day(request: HttpRequest) -> tuple[dict[str, Any] | None, list[str]]:
    """The new inspection day as the form gives it, or the errors to show (in Dutch)."""
    errors = []
    try:
        date = dt.date.fromisoformat(request.POST.get("datum", ""))
    except ValueError:
        date = None
        errors.append(_("Vul een geldige datum in (jjjj-mm-dd)."))
    start = _start_point(request, errors)
    chosen = list(
        visible_subjects(request.user).filter(
            pk__in=[i for i in request.POST.getlist("object") if i.isdigit()]
        )
    )
    if not chosen:
        errors.append(_("Kies minstens één adres."))
    team = request.POST.get("team", "").strip()
    if not team:
        errors.append(_("Vul de naam van het team in."))
    organisation = getattr(request.user, "organisation", None)
    if organisation is None:
        errors.append(_("U hoort bij geen organisatie."))
    if errors or date is None or start is None:
        return None, errors
    remember = request.POST.get("vertrek_bewaren", "").strip()
    if remember and request.POST.get("vertrekpunt") == "adres":
        dayroute.remember_start(organisation, remember, start, request.user)
    return {
        "date": date,
        "team": team,
        "organisation": organisation,
        "disciplines": [d for d in request.POST.getlist("discipline") if d in Discipline.values],
        "depot": start,
        "subjects": chosen,
    }, []


@login_required
@require_http_methods(["GET", "POST"])
def inspection_list(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW):
        raise PermissionDenied
    premises = visible_subjects(request.user).filter(kind=SubjectKind.PAND).order_by("label")[:500]
    context: dict[str, Any] = {
        "page": Paginator(visible_inspections(request.user).order_by("-date", "-pk"), 25).get_page(
            request.GET.get("pagina")
        ),
        "premises": premises,
        "disciplines": Discipline.choices,
        "starts": start_locations(request.user),
        "can_add": may(request.user, ADD),
        "values": request.POST,
    }
    if request.method == "GET":
        return render(request, "cases/inspection_list.html", context)
    if not may(request.user, ADD):
        raise PermissionDenied
    day, errors = _planned_day(request)
    if day is None:
        context["errors"] = errors
        return render(request, "cases/inspection_list.html", context, status=400)
    inspection = dayroute.create_day(**day, actor=request.user)
    try:
        dayroute.plan(inspection)
    except dayroute.RouteError as exc:
        messages.error(request, str(exc))
    return redirect("cases:inspection", pk=inspection.pk)


def _context(inspection: Inspection) -> dict[str, Any]:
    stops = list(
        inspection.stops.select_related("subject", "visit").prefetch_related("visit__measures")
    )
    last = max((s.arrival for s in stops if s.arrival), default=None)
    placed, warnings = dayroute.placed_stops(stops)
    return {
        "inspection": inspection,
        "stops": stops,
        "placed": placed,
        "route_warnings": warnings,
        "disciplines": [
            Discipline(d).label for d in inspection.disciplines if d in Discipline.values
        ],
        "last_arrival": last,
    }


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _get(request, pk)
    record_view(request.user, inspection)
    context = _context(inspection) | {"can_change": may(request.user, CHANGE, inspection)}
    return render(request, "cases/inspection_detail.html", context)


@login_required
def day_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _get(request, pk)
    record_view(request.user, inspection)
    return render(request, "cases/day_sheet.html", _context(inspection))


@login_required
@require_POST
def replan(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _get(request, pk, CHANGE)
    try:
        result = dayroute.plan(inspection)
        messages.success(
            request, _("Route berekend: %(m)d minuten rijden.") % {"m": result.drive_minutes}
        )
    except dayroute.RouteError as exc:
        messages.error(request, str(exc))
    return redirect("cases:inspection", pk=inspection.pk)


@login_required
@require_http_methods(["GET", "POST"])
def visit(request: HttpRequest, pk: int) -> HttpResponse:
    stop = InspectionStop.objects.select_related("inspection", "subject").filter(pk=pk).first()
    if stop is None:
        raise Http404(_("Dit adres staat niet op een controledag."))
    inspection = _get(request, stop.inspection_id, CHANGE if request.method == "POST" else VIEW)
    context: dict[str, Any] = {
        "stop": stop,
        "inspection": inspection,
        "situations": Situation.choices,
        "findings": Finding.choices,
        "measures": MeasureKind.choices,
        "existing": getattr(stop, "visit", None),
    }
    if request.method == "GET":
        return render(request, "cases/visit.html", context)
    try:
        photos = [clean_image(f.read()) for f in request.FILES.getlist("fotos")]
        if context["existing"] is None:
            recorded = visits.record_visit(
                stop,
                situation=request.POST.get("situatie", ""),
                findings=request.POST.getlist("bevinding"),
                notes=request.POST.get("toelichting", ""),
                participants=request.POST.get("aanwezig", ""),
                photos=photos,
                actor=request.user,
            )
        else:
            recorded = context["existing"]
        for kind in request.POST.getlist("maatregel"):
            visits.add_measure(
                recorded,
                kind,
                note=request.POST.get("toelichting_maatregel", ""),
                actor=request.user,
            )
    except (visits.VisitError, ImageRejected) as exc:
        context["error"] = str(exc)
        return render(request, "cases/visit.html", context, status=400)
    messages.success(request, _("Bezoek vastgelegd."))
    return redirect("cases:inspection", pk=inspection.pk)
