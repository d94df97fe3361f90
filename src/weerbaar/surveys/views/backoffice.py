"""The coordinator's pages: rounds, schools and class links with their QR sheets and
letters, results (aggregates only, small cells suppressed) and the researcher's export."""

from __future__ import annotations

import datetime as dt
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.accounts.services.access import may
from weerbaar.areas.services import selectors as areas
from weerbaar.core import downloads
from weerbaar.surveys.models import ClassLink, Response, Round, School, SchoolType
from weerbaar.surveys.permissions import ADD_ROUND, EXPORT_RESPONSES, VIEW_ROUND
from weerbaar.surveys.services import charts, questionnaires, references, results, rounds, trends
from weerbaar.surveys.services import to_monitor as monitor_delivery
from weerbaar.surveys.services.selectors import visible_rounds


def _round_or_404(request: HttpRequest, pk: int) -> Round:
    found = visible_rounds(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404(_("Deze ronde bestaat niet of u heeft er geen toegang toe."))
    return found


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def link_url(request: HttpRequest, link: ClassLink) -> str:
    return request.build_absolute_uri(reverse("surveys_public:questionnaire", args=[link.code]))


@login_required
@require_http_methods(["GET", "POST"])
def round_list(request: HttpRequest) -> HttpResponse:
    if not may(request.user, VIEW_ROUND):
        raise PermissionDenied
    problems: list[str] = []
    form = {k: request.POST.get(k, "") for k in ("naam", "jaar", "van", "tot", "scholen")}
    if request.method == "POST":
        if not may(request.user, ADD_ROUND):
            raise PermissionDenied
        problems, created = _create(request, form)
        if created is not None:
            messages.success(request, _("De ronde staat klaar. Hieronder staan de links per klas."))
            return redirect("surveys:round", pk=created.pk)
    return render(
        request,
        "surveys/rounds.html",
        {
            "rounds": visible_rounds(request.user).order_by("-year", "name"),
            "may_add": may(request.user, ADD_ROUND),
            "form": form,
            "problems": problems,
        },
        status=400 if problems else 200,
    )


def _create(request: HttpRequest, form: dict[str, str]) -> tuple[list[str], Round | None]:
    opens, closes = _date(form["van"]), _date(form["tot"])
    problems = []
    if not form["naam"].strip():
        problems.append(_("Geef de ronde een naam."))
    if not (form["jaar"].isdigit() and len(form["jaar"]) == 4):
        problems.append(_("Het jaar heeft vier cijfers."))
    if opens is None or closes is None:
        problems.append(_("Geef de eerste en laatste dag als datum."))
    version = questionnaires.newest()
    if version is None:
        problems.append(_("Er is nog geen vragenlijst geladen."))
    plans = []
    for line in filter(None, (x.strip() for x in form["scholen"].splitlines())):
        try:
            plans.append(rounds.parse_school(line))
        except rounds.RoundError as exc:
            problems.append(str(exc))
    if not plans and not problems:
        problems.append(_("Noem minstens één school."))
    if problems or opens is None or closes is None or version is None:
        return problems, None
    try:
        created = rounds.create_round(
            name=form["naam"].strip(),
            year=int(form["jaar"]),
            opens_on=opens,
            closes_on=closes,
            questionnaire=version,
            schools=plans,
            actor=request.user,
        )
    except rounds.RoundError as exc:
        return [str(exc)], None
    return [], created


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, title=url)


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = _round_or_404(request, pk)
    schools = list(
        found.schools.prefetch_related("classes")
        .annotate(answered=Count("responses"))
        .order_by("name")
    )
    least = results.threshold()
    names = areas.names([s.municipality_code for s in schools])
    return render(
        request,
        "surveys/round.html",
        {
            "round": found,
            "schools": [
                (
                    s,
                    names.get(s.municipality_code, s.municipality_code),
                    s.answered if s.answered >= least else None,
                    [(c, link_url(request, c)) for c in s.classes.all()],
                )
                for s in schools
            ],
            "least": least,
            "may_export": may(request.user, EXPORT_RESPONSES),
            "may_publish": may(request.user, ADD_ROUND),
        },
    )


@login_required
@require_POST
def to_monitor(request: HttpRequest, pk: int) -> HttpResponse:
    if not may(request.user, ADD_ROUND):
        raise PermissionDenied
    found = _round_or_404(request, pk)
    shown = monitor_delivery.publish(found, actor=request.user)
    messages.success(
        request,
        _("De uitkomsten staan in de monitor: %(n)s gemeente-cijfers (kleine groepen afgeschermd).")
        % {"n": shown},
    )
    return redirect("surveys:round", pk=found.pk)


@login_required
def class_sheet(request: HttpRequest, pk: int, link: int) -> HttpResponse:
    found = _round_or_404(request, pk)
    item = ClassLink.objects.filter(pk=link, school__round=found).select_related("school").first()
    if item is None:
        raise Http404(_("Deze klas bestaat niet."))
    url = link_url(request, item)
    return render(
        request,
        "surveys/sheet.html",
        {"round": found, "link": item, "url": url, "qr": mark_safe(_qr(url))},  # noqa: S308 - segno's own SVG
    )


