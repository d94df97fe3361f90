"""The one door for attempts: start (or resume), answer a step, finish. A finished
attempt is a completion and is never changed again; doing a scenario again is a new
attempt, so the history of earlier completions stays as it was."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.signals.services.selectors import checklist
from weerbaar.training.models import Attempt
from weerbaar.training.services import feedback, scenarios
from weerbaar.training.services.routes import ROUTES


class AttemptError(ValueError):
    """Refused, with a message for the learner."""


def _may_train(user: Any) -> None:
    organisation = getattr(user, "organisation", None)
    if organisation is None or not organisation.is_active:
        raise AttemptError(_("Alleen medewerkers van een deelnemende organisatie kunnen trainen."))


@transaction.atomic
def start(user: Any, slug: str) -> Attempt:
    """The learner's unfinished attempt at the current version, or a new one."""
    _may_train(user)
    offered = scenarios.current(slug)
    if offered is None:
        raise AttemptError(_("Dit scenario bestaat niet (meer)."))
    if not offered.available:
        raise AttemptError(
            _("Dit scenario is tijdelijk niet beschikbaar: %(why)s")
            % {"why": " ".join(offered.problems)}
        )
    open_attempt = Attempt.objects.filter(
        user=user, scenario=offered.version, finished_at__isnull=True
    ).first()
    if open_attempt is not None:
        return open_attempt
    return Attempt.objects.create(
        user=user, organisation=user.organisation, scenario=offered.version
    )


def _locked_open(user: Any, pk: int) -> Attempt:
    attempt = Attempt.objects.select_for_update().filter(pk=pk, user=user).first()
    if attempt is None:
        raise AttemptError(_("Deze poging bestaat niet."))
    if attempt.is_finished:
        raise AttemptError(_("Deze poging is al afgerond. Begin opnieuw om het nog eens te doen."))
    return attempt


@transaction.atomic
def answer_step(
    user: Any, pk: int, number: int, indicators: Iterable[str], option: int | None = None
) -> Attempt:
    """What the learner saw at step ``number`` (checklist codes) and their answer to the
    step's question. Answering a step again replaces the earlier answer."""
    attempt = _locked_open(user, pk)
    steps = attempt.scenario.content["steps"]
    if not 1 <= number <= len(steps):
        raise AttemptError(_("Deze stap bestaat niet."))
    known = checklist()
    codes = [code for code in known if code in set(indicators)]
    question = steps[number - 1].get("question")
    if question is not None and (option is None or not 0 <= option < len(question["options"])):
        raise AttemptError(_("Kies een antwoord op de vraag."))
    answers = dict(attempt.answers)
    answers.setdefault("steps", {})
    answers["steps"] = {**answers["steps"], str(number): {"indicators": codes, "option": option}}
    attempt.answers = answers
    attempt.save(update_fields=["answers"])
    return attempt


def next_unanswered(attempt: Attempt) -> int | None:
    answered = (attempt.answers.get("steps") or {}).keys()
    for number in range(1, len(attempt.scenario.content["steps"]) + 1):
        if str(number) not in answered:
            return number
    return None


@transaction.atomic
def finish(user: Any, pk: int, action: str) -> Attempt:
    """The learner's next step chosen: the attempt is scored and becomes a completion."""
    attempt = _locked_open(user, pk)
    if action not in ROUTES:
        raise AttemptError(_("Kies wat u nu doet."))
    if next_unanswered(attempt) is not None:
        raise AttemptError(_("Beantwoord eerst alle stappen."))
    answers = {**attempt.answers, "action": action}
    result = feedback.assess(attempt.scenario.content, answers, checklist())
    attempt.answers = answers
    attempt.finished_at = timezone.now()
    attempt.signals_found = result.found
    attempt.signals_total = result.total
    attempt.action_right = bool(result.action and result.action.right)
    attempt.save()
    audit.record(AuditAction.CREATE, actor=user, obj=attempt)
    return attempt
