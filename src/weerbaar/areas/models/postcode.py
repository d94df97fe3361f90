"""Four-digit postcode ranges to municipalities, so a resident can type a postcode where a
page needs a municipality. Kept by code (not a foreign key) so the table can be filled
before or after the boundaries are imported and survives a re-import."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PC4 = [MinValueValidator(1000), MaxValueValidator(9999)]


class PostcodeRange(models.Model):
    first = models.PositiveIntegerField(_("van postcode (4 cijfers)"), validators=PC4)
    last = models.PositiveIntegerField(_("tot en met postcode"), validators=PC4)
    municipality_code = models.CharField(_("gemeentecode"), max_length=10)
    source = models.CharField(_("bron"), max_length=200)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["first"]

    def __str__(self) -> str:
        return f"{self.first}–{self.last} → {self.municipality_code}"

    def clean(self) -> None:
        if self.first and self.last and self.last < self.first:
            raise ValidationError({"last": _("De laatste postcode ligt vóór de eerste.")})
