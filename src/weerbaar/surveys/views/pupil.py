"""The pupil's pages: the class link opens the questionnaire, no account, no JavaScript,
nothing kept in a cookie (the anonymity middleware strips all but CSRF). Each page ends
with where to get help, and promises no follow-up."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from weerbaar.surveys.services import answering, questionnaires


def _help(definition: dict) -> list[dict]:
    return definition.get("help", [])


@require_http_methods(["GET", "POST"])
def questionnaire(request: HttpRequest, code: str) -> HttpResponse:
    try:
        link = answering.open_link(code)
    except answering.ClosedError as exc:
        newest = questionnaires.newest()
        return render(
            request,
            "surveys/closed.html",
            {"message": str(exc), "help": _help(newest.definition) if newest else []},
            status=404,
        )
    definition = link.school.round.questionnaire.definition
    if request.method == "POST":
        answering.record(link, {k: request.POST.getlist(k) for k in request.POST})
        return render(request, "surveys/thanks.html", {"help": _help(definition)})
    return render(
        request,
        "surveys/questionnaire.html",
        {"definition": definition, "code": link.code, "help": _help(definition)},
    )
