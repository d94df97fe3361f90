"""Append-only, tamper-evident audit store: who did what to which record, when, from
where and with what result.

Separate from the application log and free of free text: only ids, types and fixed
codes, so it can be kept long without holding personal details. Every event carries the
hash of the one before it (``accounts.services.audit_chain``), so a row changed or
removed behind the application's back — raw SQL, a restored dump — is found by
``weerbaar audit verify``.
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
    LOCKED_OUT = "locked_out", _("account tijdelijk geblokkeerd")
    SECOND_FACTOR = "second_factor", _("tweede stap")
    SECOND_FACTOR_RESET = "2fa_reset", _("tweede stap teruggezet")
    VIEW = "view", _("bekeken")
    LIST = "list", _("lijst bekeken")
    CREATE = "create", _("aangemaakt")
    CHANGE = "change", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    EXPORT = "export", _("geëxporteerd")
    CHECKPOINT = "checkpoint", _("controlepunt")


class AuditResult(models.TextChoices):
    SUCCESS = "gelukt", _("gelukt")
    DENIED = "geweigerd", _("geweigerd")
    FAILED = "mislukt", _("mislukt")


class AuditChannel(models.TextChoices):
    """Where the action came in. Never a network address."""

    WEBSITE = "website", _("website")
    API = "api", _("API")
    ADMIN = "beheer", _("beheeromgeving")
    COMMAND = "opdracht", _("opdrachtregel")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")


class AuditEvent(AppendOnlyMixin):
    append_only_noun = "Auditregels"

    sequence = models.PositiveBigIntegerField(_("volgnummer"), unique=True)
    timestamp = models.DateTimeField(_("tijdstip"), db_index=True)
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
    channel = models.CharField(
        _("kanaal"), max_length=10, choices=AuditChannel.choices, default=AuditChannel.COMMAND
    )
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    result = models.CharField(
        _("resultaat"), max_length=10, choices=AuditResult.choices, default=AuditResult.SUCCESS
    )
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("objectnummer"), max_length=64, blank=True)
    #: The ids a list, export or search showed, comma-fenced (",4,9,12,") so "who saw
    #: this record" finds them with one ``contains`` on every database.
    object_ids = models.TextField(_("getoonde objecten"), blank=True)
    previous_hash = models.CharField(_("vorige hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-sequence"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return (
            f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.action} {self.object_type} {self.object_id}"
        )


class AuditHead(models.Model):
    """The chain's last link, one row. Appending locks it, so two writers never hang
    their events on the same predecessor; a deleted tail shows as a head the events no
    longer reach."""

    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("kop van de auditketen")
        verbose_name_plural = _("kop van de auditketen")

    def __str__(self) -> str:
        return f"{self.sequence} {self.hash}"


class AuditCheckpoint(AppendOnlyMixin):
    """A signed statement "the chain's head was X at time T", made daily. Its text is
    meant to be kept outside the system by someone independent of operations."""

    append_only_noun = "Controlepunten"

    created = models.DateTimeField(_("gemaakt"))
    sequence = models.PositiveBigIntegerField(_("volgnummer"))
    hash = models.CharField(_("hash"), max_length=64)
    signature = models.CharField(_("handtekening"), max_length=200)

    class Meta:
        verbose_name = _("controlepunt")
        verbose_name_plural = _("controlepunten")
        ordering = ["-created"]


class RightsReport(AppendOnlyMixin):
    """The quarterly review of privileged rights: who held which rights at that moment,
    kept so the next report can say what changed."""

    append_only_noun = "Rechtenrapporten"

    created = models.DateTimeField(_("gemaakt"))
    holders = models.JSONField(_("rechthebbenden"), default=dict)

    class Meta:
        verbose_name = _("rechtenrapport")
        verbose_name_plural = _("rechtenrapporten")
        ordering = ["-created"]
