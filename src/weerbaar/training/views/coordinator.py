"""The coordinator's page: per role and target group how many officials are in order and
who is due, the organisation's requirements (which group, which role, how often) and the
export as BIO2 evidence. Dates only: scores stay with the learner."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.accounts.services.access import may
from weerbaar.core import downloads
from weerbaar.training.models import TargetGroup
from weerbaar.training.permissions import ADD_REQUIREMENT, CHANGE_REQUIREMENT
from weerbaar.training.services import completion
from weerbaar.training.services.selectors import coordinated_organisations

DUE_PAGE = 50
SORTS = {
    "vervalt": lambda s: (s.due_on is not None, s.due_on or timezone.localdate(), s.user.username),
    "naam": lambda s: ((s.user.get_full_name() or s.user.username).lower(), s.target_group),
    "doelgroep": lambda s: (s.target_group, s.due_on is not None, s.due_on or timezone.localdate()),
}


def _organisation(request: HttpRequest) -> tuple[Any, list[Any]]:
    """The organisation shown and the ones the user may pick from (a superuser picks)."""
    choices = coordinated_organisations(request.user)
    if not choices:
        raise PermissionDenied
    wanted = request.GET.get("organisatie") or request.POST.get("organisatie")
    chosen = next((o for o in choices if str(o.pk) == wanted), choices[0])
    return chosen, choices


def _here(organisation: Any) -> str:
    return f"{reverse('training:overview')}?organisatie={organisation.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest) -> HttpResponse:
    organisation, choices = _organisation(request)
    problem = ""
    form = {
        "doelgroep": request.POST.get("doelgroep", ""),
        "rol": request.POST.get("rol", ""),
        "dagen": request.POST.get("dagen", str(completion.default_period())),
    }
    if request.method == "POST":
        problem = _set(request, organisation, form)
        if not problem:
            messages.success(request, _("De verplichting is opgeslagen."))
            return redirect(_here(organisation))
    found = completion.statuses(organisation)
    sort = request.GET.get("sorteer", "vervalt")
    due = sorted((s for s in found if s.is_due), key=SORTS.get(sort, SORTS["vervalt"]))
    page = Paginator(due, DUE_PAGE).get_page(request.GET.get("pagina"))
    audit.record(
        AuditAction.LIST,
        actor=request.user,
        object_type="accounts.user",
        object_ids=sorted({s.user.pk for s in page.object_list}),
        organisation=organisation,
    )
    return render(
        request,
        "training/overview.html",
        {
            "organisation": organisation,
            "choices": choices,
            "summary": completion.summary(found),
            "soon": sum(s.state == "binnenkort" for s in found),
            "page": page,
            "due_count": len(due),
            "sort": sort if sort in SORTS else "vervalt",
            "query": urlencode({"organisatie": organisation.pk, "sorteer": sort}),
            "requirements": completion.requirements(organisation),
            "target_groups": TargetGroup.choices,
            "roles": Group.objects.order_by("name"),
            "form": form,
            "problem": problem,
            "may_add": may(request.user, ADD_REQUIREMENT),
            "may_end": may(request.user, CHANGE_REQUIREMENT),
            "default_days": completion.default_period(),
        },
        status=400 if problem else 200,
    )


def _set(request: HttpRequest, organisation: Any, form: dict[str, str]) -> str:
    if not may(request.user, ADD_REQUIREMENT):
        raise PermissionDenied
    role = None
    if form["rol"]:
        role = Group.objects.filter(pk=form["rol"]).first() if form["rol"].isdigit() else None
        if role is None:
            return _("Kies een rol uit de lijst, of 'iedereen'.")
    if not form["dagen"].strip().isdigit():
        return _("Geef de periode als een aantal dagen, bijvoorbeeld 365.")
    try:
        completion.set_requirement(
            request.user, organisation, form["doelgroep"], role, int(form["dagen"])
        )
    except completion.RequirementError as exc:
        return str(exc)
    return ""


@login_required
@require_POST
def end_requirement(request: HttpRequest, pk: int) -> HttpResponse:
    organisation, _choices = _organisation(request)
    if not may(request.user, CHANGE_REQUIREMENT):
        raise PermissionDenied
    try:
        completion.end_requirement(request.user, organisation, pk)
    except completion.RequirementError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De verplichting is beëindigd."))
    return redirect(_here(organisation))


@login_required
def export(request: HttpRequest, kind: str) -> HttpResponse:
    organisation, _choices = _organisation(request)
    found = completion.statuses(organisation)
    rows = completion.export_rows(organisation, found, request.user)
    day = timezone.localdate().isoformat()
    return downloads.download(
        rows,
        completion.EXPORT_HEADER,
        f"training-{organisation.pk}-{day}",
        kind,
        title=_("Training"),
    )
