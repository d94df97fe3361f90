"""Login monitoring for administrators (BIO2): spikes of failed logins per account,
lockouts, and logins at unusual hours, from the audit log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncHour
from django.utils import timezone

from weerbaar.accounts.models import AuditAction, AuditEvent, User
from weerbaar.accounts.services.access import may_administer

#: Failed logins for one account within one hour that count as a spike.
SPIKE = 5
#: Local hours outside which a login is unusual (07:00-20:00 on weekdays is usual).
USUAL_HOURS = range(7, 20)


@dataclass(frozen=True)
class Spike:
    hour: dt.datetime
    account: User | None
    failures: int


@dataclass
class Overview:
    since: dt.datetime
    failures: int
    unknown_accounts: int
    spikes: list[Spike]
    lockouts: list[tuple[AuditEvent, User | None]]
    unusual: list[AuditEvent]


def _scoped(viewer: Any) -> QuerySet[AuditEvent]:
    """A superuser sees the region; a functional administrator their own organisation."""
    events = AuditEvent.objects.all()
    if viewer.is_superuser:
        return events
    return events.filter(organisation=getattr(viewer, "organisation", None))


def may_monitor(viewer: Any) -> bool:
    return may_administer(viewer)


def unusual(moment: dt.datetime) -> bool:
    local = timezone.localtime(moment)
    return local.weekday() >= 5 or local.hour not in USUAL_HOURS


def overview(viewer: Any, days: int = 7) -> Overview:
    since = timezone.now() - dt.timedelta(days=days)
    events = _scoped(viewer).filter(timestamp__gte=since)
    failed = events.filter(action=AuditAction.LOGIN_FAILED)
    per_hour = (
        failed.exclude(object_id="")
        .annotate(hour=TruncHour("timestamp"))
        .values("hour", "object_id")
        .annotate(n=Count("id"))
        .filter(n__gte=SPIKE)
        .order_by("-hour")
    )
    rows = list(per_hour[:200])
    locked = list(events.filter(action=AuditAction.LOCKED_OUT).order_by("-sequence")[:200])
    ids = {int(r["object_id"]) for r in rows} | {int(e.object_id) for e in locked if e.object_id}
    accounts = {str(pk): user for pk, user in User.objects.in_bulk(list(ids)).items()}
    spikes = [Spike(r["hour"], accounts.get(r["object_id"]), r["n"]) for r in rows]
    logins = events.filter(action=AuditAction.LOGIN).select_related("actor", "organisation")
    return Overview(
        since=since,
        failures=failed.count(),
        unknown_accounts=failed.filter(object_id="").count(),
        spikes=spikes,
        lockouts=[(e, accounts.get(e.object_id)) for e in locked],
        unusual=[e for e in logins.order_by("-sequence")[:2000] if unusual(e.timestamp)][:200],
    )
