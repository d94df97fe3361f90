"""Confidentiality levels: on a record they say how secret it is, on a user how far they
are cleared. The level acts as a ceiling on every reader (like Open Zaak's
``max_vertrouwelijkheidaanduiding``): a record above the user's clearance is not there for
them, whatever their role or area."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Confidentiality(models.TextChoices):
    NORMAAL = "normaal", _("normaal")
    VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijk")
    ZEER_VERTROUWELIJK = "zeer_vertrouwelijk", _("zeer vertrouwelijk (alleen eigen organisatie)")


#: Lowest first; a user cleared for a level sees that level and everything below it.
ORDER: tuple[str, ...] = (
    Confidentiality.NORMAAL,
    Confidentiality.VERTROUWELIJK,
    Confidentiality.ZEER_VERTROUWELIJK,
)


def levels_up_to(ceiling: str) -> tuple[str, ...]:
    """The levels a user cleared for ``ceiling`` may read; an unknown value opens only the
    lowest level, never more."""
    if ceiling not in ORDER:
        return ORDER[:1]
    return ORDER[: ORDER.index(ceiling) + 1]
