from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.cases.models import (
    Case,
    RoutingRule,
    SignalLink,
    Subject,
    TriageDecision,
    TriageFormula,
)


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "municipality", "created_at"]
    list_filter = ["kind"]
    search_fields = ["label", "key", "kvk"]
    raw_id_fields = ["area", "municipality", "addresses"]


@admin.register(SignalLink)
class SignalLinkAdmin(admin.ModelAdmin):
    list_display = ["signal", "subject", "state", "score", "decided_by", "decided_at"]
    list_filter = ["state"]
    raw_id_fields = ["signal", "subject", "decided_by"]


@admin.register(TriageFormula)
class TriageFormulaAdmin(admin.ModelAdmin):
    """Read-only here: a new version is made with ``weerbaar triageformule``."""

    list_display = ["version", "note", "created_by", "created_at"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TriageDecision)
class TriageDecisionAdmin(admin.ModelAdmin):
    list_display = ["subject", "decision", "decided_by", "decided_at"]
    list_filter = ["decision"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Sensitive cases are left out here too: the case pages apply the named-user rule."""

    list_display = ["title", "state", "owner_organisation", "deadline", "sensitive"]
    list_filter = ["state", "sensitive"]
    raw_id_fields = ["subjects", "signals", "named_users", "created_by"]
    readonly_fields = ["state", "deadline"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).filter(sensitive=False)


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["order", "category", "area", "organisation", "is_active"]
    list_editable = ["is_active"]
    raw_id_fields = ["area"]
