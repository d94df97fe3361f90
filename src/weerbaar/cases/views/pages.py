"""Back-office pages: objects, the triage list of the signals meeting, link decisions.
Every check of who may see what goes through accounts.services.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.audit import record_view
from weerbaar.cases import permissions
from weerbaar.cases.models import Decision, LinkState, SignalLink, SubjectKind
from weerbaar.cases.services import linking, triage
from weerbaar.cases.services.selectors import visible_subjects
from weerbaar.signals.permissions import VIEW_SIGNAL
from weerbaar.signals.services.selectors import visible_signals

VIEW = permissions.VIEW_SUBJECT
DECIDE_LINK = permissions.DECIDE_LINK
TRIAGE = permissions.TRIAGE
TRIAGE_PAGE = 20  # objects per page of the agenda: the meeting works from the top


def _require(request: HttpRequest, permission: str) -> None:
    if not may(request.user, permission):
        raise PermissionDenied


@login_required
def subject_list(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    subjects = visible_subjects(request.user).annotate(
        n_signals=Count("links", filter=~Q(links__state=LinkState.REJECTED), distinct=True)
    )
    query = request.GET.get("zoek", "").strip()[:100]
    kind = request.GET.get("soort", "")
    if query:
        subjects = subjects.filter(
            Q(label__icontains=query)
            | Q(key__icontains=query.replace(" ", "").upper())
            | Q(kvk=query)
        )
    if kind in SubjectKind.values:
        subjects = subjects.filter(kind=kind)
    order = "-n_signals" if request.GET.get("sorteer") != "naam" else "label"
    page = Paginator(subjects.order_by(order, "label", "pk"), 25).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "cases/subject_list.html",
        {"page": page, "query": query, "kind": kind, "kinds": SubjectKind.choices, "sort": order},
    )


@login_required
def subject_detail(request: HttpRequest, pk: int) -> HttpResponse:
    subject = (
        visible_subjects(request.user).filter(pk=pk).select_related("municipality", "area").first()
    )
    if subject is None or not may(request.user, VIEW, subject):
        raise Http404(_("Dit object bestaat niet of u heeft er geen toegang toe."))
    record_view(request.user, subject)
    visible = visible_signals(request.user)
    signals = (
        linking.signals_about(subject, visible).select_related("category").order_by("-created_at")
    )
    return render(
        request,
        "cases/subject_detail.html",
        {
            "subject": subject,
            "signals": signals,
            "facts": linking.summary(subject, visible),
            "decisions": subject.decisions.select_related("decided_by"),
            "businesses": subject.businesses.all(),
            "addresses": subject.addresses.all(),
        },
    )


@login_required
@require_POST
def decide_link(request: HttpRequest, pk: int) -> HttpResponse:
    link = SignalLink.objects.select_related("signal", "subject").filter(pk=pk).first()
    if link is None or not may(request.user, VIEW_SIGNAL, link.signal):
        raise Http404(_("Deze koppeling bestaat niet of u heeft er geen toegang toe."))
    if not may(request.user, DECIDE_LINK, link.signal):
        raise PermissionDenied
    try:
        linking.decide(link, request.POST.get("besluit", ""), actor=request.user)
    except linking.LinkError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Koppeling met %(label)s: %(state)s.")
            % {"label": link.subject.label, "state": link.get_state_display()},
        )
    return redirect("signals:detail", pk=link.signal.pk)


@login_required
def triage_list(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    include_decided = request.GET.get("alle") == "1"
    formula = triage.current()
    visible = visible_signals(request.user)
    ranked = triage.ranking(
        visible_subjects(request.user),
        visible,
        include_decided=include_decided,
        definition=formula.definition,
    )
    page = Paginator(ranked, TRIAGE_PAGE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/triage.html",
        {
            "items": triage.items(list(page.object_list), visible, formula.definition),
            "page": page,
            "query": query.urlencode(),
            "formula": formula,
            "register": triage.register_text(formula),
            "decisions": Decision.choices,
            "can_decide": may(request.user, TRIAGE),
            "include_decided": include_decided,
        },
    )


@login_required
@require_POST
def triage_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, TRIAGE)
    subject = visible_subjects(request.user).filter(pk=pk).first()
    if subject is None or not may(request.user, VIEW, subject):
        raise Http404(_("Dit object bestaat niet of u heeft er geen toegang toe."))
    decision = request.POST.get("besluit", "")
    if decision not in Decision.values:
        messages.error(request, _("Kies een besluit."))
        return redirect("cases:triage")
    items = triage.agenda(
        visible_subjects(request.user).filter(pk=pk),
        visible_signals(request.user),
        include_decided=True,
    )
    if not items:
        raise Http404(_("Over dit object zijn geen signalen die u mag zien."))
    try:
        triage.decide(items[0], decision, request.POST.get("reden", ""), actor=request.user)
    except triage.FormulaError as exc:
        messages.error(request, str(exc))
    else:
        if decision == Decision.OPEN_CASE:
            # the decision is to open a case: go straight on to it, the object filled in
            messages.success(
                request,
                _("Besluit vastgelegd. Vul de zaak over %(label)s aan en sla hem op.")
                % {"label": subject.label},
            )
            return redirect(f"{reverse('cases:case_new')}?object={subject.pk}")
        messages.success(
            request, _("Besluit over %(label)s vastgelegd.") % {"label": subject.label}
        )
    return redirect("cases:triage")