@login_required
def letters(request: HttpRequest, pk: int, school: int) -> HttpResponse:
    found = _round_or_404(request, pk)
    item = School.objects.filter(pk=school, round=found).first()
    if item is None:
        raise Http404(_("Deze school doet niet mee aan deze ronde."))
    return render(
        request,
        "surveys/letters.html",
        {
            "round": found,
            "school": item,
            "help": found.questionnaire.definition.get("help", []),
            "municipality": areas.names([item.municipality_code]).get(item.municipality_code, ""),
        },
    )


GROUPING_WORDS = {
    "gemeente": "per gemeente",
    "provincie": "per provincie",
    "regio": "per regio",
    "schoolsoort": "per schoolsoort",
    "leerjaar": "per leerjaar",
    "gemeente-schoolsoort-leerjaar": "per gemeente, schoolsoort en leerjaar",
}


def _label(group: str, grouping: str, names: dict[str, str], kinds: dict[str, Any]) -> str:
    parts = group.split("|")
    if grouping in {"gemeente", "provincie", "regio"}:
        return names.get(group, group)
    if grouping == "schoolsoort":
        return str(kinds.get(group, group))
    if grouping == "leerjaar":
        return f"leerjaar {group}"
    return f"{names.get(parts[0], parts[0])}, {kinds.get(parts[1], parts[1])}, leerjaar {parts[2]}"


@login_required
def results_page(request: HttpRequest, pk: int) -> HttpResponse:
    found = _round_or_404(request, pk)
    grouping = request.GET.get("indeling", "gemeente")
    if grouping not in GROUPING_WORDS:
        grouping = "gemeente"
    people = results.respondents([found.pk])
    school = None
    if request.GET.get("school", "").isdigit():
        school = found.schools.filter(pk=int(request.GET["school"])).first()
        if school is None:
            raise Http404(_("Deze school doet niet mee aan deze ronde."))
        people = [p for p in people if p.school_id == school.pk]
        if len(people) < results.school_threshold():
            return render(
                request,
                "surveys/school_too_small.html",
                {"round": found, "school": school, "least": results.school_threshold()},
            )
    weight_set = results.latest_weights()
    sets = results.area_sets()
    person_weights = results.weights(people, weight_set)
    definition = found.questionnaire.definition
    found_results = [
        results.question_results(q, people, person_weights, area_sets=sets)[grouping]
        for q in definition["questions"]
    ]
    if request.GET.get("formaat") in {"csv", "xlsx"}:
        return downloads.download(
            results.export_rows(found_results),
            results.EXPORT_HEADER,
            f"enquete-{found.year}-{grouping}",
            request.GET["formaat"],
            "uitkomsten",
        )
    refs = references.references()
    texts = {q["key"]: q["text"] for q in definition["questions"]}
    names = areas.names({p.municipality for p in people} | set(sets["provincie"]))
    names.update({r.slug: r.name for r in areas.regions()})
    kinds = dict(SchoolType.choices)
    labels = {
        row.group: _label(row.group, grouping, names, kinds)
        for result in found_results
        for row in result.rows
    }
    return render(
        request,
        "surveys/results.html",
        {
            "round": found,
            "school": school,
            "grouping": grouping,
            "groupings": GROUPING_WORDS,
            "results": found_results,
            "charts": {r.key: charts.chart(r) for r in found_results},
            "names": labels,
            "respondents": len(people),
            "least": results.threshold(),
            "weight_set": weight_set,
            "trends": [
                (texts[key], points, refs.get((key, option)))
                for (key, option), points in trends.trends(
                    found.questionnaire.slug,
                    [pair for pair in references.MAPPING if pair[0] in texts],
                ).items()
            ],
        },
    )


@login_required
def export_responses(request: HttpRequest, pk: int) -> HttpResponse:
    """The loose answers, for a named researcher only, audited. Still no time, class or
    person: school, year group, week and the answers."""
    if not may(request.user, EXPORT_RESPONSES):
        raise PermissionDenied
    found = _round_or_404(request, pk)
    rows = (
        Response.objects.filter(round=found)
        .select_related("school")
        .order_by("school__name", "year_group", "id")
    )
    keys = [q["key"] for q in found.questionnaire.definition["questions"]]
    table = [
        [
            row.school.name,
            row.school.municipality_code,
            row.school.school_type,
            row.year_group,
            row.week,
        ]
        + ["|".join(row.answers.get(k, [])) for k in keys]
        for row in rows
    ]
    audit.record(AuditAction.EXPORT, actor=request.user, obj=found)
    return downloads.download(
        table,
        ["school", "gemeente", "schoolsoort", "leerjaar", "week", *keys],
        f"antwoorden-{found.year}-{found.pk}",
        "csv",
    )
