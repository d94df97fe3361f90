"""The anonymous pages: report a signal, see its status, add to it. No account, no
cookies beyond CSRF, nothing about the visitor kept (see signals.middleware)."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.signals.forms import (
    ReporterMessageForm,
    SignalForm,
    StatusLookupForm,
    UpdatesForm,
)
from weerbaar.signals.models import Category, Channel, Signal
from weerbaar.signals.services import (
    conversation,
    intake,
    location,
    receipts,
    status,
    updates,
)
from weerbaar.signals.services.ratelimit import Verdict, busy_message, limiter
from weerbaar.signals.uploads import max_file_bytes, max_files

NO_CATEGORY = "geen"


def _too_many(request: HttpRequest, verdict: Verdict) -> HttpResponse:
    return render(
        request,
        "signals/error.html",
        {"title": _("Even wachten"), "detail": busy_message(verdict)},
        status=429,
    )


def _refused(request: HttpRequest, bucket: str, *, peek: bool = False) -> HttpResponse | None:
    """A Dutch 429 page when this client, or everyone together, asked too often; ``peek``
    only looks, and takes nothing."""
    key = getattr(request, "anonymous_client_key", "")
    verdict = limiter.peek(key, bucket) if peek else limiter.check(key, bucket)
    return None if verdict is Verdict.ALLOWED else _too_many(request, verdict)


class Refused(Exception):
    """Raised inside the report's transaction when the count says no: nothing is stored."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.value)
        self.verdict = verdict


def _take(request: HttpRequest, bucket: str) -> None:
    verdict = limiter.check(getattr(request, "anonymous_client_key", ""), bucket)
    if verdict is not Verdict.ALLOWED:
        raise Refused(verdict)


def _form_context(form: SignalForm, category: Category | None, token: str) -> dict[str, Any]:
    found = location.region_map()
    return {
        "form": form,
        "location_map": found,
        "location_frame": found.frame_attribute if found else "",
        "category": category,
        "token": token,
        "max_files": max_files(),
        "max_mb": max_file_bytes() // (1024 * 1024),
    }


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    categories = list(Category.objects.filter(is_active=True))
    if request.method == "GET":
        chosen = request.GET.get("categorie")
        if chosen is None:
            return render(request, "signals/public/choose.html", {"categories": categories})
        category = next((c for c in categories if c.slug == chosen), None)
        if category is None and chosen != NO_CATEGORY:
            return render(
                request,
                "signals/public/choose.html",
                {"categories": categories, "error": _("Kies een van de onderwerpen.")},
                status=400,
            )
        form = SignalForm(initial={"category": category.slug if category else ""})
        return render(
            request,
            "signals/public/form.html",
            _form_context(form, category, secrets.token_urlsafe(24)),
        )
    if (refused := _refused(request, "melden", peek=True)) is not None:
        return refused  # turned away before the report is read
    form = SignalForm(request.POST, request.FILES)
    token = request.POST.get("formulier", "")[:64] or secrets.token_urlsafe(24)
    category = form.category_choices.get(request.POST.get("category", ""))
    if not form.is_valid():
        if (refused := _refused(request, "melden")) is not None:  # it counts too
            return refused
        return render(
            request, "signals/public/form.html", _form_context(form, category, token), status=400
        )
    try:  # the count and the report: one commit, the write lock taken once
        result = intake.submit(
            form.to_input(),
            channel=Channel.PUBLIEK,
            submission_key=token,
            first_in_transaction=lambda: _take(request, "melden"),
        )
    except Refused as turned_away:
        return _too_many(request, turned_away.verdict)
    return render(
        request,
        "signals/public/receipt.html",
        {
            "signal": result.signal,
            "secret": result.secret,
            "duplicate": result.duplicate,
            "updates_form": UpdatesForm(),
            "review_days": settings.WEERBAAR_REPORT_REVIEW_DAYS,
        },
        status=200 if result.duplicate else 201,
    )


def _status_page(request: HttpRequest, signal: Signal, secret: str, **extra: Any) -> HttpResponse:
    code, label = status.public_state(signal)
    context = {
        "signal": signal,
        "secret": secret,
        "state_code": code,
        "state": label,
        "messages_for_reporter": conversation.reporter_view(signal),
        "message_form": extra.pop("message_form", None) or ReporterMessageForm(),
        "can_add": signal.anonymised_at is None,
        "updates_form": extra.pop("updates_form", None) or UpdatesForm(),
        "subscribed": updates.subscribed(signal),
        **extra,
    }
    return render(
        request, "signals/public/status.html", context, status=extra.get("status_code", 200)
    )


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    """POST only carries the codes, so they never end up in a URL or a log line."""
    if request.method == "GET":
        return render(request, "signals/public/lookup.html", {"form": StatusLookupForm()})
    if (refused := _refused(request, "status")) is not None:
        return refused
    form = StatusLookupForm(request.POST)
    signal = (
        receipts.find_for_reporter(request.POST.get("receipt", ""), request.POST.get("secret", ""))
        if form.is_valid()
        else None
    )
    if signal is None:
        return render(
            request,
            "signals/public/lookup.html",
            {
                "form": form,
                "not_found": form.is_valid(),
            },
            status=404 if form.is_valid() else 400,
        )
    return _status_page(request, signal, form.cleaned_data["secret"])


def _reporter_signal(request: HttpRequest) -> tuple[Signal, str] | HttpResponse:
    """The report the posted receipt code and secret open, or the answer to give instead
    (too many tries: 429; no such pair: the lookup page with 404)."""
    if (refused := _refused(request, "status")) is not None:
        return refused
    secret = request.POST.get("secret", "")
    signal = receipts.find_for_reporter(request.POST.get("receipt", ""), secret)
    if signal is None:
        return render(
            request,
            "signals/public/lookup.html",
            {"form": StatusLookupForm(), "not_found": True},
            status=404,
        )
    return signal, secret


@require_http_methods(["POST"])
def add_message(request: HttpRequest) -> HttpResponse:
    found = _reporter_signal(request)
    if isinstance(found, HttpResponse):
        return found
    signal, secret = found
    form = ReporterMessageForm(request.POST)
    if not form.is_valid():
        return _status_page(request, signal, secret, message_form=form, status_code=400)
    try:
        conversation.reporter_adds(signal, form.cleaned_data["text"])
    except conversation.ConversationError as exc:
        return _status_page(request, signal, secret, error=str(exc), status_code=400)
    return _status_page(request, signal, secret, added=True)


@require_http_methods(["POST"])
def updates_choice(request: HttpRequest) -> HttpResponse:
    """Opt in to (or out of) "er is nieuws" e-mails, with the receipt code and secret."""
    found = _reporter_signal(request)
    if isinstance(found, HttpResponse):
        return found
    signal, secret = found
    if request.POST.get("actie") == "uit":
        updates.unsubscribe(signal)
        return _status_page(
            request,
            signal,
            secret,
            updates_message=_(
                "U krijgt geen e-mail meer over deze melding. Uw e-mailadres is gewist."
            ),
        )
    form = UpdatesForm(request.POST)
    if not form.is_valid():
        return _status_page(request, signal, secret, updates_form=form, status_code=400)
    try:
        updates.subscribe(signal, form.cleaned_data["email"])
    except updates.UpdatesError as exc:
        return _status_page(request, signal, secret, error=str(exc), status_code=400)
    return _status_page(
        request,
        signal,
        secret,
        updates_message=_("U krijgt een e-mail als er nieuws is. Wat het nieuws is, leest u hier."),
    )
