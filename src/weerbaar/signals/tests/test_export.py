"""The signals export: streamed while it is written, in the list's order, with Dutch
labels and local time, in the same few queries for 5 or 50 signals."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from weerbaar.signals.models import Signal
from weerbaar.signals.tests.factories import PASSWORD, make_signal

pytestmark = pytest.mark.django_db


def export(user: Any, query: str = "") -> tuple[list[list[str]], int]:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    client.get(reverse("signals:list"))  # the session is stored on the first visit
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("signals:list") + f"?formaat=csv{query}")
        body = response.getvalue().decode("utf-8")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    assert 'filename="signalen.csv"' in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(body), delimiter=";")), len(captured)


def test_the_export_is_streamed_in_the_list_order_with_labels_and_local_time(
    country: dict[str, Any], orgs: dict[str, Any]
) -> None:
    for i in range(5):
        make_signal(
            country["GM0014"], description=f"Melding {i} over de snackbar.", category="wapens"
        )
    rows, few = export(orgs["user_groningen"], "&sorteer=datum")
    header, body = rows[0], rows[1:]
    assert header[:3] == ["ontvangstcode", "ontvangen op", "kanaal"]
    oldest_first = list(
        Signal.objects.order_by("created_at", "pk").values_list("receipt", flat=True)
    )
    assert [row[0] for row in body] == oldest_first
    first = Signal.objects.get(receipt=body[0][0])
    assert body[0][1] == timezone.localtime(first.created_at).strftime("%Y-%m-%d %H:%M")
    assert body[0][2] == str(first.get_channel_display())
    assert body[0][3] == "bewoner (anoniem)" and body[0][7] == "Groningen"
    assert body[0][4] == first.category.label and body[0][10] == str(
        first.get_confidentiality_display()
    )
    for i in range(45):
        make_signal(country["GM0014"], description=f"Nog een melding {i}.")
    rows, many = export(orgs["user_groningen"], "&sorteer=datum")
    assert len(rows) == 51 and many == few
