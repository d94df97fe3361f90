"""The metrics count a report under its view's name and keep nothing of the reporter: no
address, no user agent, no receipt."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
KEY = "meet-sleutel-voor-tests"
CREATED = re.compile(
    r'^django_http_responses_total_by_status_view_method_total\{method="POST",status="201",'
    r'view="api:public-signals"\} ([0-9.]+)$',
    re.MULTILINE,
)


def created(text: str) -> float:
    """Reports answered 201 so far, by the metrics."""
    found = CREATED.search(text)
    return float(found.group(1)) if found else 0.0


def test_metrics_count_views_and_hold_nothing_about_a_reporter(settings: Any, country: Any) -> None:
    settings.WEERBAAR_METRICS_TOKEN = KEY
    before = created(Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {KEY}").content.decode())
    reporter = Client(
        REMOTE_ADDR="198.51.100.77", HTTP_USER_AGENT="Mozilla/5.0 (Geheim-Toestel 42)"
    )
    answer = reporter.post(
        "/api/v1/public/signals",
        json.dumps({"description": "Bij de snackbar halen jongens steeds kleine pakjes op."}),
        content_type="application/json",
    )
    assert answer.status_code == 201
    receipt = answer.json()["receipt"]
    Client().get(f"/melden/status/?code={receipt}")
    page = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {KEY}")
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    text = page.content.decode()
    assert "django_http_requests_total_by_view_transport_method_total" in text
    assert created(text) == before + 1  # the counts live on in this process across tests
    assert "_created" not in text  # the moment of a series' first request: of a report
    for secret in ("198.51.100.77", "Geheim-Toestel", receipt, receipt.replace("-", "")):
        assert secret not in text
