"""Writing the audit log: the only way events get into it."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from weerbaar.accounts.models import AuditAction, AuditEvent, Organisation


def record(
    action: AuditAction | str,
    *,
    actor: Any = None,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    organisation: Organisation | None = None,
) -> AuditEvent:
    """Append one event. ``obj`` (or type + id) names the record; never free text."""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = obj.pk
    user = actor if getattr(actor, "is_authenticated", False) else None
    if organisation is None and user is not None:
        organisation = getattr(user, "organisation", None)
    return AuditEvent.objects.create(
        action=AuditAction(action),
        actor=user,
        organisation=organisation,
        object_type=object_type,
        object_id=str(object_id) if object_id != "" else "",
    )


def record_view(actor: Any, obj: Model) -> AuditEvent:
    """For every read of a sensitive record's detail."""
    return record(AuditAction.VIEW, actor=actor, obj=obj)
