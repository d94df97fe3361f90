"""One pupil's answers. Deliberately without a time (only the ISO week), without the class
(only school and year group), and with a random key, so neither the order of the rows nor
their ids tell who answered when."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.surveys.models.questionnaire import QuestionnaireVersion
from weerbaar.surveys.models.round import Round, School


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="responses", verbose_name=_("ronde")
    )
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="responses", verbose_name=_("school")
    )
    questionnaire = models.ForeignKey(
        QuestionnaireVersion,
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("vragenlijst"),
    )
    year_group = models.PositiveSmallIntegerField(_("leerjaar"))
    week = models.CharField(_("week"), max_length=8)  # "2026-W49"
    answers = models.JSONField(_("antwoorden"))

    class Meta:
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")
        permissions = [("export_response", _("Kan losse antwoorden exporteren (onderzoeker)"))]

    def __str__(self) -> str:
        return f"{self.school} leerjaar {self.year_group}"
