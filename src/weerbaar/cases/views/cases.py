"""Case pages: list, open (from objects and signals), detail with timeline and state
changes. Sensitive cases exist only for the users named on them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.models import AuditAction, Confidentiality, Organisation, User
from weerbaar.accounts.models.confidentiality import levels_up_to
from weerbaar.accounts.services.access import may, only_through_share
from weerbaar.accounts.services.audit import record, record_list, record_view
from weerbaar.accounts.views import record_reads
from weerbaar.cases import permissions
from weerbaar.cases.models import Case, CaseState
from weerbaar.cases.services import workflow
from weerbaar.cases.services.selectors import visible_cases, visible_subjects
from weerbaar.core import reveal
from weerbaar.core.downloads import csv_download
from weerbaar.signals.services.selectors import visible_signals

VIEW = permissions.VIEW_CASE
SHARE = permissions.SHARE_CASE
ADD = permissions.ADD_CASE
CHANGE = permissions.CHANGE_CASE


def _get(request: HttpRequest, pk: int, permission: str = VIEW) -> Case:
    case = visible_cases(request.user).filter(pk=pk).select_related("owner_organisation").first()
    if case is None or not may(request.user, VIEW, case):
        raise Http404(_("Deze zaak bestaat niet of u heeft er geen toegang toe."))
    if permission != VIEW and not may(request.user, permission, case):
        raise PermissionDenied
    return case


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW):
        raise PermissionDenied
    cases = visible_cases(request.user).select_related("owner_organisation")
    state = request.GET.get("fase", "")
    if state in CaseState.values:
        cases = cases.filter(state=state)
    query = request.GET.get("zoek", "").strip()[:100]
    if query:
        cases = cases.filter(title__icontains=query)
    order = {"termijn": "deadline", "titel": "title"}.get(
        request.GET.get("sorteer", ""), "-created_at"
    )
    if request.GET.get("formaat") == "csv":
        exported = list(cases.order_by(order, "pk"))
        record(
            AuditAction.EXPORT,
            actor=request.user,
            object_type="cases.case",
            object_ids=[c.pk for c in exported],
        )
        header = ["zaak", "titel", "fase", "termijn", "eigenaar", "team", "gevoelig"]
        rows = [
            [
                f"Z{c.pk}",
                c.title,
                c.get_state_display(),
                c.deadline.isoformat() if c.deadline else "",
                c.owner_organisation.name,
                c.team,
                "ja" if c.sensitive else "nee",
            ]
            for c in exported
        ]
        return csv_download(rows, header, "zaken.csv")
    page = Paginator(cases.order_by(order, "pk"), 25).get_page(request.GET.get("pagina"))
    record_list(request.user, "cases.case", [c.pk for c in page.object_list])
    return render(
        request,
        "cases/case_list.html",
        {
            "page": page,
            "states": CaseState.choices,
            "state": state,
            "query": query,
            "can_add": may(request.user, ADD),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    if not may(request.user, ADD):
        raise PermissionDenied
    subject_ids = request.GET.getlist("object") + request.POST.getlist("object")
    subjects = list(
        visible_subjects(request.user).filter(pk__in=[i for i in subject_ids if i.isdigit()])
    )
    signals = list(visible_signals(request.user).filter(links__subject__in=subjects).distinct())
    colleagues = User.objects.filter(
        organisation=getattr(request.user, "organisation", None), is_active=True
    ).order_by("username")
    context: dict[str, Any] = {
        "subjects": subjects,
        "signals": signals,
        "colleagues": colleagues,
        "title": request.POST.get("titel", subjects[0].label if subjects else ""),
        "keys": workflow.REFERENCE_KEYS,
        "levels": [
            (value, label)
            for value, label in Confidentiality.choices
            if value in levels_up_to(getattr(request.user, "clearance", ""))
        ],
        "level": request.POST.get("vertrouwelijkheid", Confidentiality.NORMAAL),
    }
    if request.method == "POST":
        named = colleagues.filter(
            pk__in=[i for i in request.POST.getlist("genoemd") if i.isdigit()]
        )
        try:
            case = workflow.open_case(
                request.POST.get("titel", ""),
                actor=request.user,
                subjects=subjects,
                signals=signals,
                team=request.POST.get("team", ""),
                sensitive=request.POST.get("gevoelig") == "1",
                confidentiality=request.POST.get("vertrouwelijkheid") or Confidentiality.NORMAAL,
                named_users=named,
                references={
                    k: request.POST.get(f"kenmerk_{k}", "") for k in workflow.REFERENCE_KEYS
                },
            )
        except workflow.WorkflowError as exc:
            context["error"] = str(exc)
            return render(request, "cases/case_new.html", context, status=400)
        messages.success(request, _("Zaak geopend."))
        return redirect("cases:case", pk=case.pk)
    return render(request, "cases/case_new.html", context)


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get(request, pk)
    record_view(request.user, case)
    if only_through_share(request.user, case):
        share = case.shares.get(organisation=getattr(request.user, "organisation", None))
        return render(request, "cases/case_shared.html", {"case": case, "share": share})
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "events": case.events.select_related("actor"),
            "subjects": case.subjects.all(),
            "signals": visible_signals(request.user).filter(cases=case),
            "transitions": [
                (s, CaseState(s).label) for s in sorted(workflow.TRANSITIONS[case.state])
            ],
            "can_change": may(request.user, CHANGE, case),
            "named": case.named_users.all(),
            "shares": case.shares.select_related("organisation"),
            "can_share": may(request.user, SHARE, case) and not case.sensitive,
        },
    )


@login_required
@require_POST
def case_action(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get(request, pk, CHANGE)
    try:
        if request.POST.get("actie") == "fase":
            workflow.change_state(
                case,
                request.POST.get("fase", ""),
                actor=request.user,
                note=request.POST.get("tekst", ""),
                confirmed=request.POST.get("bevestigd") == "ja",
            )
            messages.success(request, _("Fase gewijzigd."))
        else:
            workflow.add_note(case, request.POST.get("tekst", ""), actor=request.user)
            messages.success(request, _("Notitie toegevoegd."))
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("cases:case", pk=case.pk)


@login_required
@require_http_methods(["GET", "POST"])
def case_share(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get(request, pk, SHARE)
    summary = request.POST.get("samenvatting", case.title)
    context: dict[str, Any] = {
        "case": case,
        "summary": summary,
        "segments": reveal.segments(summary),
        "findings": reveal.summary(summary),
        "organisations": Organisation.objects.filter(is_active=True).exclude(
            pk=case.owner_organisation_id
        ),
        "legal_basis": request.POST.get("grondslag", "RIEC-convenant"),
    }
    if request.method == "POST" and request.POST.get("actie") == "delen":
        organisation = Organisation.objects.filter(
            pk=request.POST.get("organisatie") or 0, is_active=True
        ).first()
        try:
            if organisation is None:
                raise workflow.WorkflowError(_("Kies de organisatie waarmee u deelt."))
            workflow.share(
                case,
                organisation,
                summary=summary,
                legal_basis=request.POST.get("grondslag", ""),
                reviewed=request.POST.get("nagelezen") == "1",
                actor=request.user,
            )
        except workflow.WorkflowError as exc:
            context["error"] = str(exc)
            return render(request, "cases/case_share.html", context, status=400)
        messages.success(request, _("Gedeeld met %(org)s.") % {"org": organisation.name})
        return redirect("cases:case", pk=case.pk)
    return render(request, "cases/case_share.html", context)


@login_required
def case_reads(request: HttpRequest, pk: int) -> HttpResponse:
    """Who looked at this case (privacy officers and administrators)."""
    case = _get(request, pk)
    title = _("zaak Z%(pk)s") % {"pk": case.pk}
    return record_reads(request, case, title, reverse("cases:case", args=[pk]))
