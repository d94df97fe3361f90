"""The Bibob questionnaire as data: a version is published once and never changed, so an
application always shows the questions it was answered against."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnswerType(models.TextChoices):
    TEXT = "tekst", _("tekst")
    AMOUNT = "bedrag", _("bedrag (euro)")
    DATE = "datum", _("datum")
    DOCUMENT = "document", _("document")


class Questionnaire(models.Model):
    version = models.PositiveSmallIntegerField(_("versie"), unique=True)
    title = models.CharField(_("titel"), max_length=200)
    published_on = models.DateField(_("gepubliceerd op"))

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.version})"


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="questions"
    )
    code = models.SlugField(_("code"))
    position = models.PositiveSmallIntegerField(_("volgorde"))
    text = models.CharField(_("vraag"), max_length=300)
    help_text = models.CharField(_("toelichting"), max_length=300, blank=True)
    answer_type = models.CharField(_("soort antwoord"), max_length=10, choices=AnswerType.choices)
    required_for = models.ManyToManyField(
        "screening.ApplicationKind",
        verbose_name=_("verplicht bij"),
        blank=True,
        related_name="+",
        help_text=_("Bij de andere soorten is de vraag niet verplicht."),
    )

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["questionnaire", "position"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique")
        ]

    def __str__(self) -> str:
        return self.text


class Answer(models.Model):
    application = models.ForeignKey(
        "screening.Application", on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("antwoord"), blank=True)
    document_name = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    document_type = models.CharField(max_length=100, blank=True)
    document = models.BinaryField(_("document"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.question_id}"

    @property
    def is_given(self) -> bool:
        return bool(self.text.strip() or self.document_name)
