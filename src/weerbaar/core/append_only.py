"""Rows that are written once and never changed: audit lines, histories, timelines."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models


class AppendOnlyError(Exception):
    """An attempt to change or remove a row that may only be added."""


class AppendOnlyMixin(models.Model):
    """``save`` of an existing row and ``delete`` raise; the subclass names the rows in
    ``append_only_noun`` for the (Dutch) message."""

    append_only_noun = "Deze regels"

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError(f"{self.append_only_noun} kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"{self.append_only_noun} kunnen niet worden verwijderd.")
