"""Back-office pages for handlers: list, detail with history, officials' form, attachments
and sharing. Every check of who may see what goes through accounts.services.access."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.models import AuditAction, Organisation
from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.audit import record, record_list, record_view
from weerbaar.accounts.views import record_reads
from weerbaar.core import reveal
from weerbaar.core.downloads import streamed_csv
from weerbaar.signals import events, permissions
from weerbaar.signals.forms import SignalForm
from weerbaar.signals.models import Category, Channel, Signal, Source, Status
from weerbaar.signals.services import conversation, export, intake, queries, sharing
from weerbaar.signals.services import status as status_service

VIEW = permissions.VIEW_SIGNAL
ADD = permissions.ADD_SIGNAL
CHANGE = permissions.CHANGE_SIGNAL
SHARE = permissions.SHARE_SIGNAL
PAGE_SIZE = 25


def _require(request: HttpRequest, permission: str, obj: Any = None) -> None:
    if not may(request.user, permission, obj):
        raise PermissionDenied


def _get(request: HttpRequest, pk: int, permission: str = VIEW) -> Signal:
    """The signal, or 404 when it does not exist *or* the user may not see it (so an
    outsider cannot even learn that it exists)."""
    signal = (
        Signal.objects.select_related(
            "category", "suggested_category", "area", "municipality", "owner_organisation"
        )
        .prefetch_related("shares__organisation", "indicators")
        .filter(pk=pk)
        .first()
    )
    if signal is None or not may(request.user, VIEW, signal):
        raise Http404(_("Dit signaal bestaat niet of u heeft er geen toegang toe."))
    if permission != VIEW and not may(request.user, permission, signal):
        raise PermissionDenied
    return signal


@login_required
def signal_list(request: HttpRequest) -> HttpResponseBase:
    _require(request, VIEW)
    filters = queries.parse(request.GET)
    signals = queries.apply(queries.visible(request.user), filters)
    if request.GET.get("formaat") == "csv":
        record(
            AuditAction.EXPORT,
            actor=request.user,
            object_type="signals.signal",
            object_ids=list(signals.values_list("pk", flat=True)),
        )
        return streamed_csv(export.rows(signals), export.HEADER, "signalen.csv")
    page = Paginator(signals, PAGE_SIZE).get_page(request.GET.get("pagina"))
    record_list(request.user, "signals.signal", [s.pk for s in page.object_list])
    return render(
        request,
        "signals/backoffice/list.html",
        {
            "page": page,
            "filters": filters,
            "query": filters.as_query(),
            "categories": Category.objects.all(),
            "statuses": Status.choices,
            "sources": Source.choices,
            "channels": Channel.choices,
            "municipalities": queries.municipality_options(request.user),
            "can_add": may(request.user, ADD),
        },
        status=400 if filters.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def signal_new(request: HttpRequest) -> HttpResponse:
    """The officials' form: the public form plus checklist, source and confidentiality."""
    _require(request, ADD)
    if request.method == "GET":
        form = SignalForm(
            official=True,
            clearance=getattr(request.user, "clearance", None),
            initial={"category": request.GET.get("categorie", "")},
        )
        return render(request, "signals/backoffice/new.html", {"form": form})
    form = SignalForm(
        request.POST,
        request.FILES,
        official=True,
        clearance=getattr(request.user, "clearance", None),
    )
    if not form.is_valid():
        return render(request, "signals/backoffice/new.html", {"form": form}, status=400)
    result = intake.submit(form.to_input(), channel=Channel.AMBTENAAR, user=request.user)
    messages.success(
        request, _("Signaal %(code)s is vastgelegd.") % {"code": result.signal.receipt}
    )
    return redirect("signals:detail", pk=result.signal.pk)


@login_required
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signal = _get(request, pk)
    record_view(request.user, signal)
    share = sharing.share_for(signal, request.user)
    context: dict[str, Any] = {
        "signal": signal,
        "share": share,
        "public_state": status_service.public_state(signal)[1],
    }
    if share is None:
        context.update(
            {
                "events": signal.events.select_related("actor", "organisation"),
                "attachments": signal.attachments.only(
                    "number", "content_type", "size", "width", "height", "signal_id"
                ),
                "answers": _answers(signal),
                "can_change": may(request.user, CHANGE, signal) and signal.anonymised_at is None,
                "can_share": may(request.user, SHARE, signal) and signal.anonymised_at is None,
                "transitions": [(s, Status(s).label) for s in status_service.allowed(signal)],
                "categories": Category.objects.filter(is_active=True),
                "others": _same_place(request, signal),
            }
        )
        context["panels"] = [
            panel for panel in (make(request, signal) for make in events.detail_panels) if panel
        ]
    return render(request, "signals/backoffice/detail.html", context)


