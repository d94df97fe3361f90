"""The one door through which a signal's status changes, with its history line.

Reporters see only three coarse states; what happens inside stays inside.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.core.locking import door
from weerbaar.signals.models import EventKind, Signal, SignalEvent, Status
from weerbaar.signals.services import updates

TRANSITIONS: dict[str, set[str]] = {
    Status.ONTVANGEN: {
        Status.IN_BEHANDELING,
        Status.DOORGESTUURD,
        Status.BUITEN_GEBIED,
        Status.AFGEHANDELD,
    },
    Status.IN_BEHANDELING: {Status.DOORGESTUURD, Status.AFGEHANDELD},
    Status.DOORGESTUURD: {Status.IN_BEHANDELING, Status.AFGEHANDELD},
    Status.BUITEN_GEBIED: {Status.IN_BEHANDELING, Status.AFGEHANDELD},
    Status.AFGEHANDELD: {Status.IN_BEHANDELING},
}

PUBLIC_STATES = {
    Status.ONTVANGEN: _("ontvangen"),
    Status.IN_BEHANDELING: _("in behandeling"),
    Status.DOORGESTUURD: _("in behandeling"),
    Status.BUITEN_GEBIED: _("in behandeling"),
    Status.AFGEHANDELD: _("afgesloten"),
}
PUBLIC_CODES = {
    Status.ONTVANGEN: "ontvangen",
    Status.IN_BEHANDELING: "in_behandeling",
    Status.DOORGESTUURD: "in_behandeling",
    Status.BUITEN_GEBIED: "in_behandeling",
    Status.AFGEHANDELD: "afgesloten",
}


# Steps that end the work for the reporter ("afgesloten") or hand it away: never by a
# default or a stray click, always with a reason and an explicit confirmation.
CLOSING = {Status.AFGEHANDELD, Status.BUITEN_GEBIED}


class TransitionError(ValueError):
    pass


def allowed(signal: Signal) -> list[str]:
    return sorted(TRANSITIONS.get(signal.status, set()))


def public_state(signal: Signal) -> tuple[str, str]:
    """(code, Dutch label) of the coarse state a reporter may see."""
    return PUBLIC_CODES[Status(signal.status)], str(PUBLIC_STATES[Status(signal.status)])


@door("signal")
def change(
    signal: Signal, to: str, *, actor: Any, note: str = "", confirmed: bool = False
) -> SignalEvent:
    if signal.anonymised_at is not None:
        raise TransitionError(str(_("Een geanonimiseerd signaal kan niet meer veranderen.")))
    if not to:
        raise TransitionError(str(_("Kies eerst een nieuwe status.")))
    if to not in TRANSITIONS.get(signal.status, set()):
        raise TransitionError(
            str(
                _("Van '%(from)s' naar '%(to)s' is geen toegestane stap.")
                % {
                    "from": Status(signal.status).label,
                    "to": Status(to).label if to in Status.values else to,
                }
            )
        )
    if to in CLOSING and not note.strip():
        raise TransitionError(str(_("Schrijf bij '%(to)s' waarom.") % {"to": Status(to).label}))
    if to in CLOSING and not confirmed:
        raise TransitionError(
            str(_("Bevestig dat u het signaal op '%(to)s' zet.") % {"to": Status(to).label})
        )
    seen_before = PUBLIC_CODES[Status(signal.status)]
    event = SignalEvent.objects.create(
        signal=signal,
        kind=EventKind.STATUS,
        status_from=signal.status,
        status_to=to,
        text=note,
        actor=actor,
        organisation=getattr(actor, "organisation", None),
    )
    signal.status = to
    signal.status_changed_at = timezone.now()
    signal.save(update_fields=["status", "status_changed_at"])
    record(AuditAction.CHANGE, actor=actor, obj=signal)
    if PUBLIC_CODES[Status(to)] != seen_before:
        updates.notify(signal, closing=to in CLOSING)
    return event
