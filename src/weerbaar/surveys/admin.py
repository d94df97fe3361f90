from __future__ import annotations

from django.contrib import admin

from weerbaar.accounts.admin_scoping import ReferenceAdmin
from weerbaar.surveys.models import QuestionnaireVersion, Round, WeightSet


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(ReferenceAdmin):
    """Versions are data, never edited: a new text is a new version."""

    list_display = ["title", "slug", "number", "created_at"]
    readonly_fields = ["slug", "number", "title", "definition", "definition_hash", "created_at"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Round)
class RoundAdmin(ReferenceAdmin):
    list_display = ["name", "year", "opens_on", "closes_on", "questionnaire"]


@admin.register(WeightSet)
class WeightSetAdmin(ReferenceAdmin):
    list_display = ["name", "version", "source", "created_at"]
