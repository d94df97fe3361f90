from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(Group):
    """A named bundle of permissions (e.g. "analist", "behandelaar signalen").

    Stored as a Django group so the standard permission checks see it; code checks
    permissions, never role names.
    """

    class Meta:
        proxy = True
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")


class ShippedRole(models.Model):
    """Marks a role as one Weerbaar ships (``accounts.services.roles``): its key for the
    commands, and the description an administrator reads before giving it to someone.
    Every ``migrate`` puts a shipped role back to its documented bundle."""

    role = models.OneToOneField(
        Group, verbose_name=_("rol"), on_delete=models.CASCADE, related_name="shipped"
    )
    key = models.SlugField(_("sleutel"), max_length=40, unique=True)
    description = models.TextField(_("omschrijving"))

    class Meta:
        verbose_name = _("meegeleverde rol")
        verbose_name_plural = _("meegeleverde rollen")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.role.name
