"""The one door for progress reports: publish a version (numbers frozen, hashes kept,
audited, the PDF queued after the commit) and store its PDF."""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.accounts.services.access import may
from weerbaar.core.locking import door
from weerbaar.reports.models import PdfState, ProgressReport
from weerbaar.reports.permissions import PUBLISH
from weerbaar.reports.services import pdf
from weerbaar.reports.services.progress import build


def publish(user: Any, region_key: str, year: int, programme: str = "") -> ProgressReport:
    """A new version when the numbers, data or rules changed; else the newest one."""
    if not may(user, PUBLISH):
        raise PermissionDenied("U mag geen voortgangsrapportages publiceren.")
    content = build(region_key, year, programme)
    hashes = content["hashes"]
    with transaction.atomic():
        same = ProgressReport.objects.select_for_update().filter(
            region_key=content["region"]["key"], year=year, programme=programme
        )
        newest = same.order_by("-version").first()
        if newest is not None and (
            newest.content_hash,
            newest.data_hash,
            newest.rule_hash,
        ) == (hashes["numbers"], hashes["data"], hashes["rules"]):
            return newest
        report = ProgressReport.objects.create(
            region_key=content["region"]["key"],
            region_name=content["region"]["name"],
            year=year,
            programme=programme,
            version=(same.aggregate(v=Max("version"))["v"] or 0) + 1,
            content=content,
            data_hash=hashes["data"],
            rule_hash=hashes["rules"],
            content_hash=hashes["numbers"],
            published_by=user,
        )
        audit.record(AuditAction.CREATE, actor=user, obj=report)
        report_id = report.pk
        transaction.on_commit(lambda: _queue(report_id))
    return report


def _queue(report_id: int) -> None:
    from weerbaar.reports.tasks import make_pdf

    make_pdf.enqueue(report_id)


def context(report: ProgressReport) -> dict[str, Any]:
    return {"report": report, "content": report.content, "published": True}


def make(report_id: int) -> None:
    """Render and store the PDF; a failure is stored with its reason, never lost."""
    report = ProgressReport.objects.get(pk=report_id)
    started = time.perf_counter()
    try:
        rendered = pdf.render(context(report))
    except Exception as exc:  # stored for the reader; the job itself ends cleanly
        store_pdf(report, None, time.perf_counter() - started, f"{type(exc).__name__}: {exc}")
        raise
    store_pdf(report, rendered, time.perf_counter() - started, "")


@door("report")
def store_pdf(report: ProgressReport, rendered: bytes | None, seconds: float, error: str) -> None:
    report.pdf = rendered
    report.pdf_state = PdfState.READY if rendered is not None else PdfState.FAILED
    report.pdf_error = error
    report.pdf_seconds = seconds
    report.save(update_fields=["pdf", "pdf_state", "pdf_error", "pdf_seconds"])
