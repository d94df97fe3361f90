"""The base of every admin page in Weerbaar (no domain app needed)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class ReferenceAdmin(admin.ModelAdmin):
    """The base of every admin in Weerbaar: region-wide reference data, which anyone in
    the admin with the view permission may read and only superusers change (an
    organisation's administrator changes its own rows only; see the scoped admins).

    Its delete page names only the rows being deleted: Django's own page lists every
    related row (signals, applications, inspection days), whoever owns them, which would
    show another organisation's records."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return bool(request.user.is_superuser)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        _deleted, _counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        rows = [str(obj) for obj in objs]
        counts = {str(self.model._meta.verbose_name_plural): len(rows)}
        if protected:
            protected = [
                str(
                    _(
                        "Er hangen nog gegevens aan, ook van andere organisaties; daarom kan "
                        "dit niet worden verwijderd. Zet het op niet-actief als dat kan."
                    )
                )
            ]
        return rows, counts, perms_needed, protected
