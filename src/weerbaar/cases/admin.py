from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.accounts.admin_scoping import RecordAdmin, ReferenceAdmin
from weerbaar.cases.models import (
    Case,
    RoutingRule,
    SignalLink,
    StartLocation,
    Subject,
    TriageDecision,
    TriageFormula,
)
from weerbaar.cases.services import selectors

# Domain records are worked on in /zaken/; here they are read-only, scoped and audited.


@admin.register(Subject)
class SubjectAdmin(RecordAdmin):
    reader = staticmethod(selectors.visible_subjects)
    list_display = ["label", "kind", "municipality", "created_at"]
    list_filter = ["kind"]
    search_fields = ["label", "kvk"]
    exclude = ["addresses", "key"]  # the internal key is for matching, not for people


@admin.register(SignalLink)
class SignalLinkAdmin(RecordAdmin):
    reader = staticmethod(selectors.visible_links)
    list_display = ["signal", "subject", "state", "score", "decided_by", "decided_at"]
    list_filter = ["state"]


@admin.register(TriageFormula)
class TriageFormulaAdmin(ReferenceAdmin):
    """Read-only here: a new version is made with ``weerbaar triageformule``."""

    list_display = ["version", "note", "created_by", "created_at"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TriageDecision)
class TriageDecisionAdmin(RecordAdmin):
    reader = staticmethod(selectors.visible_decisions)
    list_display = ["subject", "decision", "decided_by", "decided_at"]
    list_filter = ["decision"]


@admin.register(Case)
class CaseAdmin(RecordAdmin):
    """The named-user rule for sensitive cases applies here too (the same reader)."""

    reader = staticmethod(selectors.visible_cases)
    list_display = ["title", "state", "owner_organisation", "deadline", "confidentiality"]
    list_filter = ["state", "confidentiality"]
    exclude = ["subjects", "signals", "named_users"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(ReferenceAdmin):
    """Routing rules send signals to organisations across the region: superusers only."""

    list_display = ["order", "category", "area", "organisation", "is_active"]
    list_editable = ["is_active"]
    raw_id_fields = ["area"]


@admin.register(StartLocation)
class StartLocationAdmin(ReferenceAdmin):
    """Stored when a planner saves a day's start address under a name."""

    list_display = ["name", "address", "organisation"]
    list_filter = ["organisation"]
