"""In production the PDF is a background job: queued in the database by the publishing
request, made by ``weerbaar db_worker``; the page says it is on its way meanwhile."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import small_monitor
from weerbaar.reports.models import PdfState
from weerbaar.reports.services import publishing
from weerbaar.reports.tests.factories import analyst

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_makes_the_queued_pdf(settings: object) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}  # type: ignore[attr-defined]
    small_country()
    small_monitor()
    report = publishing.publish(analyst(), "PV20", 2023)
    report.refresh_from_db()
    assert report.pdf_state == PdfState.QUEUED
    assert DBTaskResult.objects.count() == 1
    page = Client().get(f"/rapportages/{report.pk}/pdf/")
    assert "De pdf wordt gemaakt" in page.content.decode()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    report.refresh_from_db()
    assert report.pdf_state == PdfState.READY, report.pdf_error
    response = Client().get(f"/rapportages/{report.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert bytes(response.content).startswith(b"%PDF")
