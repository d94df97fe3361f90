"""The learner's pages: the scenarios on offer with their own standing, a scenario step by
step (checklist and question as plain forms, so it works without JavaScript), the next
step, the feedback timeline and the sandbox for practising the signal form.

An attempt is read only through ``selectors.own_attempt``: another official's attempt is
a 404, whatever their role."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.signals.services import practice
from weerbaar.signals.services.selectors import active_categories, checklist
from weerbaar.training.models import Attempt, TargetGroup
from weerbaar.training.services import attempts, completion, feedback, routes, scenarios
from weerbaar.training.services.selectors import (
    coordinated_organisations,
    own_attempt,
    own_attempts,
)

HISTORY_PAGE = 20


def _attempt_or_404(request: HttpRequest, pk: int) -> Attempt:
    found = own_attempt(request.user, pk)
    if found is None:
        raise Http404(_("Deze poging bestaat niet of is niet van u."))
    return found


def _steps(attempt: Attempt) -> list[dict[str, Any]]:
    return list(attempt.scenario.content["steps"])


@login_required
def index(request: HttpRequest) -> HttpResponse:
    offered = scenarios.offered()
    standing = completion.own_statuses(request.user)
    groups = []
    for group in TargetGroup:
        items = [o for o in offered if o.version.target_group == group.value]
        if items:
            groups.append((group.label, standing.get(group.value), items))
    history = Paginator(own_attempts(request.user).filter(finished_at__isnull=False), HISTORY_PAGE)
    open_attempts = list(own_attempts(request.user).filter(finished_at__isnull=True))
    return render(
        request,
        "training/index.html",
        {
            "groups": groups,
            "asked": [s for s in standing.values() if s.is_due or s.state == "binnenkort"],
            "page": history.get_page(request.GET.get("pagina")),
            "open_attempts": open_attempts,
            "may_train": getattr(request.user, "organisation", None) is not None,
            "coordinates": bool(coordinated_organisations(request.user)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario(request: HttpRequest, slug: str) -> HttpResponse:
    found = scenarios.current(slug)
    if found is None:
        raise Http404(_("Dit scenario bestaat niet (meer)."))
    problem = ""
    if request.method == "POST":
        try:
            attempt = attempts.start(request.user, slug)
        except attempts.AttemptError as exc:
            problem = str(exc)
        else:
            return redirect(_resume_url(attempt))
    content = found.version.content
    return render(
        request,
        "training/scenario.html",
        {
            "offered": found,
            "content": content,
            "steps": len(content["steps"]),
            "problem": problem,
        },
        status=400 if problem else 200,
    )


def _resume_url(attempt: Attempt) -> str:
    number = attempts.next_unanswered(attempt)
    if number is None:
        return reverse("training:decision", args=[attempt.pk])
    return reverse("training:step", args=[attempt.pk, number])


def _paragraphs(text: str) -> list[str]:
    """The step's text as paragraphs: a blank line ends one; the line breaks of the
    scenario file inside a paragraph are not the reader's."""
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def _option(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    attempt = _attempt_or_404(request, pk)
    if attempt.is_finished:
        return redirect("training:feedback", pk=attempt.pk)
    steps = _steps(attempt)
    if not 1 <= number <= len(steps):
        raise Http404(_("Deze stap bestaat niet."))
    problem = ""
    earlier = (attempt.answers.get("steps") or {}).get(str(number), {})
    ticked = set(earlier.get("indicators") or [])
    chosen = earlier.get("option")
    if request.method == "POST":
        ticked = set(request.POST.getlist("indicatoren"))
        chosen = _option(request.POST.get("antwoord"))
        try:
            attempts.answer_step(request.user, attempt.pk, number, ticked, chosen)
        except attempts.AttemptError as exc:
            problem = str(exc)
        else:
            if number < len(steps):
                return redirect("training:step", pk=attempt.pk, number=number + 1)
            attempt.refresh_from_db()
            return redirect(_resume_url(attempt))
    content = steps[number - 1]
    image = content.get("image")
    return render(
        request,
        "training/step.html",
        {
            "attempt": attempt,
            "scenario": attempt.scenario.content,
            "step": content,
            "paragraphs": _paragraphs(content["text"]),
            "number": number,
            "total": len(steps),
            "image_url": static(f"training/beelden/{image['file']}") if image else "",
            "checklist": [(code, label, code in ticked) for code, label in checklist().items()],
            "options": [
                (index, option["text"], index == chosen)
                for index, option in enumerate((content.get("question") or {}).get("options", []))
            ],
            "problem": problem,
        },
        status=400 if problem else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _attempt_or_404(request, pk)
    if attempt.is_finished:
        return redirect("training:feedback", pk=attempt.pk)
    missing = attempts.next_unanswered(attempt)
    if missing is not None:
        return redirect("training:step", pk=attempt.pk, number=missing)
    problem = ""
    chosen = ""
    if request.method == "POST":
        chosen = request.POST.get("vervolg", "")
        try:
            attempts.finish(request.user, attempt.pk, chosen)
        except attempts.AttemptError as exc:
            problem = str(exc)
        else:
            return redirect("training:feedback", pk=attempt.pk)
    content = attempt.scenario.content
    return render(
        request,
        "training/decision.html",
        {
            "attempt": attempt,
            "scenario": content,
            "routes": [(code, label, code == chosen) for code, label in routes.ROUTES.items()],
            "lands_at": routes.where_it_lands(content["category"], request.user),
            "category": active_categories().get(content["category"], content["category"]),
            "problem": problem,
        },
        status=400 if problem else 200,
    )


@login_required
def result(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _attempt_or_404(request, pk)
    if not attempt.is_finished:
        return redirect(_resume_url(attempt))
    content = attempt.scenario.content
    return render(
        request,
        "training/feedback.html",
        {
            "attempt": attempt,
            "scenario": content,
            "feedback": feedback.assess(content, attempt.answers, checklist()),
        },
    )


@login_required
@require_POST
def again(request: HttpRequest, pk: int) -> HttpResponse:
    """Do the scenario once more: a new attempt at its current version."""
    attempt = _attempt_or_404(request, pk)
    try:
        fresh = attempts.start(request.user, attempt.scenario.slug)
    except attempts.AttemptError as exc:
        return render(
            request, "training/problem.html", {"problem": str(exc), "attempt": attempt}, status=400
        )
    return redirect(_resume_url(fresh))


@login_required
@require_http_methods(["GET", "POST"])
def sandbox(request: HttpRequest, pk: int) -> HttpResponse:
    """The real signal form, prefilled from the scenario, checked but never stored: the
    learner sees what would have been recorded beside the scenario's signals."""
    attempt = _attempt_or_404(request, pk)
    content = attempt.scenario.content
    expected = [s["indicator"] for step in content["steps"] for s in step["signals"]]
    preview = None
    if request.method == "POST":
        form = practice.form(request.user, data=request.POST)
        if form.is_valid():
            preview = practice.preview(form)
    else:
        form = practice.form(
            request.user,
            initial={
                "category": content["category"],
                "description": content["practice"]["description"],
            },
        )
    labels = checklist()
    comparison = []
    if preview is not None:
        chosen = set(preview.indicators)
        comparison = [(labels.get(code, code), code in chosen) for code in dict.fromkeys(expected)]
        extra = [labels.get(code, code) for code in preview.indicators if code not in expected]
    else:
        extra = []
    return render(
        request,
        "training/sandbox.html",
        {
            "attempt": attempt,
            "scenario": content,
            "form": form,
            "preview": preview,
            "comparison": comparison,
            "extra": extra,
        },
        status=400 if request.method == "POST" and preview is None else 200,
    )
