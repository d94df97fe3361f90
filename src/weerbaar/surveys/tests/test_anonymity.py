"""The anonymity probes of the reporting channel, run against the survey: a class answers
with client addresses in every header, a distinctive user agent and a tracking cookie, and
none of those values is in the database, in the logs or in a cookie it gets back."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from weerbaar.areas.tests.factories import small_country
from weerbaar.signals.tests import test_anonymity as probes
from weerbaar.surveys.models import Response
from weerbaar.surveys.tests.factories import a_round, link

pytestmark = pytest.mark.django_db

COOKIE_VALUE = "tracker-5521-leerling"


def test_a_class_answering_leaves_nothing_identifying(caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    before_tmp = probes._files_under(Path(tempfile.gettempdir()), recursive=False)
    small_country()
    found = a_round()
    code = link(found, "Noorderpoort", 1).code
    client = Client()
    headers = {**probes.IDENTIFYING_HEADERS, "HTTP_COOKIE": f"volg={COOKIE_VALUE}"}
    for pupil in range(5):
        page = client.get(f"/enquete/{code}/", **headers)
        assert set(page.cookies) <= {settings.CSRF_COOKIE_NAME}
        posted = client.post(
            f"/enquete/{code}/", {"benaderd": ["ja" if pupil % 2 else "nee"]}, **headers
        )
        assert posted.status_code == 200
        assert posted["Cache-Control"] == "no-store"
        assert set(posted.cookies) <= {settings.CSRF_COOKIE_NAME}
    assert Response.objects.count() == 5
    probes._assert_nothing_identifying(caplog, before_tmp)
    stored = probes._every_stored_value()
    assert COOKIE_VALUE not in stored and COOKIE_VALUE not in caplog.text
    # the class code is not in any response row or log line either
    rows = repr(list(Response.objects.values()))
    assert code not in rows and code not in caplog.text
