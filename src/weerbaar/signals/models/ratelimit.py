"""The anonymous channel's rate-limit counts, when they live in the database."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LimitCount(models.Model):
    """One cell-rate bucket: a keyed hash of a client (with the hour's salt) or a bucket for
    everyone, and its theoretical arrival time. One conditional UPDATE takes a request
    from it; Django's database cache needed six queries a bucket (read, cull count,
    savepoint, read, write, release). No address, no time of a report."""

    key = models.CharField(_("sleutel"), max_length=200, primary_key=True)
    arrival = models.FloatField(_("volgende aankomst (Unix-tijd)"))

    class Meta:
        verbose_name = _("tellerstand melden")
        verbose_name_plural = _("tellerstanden melden")

    def __str__(self) -> str:
        return self.key
