"""What the application log says about signals: an official's change is logged with the
signal's id, so operations can follow it; an anonymous report and what its reporter adds
leave neither the receipt code, the secret, nor even the signal's id (next to the log's
timestamp, any of them could be joined to a proxy's log of addresses)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from weerbaar.signals.models import Signal, Status
from weerbaar.signals.services import status

pytestmark = pytest.mark.django_db
URL = "/api/v1/public/signals"


def _log(caplog: Any) -> str:
    """Every record as text: structlog's event dicts with all their fields."""
    return "\n".join(str(r.__dict__) for r in caplog.records)  # extra fields too


def test_an_anonymous_report_and_its_follow_up_leave_no_trace_in_the_log(
    orgs: dict[str, Any], caplog: Any
) -> None:
    caplog.set_level("INFO")
    client = Client()
    body = client.post(URL, {"description": "Drugs verkocht bij de school."}).json()
    added = client.post(
        f"{URL}/{body['receipt']}/messages",
        {"text": "Vooral op woensdag."},
        content_type="application/json",
        HTTP_X_SIGNAL_SECRET=body["secret"],
    )
    assert added.status_code == 201
    log = _log(caplog)
    signal = Signal.objects.get()
    assert "signal_received" in log  # the event itself is there, for operations
    for trace in (body["receipt"], body["secret"], f"'record_id': {signal.pk}"):
        assert trace not in log, trace
    assert "reporter_adds" not in log


def test_an_officials_change_is_logged_with_the_record_id_after_commit(
    orgs: dict[str, Any], caplog: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from weerbaar.signals.tests.factories import make_signal

    signal = make_signal(orgs["groningen"].areas.get()).signal
    caplog.set_level("INFO")
    caplog.clear()
    with django_capture_on_commit_callbacks(execute=True):
        status.change(signal, Status.IN_BEHANDELING, actor=orgs["user_groningen"])
    log = _log(caplog)
    assert "'event': 'status.change'" in log
    assert f"'record_id': {signal.pk}" in log and "'record': 'signals.signal'" in log
    assert signal.receipt not in log
