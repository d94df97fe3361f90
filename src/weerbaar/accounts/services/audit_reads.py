"""Who looked at a record: for a resident's or a person's privacy request (AVG art. 15)
and for the officer who checks that looking was needed."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, Q, QuerySet

from weerbaar.accounts.models import AuditAction, AuditEvent

READS = (AuditAction.VIEW, AuditAction.LIST, AuditAction.EXPORT)


def may_see_reads(user: Any) -> bool:
    """Privacy officers (the permission on the audit log), functional administrators and
    superusers. The record itself must also be visible to them (the app checks that)."""
    return bool(
        user.is_superuser
        or getattr(user, "is_functional_admin", False)
        or user.has_perm("accounts.view_auditevent")
    )


def reads_of(obj: Model) -> QuerySet[AuditEvent]:
    """Every opening of ``obj`` itself and every list or export that showed it."""
    label, key = obj._meta.label_lower, str(obj.pk)
    return (
        AuditEvent.objects.filter(object_type=label, action__in=READS)
        .filter(Q(object_id=key) | Q(object_ids__contains=f",{key},"))
        .select_related("actor", "organisation")
        .order_by("-sequence")
    )
