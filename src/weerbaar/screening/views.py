"""Screening pages: register, new application, the application page (checklist, persons,
financing, checks and risk picture, deadline, timeline, letters) and the deadlines
overview. Only the named screening team sees an application; every read is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, overload

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.models import AuditAction, User
from weerbaar.accounts.services.access import may
from weerbaar.accounts.services.audit import record, record_list
from weerbaar.accounts.views import record_reads
from weerbaar.cases.services.keys import InvalidKey
from weerbaar.core.downloads import csv_download
from weerbaar.screening import forms
from weerbaar.screening.models import (
    Application,
    ApplicationKind,
    CompanyEvent,
    FinancingLine,
    Person,
    Question,
    State,
)
from weerbaar.screening.services import (
    access,
    checks,
    details,
    letters,
    questionnaire,
    register,
    workflow,
)
from weerbaar.screening.services.deadlines import AT_RISK_DAYS, TermError

PAGE_SIZE = 25
STATUS_LABELS = {
    "verlopen": gettext_lazy("te laat"),
    "dreigt": gettext_lazy("dreigt te laat te worden"),
    "op schema": gettext_lazy("op schema"),
}
OPEN_STATES = sorted(workflow.OPEN)


class InOrder(Sequence[Application]):
    """Applications in a given order of ids, fetched a page at a time (for sorting by a
    date that is computed in Python rather than stored)."""

    def __init__(self, queryset: QuerySet[Application], ids: list[int]) -> None:
        self.queryset, self.ids = queryset, ids

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Application: ...
    @overload
    def __getitem__(self, index: slice) -> list[Application]: ...
    def __getitem__(self, index: int | slice) -> Application | list[Application]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        wanted = self.ids[index]
        found = self.queryset.in_bulk(wanted)
        return [found[pk] for pk in wanted]


def _application(request: HttpRequest, pk: int, permission: str = access.VIEW) -> Application:
    application = access.get(request.user, pk, permission)
    if application is None:
        raise Http404(_("Deze aanvraag bestaat niet of u hoort niet bij het screeningsteam ervan."))
    return application


def _colleagues(user: Any) -> list[User]:
    """Screening staff of the same organisation, to name on an application."""
    return [
        u
        for u in User.objects.filter(organisation=user.organisation, is_active=True)
        .exclude(pk=user.pk)
        .order_by("username")
        if u.has_perm(access.VIEW)
    ]


@login_required
def register_view(request: HttpRequest) -> HttpResponse:
    if not may(request.user, access.VIEW):
        raise PermissionDenied
    today = timezone.localdate()
    found = access.visible(request.user).select_related("kind", "municipality")
    state = request.GET.get("fase", "")
    if state in State.values:
        found = found.filter(state=state)
    kind = request.GET.get("soort", "")
    if kind:
        found = found.filter(kind__code=kind)
    query = request.GET.get("zoek", "").strip()[:100]
    if query:
        found = found.filter(
            Q(reference__icontains=query) | Q(applicant_name__icontains=query) | Q(kvk=query)
        )
    order = request.GET.get("sorteer", "ontvangen")
    if order not in ("ontvangen", "beslisdatum", "kenmerk"):
        order = "ontvangen"
    found = found.prefetch_related("suspensions")
    # Due dates are computed in Python, so only for the open applications (a decided one has
    # no deadline left); the other orders page in the database.
    open_deadlines = {
        a.pk: workflow.deadline(a, today) for a in found.filter(state__in=OPEN_STATES)
    }
    at_risk = sum(1 for d in open_deadlines.values() if d.status(today) != "op schema")
    if order == "beslisdatum":
        first = sorted(open_deadlines, key=lambda pk: (open_deadlines[pk].due, pk))
        rest = found.exclude(pk__in=first).order_by("-received_on", "-pk")
        ordered: Any = InOrder(found, [*first, *rest.values_list("pk", flat=True)])
    else:
        ordered = found.order_by(
            *(("reference",) if order == "kenmerk" else ("-received_on", "-pk"))
        )
    if request.GET.get("formaat") == "csv":
        rows = [(a, open_deadlines.get(a.pk)) for a in ordered]
        record(
            AuditAction.EXPORT,
            actor=request.user,
            object_type="screening.application",
            object_ids=[a.pk for a, _ in rows],
        )
        header = [
            "kenmerk",
            "soort",
            "aanvrager",
            "gemeente",
            "ontvangen",
            "fase",
            "uiterlijke beslisdatum",
            "besluit",
        ]
        return csv_download(
            [
                [
                    a.reference,
                    a.kind.name,
                    a.applicant_name,
                    a.municipality.name,
                    a.received_on.isoformat(),
                    a.get_state_display(),
                    d.due.isoformat() if d else "",
                    a.get_outcome_display() if a.outcome else "",
                ]
                for a, d in rows
            ],
            header,
            "bibob-register.csv",
        )
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("pagina"))
    page_query = request.GET.copy()
    page_query.pop("pagina", None)
    record_list(request.user, "screening.application", [a.pk for a in page.object_list])
    return render(
        request,
        "screening/register.html",
        {
            "page": page,
            "rows": [(a, open_deadlines.get(a.pk)) for a in page.object_list],
            "page_query": page_query.urlencode(),
            "today": today,
            "states": State.choices,
            "kinds": ApplicationKind.objects.all(),
            "state": state,
            "kind": kind,
            "query": query,
            "order": order,
            "at_risk": at_risk,
            "open_states": OPEN_STATES,
            "can_add": may(request.user, access.ADD),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    if not may(request.user, access.ADD):
        raise PermissionDenied
    organisation = getattr(request.user, "organisation", None)
    if organisation is None:
        raise PermissionDenied
    colleagues = _colleagues(request.user)
    form = forms.ApplicationForm(
        request.POST or None, organisation=organisation, colleagues=colleagues
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        team_ids = {int(pk) for pk in data.pop("team")}
        try:
            application = register.create(
                register.NewApplication(**data),
                actor=request.user,
                organisation=organisation,
                team=[u for u in colleagues if u.pk in team_ids],
            )
        except InvalidKey as error:
            form.add_error(None, str(error))
        except register.OutsideArea as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(
                request, _("Aanvraag %(ref)s geregistreerd.") % {"ref": application.reference}
            )
            return redirect("screening:application", pk=application.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "screening/new.html", {"form": form}, status=status)


def _detail(
    request: HttpRequest, application: Application, status: int = 200, **bound: Any
) -> HttpResponse:
    today = timezone.localdate()
    findings = checks.run_all(application, request.user)
    deadline = workflow.deadline(application, today)
    can_change = may(request.user, access.CHANGE, application)
    items = questionnaire.items(application)
    context = {
        "application": application,
        "today": today,
        "deadline": deadline,
        "status": deadline.status(today),
        "items": items,
        "missing": [item.question for item in items if item.missing],
        "persons": application.persons.all(),
        "financing": application.financing.all(),
        "company_events": application.company_events.all(),
        "findings": findings,
        "fired": [f for f in findings if f.fired],
        "events": application.events.select_related("actor"),
        "letters": application.letters.select_related("created_by"),
        "team": application.team.order_by("username"),
        "can_change": can_change and application.purged_at is None,
        "is_open": application.state in OPEN_STATES,
        "person_form": bound.get("person_form") or forms.PersonForm(),
        "financing_form": bound.get("financing_form") or forms.FinancingForm(),
        "event_form": bound.get("event_form") or forms.CompanyEventForm(),
        "assessment_form": bound.get("assessment_form") or forms.AssessmentForm(),
        "date_form": bound.get("date_form") or forms.DateStepForm(),
        "extension_form": bound.get("extension_form") or forms.LbbExtensionForm(),
        "advice_form": bound.get("advice_form") or forms.LbbAdviceForm(),
        "decision_extension_form": bound.get("decision_extension_form") or forms.ExtensionForm(),
        "intention_form": bound.get("intention_form") or forms.IntentionForm(),
        "decision_form": bound.get("decision_form")
        or forms.DecisionForm(initial={"ground": application.kind.legal_ground}),
        "letter_form": bound.get("letter_form") or forms.LetterForm(),
        "answer_error": bound.get("answer_error"),
        "step_error": bound.get("step_error"),
        "lbb_questions_open": workflow.lbb_questions_open(application),
        "steps": workflow.steps_now(application),
        "State": State,
        "error_forms": [f for f in bound.values() if hasattr(f, "errors") and f.errors],
    }
    return render(request, "screening/application.html", context, status=status)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _application(request, pk))


def _add(
    form_class: type, model: Any, context_name: str, text: Callable[[Any], str]
) -> Callable[..., HttpResponse]:
    """A POST view that adds one row (person, financing line, company change)."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        application = _application(request, pk, access.CHANGE)
        if application.purged_at:
            raise PermissionDenied
        form = form_class(request.POST)
        if not form.is_valid():
            return _detail(request, application, 400, **{context_name: form})
        row = model(**form.cleaned_data)  # unsaved: only to word the timeline line
        try:
            details.add(application, model, form.cleaned_data, text=text(row), actor=request.user)
        except details.ClosedFile as error:
            raise PermissionDenied(str(error)) from error
        return redirect(f"{application.get_absolute_url()}#{context_name.replace('_form', '')}")

    return view


