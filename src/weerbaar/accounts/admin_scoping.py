"""The admin is for administration, and follows need to know like every other reader.

- Only superusers and an organisation's functional administrators reach it
  (``WeerbaarAdminSite``); a functional administrator works on their own organisation's
  users only (``OrganisationScoped``) and, with the permission, the region's published
  content (``RegionContent``).
- Reference data shared by the whole region (categories, kinds of application, areas,
  organisations, roles) is read with the view permission and changed by superusers only
  (``core.admin.ReferenceAdmin``).
- Domain records (objects, cases, links, decisions, covenants) are worked on in the
  application's own pages. Here they are read-only, read through their app's scoped
  reader with the acting user, and every read is written to the audit log
  (``RecordAdmin``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.access import may_administer
from weerbaar.accounts.services.audit import record
from weerbaar.core.admin import ReferenceAdmin

__all__ = [
    "OrganisationScoped",
    "RecordAdmin",
    "ReferenceAdmin",
    "RegionContent",
    "WeerbaarAdminSite",
]


class WeerbaarAdminSite(admin.AdminSite):
    site_header = _("Weerbaar beheer")
    site_title = _("Weerbaar beheer")
    index_title = _("Beheer")

    def has_permission(self, request: HttpRequest) -> bool:
        # The second step is checked here too, not only in the middleware: the admin
        # stays closed even if the middleware order is ever changed.
        verified = getattr(request.user, "is_verified", lambda: False)()
        return verified and may_administer(request.user)


def _organisation(request: HttpRequest) -> Any:
    return getattr(request.user, "organisation", None)


class _ModelPermissions:
    """Changes by the model permissions of the user's roles (Django's own rule), for
    admins whose rows are already narrowed to what the user may work on."""

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return admin.ModelAdmin.has_add_permission(self, request)  # type: ignore[arg-type]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin.ModelAdmin.has_change_permission(self, request, obj)  # type: ignore[arg-type]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin.ModelAdmin.has_delete_permission(self, request, obj)  # type: ignore[arg-type]


class RegionContent(_ModelPermissions, ReferenceAdmin):
    """Content the regional approach publishes for everyone (parents' texts, help
    organisations, the interventions catalogue): its editors, functional administrators
    holding the model permission, change it; the public sees it anyway."""


class OrganisationScoped(_ModelPermissions, ReferenceAdmin):
    """Rows that belong to an organisation: a functional administrator sees and changes
    their own organisation's rows only, and new rows belong to it."""

    organisation_field = "organisation"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(**{self.organisation_field: _organisation(request)})

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == self.organisation_field and not request.user.is_superuser:
            organisation = _organisation(request)
            kwargs["queryset"] = db_field.related_model.objects.filter(
                pk=getattr(organisation, "pk", None)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not request.user.is_superuser:
            setattr(obj, self.organisation_field, _organisation(request))
        super().save_model(request, obj, form, change)


Reader = Callable[[Any], QuerySet[Any]]


class RecordAdmin(ReferenceAdmin):
    """A domain record: read-only, through its app's scoped reader, every read audited.
    Set ``reader = staticmethod(visible_cases)`` (or the like)."""

    reader: Reader | None = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        if self.reader is None:
            raise NotImplementedError(f"{type(self).__name__} has no scoped reader")
        return self.reader(request.user)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        return {}

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if response.status_code == 200 and changelist is not None:
            record(
                AuditAction.LIST,
                actor=request.user,
                object_type=self.model._meta.label_lower,
                object_ids=[row.pk for row in changelist.result_list],
            )
        return response

    def _audited(self, request: HttpRequest, object_id: str, response: HttpResponse) -> None:
        if response.status_code == 200:
            record(
                AuditAction.VIEW,
                actor=request.user,
                object_type=self.model._meta.label_lower,
                object_id=object_id,
            )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        self._audited(request, object_id, response)
        return response

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        response = super().history_view(request, object_id, extra_context)
        self._audited(request, object_id, response)
        return response
