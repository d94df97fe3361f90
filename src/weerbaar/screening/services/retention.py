"""How long screening data are kept, by outcome, counted from the decision. After that the
persons, financing, company history, answers and letters are removed and the timeline's
texts blanked; kind, outcome and dates stay for the register's figures."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from weerbaar.cases.services.selectors import existing_records
from weerbaar.screening.models import Application, Event, Outcome

DEFAULT_DAYS = {
    Outcome.GRANTED: 2 * 365,
    Outcome.CONDITIONS: 2 * 365,
    Outcome.REFUSED: 5 * 365,  # objection, appeal and a repeat application
    Outcome.WITHDRAWN: 365,
}
REMOVED = "(verwijderd na de bewaartermijn)"


def days_for(outcome: str) -> int:
    configured = getattr(settings, "WEERBAAR_BIBOB_RETENTION_DAYS", {}) or {}
    return int(configured.get(outcome, DEFAULT_DAYS[Outcome(outcome)]))


def due(today: dt.date) -> list[Application]:
    candidates = Application.objects.filter(purged_at__isnull=True, decided_on__isnull=False)
    return [
        a
        for a in candidates.exclude(outcome="")
        if a.decided_on and a.decided_on + dt.timedelta(days=days_for(a.outcome)) < today
    ]


def purge(*, dry_run: bool = False, today: dt.date | None = None) -> list[str]:
    today = today or timezone.localdate()
    lines = []
    for application in due(today):
        counts = {
            "personen": application.persons.count(),
            "financieringsregels": application.financing.count(),
            "KvK-wijzigingen": application.company_events.count(),
            "antwoorden": application.answers.count(),
            "brieven": application.letters.count(),
        }
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        verb = "zou verwijderen" if dry_run else "verwijderd"
        lines.append(
            f"{application.reference} ({application.get_outcome_display()}, besloten "
            f"{application.decided_on:%d-%m-%Y}, bewaartermijn {days_for(application.outcome)} dagen): "
            f"{summary} {verb}"
        )
        if dry_run:
            continue
        with transaction.atomic():
            for related in (
                application.persons,
                application.financing,
                application.company_events,
                application.answers,
                application.letters,
            ):
                related.all().delete()
            Event.objects.filter(application=application).update(text=REMOVED, snapshot={})
            if not application.applicant_is_business:
                application.applicant_name = REMOVED
            application.decision_reasons = REMOVED
            application.purged_at = timezone.now()
            application.save()
    if not lines:
        lines.append("Bibob: niets te verwijderen.")
    return lines


def prune_snapshots(*, dry_run: bool = False) -> list[str]:
    """A snapshot keeps what an official saw at the time; when retention removes the
    signal, case or inspection a line came from, the line goes too."""
    events = [e for e in Event.objects.exclude(snapshot={}) if e.snapshot.get("findings")]
    named = {
        source
        for event in events
        for finding in event.snapshot["findings"]
        for source in finding.get("sources", [])
        if source
    }
    gone = named - existing_records(named)  # removed since the snapshot was taken
    removed = 0
    for event in events:
        findings = []
        for finding in event.snapshot["findings"]:
            sources = finding.get("sources") or [""] * len(finding["details"])
            kept = [
                (d, s) for d, s in zip(finding["details"], sources, strict=False) if s not in gone
            ]
            removed += len(finding["details"]) - len(kept)
            findings.append(
                {**finding, "details": [d for d, _ in kept], "sources": [s for _, s in kept]}
            )
        if not dry_run and findings != event.snapshot["findings"]:
            Event.objects.filter(pk=event.pk).update(
                snapshot={**event.snapshot, "findings": findings}
            )
    verb = "zou verwijderen" if dry_run else "verwijderd"
    return [f"Bibob-momentopnamen: {removed} regel(s) over verwijderde gegevens {verb}"]


def purge_all(*, dry_run: bool = False) -> list[str]:
    return [*purge(dry_run=dry_run), *prune_snapshots(dry_run=dry_run)]
