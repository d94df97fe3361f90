"""Weights as versioned data: the population share of each school type and year group
cell, with its source. A new set is a new version; results say which one they used."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WeightSet(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    version = models.PositiveSmallIntegerField(_("versie"))
    source = models.CharField(_("bron"), max_length=300)
    #: {"vmbo|1": 0.12, ...}: the share of all pupils in each school type and year group
    shares = models.JSONField(_("aandelen"))
    created_at = models.DateField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("weging")
        verbose_name_plural = _("wegingen")
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="one_weight_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (versie {self.version})"
