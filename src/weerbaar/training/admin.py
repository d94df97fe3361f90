"""Scenario versions are data, read here and never edited: a changed scenario file is a
new version on the next ``migrate``. Requirements are set on the coordinator's page (one
door, with its history); the admin shows them. Attempts are the learner's own and are not
in the admin at all."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.accounts.admin_scoping import OrganisationScoped, ReferenceAdmin
from weerbaar.training.models import Requirement, ScenarioVersion


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ScenarioVersion)
class ScenarioVersionAdmin(_ReadOnly, ReferenceAdmin):
    list_display = ["title", "slug", "version", "target_group", "is_current", "created_at"]
    list_filter = ["target_group", "is_current"]
    readonly_fields = ["slug", "version", "title", "target_group", "content", "digest"]


@admin.register(Requirement)
class RequirementAdmin(_ReadOnly, OrganisationScoped):
    list_display = ["organisation", "target_group", "role", "refresh_days", "is_active"]
    list_filter = ["is_active", "target_group"]
