"""A questionnaire version: its whole definition as data, never edited. A changed text
makes a new version, so every answer keeps the words it answered."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionnaireVersion(models.Model):
    slug = models.SlugField(_("vragenlijst"), max_length=60)
    number = models.PositiveSmallIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=200)
    definition = models.JSONField(_("definitie"))
    definition_hash = models.CharField(_("hash van de definitie"), max_length=64)
    created_at = models.DateField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("versie van een vragenlijst")
        verbose_name_plural = _("versies van vragenlijsten")
        ordering = ["slug", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "number"], name="one_questionnaire_number"),
            models.UniqueConstraint(fields=["slug", "definition_hash"], name="one_per_definition"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.number})"
