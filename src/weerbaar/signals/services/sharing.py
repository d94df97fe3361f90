"""Handing a signal to a partner organisation, after the handler read the reveal check.

Only the text the handler chose to share goes out; the partner sees that text, the
category, the place at district level and the dates, never the attachments or the
conversation with the reporter.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction, Organisation
from weerbaar.accounts.services.access import only_through_share
from weerbaar.accounts.services.audit import record
from weerbaar.signals.models import EventKind, Signal, SignalEvent, SignalShare


class SharingError(ValueError):
    pass


def share(
    signal: Signal,
    organisation: Organisation,
    *,
    text: str,
    legal_basis: str,
    reviewed: bool,
    actor: Any,
) -> SignalShare:
    if not reviewed:
        raise SharingError(
            _("Bevestig dat u de tekst hebt nagelezen op wat de melder kan verraden.")
        )
    if not text.strip():
        raise SharingError(_("Vul de tekst in die u deelt."))
    if not legal_basis.strip():
        raise SharingError(
            _("Vul de grondslag voor het delen in, bijvoorbeeld het RIEC-convenant.")
        )
    if signal.anonymised_at is not None:
        raise SharingError(_("Een geanonimiseerd signaal kan niet worden gedeeld."))
    if organisation.pk == signal.owner_organisation_id:
        raise SharingError(_("Dit signaal is al van deze organisatie."))
    try:
        with transaction.atomic():
            shared = SignalShare.objects.create(
                signal=signal,
                organisation=organisation,
                shared_text=text.strip(),
                legal_basis=legal_basis.strip(),
                shared_by=actor,
            )
            SignalEvent.objects.create(
                signal=signal,
                kind=EventKind.SHARED,
                text=_("Gedeeld met %(org)s (grondslag: %(basis)s)")
                % {"org": organisation.name, "basis": legal_basis.strip()},
                actor=actor,
                organisation=getattr(actor, "organisation", None),
            )
            record(AuditAction.EXPORT, actor=actor, obj=signal)
    except IntegrityError as exc:
        raise SharingError(
            _("Dit signaal is al gedeeld met %(org)s.") % {"org": organisation.name}
        ) from exc
    return shared


def share_for(signal: Signal, user: Any) -> SignalShare | None:
    """The share through which ``user`` sees the signal, when that is their only way in."""
    if not only_through_share(user, signal):
        return None
    return next((s for s in signal.shares.all() if s.organisation_id == user.organisation_id), None)
