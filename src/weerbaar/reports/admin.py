from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.http import HttpRequest

from weerbaar.accounts.admin_scoping import ReferenceAdmin
from weerbaar.reports.models import EffortSeries, ProgressReport

# The job queue's own admin (English, every argument of every job) is not for the region's
# administrators: a report's PDF state and error are on the report.
try:
    from django_tasks_db.models import DBTaskResult

    admin.site.unregister(DBTaskResult)
except NotRegistered:  # pragma: no cover - depends on app order
    pass


@admin.register(ProgressReport)
class ProgressReportAdmin(ReferenceAdmin):
    """Published reports are never edited, also not by a superuser; the PDF's state and any
    error are shown for whoever keeps the job running."""

    list_display = ["region_name", "year", "programme", "version", "published_at", "pdf_state"]
    list_filter = ["year", "pdf_state"]
    _shown = (
        "region_name",
        "year",
        "programme",
        "version",
        "published_by",
        "published_at",
        "data_hash",
        "rule_hash",
        "content_hash",
        "pdf_state",
        "pdf_seconds",
        "pdf_error",
    )
    fields = _shown
    readonly_fields = _shown

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(EffortSeries)
class EffortSeriesAdmin(ReferenceAdmin):
    list_display = ["name", "unit", "source", "updated_at"]
    readonly_fields = ["slug", "created_by", "created_at", "updated_at"]
