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


class PostcodePoint(models.Model):
    """One point per four-digit postcode for the whole country (GeoNames, CC BY 4.0,
    ``weerbaar import postcodes``): where an address is when nothing finer is known."""

    pc4 = models.PositiveIntegerField(_("postcode (4 cijfers)"), unique=True, validators=PC4)
    municipality_code = models.CharField(_("gemeentecode"), max_length=10, db_index=True)
    place = models.CharField(_("plaats"), max_length=80)
    latitude = models.FloatField(_("breedtegraad"))
    longitude = models.FloatField(_("lengtegraad"))
    inside_municipality = models.BooleanField(
        _("punt ligt in de eigen gemeente"),
        default=True,
        help_text=_(
            "Nee bij punten die de bron buiten de gemeente legt (bijvoorbeeld in zee); dan "
            "gebruikt Weerbaar het midden van de gemeente."
        ),
    )
    source = models.CharField(_("bron"), max_length=200)

    class Meta:
        verbose_name = _("punt van een postcodegebied")
        verbose_name_plural = _("punten van postcodegebieden")
        ordering = ["pc4"]

    def __str__(self) -> str:
        return f"{self.pc4} {self.place}"


class AddressPoint(models.Model):
    """One address from a BAG extract (``weerbaar import bag``): postcode and house number
    to street, place and the point of the address, for lookup and the map offline."""

    postcode = models.CharField(_("postcode"), max_length=6)
    house_number = models.PositiveIntegerField(_("huisnummer"))
    house_letter = models.CharField(_("huisletter"), max_length=1, blank=True)
    house_addition = models.CharField(_("toevoeging"), max_length=4, blank=True)
    street = models.CharField(_("straat"), max_length=120)
    place = models.CharField(_("plaats"), max_length=80)
    latitude = models.FloatField(_("breedtegraad"))
    longitude = models.FloatField(_("lengtegraad"))

    class Meta:
        verbose_name = _("adres uit de BAG")
        verbose_name_plural = _("adressen uit de BAG")
        ordering = ["postcode", "house_number", "house_letter", "house_addition"]
        constraints = [
            models.UniqueConstraint(
                fields=["postcode", "house_number", "house_letter", "house_addition"],
                name="one_bag_row_per_address",
            )
        ]

    def __str__(self) -> str:
        letter = f"{self.house_letter}{'-' + self.house_addition if self.house_addition else ''}"
        return f"{self.street} {self.house_number}{letter}, {self.postcode} {self.place}"
