"""A survey round: a period, a questionnaire version and the schools taking part, each
class with a generic link. The link names school and year group; nobody's answer is ever
tied to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.surveys.models.questionnaire import QuestionnaireVersion


class SchoolType(models.TextChoices):
    VMBO = "vmbo", _("vmbo")
    HAVO_VWO = "havo-vwo", _("havo/vwo")
    PRAKTIJK = "praktijk", _("praktijkonderwijs")
    MIXED = "gemengd", _("gemengd (brede scholengemeenschap)")


class Round(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    year = models.PositiveSmallIntegerField(_("jaar"))
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    questionnaire = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("vragenlijst"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gemaakt door"),
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("enquêteronde")
        verbose_name_plural = _("enquêterondes")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class School(models.Model):
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="schools", verbose_name=_("ronde")
    )
    name = models.CharField(_("school"), max_length=200)
    municipality_code = models.CharField(_("gemeente van de school"), max_length=10)
    school_type = models.CharField(_("schoolsoort"), max_length=20, choices=SchoolType.choices)

    class Meta:
        verbose_name = _("school in een ronde")
        verbose_name_plural = _("scholen in een ronde")
        ordering = ["round", "name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "name"], name="one_school_per_round")
        ]

    def __str__(self) -> str:
        return self.name


class ClassLink(models.Model):
    """One generic link per class: every pupil of the class uses the same one."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="classes", verbose_name=_("school")
    )
    label = models.CharField(_("klas"), max_length=40)
    year_group = models.PositiveSmallIntegerField(_("leerjaar"))
    code = models.CharField(_("code"), max_length=20, unique=True)

    class Meta:
        verbose_name = _("klaslink")
        verbose_name_plural = _("klaslinks")
        ordering = ["school", "year_group", "label"]

    def __str__(self) -> str:
        return f"{self.school} {self.label}"
