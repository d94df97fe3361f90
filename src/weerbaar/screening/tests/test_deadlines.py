"""Deadline arithmetic: the decision period, the LBB suspension and its maximum, the
applicant's answers to the LBB, requests for missing information, overlap, the hearing."""

from __future__ import annotations

import datetime as dt

import pytest

from weerbaar.screening.services.deadlines import Period, TermError, Terms, compute

RECEIVED = dt.date(2026, 1, 5)  # a Monday
TODAY = dt.date(2026, 12, 31)


def test_plain_period_is_weeks_after_receipt() -> None:
    result = compute(Terms(RECEIVED, 8), TODAY)
    assert result.due == dt.date(2026, 3, 2)
    assert result.suspended_days == 0 and not result.provisional


def test_extension_adds_weeks() -> None:
    assert compute(Terms(RECEIVED, 8, extended_weeks=6), TODAY).due == dt.date(2026, 4, 13)


def test_lbb_advice_suspends_until_it_arrives() -> None:
    terms = Terms(
        RECEIVED, 8, lbb_requested_on=dt.date(2026, 2, 2), lbb_advice_on=dt.date(2026, 3, 9)
    )
    result = compute(terms, TODAY)
    assert result.lbb_suspension_days == 35
    assert result.due == dt.date(2026, 3, 2) + dt.timedelta(days=35)
    assert result.lbb_due == dt.date(2026, 3, 30)  # 8 weeks after the request
    assert not result.lbb_capped and not result.provisional


def test_pending_lbb_advice_counts_up_to_today_and_is_provisional() -> None:
    terms = Terms(RECEIVED, 8, lbb_requested_on=dt.date(2026, 2, 2))
    result = compute(terms, dt.date(2026, 2, 12))
    assert result.suspended_days == 10 and result.provisional


def test_lbb_suspension_stops_at_eight_weeks() -> None:
    terms = Terms(RECEIVED, 8, lbb_requested_on=dt.date(2026, 2, 2))
    result = compute(terms, TODAY)  # advice never came
    assert result.lbb_capped and result.suspended_days == 56
    assert result.due == dt.date(2026, 3, 2) + dt.timedelta(days=56)
    assert not result.provisional  # the maximum is reached: the date is final


def test_lbb_extension_allows_at_most_twelve_weeks() -> None:
    terms = Terms(RECEIVED, 8, lbb_requested_on=dt.date(2026, 2, 2), lbb_extension_weeks=4)
    assert compute(terms, TODAY).suspended_days == 84
    with pytest.raises(TermError):
        compute(Terms(RECEIVED, 8, lbb_requested_on=RECEIVED, lbb_extension_weeks=5), TODAY)


def test_applicant_answering_lbb_questions_extends_the_maximum() -> None:
    questions = [Period(dt.date(2026, 2, 16), dt.date(2026, 2, 26))]  # 10 days
    terms = Terms(RECEIVED, 8, lbb_requested_on=dt.date(2026, 2, 2), lbb_questions=questions)
    result = compute(terms, TODAY)
    assert result.lbb_due == dt.date(2026, 3, 30) + dt.timedelta(days=10)
    assert result.suspended_days == 56 + 10  # the questions lie inside; counted once


def test_information_request_suspends_and_overlap_counts_once() -> None:
    info = [Period(dt.date(2026, 1, 12), dt.date(2026, 1, 26))]  # 14 days
    assert compute(Terms(RECEIVED, 8, information_requests=info), TODAY).suspended_days == 14
    overlapping = Terms(
        RECEIVED,
        8,
        lbb_requested_on=dt.date(2026, 1, 19),
        lbb_advice_on=dt.date(2026, 2, 2),  # 14 days, 7 of them overlap the request
        information_requests=info,
    )
    assert compute(overlapping, TODAY).suspended_days == 21


def test_open_information_request_is_provisional() -> None:
    info = [Period(dt.date(2026, 1, 12), None)]
    result = compute(Terms(RECEIVED, 8, information_requests=info), dt.date(2026, 1, 22))
    assert result.suspended_days == 10 and result.provisional


def test_hearing_period_ends_weeks_after_the_intention() -> None:
    terms = Terms(RECEIVED, 8, hearing_sent_on=dt.date(2026, 2, 9), hearing_weeks=2)
    assert compute(terms, TODAY).hearing_ends == dt.date(2026, 2, 23)


def test_status_on_time_at_risk_and_late() -> None:
    result = compute(Terms(RECEIVED, 8), TODAY)  # due 2 March
    assert result.status(dt.date(2026, 2, 1)) == "op schema"
    assert result.status(dt.date(2026, 2, 20)) == "dreigt"
    assert result.status(dt.date(2026, 3, 3)) == "verlopen"


def test_explanation_names_every_part() -> None:
    terms = Terms(
        RECEIVED,
        8,
        lbb_requested_on=dt.date(2026, 2, 2),
        lbb_advice_on=dt.date(2026, 3, 9),
        hearing_sent_on=dt.date(2026, 3, 16),
    )
    text = " ".join(compute(terms, TODAY).lines)
    assert "8 weken beslistermijn" in text and "Advies LBB gevraagd 02-02-2026" in text
    assert "35 dagen opgeschort" in text and "zienswijze mogelijk tot en met 30-03-2026" in text
