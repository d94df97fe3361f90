"""Handler and reporter talking through the signal, without the reporter ever giving
contact details: the handler asks, the reporter reads it on the status page and answers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.core.locking import door
from weerbaar.signals.models import Category, EventKind, Signal, SignalEvent
from weerbaar.signals.services import updates


class ConversationError(ValueError):
    pass


def _writable(signal: Signal) -> None:
    if signal.anonymised_at is not None:
        raise ConversationError(_("Dit signaal is geanonimiseerd; aanvullen kan niet meer."))


@door("signal")
def ask_reporter(signal: Signal, text: str, *, actor: Any) -> SignalEvent:
    _writable(signal)
    if not signal.is_anonymous:
        raise ConversationError(
            _("Alleen bij anonieme meldingen kunt u de melder een vraag stellen.")
        )
    event = SignalEvent.objects.create(
        signal=signal,
        kind=EventKind.QUESTION,
        text=text.strip(),
        actor=actor,
        organisation=getattr(actor, "organisation", None),
        visible_to_reporter=True,
    )
    record(AuditAction.CHANGE, actor=actor, obj=signal)
    updates.notify(signal)
    return event


@door("signal", quiet=True)
def reporter_adds(signal: Signal, text: str) -> SignalEvent:
    _writable(signal)
    return SignalEvent.objects.create(
        signal=signal, kind=EventKind.REPORTER, text=text.strip(), visible_to_reporter=True
    )


@door("signal")
def add_note(signal: Signal, text: str, *, actor: Any) -> SignalEvent:
    _writable(signal)
    event = SignalEvent.objects.create(
        signal=signal,
        kind=EventKind.NOTE,
        text=text.strip(),
        actor=actor,
        organisation=getattr(actor, "organisation", None),
    )
    record(AuditAction.CHANGE, actor=actor, obj=signal)
    return event


@door("signal")
def confirm_category(signal: Signal, category: Category, *, actor: Any) -> SignalEvent:
    _writable(signal)
    previous = signal.category.label if signal.category else "—"
    signal.category = category
    signal.category_confirmed = True
    signal.save(update_fields=["category", "category_confirmed"])
    event = SignalEvent.objects.create(
        signal=signal,
        kind=EventKind.CATEGORY,
        text=f"{previous} → {category.label}",
        actor=actor,
        organisation=getattr(actor, "organisation", None),
    )
    record(AuditAction.CHANGE, actor=actor, obj=signal)
    return event


def reporter_view(signal: Signal) -> list[SignalEvent]:
    """What the reporter may read back: questions to them and their own additions."""
    return list(signal.events.filter(visible_to_reporter=True).order_by("created_at", "id"))