def _answers(signal: Signal) -> list[tuple[str, str]]:
    labels = (
        {q["key"]: q["label"] for q in signal.category.question_list()} if signal.category else {}
    )
    return [(labels.get(key, key), value) for key, value in (signal.answers or {}).items()]


def _same_place(request: HttpRequest, signal: Signal) -> list[Signal]:
    """Other visible signals with the same postcode and house number (a first hint; the
    cases app links objects properly)."""
    if not (signal.postcode and signal.house_number):
        return []
    return list(
        queries.visible(request.user)
        .filter(postcode=signal.postcode, house_number=signal.house_number)
        .exclude(pk=signal.pk)
        .order_by("-created_at")[:10]
    )


@login_required
@require_POST
def signal_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Status change, category, note or question: each through its service."""
    signal = _get(request, pk, CHANGE)
    action = request.POST.get("actie", "")
    text = request.POST.get("tekst", "").strip()
    try:
        if action == "status":
            status_service.change(
                signal,
                request.POST.get("status", ""),
                actor=request.user,
                note=text,
                confirmed=request.POST.get("bevestigd") == "ja",
            )
            messages.success(request, _("Status gewijzigd."))
        elif action == "categorie":
            category = Category.objects.filter(
                slug=request.POST.get("categorie", ""), is_active=True
            ).first()
            if category is None:
                raise ValueError(_("Kies een categorie."))
            conversation.confirm_category(signal, category, actor=request.user)
            messages.success(request, _("Categorie vastgesteld."))
        elif action in {"notitie", "vraag"}:
            if not text:
                raise ValueError(_("Schrijf eerst een tekst."))
            if len(text) > 5000:
                raise ValueError(_("De tekst is te lang (maximaal 5000 tekens)."))
            if action == "vraag":
                conversation.ask_reporter(signal, text, actor=request.user)
                messages.success(
                    request,
                    _("Vraag aan de melder geplaatst. De melder ziet hem op de statuspagina."),
                )
            else:
                conversation.add_note(signal, text, actor=request.user)
                messages.success(request, _("Notitie toegevoegd."))
        else:
            raise ValueError(_("Onbekende handeling."))
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("signals:detail", pk=signal.pk)
    return redirect("signals:detail", pk=signal.pk)


@login_required
def attachment(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    signal = _get(request, pk)
    if sharing.share_for(signal, request.user) is not None:
        raise Http404(_("Bijlagen worden niet gedeeld."))
    item = signal.attachments.filter(number=number).first()
    if item is None:
        raise Http404(_("Deze bijlage bestaat niet."))
    record_view(request.user, item)
    response = HttpResponse(bytes(item.data), content_type=item.content_type)
    response["Content-Disposition"] = f'inline; filename="{item.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, pk: int) -> HttpResponse:
    signal = _get(request, pk, SHARE)
    if signal.anonymised_at is not None:
        raise PermissionDenied
    text = (
        request.POST.get("tekst", signal.description)
        if request.method == "POST"
        else signal.description
    )
    context: dict[str, Any] = {
        "signal": signal,
        "organisations": Organisation.objects.filter(is_active=True).exclude(
            pk=signal.owner_organisation_id or 0
        ),
        "text": text,
        "segments": reveal.segments(text),
        "findings": reveal.summary(text),
        "answer_segments": [(label, reveal.segments(value)) for label, value in _answers(signal)],
        "legal_basis": request.POST.get("grondslag", "RIEC-convenant"),
    }
    if request.method == "POST" and request.POST.get("actie") == "delen":
        organisation = Organisation.objects.filter(
            pk=request.POST.get("organisatie") or 0, is_active=True
        ).first()
        try:
            if organisation is None:
                raise sharing.SharingError(_("Kies de organisatie waarmee u deelt."))
            sharing.share(
                signal,
                organisation,
                text=text,
                legal_basis=request.POST.get("grondslag", ""),
                reviewed=request.POST.get("nagelezen") == "1",
                actor=request.user,
            )
        except sharing.SharingError as exc:
            context["error"] = str(exc)
            return render(request, "signals/backoffice/share.html", context, status=400)
        messages.success(request, _("Gedeeld met %(org)s.") % {"org": organisation.name})
        return redirect("signals:detail", pk=signal.pk)
    return render(request, "signals/backoffice/share.html", context)


@login_required
def reads(request: HttpRequest, pk: int) -> HttpResponse:
    """Who looked at this signal (privacy officers and administrators)."""
    signal = _get(request, pk)
    title = _("signaal %(code)s") % {"code": signal.receipt}
    return record_reads(request, signal, title, reverse("signals:detail", args=[pk]))
