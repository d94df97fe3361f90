"""Searching the interventions catalogue and suggesting what fits an area.

A suggestion is a rule applied in the open: an intervention fits when it addresses a
problem on which the area stands out in the monitor and is meant for the ages asked
about. Approaches the evidence warns against are never suggested; they are listed with
their warning."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from weerbaar.prevention.models import (
    LEVEL_RANK,
    EvidenceWarning,
    Intervention,
    Problem,
    Recognition,
)
from weerbaar.prevention.services import priority


@dataclass(frozen=True)
class Filters:
    text: str = ""
    target_group: str = ""
    setting: str = ""
    problem: str = ""
    age: int | None = None
    minimum_level: str = ""
    with_warning: bool | None = None  # None: all; False: without; True: only warned
    order: str = "naam"


def _base() -> list[Intervention]:
    return list(
        Intervention.objects.filter(is_active=True).prefetch_related(
            "problems",
            Prefetch("recognitions", queryset=Recognition.objects.order_by("-preferred", "-date")),
        )
    )


def evidence_warnings() -> list[EvidenceWarning]:
    """What research advises against, each with its source, for the catalogue page."""
    return list(EvidenceWarning.objects.select_related("intervention"))


def level_rank(intervention: Intervention) -> int:
    current = intervention.current_recognition()
    return LEVEL_RANK.get(current.level, -1) if current else -1


def fits_age(intervention: Intervention, low: int, high: int) -> bool:
    start = intervention.age_min if intervention.age_min is not None else 0
    end = intervention.age_max if intervention.age_max is not None else 99
    return start <= high and end >= low


def _matching(filters: Filters) -> QuerySet[Intervention]:
    """The database part of the search: words, target group, setting, problem, warning."""
    queryset = Intervention.objects.filter(is_active=True)
    if filters.text:
        words = filters.text.split()
        for word in words[:8]:
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(summary__icontains=word)
                | Q(goal__icontains=word)
                | Q(method__icontains=word)
                | Q(provider__icontains=word)
            )
    if filters.target_group:
        queryset = queryset.filter(target_group=filters.target_group)
    if filters.setting:
        queryset = queryset.filter(setting=filters.setting)
    if filters.problem:
        queryset = queryset.filter(problems__slug=filters.problem)
    if filters.with_warning is True:
        queryset = queryset.exclude(warning="")
    elif filters.with_warning is False:
        queryset = queryset.filter(warning="")
    return queryset


def search(filters: Filters) -> list[Intervention]:
    ids = set(_matching(filters).values_list("pk", flat=True))
    found = [i for i in _base() if i.pk in ids]
    if filters.age is not None:
        found = [i for i in found if fits_age(i, filters.age, filters.age)]
    if filters.minimum_level:
        needed = LEVEL_RANK.get(filters.minimum_level, 0)
        found = [i for i in found if level_rank(i) >= needed]
    if filters.order == "erkenning":
        found.sort(key=lambda i: (-level_rank(i), i.name.lower()))
    else:
        found.sort(key=lambda i: i.name.lower())
    return found


@dataclass
class Suggestion:
    intervention: Intervention
    reasons: list[str] = field(default_factory=list)
    score: int = 0


@dataclass
class AreaFit:
    area_code: str
    ages: tuple[int, int]
    problems: list[tuple[Problem, priority.Concern]] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    warned: list[Intervention] = field(default_factory=list)

    @property
    def standing_out(self) -> list[tuple[Problem, priority.Concern]]:
        return [(p, c) for p, c in self.problems if c.of_concern]


def fits(area_code: str, ages: tuple[int, int] = (10, 14), threshold: float = 75.0) -> AreaFit:
    result = AreaFit(area_code, ages)
    for problem in Problem.objects.exclude(indicator_code="").order_by("name"):
        concern = priority.concerns(problem.indicator_code, [area_code], threshold).get(area_code)
        if concern is not None:
            result.problems.append((problem, concern))
    concerned = {p.pk: c for p, c in result.standing_out}
    for intervention in _base():
        if intervention.warning:
            result.warned.append(intervention)
            continue
        if not fits_age(intervention, *ages):
            continue
        suggestion = Suggestion(intervention)
        for problem in intervention.problems.all():
            if problem.pk in concerned:
                suggestion.reasons.append(
                    _("Pakt '%(problem)s' aan; %(why)s.")
                    % {"problem": problem.name, "why": concerned[problem.pk].explanation}
                )
                suggestion.score += 10
        if not suggestion.reasons:
            continue
        suggestion.reasons.append(
            _("Bedoeld voor %(ages)s; u vroeg naar %(low)s–%(high)s jaar.")
            % {"ages": intervention.ages or _("alle leeftijden"), "low": ages[0], "high": ages[1]}
        )
        current = intervention.current_recognition()
        if current and current.shown_level:
            suggestion.reasons.append(
                _("Erkenning: %(level)s (%(committee)s, %(year)s).")
                % {
                    "level": current.shown_level,
                    "committee": current.committee or _("commissie niet vermeld"),
                    "year": current.date.year if current.date else current.date_text or "—",
                }
            )
        else:
            suggestion.reasons.append(_("Geen erkenning bekend in deze catalogus."))
        suggestion.score += level_rank(intervention) + 1
        result.suggestions.append(suggestion)
    result.suggestions.sort(key=lambda s: (-s.score, s.intervention.name.lower()))
    return result