add_person = _add(
    forms.PersonForm,
    Person,
    "person_form",
    lambda p: f"Persoon toegevoegd: {p.get_role_display()}.",
)
add_financing = _add(
    forms.FinancingForm,
    FinancingLine,
    "financing_form",
    lambda f: f"Financieringsbron toegevoegd: {f.get_source_display()}.",
)
add_company_event = _add(
    forms.CompanyEventForm,
    CompanyEvent,
    "event_form",
    lambda e: f"KvK-wijziging toegevoegd: {e.get_kind_display()}.",
)


@login_required
@require_POST
def remove_person(request: HttpRequest, pk: int, person: int) -> HttpResponse:
    application = _application(request, pk, access.CHANGE)
    row = get_object_or_404(Person, pk=person, application=application)
    details.remove_person(application, row, actor=request.user)
    return redirect(f"{application.get_absolute_url()}#person")


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, question: int) -> HttpResponse:
    application = _application(request, pk, access.CHANGE)
    item = get_object_or_404(Question, pk=question, questionnaire=application.questionnaire)
    form = forms.AnswerForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            questionnaire.answer(
                application,
                item,
                text=form.cleaned_data["text"],
                document=form.cleaned_data["document"],
                actor=request.user,
            )
        except questionnaire.AnswerError as error:
            return _detail(request, application, 400, answer_error=(item.pk, str(error)))
        workflow.record(
            application, "vragenlijst", f"Antwoord vastgelegd: {item.text}", request.user
        )
    return redirect(f"{application.get_absolute_url()}#vragenlijst")


