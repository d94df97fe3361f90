"""Statutory deadlines of a Bibob screening, as plain date arithmetic.

- The decision is due ``decision_weeks`` after receipt, plus any extension (verdaging).
- While the LBB advises, the period is suspended from the request until the advice
  arrives, at most 8 weeks, or 12 when the LBB extends by up to 4 (art. 15 Wet Bibob); the
  LBB's term, and so the suspension, runs on while the applicant answers its questions.
- A request for missing information suspends it until the information arrives (art. 4:15
  Awb).
- Days in overlapping suspensions count once.
- Before a negative decision the applicant may give a view (zienswijze) for
  ``hearing_weeks`` after the intention was sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

LBB_WEEKS = 8
LBB_MAX_EXTENSION_WEEKS = 4
AT_RISK_DAYS = 14


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date | None  # None: still running


@dataclass(frozen=True)
class Terms:
    received_on: dt.date
    decision_weeks: int
    extended_weeks: int = 0
    lbb_requested_on: dt.date | None = None
    lbb_extension_weeks: int = 0
    lbb_advice_on: dt.date | None = None
    lbb_questions: Sequence[Period] = ()
    information_requests: Sequence[Period] = ()
    hearing_sent_on: dt.date | None = None
    hearing_weeks: int = 2


@dataclass
class Deadline:
    base_due: dt.date
    due: dt.date
    suspended_days: int
    provisional: bool  # a suspension is still running, so the date can only move later
    lbb_due: dt.date | None = None
    lbb_suspension_days: int = 0
    lbb_capped: bool = False
    hearing_ends: dt.date | None = None
    lines: list[str] = field(default_factory=list)

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days

    def status(self, today: dt.date) -> str:
        left = self.days_left(today)
        if left < 0:
            return "verlopen"
        if left <= AT_RISK_DAYS:
            return "dreigt"
        return "op schema"


class TermError(ValueError):
    pass


def _days(period: Period, today: dt.date) -> set[dt.date]:
    end = period.end or today
    return {period.start + dt.timedelta(days=d) for d in range(max((end - period.start).days, 0))}


def _nl(date: dt.date) -> str:
    return date.strftime("%d-%m-%Y")


def compute(terms: Terms, today: dt.date) -> Deadline:
    if terms.lbb_extension_weeks > LBB_MAX_EXTENSION_WEEKS:
        raise TermError(
            f"Het LBB mag zijn termijn met ten hoogste {LBB_MAX_EXTENSION_WEEKS} weken verlengen."
        )
    base = terms.received_on + dt.timedelta(weeks=terms.decision_weeks + terms.extended_weeks)
    lines = [
        f"Ontvangen {_nl(terms.received_on)} + {terms.decision_weeks} weken beslistermijn"
        + (f" + {terms.extended_weeks} weken verdaging" if terms.extended_weeks else "")
        + f" = {_nl(base)}."
    ]
    suspended: set[dt.date] = set()
    provisional = False
    result = Deadline(base, base, 0, False, lines=lines)

    question_days: set[dt.date] = set()
    for period in terms.lbb_questions:
        question_days |= _days(period, today)
        provisional |= period.end is None
    if terms.lbb_requested_on:
        cap_weeks = LBB_WEEKS + terms.lbb_extension_weeks
        allowed = dt.timedelta(weeks=cap_weeks) + dt.timedelta(days=len(question_days))
        result.lbb_due = terms.lbb_requested_on + allowed
        arrived = terms.lbb_advice_on
        end = arrived or today
        if end > result.lbb_due:
            end = result.lbb_due
            result.lbb_capped = True
        lbb = _days(Period(terms.lbb_requested_on, end), today)
        result.lbb_suspension_days = len(lbb)
        suspended |= lbb
        provisional |= arrived is None and not result.lbb_capped
        lines.append(
            f"Advies LBB gevraagd {_nl(terms.lbb_requested_on)}: opgeschort "
            + (f"tot het advies op {_nl(arrived)}" if arrived else "zolang het advies uitblijft")
            + f", ten hoogste {cap_weeks} weken"
            + (
                f" plus {len(question_days)} dagen voor vragen aan de aanvrager"
                if question_days
                else ""
            )
            + f" (uiterlijk {_nl(result.lbb_due)})"
            + (": maximum bereikt." if result.lbb_capped else ".")
        )
    suspended |= question_days
    for period in terms.information_requests:
        days = _days(period, today)
        suspended |= days
        provisional |= period.end is None
        lines.append(
            f"Aanvulling gevraagd {_nl(period.start)}: opgeschort "
            + (f"tot {_nl(period.end)}" if period.end else "tot de aanvulling binnen is")
            + f" ({len(days)} dagen)."
        )
    result.suspended_days = len(suspended)
    result.due = base + dt.timedelta(days=result.suspended_days)
    result.provisional = provisional
    if result.suspended_days:
        lines.append(
            f"Samen {result.suspended_days} dagen opgeschort (overlap telt één keer): "
            f"beslissen uiterlijk {_nl(result.due)}"
            + (" (of later, zolang een opschorting loopt)." if provisional else ".")
        )
    if terms.hearing_sent_on:
        result.hearing_ends = terms.hearing_sent_on + dt.timedelta(weeks=terms.hearing_weeks)
        lines.append(
            f"Voornemen verstuurd {_nl(terms.hearing_sent_on)}: zienswijze mogelijk tot en met "
            f"{_nl(result.hearing_ends)}; niet eerder negatief besluiten."
        )
    return result
