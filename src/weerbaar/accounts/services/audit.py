"""Writing the audit log: the only way events get into it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import Model

from weerbaar.accounts.models import (
    AuditAction,
    AuditChannel,
    AuditEvent,
    AuditResult,
    Organisation,
)
from weerbaar.accounts.services import audit_chain

#: Set per request by ``accounts.middleware.AuditChannelMiddleware``; commands and
#: background work keep the default.
_channel: ContextVar[AuditChannel] = ContextVar("audit_channel", default=AuditChannel.COMMAND)


@contextmanager
def channel(value: AuditChannel) -> Iterator[None]:
    token = _channel.set(value)
    try:
        yield
    finally:
        _channel.reset(token)


def fence(ids: Iterable[str | int]) -> str:
    """ ",4,9," for ids 4 and 9; "" for none."""
    text = ",".join(str(i) for i in ids)
    return f",{text}," if text else ""


def record(
    action: AuditAction | str,
    *,
    actor: Any = None,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    object_ids: Iterable[str | int] = (),
    organisation: Organisation | None = None,
    result: AuditResult = AuditResult.SUCCESS,
) -> AuditEvent:
    """Append one event. ``obj`` (or type + id) names the record, ``object_ids`` the
    records a list or export showed; never free text."""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = obj.pk
    user = actor if getattr(actor, "is_authenticated", False) else None
    if organisation is None and user is not None:
        organisation = getattr(user, "organisation", None)
    return audit_chain.append(
        action=AuditAction(action),
        actor=user,
        organisation=organisation,
        channel=_channel.get(),
        result=result,
        object_type=object_type,
        object_id=str(object_id) if object_id != "" else "",
        object_ids=fence(object_ids),
    )


def record_view(actor: Any, obj: Model) -> AuditEvent:
    """For every read of a sensitive record's detail."""
    return record(AuditAction.VIEW, actor=actor, obj=obj)


def record_list(actor: Any, object_type: str, ids: Iterable[str | int]) -> AuditEvent:
    """For a list page, an export or a search: which records it showed."""
    return record(AuditAction.LIST, actor=actor, object_type=object_type, object_ids=ids)
