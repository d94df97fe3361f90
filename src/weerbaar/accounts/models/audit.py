"""Append-only audit store: who did what to which record, and when.

Separate from the application log and free of free text: only ids, types and fixed
action codes, so it can be kept long without holding personal details.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.core.append_only import AppendOnlyError, AppendOnlyMixin


class AuditAction(models.TextChoices):
    LOGIN = "login", _("ingelogd")
    LOGOUT = "logout", _("uitgelogd")
    LOGIN_FAILED = "login_failed", _("inloggen mislukt")
    VIEW = "view", _("bekeken")
    CREATE = "create", _("aangemaakt")
    CHANGE = "change", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    EXPORT = "export", _("geëxporteerd")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")


class AuditEvent(AppendOnlyMixin):
    append_only_noun = "Auditregels"

    timestamp = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("objectnummer"), max_length=64, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return (
            f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.action} {self.object_type} {self.object_id}"
        )
