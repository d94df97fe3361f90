"""What a signal can be about: categories with their follow-up questions, and the
indicator checklist officials are trained on. Both are data, editable in the admin."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def _localised(obj: Any, field: str) -> str:
    """The English text when the page is English and one is filled in, else the Dutch."""
    if translation.get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return str(english)
    return str(getattr(obj, field))


class Category(models.Model):
    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)
    description = models.TextField(_("uitleg voor melders"), blank=True)
    description_en = models.TextField(_("uitleg voor melders (Engels)"), blank=True)
    questions = models.JSONField(
        _("vervolgvragen"),
        default=list,
        blank=True,
        help_text=_(
            'Lijst van vragen: [{"key": "bedrijfsnaam", "label": "Naam van het bedrijf", '
            '"label_en": "Name of the business"}]'
        ),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _localised(self, "name")

    @property
    def explanation(self) -> str:
        return _localised(self, "description")

    def question_list(self) -> list[dict[str, str]]:
        """Questions with the label in the current language; malformed entries skipped."""
        result = []
        for item in self.questions or []:
            if isinstance(item, dict) and item.get("key") and item.get("label"):
                english = translation.get_language() == "en" and item.get("label_en")
                result.append({"key": str(item["key"]), "label": str(english or item["label"])})
        return result


class ChecklistIndicator(models.Model):
    slug = models.SlugField(_("code"), max_length=50, unique=True)
    label = models.CharField(_("omschrijving"), max_length=200)
    label_en = models.CharField(_("omschrijving (Engels)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("indicator (checklist)")
        verbose_name_plural = _("indicatoren (checklist)")
        ordering = ["order", "label"]

    def __str__(self) -> str:
        return _localised(self, "label")
