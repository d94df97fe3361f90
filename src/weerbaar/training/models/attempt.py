from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    """One official going through one scenario version. Finished, it is a completion: kept
    for the history (a refresher is a new attempt, the earlier one stays) and never edited
    again. Its answers are the learner's own; a coordinator sees only that and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De organisatie van de medewerker toen die begon."),
    )
    scenario = models.ForeignKey(
        "training.ScenarioVersion",
        verbose_name=_("scenario"),
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    answers = models.JSONField(_("antwoorden"), default=dict)
    started_at = models.DateTimeField(_("begonnen op"), auto_now_add=True)
    finished_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    signals_found = models.PositiveSmallIntegerField(_("signalen gevonden"), default=0)
    signals_total = models.PositiveSmallIntegerField(_("signalen in het scenario"), default=0)
    action_right = models.BooleanField(_("juiste vervolgstap"), null=True, blank=True)

    class Meta:
        verbose_name = _("poging")
        verbose_name_plural = _("pogingen")
        ordering = ["-started_at", "-pk"]
        permissions = [("view_completion", _("Voortgang van de eigen organisatie bekijken"))]
        indexes = [models.Index(fields=["organisation", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.scenario.title}: {self.user}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None
