from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    """Who a scenario is written for: the work where the signal shows itself."""

    VERGUNNINGEN = "vergunningen", _("vergunningverlening")
    HANDHAVING = "handhaving", _("toezicht en handhaving")
    BALIE = "balie", _("balie en klantcontact")
    INKOOP = "inkoop", _("inkoop en subsidies")
    JONGERENWERK = "jongerenwerk", _("jongerenwerk")
    SCHOOL = "school", _("school")


class ScenarioVersion(models.Model):
    """One version of a scenario, as checked data (seed/scenarios/*.yaml). Never edited:
    a changed text is a new version, so a completion keeps the words it answered. Indicator
    names are not copied in: they are read from the checklist, so a renamed indicator is
    renamed in every scenario."""

    slug = models.SlugField(_("code"), max_length=60)
    version = models.PositiveIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=200)
    target_group = models.CharField(_("doelgroep"), max_length=20, choices=TargetGroup.choices)
    content = models.JSONField(_("inhoud"))
    digest = models.CharField(_("vingerafdruk"), max_length=64)
    is_current = models.BooleanField(_("huidige versie"), default=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("scenario (versie)")
        verbose_name_plural = _("scenario's (versies)")
        ordering = ["target_group", "slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="training_scenario_version"),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(is_current=True),
                name="training_one_current_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.version})"
