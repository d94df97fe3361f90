"""Back office of the campaign: camper bus requests, tour plans and school covenants.
Access goes through the permission service (accounts.services.access) only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.accounts.services.access import covered_area_ids, may
from weerbaar.areas.models import Area, AreaLevel
from weerbaar.core.downloads import csv_download
from weerbaar.prevention.forms import CovenantForm, DecisionForm, PlanForm, PositionForm
from weerbaar.prevention.models import BusRequest, Covenant, RequestState, TourPlan
from weerbaar.prevention.permissions import (
    ADD_COVENANT,
    CHANGE_COVENANT,
    DECIDE,
    PLAN,
    VIEW_COVENANT,
    VIEW_PLAN,
    VIEW_REQUEST,
)
from weerbaar.prevention.services import bookings, exports, planning, priority
from weerbaar.prevention.services import covenants as covenant_service
from weerbaar.prevention.services.selectors import (
    visible_covenants,
    visible_plans,
    visible_requests,
)

REQUEST_ORDER = {
    "ingediend": "-created_at",
    "oudste": "created_at",
    "organisatie": "organisation_name",
    "gemeente": "municipality__name",
}
REQUEST_HEADER = [
    "kenmerk",
    "ingediend",
    "status",
    "organisatie",
    "soort",
    "gemeente",
    "plaats",
    "bezoekers",
    "duur_minuten",
    "gewenste_momenten",
]


def _request_or_404(request: HttpRequest, pk: int) -> BusRequest:
    found = visible_requests(request.user).filter(pk=pk).select_related("municipality").first()
    if found is None or not may(request.user, VIEW_REQUEST, found):
        raise Http404(_("Deze aanvraag bestaat niet of u heeft er geen toegang toe."))
    return found


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_REQUEST):
        raise PermissionDenied
    items = (
        visible_requests(request.user).select_related("municipality").prefetch_related("windows")
    )
    state = request.GET.get("status", "")
    if state in RequestState.values:
        items = items.filter(state=state)
    text = request.GET.get("zoek", "")[:100].strip()
    if text:
        items = items.filter(organisation_name__icontains=text) | items.filter(
            reference__icontains=text
        )
    order = request.GET.get("sorteer", "ingediend")
    items = items.order_by(REQUEST_ORDER.get(order, "-created_at"), "pk")
    if request.GET.get("formaat") == "csv":
        exported = list(items)
        audit.record(
            AuditAction.EXPORT,
            actor=request.user,
            object_type="prevention.busrequest",
            object_ids=[r.pk for r in exported],
        )
        return csv_download(
            [
                [
                    r.reference,
                    timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
                    r.get_state_display(),
                    r.organisation_name,
                    r.get_organisation_kind_display(),
                    r.municipality.name,
                    r.place,
                    r.expected_visitors,
                    r.visit_minutes,
                    "; ".join(str(w) for w in r.windows.all()),
                ]
                for r in exported
            ],
            REQUEST_HEADER,
            "aanvragen-camperbus.csv",
        )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "prevention/backoffice/requests.html",
        {
            "page": Paginator(items, 25).get_page(request.GET.get("pagina")),
            "states": RequestState.choices,
            "state": state,
            "text": text,
            "order": order,
            "query": query.urlencode(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _request_or_404(request, pk)
    can_decide = may(request.user, DECIDE, item)
    decision = DecisionForm(visit_minutes=item.visit_minutes)
    place = PositionForm(initial={"latitude": item.latitude, "longitude": item.longitude})
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        if request.POST.get("actie") == "plek":
            place = PositionForm(request.POST)
            if place.is_valid():
                bookings.set_position(
                    item,
                    place.cleaned_data["latitude"],
                    place.cleaned_data["longitude"],
                    actor=request.user,
                )
                messages.success(request, _("De plek is opgeslagen."))
                return redirect("prevention:request", pk=item.pk)
        else:
            decision = DecisionForm(request.POST, visit_minutes=item.visit_minutes)
            if decision.is_valid():
                try:
                    bookings.decide(
                        item,
                        request.user,
                        decision.cleaned_data["state"],
                        decision.cleaned_data["message"],
                        decision.windows,
                        base=request.build_absolute_uri("/"),
                    )
                except bookings.BookingError as exc:
                    decision.add_error(None, str(exc))
                else:
                    messages.success(request, _("Het besluit is opgeslagen."))
                    return redirect("prevention:request", pk=item.pk)
    else:
        audit.record_view(request.user, item)
    return render(
        request,
        "prevention/backoffice/request.html",
        {
            "item": item,
            "decision": decision,
            "place": place,
            "can_decide": can_decide,
            "point": bookings.position(item),
            "stops": item.stops.select_related("plan").order_by("-plan__created_at")[:5],
        },
        status=400 if decision.errors or place.errors else 200,
    )


def _indicator_choices() -> list[tuple[str, str]]:
    return [(i.code, i.name) for i in priority.indicator_choices()]


@login_required
@require_http_methods(["GET", "POST"])
def plans(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_PLAN):
        raise PermissionDenied
    can_plan = may(request.user, PLAN)
    form = PlanForm(request.POST or None, indicators=_indicator_choices())
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                plan = planning.make_plan(
                    data["bus"],
                    data["first_day"],
                    data["last_day"],
                    weekdays=data["weekdays"],
                    excluded=data["excluded"],
                    priority_indicator=data["priority_indicator"],
                    priority_percentile=data["priority_percentile"],
                    user=request.user,
                    organisation=getattr(request.user, "organisation", None),
                )
            except planning.PlanningError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, _("Het plan is gemaakt. Controleer het en publiceer het.")
                )
                return redirect("prevention:plan", pk=plan.pk)
    items = (
        visible_plans(request.user)
        .select_related("bus")
        .annotate(visits=Count("stops", distinct=True), left=Count("drops", distinct=True))
        .order_by("-created_at")
    )
    return render(
        request,
        "prevention/backoffice/plans.html",
        {
            "page": Paginator(items, 20).get_page(request.GET.get("pagina")),
            "form": form,
            "can_plan": can_plan,
        },
        status=400 if form.errors else 200,
    )


def _plan_or_404(request: HttpRequest, pk: int) -> TourPlan:
    plan = visible_plans(request.user).filter(pk=pk).select_related("bus").first()
    if plan is None:
        raise Http404(_("Dit plan bestaat niet of u heeft er geen toegang toe."))
    return plan


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    stops = exports.stops_of(plan)
    days = []
    returns = {day.date: day for day in plan.days.all()}
    for date in sorted({stop.date for stop in stops}):
        days.append((returns.get(date), [s for s in stops if s.date == date]))
    return render(
        request,
        "prevention/backoffice/plan.html",
        {
            "plan": plan,
            "days": days,
            "drops": plan.drops.select_related("request__municipality"),
            "map": exports.tour_map(plan),
            "can_plan": may(request.user, PLAN),
            "indicator": priority.indicator_name(plan.priority_indicator),
        },
    )


@login_required
@require_POST
def plan_publish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    if not may(request.user, PLAN):
        raise PermissionDenied
    planning.publish(plan, base=request.build_absolute_uri("/"))
    messages.success(
        request,
        _(
            "Het plan is gepubliceerd: de haltes staan op de website en elke aanvrager krijgt "
            "een e-mail met datum, tijd en plek."
        ),
    )
    return redirect("prevention:plan", pk=plan.pk)


@login_required
def plan_ics(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    audit.record(AuditAction.EXPORT, actor=request.user, obj=plan)
    response = HttpResponse(exports.ical(plan), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="camperbus-{plan.pk}.ics"'
    return response


@login_required
def plan_csv(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan_or_404(request, pk)
    audit.record(AuditAction.EXPORT, actor=request.user, obj=plan)
    return csv_download(exports.csv_rows(plan), exports.CSV_HEADER, f"camperbus-{plan.pk}.csv")


@login_required
def covenants(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_COVENANT):
        raise PermissionDenied
    items = (
        visible_covenants(request.user)
        .select_related("municipality")
        .prefetch_related("parties")
        .order_by("municipality__name", "-signed_on")
    )
    municipalities = sorted(
        {(c.municipality.code, c.municipality.name) for c in items}, key=lambda m: m[1]
    )
    code = request.GET.get("gemeente", "")[:10]
    if code:
        items = items.filter(municipality__code=code)
    today = timezone.localdate()
    rows = list(items)
    if request.GET.get("formaat") == "csv":
        return csv_download(
            [
                [
                    c.municipality.name,
                    c.title,
                    c.signed_on.isoformat(),
                    c.review_on.isoformat(),
                    c.ends_on.isoformat() if c.ends_on else "",
                    "; ".join(f"{p.name} ({p.get_role_display()})" for p in c.parties.all()),
                    c.scope,
                ]
                for c in rows
            ],
            [
                "gemeente",
                "titel",
                "ondertekend",
                "evalueren_op",
                "loopt_tot",
                "partijen",
                "afspraken",
            ],
            "convenanten.csv",
        )
    groups: dict[str, list[Covenant]] = {}
    for covenant in rows:
        groups.setdefault(covenant.municipality.name, []).append(covenant)
    return render(
        request,
        "prevention/backoffice/covenants.html",
        {
            "groups": sorted(groups.items()),
            "today": today,
            "code": code,
            "municipalities": municipalities,
            "can_add": may(request.user, ADD_COVENANT),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def covenant_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    permission = CHANGE_COVENANT if pk else ADD_COVENANT
    covenant = None
    if pk is not None:
        covenant = visible_covenants(request.user).filter(pk=pk).first()
        if covenant is None:
            raise Http404(_("Dit convenant bestaat niet of u heeft er geen toegang toe."))
    if not may(request.user, permission, covenant):
        raise PermissionDenied
    municipalities = Area.objects.current().filter(level=AreaLevel.GEMEENTE).order_by("name")
    if not request.user.is_superuser:
        municipalities = municipalities.filter(
            pk__in=covered_area_ids(getattr(request.user, "organisation", None))
        )
    initial: dict[str, Any] = {}
    if covenant is not None:
        initial = {name: getattr(covenant, name) for name in covenant_service.FIELDS}
        for row, party in enumerate(covenant.parties.all(), start=1):
            initial[f"partij_{row}"], initial[f"rol_{row}"] = party.name, party.role
    form = CovenantForm(request.POST or None, initial=initial, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        covenant_service.save(covenant, form.cleaned_data, form.parties, actor=request.user)
        messages.success(request, _("Het convenant is opgeslagen."))
        return redirect("prevention:covenants")
    return render(
        request,
        "prevention/backoffice/covenant_form.html",
        {"form": form, "covenant": covenant},
        status=400 if form.errors else 200,
    )
