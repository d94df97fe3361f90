"""Audit events for logins and admin changes, hooked onto Django's own signals."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver

from weerbaar.accounts.models import AuditAction, AuditResult, User
from weerbaar.accounts.services import audit

_ADMIN_ACTIONS = {
    ADDITION: AuditAction.CREATE,
    CHANGE: AuditAction.CHANGE,
    DELETION: AuditAction.DELETE,
}


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit.record(AuditAction.LOGIN, actor=user, obj=user)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit.record(AuditAction.LOGOUT, actor=user, obj=user)


def _against(action: AuditAction, username: Any, result: AuditResult) -> None:
    """An event about the account a login attempt named, when that name is an account:
    a name that is none is free text typed by someone unknown and is not kept."""
    account = (
        User.objects.filter(username=username).select_related("organisation").first()
        if isinstance(username, str) and username
        else None
    )
    audit.record(
        action,
        obj=account,
        organisation=account.organisation if account else None,
        result=result,
    )


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    """Audited against the account attacked, so an attack on one person shows."""
    _against(AuditAction.LOGIN_FAILED, credentials.get("username"), AuditResult.FAILED)


@receiver(user_locked_out)
def _locked_out(sender: Any, request: Any, username: Any = None, **kwargs: Any) -> None:
    _against(AuditAction.LOCKED_OUT, username, AuditResult.DENIED)


@receiver(post_save, sender=LogEntry)
def _admin_change(sender: Any, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    content_type = (
        ContentType.objects.get_for_id(instance.content_type_id)
        if instance.content_type_id
        else None
    )
    audit.record(
        _ADMIN_ACTIONS.get(instance.action_flag, AuditAction.CHANGE),
        actor=instance.user,
        object_type=f"{content_type.app_label}.{content_type.model}" if content_type else "",
        object_id=instance.object_id or "",
    )
