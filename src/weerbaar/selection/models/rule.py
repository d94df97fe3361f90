"""Selection rules as data, versioned; runs stored immutably with everything needed to
reproduce and explain them."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Immutable(Exception):
    """Rule versions and runs are never changed after they are stored."""


class Rule(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    programme = models.ForeignKey(
        "selection.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rules",
        verbose_name=_("programma"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))

    class Meta:
        verbose_name = _("selectieregel")
        verbose_name_plural = _("selectieregels")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def latest(self) -> RuleVersion | None:
        return self.versions.order_by("-number").first()


class RuleVersion(models.Model):
    rule = models.ForeignKey(
        Rule, on_delete=models.PROTECT, related_name="versions", verbose_name=_("selectieregel")
    )
    number = models.PositiveIntegerField(_("versie"))
    definition = models.JSONField(_("definitie"))
    definition_hash = models.CharField(max_length=64, verbose_name=_("hash van de definitie"))
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
        verbose_name = _("versie van een selectieregel")
        verbose_name_plural = _("versies van selectieregels")
        ordering = ["rule", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "number"], name="rule_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.rule} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise Immutable("Een regelversie wordt niet gewijzigd; maak een nieuwe versie.")
        super().save(*args, **kwargs)


class SelectionRun(models.Model):
    rule_version = models.ForeignKey(
        RuleVersion,
        on_delete=models.PROTECT,
        related_name="runs",
        verbose_name=_("versie van de regel"),
    )
    data_versions = models.JSONField(_("gebruikte gegevens"))
    result = models.TextField(_("uitkomst (canonieke JSON)"))
    input_hash = models.CharField(max_length=64, verbose_name=_("hash van de invoer"))
    output_hash = models.CharField(max_length=64, verbose_name=_("hash van de uitkomst"))
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
        verbose_name = _("selectierun")
        verbose_name_plural = _("selectieruns")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Run {self.pk} van {self.rule_version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise Immutable("Een selectierun wordt niet gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise Immutable("Een selectierun wordt niet verwijderd.")
