"""The weekly signals meeting: a versioned priority formula and the decisions taken."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.core.append_only import AppendOnlyMixin


class TriageFormula(AppendOnlyMixin):
    """One version of the priority formula (JSON), never edited: a change is a new row."""

    append_only_noun = "Versies van de prioriteitsformule"
    version = models.PositiveIntegerField(_("versie"), unique=True)
    definition = models.JSONField(_("formule"))
    note = models.CharField(_("toelichting"), max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("prioriteitsformule")
        verbose_name_plural = _("prioriteitsformules")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"versie {self.version}"


class Decision(models.TextChoices):
    NO_ACTION = "geen_actie", _("geen actie")
    MONITOR = "volgen", _("volgen")
    OPEN_CASE = "zaak_openen", _("zaak openen")
    PARTNER = "naar_partner", _("overdragen aan partner")
    BIBOB = "bibob", _("Bibob-toets aanvragen")


class TriageDecision(AppendOnlyMixin):
    append_only_noun = "Besluiten van het signalenoverleg"
    subject = models.ForeignKey(
        "cases.Subject",
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("object"),
    )
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices)
    reason = models.TextField(_("reden"))
    priority = models.JSONField(_("prioriteit op dat moment"))
    formula = models.ForeignKey(
        TriageFormula, on_delete=models.PROTECT, related_name="+", verbose_name=_("formule")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    decided_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("besloten op")
    )

    class Meta:
        verbose_name = _("besluit signalenoverleg")
        verbose_name_plural = _("besluiten signalenoverleg")
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.subject}: {self.decision}"

    def scope_area_ids(self) -> Iterable[int]:
        return self.subject.scope_area_ids()
