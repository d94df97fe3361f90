"""Selection pages for analysts (login and permission required): editor with what-if,
runs with explanation, map and sensitivity, justification, comparison of runs."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from weerbaar.accounts.services.access import may
from weerbaar.areas.services import selectors as areas
from weerbaar.areas.services.svg_map import build_map
from weerbaar.core.downloads import download
from weerbaar.selection.models import Programme, Rule, RuleVersion, SelectionRun
from weerbaar.selection.services import (
    engine,
    explain,
    export,
    form,
    register,
    rules,
    runs,
    sensitivity,
)

VIEW = "selection.view_selectionrun"
RUN = "selection.add_selectionrun"
MAP_CLASSES = {"hoofdspoor": "q5", "tweede spoor": "q3"}


def _require(request: HttpRequest, permission: str) -> None:
    if not may(request.user, permission):
        raise PermissionDenied


def _map(result: dict[str, Any]) -> Any:
    rows = {a["code"]: a for a in result["areas"]}
    level = result["rule"]["level"]
    shapes = areas.current_areas(level).filter(code__in=list(rows))

    def css(area: Any) -> str:
        row = rows[area.code]
        if row["selected_in"]:
            return MAP_CLASSES[row["selected_in"]]
        return "q1" if row["tracks"] else "missing"

    def label(area: Any) -> str:
        row = rows[area.code]
        return f"{area.name}: {'gekozen (' + row['selected_in'] + ')' if row['selected_in'] else 'niet gekozen'}"

    return build_map(shapes, href=lambda area: None, label=label, css_class=css)


def _result_context(result: dict[str, Any]) -> dict[str, Any]:
    return {
        "result": result,
        "tracks": result["tracks"],
        "areas_rows": explain.explained_areas(result),
        "indicator_names": explain.indicator_names(list(result["resolved"]["years"])),
        "map": _map(result),
        "register": register.describe(result["rule"]),
        "warnings": register.warnings(result["rule"]),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    return render(
        request,
        "selection/index.html",
        {
            "programmes": Programme.objects.prefetch_related("participations"),
            "rules": Rule.objects.prefetch_related("versions"),
            "runs": SelectionRun.objects.select_related("rule_version__rule", "created_by")[:50],
            "can_run": may(request.user, RUN),
        },
    )


@login_required
def editor(request: HttpRequest) -> HttpResponse:
    """GET: an empty or prefilled form. POST "bekijk": what-if, nothing stored. POST
    "opslaan": store the rule version and run it. (POST for both, so the CSRF token never
    ends up in a URL.)"""
    _require(request, VIEW)
    saving = request.method == "POST" and request.POST.get("actie") == "opslaan"
    context: dict[str, Any] = {
        "groups": form.indicator_groups(),
        "provinces": areas.provinces().order_by("name"),
        "programmes": Programme.objects.all(),
        "can_run": may(request.user, RUN),
    }
    if "van" in request.GET:
        if not request.GET["van"].isdigit():
            raise Http404("Onbekende regelversie.")
        version = get_object_or_404(RuleVersion, pk=int(request.GET["van"]))
        context["values"] = form.form_from_rule(version.definition)
        return render(request, "selection/editor.html", context)
    if request.method == "GET":
        context["values"] = form.form_from_rule({"name": "", "years": 3, "select": {"top": 10}})
        return render(request, "selection/editor.html", context)
    rule_input = form.rule_from_form(request.POST)
    context["values"] = form.form_from_rule(rule_input) | {
        "provincie": request.POST.getlist("provincie")
    }
    try:
        rule = rules.validate(rule_input)
    except rules.RuleError as exc:
        context["errors"] = exc.problems
        return render(
            request,
            "selection/editor.html",
            context,
            status=400 if saving else 200,
        )
    if saving:
        _require(request, RUN)
        run = runs.execute(runs.save_rule(rule, user=request.user), user=request.user)
        return redirect("selection:run", pk=run.pk)
    result_json, _, _ = engine.run(rule)
    context.update(_result_context(json.loads(result_json)))
    context["what_if"] = True
    return render(request, "selection/editor.html", context)


@login_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, VIEW)
    run = get_object_or_404(
        SelectionRun.objects.select_related("rule_version__rule", "created_by"), pk=pk
    )
    result = runs.result_of(run)
    kind = request.GET.get("formaat")
    if kind in {"csv", "xlsx"}:
        return download(
            export.rows(result),
            export.header(result),
            f"selectie-run-{run.pk}",
            kind,
            f"run {run.pk}",
        )
    _, _, inputs = engine.run(result["rule"])
    context = _result_context(result) | {
        "run": run,
        "sensitivity": sensitivity.analyse(result["rule"], inputs, result, run.input_hash),
        "other_runs": SelectionRun.objects.exclude(pk=run.pk).select_related("rule_version__rule")[
            :30
        ],
    }
    if request.GET.get("controle"):
        context["rerun"] = runs.rerun(run)
    return render(request, "selection/run.html", context)


@login_required
def justification(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, VIEW)
    run = get_object_or_404(
        SelectionRun.objects.select_related("rule_version__rule", "created_by"), pk=pk
    )
    result = runs.result_of(run)
    return render(request, "selection/justification.html", _result_context(result) | {"run": run})


def _run_from(request: HttpRequest, key: str) -> SelectionRun:
    value = request.GET.get(key, "")
    if not value.isdigit():
        raise Http404(f"Kies twee runs om te vergelijken ({key} ontbreekt of is geen nummer).")
    return get_object_or_404(SelectionRun, pk=int(value))


@login_required
def compare_runs(request: HttpRequest) -> HttpResponse:
    _require(request, VIEW)
    first, second = _run_from(request, "a"), _run_from(request, "b")
    return render(
        request,
        "selection/compare.html",
        {
            "a": first,
            "b": second,
            "diff": runs.compare(first, second),
            "back": reverse("selection:run", args=[second.pk]),
        },
    )
