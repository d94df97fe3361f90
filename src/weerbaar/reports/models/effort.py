"""Enforcement effort per municipality and year (inspections, FTE, MMA forwards), entered or
imported by an analyst: the series the seeds lacked to relate crime to capacity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EffortSeries(models.Model):
    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(_("eenheid"), max_length=60)
    source = models.CharField(_("bron"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("inzetreeks")
        verbose_name_plural = _("inzetreeksen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EffortValue(models.Model):
    series = models.ForeignKey(
        EffortSeries, on_delete=models.CASCADE, related_name="values", verbose_name=_("reeks")
    )
    municipality_code = models.CharField(_("gemeentecode"), max_length=10)
    year = models.PositiveSmallIntegerField(_("jaar"))
    value = models.FloatField(_("waarde"))

    class Meta:
        verbose_name = _("inzetwaarde")
        verbose_name_plural = _("inzetwaarden")
        ordering = ["series", "municipality_code", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "municipality_code", "year"], name="one_effort_value"
            )
        ]

    def __str__(self) -> str:
        return f"{self.series}: {self.municipality_code} {self.year}"
