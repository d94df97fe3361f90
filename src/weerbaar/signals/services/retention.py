"""How long signals are kept, and the purge that enforces it.

Per status a number of days after the last status change and what happens then:
``anonymise`` keeps the bare facts for statistics (category, municipality, month, status)
and removes everything else (text, answers, address, attachments, messages, the
reporter's secret); ``delete`` removes the signal with its history. Signals still being
handled are never touched. Configure with ``WEERBAAR_SIGNAL_RETENTION``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from weerbaar.signals.models import Attachment, EventKind, Signal, SignalEvent, Status
from weerbaar.signals.services import updates

DEFAULT_RETENTION: dict[str, dict[str, Any]] = {
    Status.AFGEHANDELD: {"days": 365, "action": "anonymise"},
    Status.BUITEN_GEBIED: {"days": 90, "action": "delete"},
    Status.DOORGESTUURD: {"days": 730, "action": "anonymise"},
}
ACTIONS = {"anonymise", "delete"}


@dataclass
class PurgeReport:
    dry_run: bool
    anonymised: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    attachments_removed: int = 0

    @property
    def total(self) -> int:
        return sum(self.anonymised.values()) + sum(self.deleted.values())

    def lines(self) -> list[str]:
        anonymised = "te anonimiseren" if self.dry_run else "geanonimiseerd"
        deleted = "te verwijderen" if self.dry_run else "verwijderd"
        lines = [
            f"{Status(status).label}: {count} signalen {anonymised}"
            for status, count in sorted(self.anonymised.items())
        ]
        lines += [
            f"{Status(status).label}: {count} signalen {deleted}"
            for status, count in sorted(self.deleted.items())
        ]
        if self.attachments_removed:
            lines.append(f"{self.attachments_removed} bijlagen verwijderd")
        return lines or ["Niets over de bewaartermijn: niets gedaan."]


def policy() -> dict[str, dict[str, Any]]:
    configured = getattr(settings, "WEERBAAR_SIGNAL_RETENTION", DEFAULT_RETENTION)
    for status, rule in configured.items():
        if status not in Status.values or status in {Status.ONTVANGEN, Status.IN_BEHANDELING}:
            raise ValueError(
                f"WEERBAAR_SIGNAL_RETENTION: status '{status}' kan geen bewaartermijn hebben."
            )
        if rule.get("action") not in ACTIONS or int(rule.get("days", -1)) < 0:
            raise ValueError(
                f"WEERBAAR_SIGNAL_RETENTION['{status}']: verwacht days >= 0 en action anonymise of delete."
            )
    return configured


def anonymise(signal: Signal) -> int:
    """Strip a signal down to statistics; returns the number of attachments removed."""
    removed, _ = Attachment.objects.filter(signal=signal).delete()
    updates.unsubscribe(signal)
    Signal.objects.filter(pk=signal.pk).update(
        description="[geanonimiseerd]",
        answers={},
        secret_hash="",
        submission_key=None,
        street="",
        house_number=None,
        house_letter="",
        house_addition="",
        postcode="",
        place="",
        latitude=None,
        longitude=None,
        online_handle="",
        source_reference="",
        occurred_note="",
        suggestion_terms=[],
        area=signal.municipality,
        anonymised_at=timezone.now(),
    )
    # History texts may quote the reporter; the lines stay, their text goes.
    SignalEvent.objects.filter(signal=signal).exclude(text="").update(text="")
    signal.shares.all().update(shared_text="[geanonimiseerd]")
    SignalEvent.objects.create(signal=signal, kind=EventKind.ANONYMISED)
    return removed


def purge(*, now: dt.datetime | None = None, dry_run: bool = False) -> PurgeReport:
    now = now or timezone.now()
    report = PurgeReport(dry_run=dry_run)
    for status, rule in policy().items():
        cutoff = now - dt.timedelta(days=int(rule["days"]))
        due = Signal.objects.filter(status=status, status_changed_at__lt=cutoff)
        if rule["action"] == "anonymise":
            due = due.filter(anonymised_at__isnull=True)
            count = due.count()
            if count:
                report.anonymised[status] = count
            if not dry_run:
                for signal in due.select_related("municipality"):
                    with transaction.atomic():
                        report.attachments_removed += anonymise(signal)
        else:
            count = due.count()
            if count:
                report.deleted[status] = count
            if not dry_run:
                with transaction.atomic():
                    report.attachments_removed += Attachment.objects.filter(signal__in=due).count()
                    due.delete()
    return report
