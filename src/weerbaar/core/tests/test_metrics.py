"""/metrics: off without a key, refused without the right one (what a reporter leaves in
it: ``signals/tests/test_metrics_privacy.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from weerbaar.core import metrics

pytestmark = pytest.mark.django_db
KEY = "meet-sleutel-voor-tests"


def test_without_a_key_there_is_no_metrics_page(settings: Any) -> None:
    settings.WEERBAAR_METRICS_TOKEN = ""
    assert Client().get("/metrics").status_code == 404
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_the_wrong_key_is_refused(settings: Any) -> None:
    settings.WEERBAAR_METRICS_TOKEN = KEY
    for header in ("", "Bearer fout", f"Bearer {KEY}x", KEY):
        response = Client().get("/metrics", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert "django_http" not in response.content.decode()


def test_metrics_say_how_many_jobs_wait(settings: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.WEERBAAR_METRICS_TOKEN = KEY
    page = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {KEY}").content.decode()
    assert "weerbaar_jobs_waiting 0.0" in page
    assert "django_http_requests_total_by_view_transport_method_total" in page
    assert DBTaskResult.objects.count() == 0


def test_serve_gives_its_processes_one_fresh_folder(tmp_path: Path) -> None:
    old = tmp_path / "metrics"
    old.mkdir()
    (old / "counter_123.db").write_bytes(b"oud")
    env = metrics.prepare_folder(tmp_path)
    assert env == {"PROMETHEUS_MULTIPROC_DIR": str(old)}
    assert old.is_dir() and not list(old.iterdir())
