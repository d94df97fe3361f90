"""Progress reports: the public list and published versions (with PDF and tables), the
draft an analyst reads before publishing, and the method register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from weerbaar.accounts.services.access import may
from weerbaar.core import downloads
from weerbaar.reports.models import PdfState, ProgressReport
from weerbaar.reports.permissions import PUBLISH, VIEW_DRAFT
from weerbaar.reports.services import methods, progress, progress_tables, publishing
from weerbaar.selection.services import selectors as programmes

ORDER = {
    "jaar": ("-year", "region_name", "programme", "-version"),
    "regio": ("region_name", "-year", "programme", "-version"),
    "gepubliceerd": ("-published_at", "-id"),
}


def _years() -> list[int]:
    this_year = dt.date.today().year
    return list(range(this_year, 2014, -1))


def report_list(request: HttpRequest) -> HttpResponse:
    order = request.GET.get("volgorde", "jaar")
    reports = ProgressReport.objects.defer("content", "pdf").order_by(
        *ORDER.get(order, ORDER["jaar"])
    )
    return render(
        request,
        "reports/list.html",
        {
            "page": Paginator(reports, 25).get_page(request.GET.get("pagina")),
            "query": urlencode({"volgorde": order}),
            "order": order if order in ORDER else "jaar",
            "may_draft": may(request.user, VIEW_DRAFT),
            "regions": progress.regions(),
            "programmes": programmes.programmes(),
            "years": _years(),
            "default_year": dt.date.today().year - 1,
        },
    )


def _table_download(request: HttpRequest, content: dict[str, Any], name: str) -> HttpResponse:
    wanted = request.GET.get("tabel", "")
    if wanted not in progress_tables.TABLES:
        raise Http404(_("Deze tabel bestaat niet."))
    header, rows = progress_tables.table(content, wanted)
    kind = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
    return downloads.download(rows, header, f"{name}-{wanted}", kind, wanted)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and len(text) == 4 else None


@login_required
def draft(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_DRAFT):
        raise PermissionDenied
    key = request.GET.get("regio", "")
    year = _int(request.GET.get("jaar"))
    chosen = request.GET.get("programma", "")
    if year is None:
        messages.error(request, _("Kies een jaar (vier cijfers)."))
        return redirect("reports:list")
    try:
        content = progress.build(key, year, chosen)
    except progress.ReportError as exc:
        messages.error(request, str(exc))
        return redirect("reports:list")
    if request.GET.get("formaat") in {"csv", "xlsx"}:
        return _table_download(request, content, f"concept-{key}-{year}")
    return render(
        request,
        "reports/progress.html",
        {
            "content": content,
            "report": None,
            "methods": methods.METHODS,
            "may_publish": may(request.user, PUBLISH),
            "tables": list(progress_tables.TABLES.items()),
            "query": urlencode({"regio": key, "jaar": str(year), "programma": chosen}),
        },
    )


@login_required
@require_POST
def publish(request: HttpRequest) -> HttpResponse:
    year = _int(request.POST.get("jaar"))
    if year is None:
        messages.error(request, _("Kies een jaar (vier cijfers)."))
        return redirect("reports:list")
    try:
        report = publishing.publish(
            request.user, request.POST.get("regio", ""), year, request.POST.get("programma", "")
        )
    except progress.ReportError as exc:
        messages.error(request, str(exc))
        return redirect("reports:list")
    report.refresh_from_db(fields=["pdf_state"])  # made already when jobs run right away
    messages.success(
        request,
        _("Gepubliceerd als versie %(v)s. De pdf wordt gemaakt.") % {"v": report.version}
        if report.pdf_state == PdfState.QUEUED
        else _("Gepubliceerd als versie %(v)s; de pdf staat klaar.") % {"v": report.version},
    )
    return redirect("reports:published", pk=report.pk)


def published(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(ProgressReport.objects.defer("pdf"), pk=pk)
    if request.GET.get("formaat") in {"csv", "xlsx"}:
        name = f"voortgang-{report.region_key}-{report.year}-v{report.version}"
        return _table_download(request, report.content, name)
    newer = (
        ProgressReport.objects.filter(
            region_key=report.region_key,
            year=report.year,
            programme=report.programme,
            version__gt=report.version,
        )
        .order_by("-version")
        .first()
    )
    return render(
        request,
        "reports/progress.html",
        {
            **publishing.context(report),
            "methods": methods.METHODS,
            "newer": newer,
            "tables": list(progress_tables.TABLES.items()),
            "query": "",
        },
    )


def published_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(ProgressReport, pk=pk)
    if report.pdf_state == PdfState.READY and report.pdf:
        response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
        name = f"voortgang-{report.region_key}-{report.year}-v{report.version}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "reports/pdf_waiting.html",
        {"report": report, "back": reverse("reports:published", args=[report.pk])},
        status=200 if report.pdf_state == PdfState.QUEUED else 503,
    )


def methods_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reports/methods.html",
        {"methods": methods.METHODS, "version": methods.VERSION},
    )
