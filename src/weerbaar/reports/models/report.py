"""A published progress report: the numbers as they were when it was published, with the
hashes of the data and rules behind them. Never edited; new data make a new version."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PdfState(models.TextChoices):
    QUEUED = "wachtrij", _("wordt gemaakt")
    READY = "klaar", _("klaar")
    FAILED = "mislukt", _("mislukt")


class ProgressReport(models.Model):
    region_key = models.CharField(_("regio"), max_length=80)
    region_name = models.CharField(_("naam van de regio"), max_length=200)
    year = models.PositiveSmallIntegerField(_("jaar"))
    programme = models.CharField(_("programma"), max_length=80, blank=True)
    version = models.PositiveSmallIntegerField(_("versie"))
    content = models.JSONField(_("inhoud"))
    data_hash = models.CharField(_("hash van de gegevens"), max_length=64)
    rule_hash = models.CharField(_("hash van de regels"), max_length=64)
    content_hash = models.CharField(_("hash van de cijfers"), max_length=64)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), auto_now_add=True)
    pdf = models.BinaryField(_("pdf-bestand"), null=True, blank=True)
    pdf_state = models.CharField(
        _("stand van de pdf"), max_length=20, choices=PdfState.choices, default=PdfState.QUEUED
    )
    pdf_error = models.TextField(_("fout bij het maken van de pdf"), blank=True)
    pdf_seconds = models.FloatField(_("seconden om de pdf te maken"), null=True, blank=True)

    class Meta:
        verbose_name = _("voortgangsrapportage")
        verbose_name_plural = _("voortgangsrapportages")
        ordering = ["-year", "region_name", "programme", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["region_key", "year", "programme", "version"], name="one_report_version"
            )
        ]
        permissions = [("publish_progressreport", _("Kan voortgangsrapportages publiceren"))]

    def __str__(self) -> str:
        return f"{self.region_name} {self.year} (versie {self.version})"
