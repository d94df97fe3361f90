from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.accounts.admin_scoping import ReferenceAdmin
from weerbaar.selection.models import Participation, Programme, Rule, RuleVersion, SelectionRun


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 3


@admin.register(Programme)
class ProgrammeAdmin(ReferenceAdmin):
    list_display = ["name", "slug", "target_group"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [ParticipationInline]


class ReadOnlyAdmin(ReferenceAdmin):
    """Rule versions and runs are immutable, also for administrators."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Rule)
class RuleAdmin(ReferenceAdmin):
    list_display = ["name", "programme", "created_at"]


@admin.register(RuleVersion)
class RuleVersionAdmin(ReadOnlyAdmin):
    list_display = ["rule", "number", "created_by", "created_at"]


@admin.register(SelectionRun)
class SelectionRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "rule_version", "created_by", "created_at", "output_hash"]
