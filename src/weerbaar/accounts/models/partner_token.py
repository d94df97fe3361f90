"""Tokens with which partner systems (e.g. forwarding an MMA report) reach the API.

A token acts as a service account (a User of the partner's organisation), so the normal
roles and the permission service apply. Only a hash of the token is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerToken(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("serviceaccount"),
        on_delete=models.PROTECT,
        related_name="partner_tokens",
    )
    prefix = models.CharField(_("begin van de sleutel"), max_length=8, editable=False)
    key_hash = models.CharField(
        max_length=64, unique=True, editable=False, verbose_name=_("hash van de sleutel")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemaakt op"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("partnersleutel")
        verbose_name_plural = _("partnersleutels")
        ordering = ["name"]
        db_table = "signals_partnertoken"  # moved from the signals app; the table stayed

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
