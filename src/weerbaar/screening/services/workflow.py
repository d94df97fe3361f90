"""The one door for everything that happens to an application: each step checks the
transition table, records who did it and why on the timeline, and keeps the deadline
data (suspensions, LBB dates, hearing) in step. A person decides; checks only inform."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from weerbaar.core.locking import door
from weerbaar.screening.models import (
    Application,
    Assessment,
    Event,
    LbbDegree,
    Outcome,
    State,
    Suspension,
    SuspensionKind,
)
from weerbaar.screening.services import checks, deadlines

TRANSITIONS: dict[str, set[str]] = {
    State.SCREENING: {
        State.INFO_REQUESTED,
        State.LBB,
        State.HEARING,
        State.DECIDED,
        State.WITHDRAWN,
    },
    State.INFO_REQUESTED: {State.SCREENING, State.WITHDRAWN},
    State.LBB: {State.SCREENING, State.WITHDRAWN},
    State.HEARING: {State.DECIDED, State.WITHDRAWN},
    State.DECIDED: set(),
    State.WITHDRAWN: set(),
}
NEGATIVE = {Outcome.REFUSED}
OPEN = {State.SCREENING, State.INFO_REQUESTED, State.LBB, State.HEARING}


class StepError(ValueError):
    """A step that is not allowed now; the message says why (Dutch)."""


@dataclass(frozen=True)
class Steps:
    """The steps the application page offers now: the next ones in the open, the others
    that the phase also allows folded away, and none that the phase does not allow."""

    primary: list[str]
    other: list[str]


def steps_now(application: Application) -> Steps:
    state = application.state
    extend = (
        ["verdaging"] if application.kind.extension_weeks and not application.extended_weeks else []
    )
    if state == State.SCREENING and not application.assessment:
        return Steps(["beoordeling"], [*extend, "besluit"])
    if state == State.SCREENING and application.assessment == Assessment.NONE:
        return Steps(["besluit"], ["voornemen", *extend])
    if state == State.SCREENING:
        return Steps(["voornemen", "besluit"], extend)
    if state == State.INFO_REQUESTED:
        return Steps(["aanvulling-ontvangen"], extend)
    if state == State.LBB:
        lbb_extend = [] if application.lbb_extension_weeks else ["lbb-verlenging"]
        return Steps(["lbb-advies"], ["lbb-vragen", *lbb_extend, *extend])
    if state == State.HEARING:
        return Steps(["besluit"], extend)
    return Steps([], [])


def terms(application: Application) -> deadlines.Terms:
    suspensions = list(application.suspensions.all())
    return deadlines.Terms(
        received_on=application.received_on,
        decision_weeks=application.kind.decision_weeks,
        extended_weeks=application.extended_weeks,
        lbb_requested_on=application.lbb_requested_on,
        lbb_extension_weeks=application.lbb_extension_weeks,
        lbb_advice_on=application.lbb_advice_on,
        lbb_questions=[
            deadlines.Period(s.start, s.end)
            for s in suspensions
            if s.kind == SuspensionKind.LBB_QUESTIONS
        ],
        information_requests=[
            deadlines.Period(s.start, s.end) for s in suspensions if s.kind == SuspensionKind.INFO
        ],
        hearing_sent_on=application.hearing_sent_on,
        hearing_weeks=application.hearing_weeks,
    )


def deadline(application: Application, today: dt.date | None = None) -> deadlines.Deadline:
    return deadlines.compute(terms(application), today or timezone.localdate())


def _move(application: Application, to: str) -> None:
    if to not in TRANSITIONS[application.state]:
        raise StepError(f"Dit kan niet in de fase '{application.get_state_display()}'.")
    application.state = to


def record(application: Application, kind: str, text: str, actor: Any, **snapshot: Any) -> Event:
    """A line on the timeline."""
    return Event.objects.create(
        application=application, kind=kind, text=text, actor=actor, snapshot=snapshot
    )


def _running(application: Application, kind: str) -> QuerySet[Suspension]:
    return application.suspensions.filter(kind=kind, end__isnull=True)


def lbb_questions_open(application: Application) -> bool:
    """Whether the applicant still has to answer questions the LBB asked."""
    return _running(application, SuspensionKind.LBB_QUESTIONS).exists()


def _close_running(application: Application, kind: str, on: dt.date) -> None:
    _running(application, kind).update(end=on)


@door("application")
def assess(application: Application, choice: str, reasons: str, *, actor: Any, on: dt.date) -> None:
    """The official's assessment of the risk picture; the checks' findings at this moment
    are kept with it. Asking the LBB for advice also suspends the decision period."""
    if not reasons.strip():
        raise StepError("Geef een motivering.")
    # The snapshot keeps what this official saw, and nothing they could not see.
    findings = [f.as_dict() for f in checks.run_all(application, actor)]
    application.assessment = choice
    label = Assessment(choice).label
    if choice == Assessment.LBB:
        _move(application, State.LBB)
        application.lbb_requested_on = on
    elif choice == Assessment.QUESTIONS:
        _move(application, State.INFO_REQUESTED)
        Suspension.objects.create(application=application, kind=SuspensionKind.INFO, start=on)
    application.save()
    record(
        application,
        "beoordeling",
        f"Beoordeling: {label}. {reasons.strip()}",
        actor,
        findings=findings,
    )


@door("application")
def extend(application: Application, weeks: int, reasons: str, *, actor: Any) -> None:
    """Extend the decision period (verdaging, art. 4:14 Awb) within what the kind allows;
    the applicant must be told before the period ends (a letter)."""
    if application.state not in OPEN:
        raise StepError("Alleen een open aanvraag kan worden verdaagd.")
    allowed = application.kind.extension_weeks
    if application.extended_weeks:
        raise StepError("Het besluit is al verdaagd.")
    if not 0 < weeks <= allowed:
        raise StepError(
            f"Bij {application.kind.name} kan het besluit ten hoogste {allowed} weken worden verdaagd."
            if allowed
            else f"Bij {application.kind.name} is verdagen niet ingesteld."
        )
    if not reasons.strip():
        raise StepError("Geef de reden voor de verdaging.")
    application.extended_weeks = weeks
    application.save()
    record(
        application, "verdaging", f"Besluit verdaagd met {weeks} weken. {reasons.strip()}", actor
    )


@door("application")
def information_received(application: Application, *, actor: Any, on: dt.date) -> None:
    if application.state != State.INFO_REQUESTED:
        raise StepError("Er is geen aanvulling gevraagd.")
    _close_running(application, SuspensionKind.INFO, on)
    _move(application, State.SCREENING)
    application.save()
    record(
        application,
        "aanvulling",
        f"Aanvulling ontvangen op {on:%d-%m-%Y}; de termijn loopt weer.",
        actor,
    )


@door("application")
def lbb_extends(application: Application, weeks: int, *, actor: Any) -> None:
    if application.state != State.LBB:
        raise StepError("Er loopt geen adviesaanvraag bij het LBB.")
    if not 0 < weeks <= deadlines.LBB_MAX_EXTENSION_WEEKS:
        raise StepError(
            f"Het LBB mag met ten hoogste {deadlines.LBB_MAX_EXTENSION_WEEKS} weken verlengen."
        )
    application.lbb_extension_weeks = weeks
    application.save()
    record(
        application,
        "lbb-verlenging",
        f"Het LBB verlengt zijn adviestermijn met {weeks} weken.",
        actor,
    )


@door("application")
def lbb_questions(
    application: Application, *, actor: Any, on: dt.date, answered: bool = False
) -> None:
    """The LBB asks the applicant questions (suspension starts) or they were answered."""
    if application.state != State.LBB:
        raise StepError("Er loopt geen adviesaanvraag bij het LBB.")
    if answered:
        if not lbb_questions_open(application):
            raise StepError("Er staan geen vragen van het LBB open.")
        _close_running(application, SuspensionKind.LBB_QUESTIONS, on)
        record(
            application,
            "lbb-vragen",
            f"Aanvrager heeft de vragen van het LBB beantwoord op {on:%d-%m-%Y}.",
            actor,
        )
    else:
        if lbb_questions_open(application):
            raise StepError("Er staan al vragen van het LBB open.")
        Suspension.objects.create(
            application=application, kind=SuspensionKind.LBB_QUESTIONS, start=on
        )
        record(
            application,
            "lbb-vragen",
            f"Het LBB stelt de aanvrager vragen ({on:%d-%m-%Y}); de termijn staat stil tot de antwoorden er zijn.",
            actor,
        )


@door("application")
def lbb_advice(
    application: Application, degree: str, *, actor: Any, on: dt.date, note: str = ""
) -> None:
    if application.state != State.LBB:
        raise StepError("Er loopt geen adviesaanvraag bij het LBB.")
    if application.lbb_requested_on and on < application.lbb_requested_on:
        raise StepError("Het advies kan niet eerder zijn ontvangen dan het is gevraagd.")
    _close_running(application, SuspensionKind.LBB_QUESTIONS, on)
    application.lbb_advice_on = on
    application.lbb_degree = degree
    _move(application, State.SCREENING)
    application.save()
    record(
        application,
        "lbb-advies",
        f"Advies LBB ontvangen op {on:%d-%m-%Y}: {LbbDegree(degree).label}. {note}".strip(),
        actor,
    )


@door("application")
def intend_refusal(
    application: Application, reasons: str, *, actor: Any, on: dt.date, weeks: int = 2
) -> None:
    """Before a negative decision the applicant is heard (zienswijze)."""
    if not reasons.strip():
        raise StepError("Geef de redenen voor het voornemen.")
    if weeks < 1:
        raise StepError("De termijn voor de zienswijze is minstens 1 week.")
    _move(application, State.HEARING)
    application.hearing_sent_on = on
    application.hearing_weeks = weeks
    application.hearing_reasons = reasons.strip()
    application.save()
    record(
        application,
        "voornemen",
        f"Voornemen tot weigeren, zienswijze binnen {weeks} weken. {reasons.strip()}",
        actor,
    )


@door("application")
def decide(
    application: Application, outcome: str, ground: str, reasons: str, *, actor: Any, on: dt.date
) -> None:
    """The decision, by a person, with its legal ground and reasons."""
    if not reasons.strip() or not ground.strip():
        raise StepError("Een besluit heeft een grondslag en een motivering.")
    if outcome in NEGATIVE:
        if application.state != State.HEARING:
            raise StepError(
                "Stuur eerst een voornemen tot weigeren: de aanvrager moet worden gehoord."
            )
        hearing_ends = deadline(application, on).hearing_ends
        if hearing_ends and on <= hearing_ends:
            raise StepError(
                f"De termijn voor de zienswijze loopt tot en met {hearing_ends:%d-%m-%Y}."
            )
    if outcome == Outcome.WITHDRAWN:
        _move(application, State.WITHDRAWN)
    else:
        _move(application, State.DECIDED)
    application.outcome = outcome
    application.decision_ground = ground.strip()
    application.decision_reasons = reasons.strip()
    application.decided_on = on
    application.decided_by = actor
    application.save()
    record(
        application,
        "besluit",
        f"Besluit: {Outcome(outcome).label} ({ground.strip()}). {reasons.strip()}",
        actor,
    )
