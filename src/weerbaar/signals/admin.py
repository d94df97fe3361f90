from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.accounts.admin_scoping import ReferenceAdmin, SuperuserChanges
from weerbaar.signals.models import Category, ChecklistIndicator, PartnerToken


@admin.register(Category)
class CategoryAdmin(ReferenceAdmin):
    list_display = ["name", "name_en", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ChecklistIndicator)
class ChecklistIndicatorAdmin(ReferenceAdmin):
    list_display = ["label", "label_en", "slug", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["label", "label_en", "slug"]


@admin.register(PartnerToken)
class PartnerTokenAdmin(SuperuserChanges):
    """Tokens are issued with ``weerbaar partnertoken`` (the key is shown once); here
    they can only be looked at and revoked."""

    list_display = ["name", "user", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["name", "user", "prefix", "created_at"]
    fields = ["name", "user", "prefix", "created_at", "revoked_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