@login_required
def document(request: HttpRequest, pk: int, question: int) -> HttpResponse:
    application = _application(request, pk)
    row = application.answers.filter(question_id=question).exclude(document_name="").first()
    if row is None or row.document is None:
        raise Http404(_("Er is geen document bij deze vraag."))
    record(AuditAction.EXPORT, actor=request.user, obj=application)
    response = HttpResponse(bytes(row.document), content_type=row.document_type)
    response["Content-Disposition"] = f'attachment; filename="{row.document_name}"'
    return response


STEPS: dict[str, tuple[type, str, Callable[..., None]]] = {
    "beoordeling": (
        forms.AssessmentForm,
        "assessment_form",
        lambda a, d, u: workflow.assess(a, d["choice"], d["reasons"], actor=u, on=d["on"]),
    ),
    "aanvulling-ontvangen": (
        forms.DateStepForm,
        "date_form",
        lambda a, d, u: workflow.information_received(a, actor=u, on=d["on"]),
    ),
    "verdaging": (
        forms.ExtensionForm,
        "decision_extension_form",
        lambda a, d, u: workflow.extend(a, d["weeks"], d["reasons"], actor=u),
    ),
    "lbb-verlenging": (
        forms.LbbExtensionForm,
        "extension_form",
        lambda a, d, u: workflow.lbb_extends(a, d["weeks"], actor=u),
    ),
    "lbb-vragen": (
        forms.DateStepForm,
        "date_form",
        lambda a, d, u: workflow.lbb_questions(a, actor=u, on=d["on"]),
    ),
    "lbb-vragen-beantwoord": (
        forms.DateStepForm,
        "date_form",
        lambda a, d, u: workflow.lbb_questions(a, actor=u, on=d["on"], answered=True),
    ),
    "lbb-advies": (
        forms.LbbAdviceForm,
        "advice_form",
        lambda a, d, u: workflow.lbb_advice(a, d["degree"], actor=u, on=d["on"], note=d["note"]),
    ),
    "voornemen": (
        forms.IntentionForm,
        "intention_form",
        lambda a, d, u: workflow.intend_refusal(
            a, d["reasons"], actor=u, on=d["on"], weeks=d["weeks"]
        ),
    ),
    "besluit": (
        forms.DecisionForm,
        "decision_form",
        lambda a, d, u: workflow.decide(
            a, d["outcome"], d["ground"], d["reasons"], actor=u, on=d["on"]
        ),
    ),
}


