"""The "who looked at this record" page, shared by signals, cases and screening."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit, audit_reads
from weerbaar.core.downloads import csv_download


def record_reads(request: HttpRequest, obj: Model, title: str, back: str) -> HttpResponse:
    """The "who looked at this" page for a record the calling app has already read
    through its own scoped reader (so need to know holds); 403 for anyone who is not a
    privacy officer or administrator."""
    if not audit_reads.may_see_reads(request.user):
        raise PermissionDenied
    events = audit_reads.reads_of(obj)
    if request.GET.get("formaat") == "csv":
        audit.record(AuditAction.EXPORT, actor=request.user, obj=obj)
        rows = [
            [
                timezone.localtime(e.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
                e.actor.username if e.actor else "",
                e.organisation.name if e.organisation else "",
                e.get_action_display(),
                e.get_channel_display(),
                e.get_result_display(),
            ]
            for e in events
        ]
        header = ["tijdstip", "gebruiker", "organisatie", "handeling", "kanaal", "resultaat"]
        return csv_download(rows, header, "inzage.csv")
    page = Paginator(events, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/record_reads.html",
        {"page": page, "title": title, "back": back, "query": ""},
    )
