from __future__ import annotations

from django.contrib import admin

from weerbaar.accounts.admin_scoping import ReferenceAdmin
from weerbaar.signals.models import Category, ChecklistIndicator


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