@login_required
@require_POST
def step(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    if name not in STEPS:
        raise Http404(_("Deze stap bestaat niet."))
    application = _application(request, pk, access.CHANGE)
    form_class, context_name, run = STEPS[name]
    form = form_class(request.POST)
    if not form.is_valid():
        return _detail(request, application, 400, **{context_name: form})
    try:
        run(application, form.cleaned_data, request.user)
    except (workflow.StepError, TermError) as error:
        return _detail(request, application, 400, step_error=str(error))
    messages.success(request, _("Vastgelegd."))
    return redirect(f"{application.get_absolute_url()}#stappen")


@login_required
@require_POST
def make_letter(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk, access.CHANGE)
    form = forms.LetterForm(request.POST)
    if not form.is_valid():
        return _detail(request, application, 400, letter_form=form)
    try:
        letter = letters.draft(
            application, form.cleaned_data["kind"], actor=request.user, today=timezone.localdate()
        )
    except LookupError as error:
        return _detail(request, application, 400, step_error=str(error))
    messages.success(request, _("Concept gemaakt: %(subject)s") % {"subject": letter.subject})
    return redirect(f"{application.get_absolute_url()}#brieven")


@login_required
def letter_text(request: HttpRequest, pk: int, letter: int) -> HttpResponse:
    application = _application(request, pk)
    row = get_object_or_404(application.letters, pk=letter)
    record(AuditAction.EXPORT, actor=request.user, obj=application)
    response = HttpResponse(
        f"{row.subject}\n\n{row.body}\n", content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{application.reference}-{row.kind}-{row.pk}.txt"'
    )
    return response


@login_required
def deadlines_view(request: HttpRequest) -> HttpResponse:
    if not may(request.user, access.VIEW):
        raise PermissionDenied
    today = timezone.localdate()
    found = (
        access.visible(request.user)
        .filter(state__in=OPEN_STATES)
        .select_related("kind", "municipality")
        .prefetch_related("suspensions")
    )
    rows = sorted(((a, workflow.deadline(a, today)) for a in found), key=lambda row: row[1].due)
    reminders = []
    for application, deadline in rows:
        if (
            deadline.lbb_due
            and not application.lbb_advice_on
            and deadline.lbb_due - today <= dt.timedelta(days=AT_RISK_DAYS)
        ):
            reminders.append((application, _("advies LBB uiterlijk verwacht"), deadline.lbb_due))
        if deadline.hearing_ends and application.state == State.HEARING:
            reminders.append((application, _("termijn zienswijze eindigt"), deadline.hearing_ends))
    table = [(a, d, d.days_left(today), STATUS_LABELS[d.status(today)]) for a, d in rows]
    return render(
        request,
        "screening/deadlines.html",
        {"rows": table, "today": today, "reminders": sorted(reminders, key=lambda r: r[2])},
    )


@login_required
def reads(request: HttpRequest, pk: int) -> HttpResponse:
    """Who looked at this application (privacy officers and administrators)."""
    application = _application(request, pk)
    title = _("aanvraag %(reference)s") % {"reference": application.reference}
    return record_reads(request, application, title, reverse("screening:application", args=[pk]))
