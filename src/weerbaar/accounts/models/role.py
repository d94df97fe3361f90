from __future__ import annotations

from django.contrib.auth.models import Group
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
