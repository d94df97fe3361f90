"""Admin for legal staff: kinds of application with their terms, the questionnaire and
the letter templates. Applications themselves are only handled in the screening pages,
where the named-team rule and the audit log apply."""

from __future__ import annotations

from django.contrib import admin

from weerbaar.accounts.admin_scoping import ReferenceAdmin
from weerbaar.screening.models import ApplicationKind, LetterTemplate, Question, Questionnaire


@admin.register(ApplicationKind)
class ApplicationKindAdmin(ReferenceAdmin):
    list_display = [
        "name",
        "code",
        "decision_weeks",
        "extension_weeks",
        "cash_intensive",
        "is_active",
    ]
    list_filter = ["cash_intensive", "is_active"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "code", "text", "answer_type", "required_for"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(ReferenceAdmin):
    list_display = ["title", "version", "published_on"]
    inlines = [QuestionInline]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ReferenceAdmin):
    list_display = ["kind", "subject", "updated_at"]
