"""Public pages for parents and organisations: texts, help near you, the flyer, where the
bus comes next, and requesting a visit. No tracking, no JavaScript needed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.areas.models import Area, AreaLevel
from weerbaar.prevention.forms import BusRequestForm, LostLinkForm, municipality_choices
from weerbaar.prevention.models import ArticleVersion, PlanState, Section, TourStop
from weerbaar.prevention.services import bookings, bus_mail, content, flyer, planning, support


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "prevention/parents/index.html",
        {
            "sections": content.by_section(),
            "sections_list": list(Section),
            "stops": planning.upcoming()[:5],
            "municipalities": municipality_choices()[1:],
        },
    )


def section(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        current = Section(slug)
    except ValueError:
        raise Http404(_("Deze pagina bestaat niet.")) from None
    return render(
        request,
        "prevention/parents/section.html",
        {"section": current, "pieces": content.published(current), "sections": list(Section)},
    )


@permission_required("prevention.view_articleversion", raise_exception=True)
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """A version as parents would see it, also before it is published."""
    version = get_object_or_404(ArticleVersion.objects.select_related("article"), pk=pk)
    return render(
        request,
        "prevention/parents/section.html",
        {
            "section": Section(version.article.section),
            "pieces": [content.Piece(version.article, version)],
            "sections": list(Section),
            "preview": version,
        },
    )


def find_help(request: HttpRequest) -> HttpResponse:
    postcode = request.GET.get("postcode", "")[:10]
    code = request.GET.get("gemeente", "")[:10]
    searched = bool(postcode.strip() or code)
    result = (
        support.find(postcode, code) if searched else support.HelpResult(general=support.general())
    )
    return render(
        request,
        "prevention/parents/help.html",
        {
            "result": result,
            "searched": searched,
            "postcode": postcode,
            "code": code,
            "municipalities": municipality_choices()[1:],
            "stops": planning.upcoming(municipality_code=result.municipality.code)[:5]
            if result.municipality
            else [],
        },
    )


def flyer_pdf(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("gemeente", "")[:10]
    municipality = (
        Area.objects.current().filter(level=AreaLevel.GEMEENTE, code=code).first() if code else None
    )
    if municipality is None:
        return render(
            request,
            "prevention/parents/flyer.html",
            {"municipalities": municipality_choices()[1:], "unknown": bool(code)},
            status=404 if code else 200,
        )
    public = settings.WEERBAAR_PUBLIC_URL
    document = flyer.build(municipality, public + reverse("prevention:parents") if public else "")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="flyer-{municipality.code}.pdf"'
    return response


def bus(request: HttpRequest) -> HttpResponse:
    stops = planning.upcoming()
    return render(request, "prevention/bus/next.html", {"stops": stops})


@require_http_methods(["GET", "POST"])
def bus_request(request: HttpRequest) -> HttpResponse:
    form = BusRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created, token = bookings.submit(
            form.request_fields(), form.windows, base=request.build_absolute_uri("/")
        )
        messages.success(
            request,
            _(
                "Uw aanvraag %(ref)s is ontvangen. We hebben de link naar deze pagina ook naar "
                "%(email)s gestuurd: daarmee ziet u later de stand van zaken."
            )
            % {"ref": created.reference, "email": created.contact_email},
        )
        return redirect("prevention:bus-status", token=token)
    return render(
        request,
        "prevention/bus/request.html",
        {"form": form, "retention_days": bookings.retention_days()},
        status=400 if form.errors else 200,
    )


def _by_token(token: str) -> Any:
    found = bookings.find_by_token(token)
    if found is None:
        raise Http404(_("Deze aanvraag bestaat niet (meer). Controleer de link."))
    return found


def bus_status(request: HttpRequest, token: str) -> HttpResponse:
    found = _by_token(token)
    stops = TourStop.objects.filter(request=found, plan__state=PlanState.PUBLISHED).order_by("date")
    response = render(
        request,
        "prevention/bus/status.html",
        {
            "item": found,
            "stops": stops,
            "token": token,
            "can_withdraw": bookings.RequestState.WITHDRAWN
            in bookings.TRANSITIONS.get(found.state, set()),
        },
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def bus_lost_link(request: HttpRequest) -> HttpResponse:
    """A new status link by e-mail, to the address the request gave; the page says the
    same whether or not a request matched, so it tells nobody who asked for the bus."""
    form = LostLinkForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        bus_mail.resend_link(
            form.cleaned_data["reference"],
            form.cleaned_data["email"],
            base=request.build_absolute_uri("/"),
        )
        sent = True
    return render(
        request,
        "prevention/bus/lost_link.html",
        {"form": form, "sent": sent},
        status=400 if form.errors else 200,
    )


@require_POST
def bus_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    found = _by_token(token)
    try:
        bookings.withdraw(found)
        messages.success(request, _("Uw aanvraag is ingetrokken."))
    except bookings.BookingError as exc:
        messages.error(request, str(exc))
    return redirect("prevention:bus-status", token=token)
