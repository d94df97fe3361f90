"""Enforcement-effort series (enter, import, list) and their relation with registered
crime. For analysts: the series may come from partners' own registrations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.accounts.services.access import may
from weerbaar.core import downloads
from weerbaar.monitor.services import selectors as catalogue
from weerbaar.reports.permissions import CHANGE_EFFORT, VIEW_EFFORT
from weerbaar.reports.services import effort
from weerbaar.reports.services.evaluation.effort_relation import relation_for

MAX_UPLOAD = 2 * 1024 * 1024


def _uploaded_text(request: HttpRequest) -> str:
    upload = request.FILES.get("bestand")
    pasted = request.POST.get("regels", "")
    if upload is None:
        return pasted
    if upload.size and upload.size > MAX_UPLOAD:
        raise effort.EffortError(["Het bestand is groter dan 2 MB."])
    raw = upload.read()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding) + "\n" + pasted
        except UnicodeDecodeError:
            continue
    raise effort.EffortError(["Het bestand is geen tekst (CSV)."])


@login_required
@require_http_methods(["GET", "POST"])
def effort_page(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_EFFORT):
        raise PermissionDenied
    problems: list[str] = []
    form = {"naam": "", "eenheid": "", "bron": "", "regels": ""}
    if request.method == "POST":
        if not may(request.user, CHANGE_EFFORT):
            raise PermissionDenied
        form = {k: request.POST.get(k, "")[: 5000 if k == "regels" else 300] for k in form}
        try:
            rows = effort.parse(_uploaded_text(request))
            series = effort.save_series(
                request.user,
                name=form["naam"],
                unit=form["eenheid"],
                source=form["bron"],
                rows=rows,
            )
        except effort.EffortError as exc:
            problems = exc.problems
        else:
            messages.success(
                request,
                _("%(n)s waarden opgeslagen in '%(name)s'.")
                % {"n": len(rows), "name": series.name},
            )
            return redirect(f"{request.path}?{urlencode({'reeks': series.slug})}")
    return render(
        request,
        "reports/effort.html",
        {
            "series": effort.all_series(),
            "problems": problems,
            "form": form,
            "may_change": may(request.user, CHANGE_EFFORT),
            "indicators": [i for i in catalogue.indicators("gemeente") if i.registration_note],
        },
        status=400 if problems else 200,
    )


@login_required
def relation_page(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_EFFORT):
        raise PermissionDenied
    crime = [i for i in catalogue.indicators("gemeente") if i.registration_note]
    slug = request.GET.get("reeks") or effort.OWN
    chosen_series = effort.series_name(slug)
    code = request.GET.get("indicator") or (crime[0].code if crime else "")
    indicator = next((i for i in crime if i.code == code), None)
    relation = None
    if chosen_series is not None and indicator is not None:
        relation = relation_for(slug, indicator)
        if request.GET.get("formaat") in {"csv", "xlsx"}:
            return downloads.download(
                [list(p) for p in relation.pairs],
                ["gemeentecode", "jaar", "inzet", indicator.code],
                f"inzet-{slug}-{indicator.code}",
                request.GET["formaat"],
                "inzet",
            )
    return render(
        request,
        "reports/relation.html",
        {
            "series": effort.all_series(),
            "chosen": chosen_series,
            "slug": slug,
            "indicators": crime,
            "indicator": indicator,
            "relation": relation,
            "query": urlencode({"reeks": slug, "indicator": code}),
        },
    )
