from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import AuditEvent, Organisation, Role, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_intake", "is_active"]
    list_filter = ["kind", "is_intake", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["areas"]


@admin.register(User)
class WeerbaarUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "organisation", "is_active", "is_staff"]
    list_filter = ["organisation", "is_active", "is_staff", "groups"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Organisatie"), {"fields": ("organisation",)}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Organisatie"), {"fields": ("organisation",)}),
    )
    filter_horizontal = ["groups", "user_permissions"]


admin.site.unregister(Group)


@admin.register(Role)
class RoleAdmin(GroupAdmin):
    pass


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, also for administrators."""

    list_display = ["timestamp", "action", "actor", "organisation", "object_type", "object_id"]
    list_filter = ["action", "object_type", "organisation"]
    search_fields = ["object_id"]
    date_hierarchy = "timestamp"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
