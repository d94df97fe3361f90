"""The anonymity promise, proven: a report posted with client addresses in every header,
a distinctive user agent and a photo with GPS metadata leaves none of those values in the
database, in files or in the logs."""

from __future__ import annotations

import io
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from weerbaar.signals.models import Attachment, Signal
from weerbaar.signals.tests.factories import (
    CAMERA,
    CLIENT_IP,
    FILE_NAME,
    FORWARDED_IP,
    REAL_IP,
    USER_AGENT,
    jpeg_with_metadata,
    public_post,
)

pytestmark = pytest.mark.django_db

IDENTIFYING_HEADERS = {
    "REMOTE_ADDR": CLIENT_IP,
    "HTTP_X_FORWARDED_FOR": f"{FORWARDED_IP}, 10.0.0.1",
    "HTTP_X_REAL_IP": REAL_IP,
    "HTTP_FORWARDED": f"for={FORWARDED_IP};proto=https",
    "HTTP_USER_AGENT": USER_AGENT,
}
SECRET_VALUES = [
    CLIENT_IP,
    FORWARDED_IP,
    REAL_IP,
    USER_AGENT,
    "distinctive-ua-7731",
    CAMERA,
    "SERIAL-998877",
    "XMP-DISTINCTIVE",
    "COMMENT-DISTINCTIVE",
    FILE_NAME,
]


def _every_stored_value() -> str:
    """All rows of all tables, as one text (binary columns as Latin-1)."""
    parts: list[str] = []
    for model in apps.get_models():
        for row in model.objects.all().values():
            for value in row.values():
                if isinstance(value, bytes | memoryview):
                    parts.append(bytes(value).decode("latin-1"))
                else:
                    parts.append(repr(value))
    return "\n".join(parts)


def _files_under(folder: Path, *, recursive: bool = True) -> dict[Path, float]:
    if not folder.exists():
        return {}
    found = folder.rglob("*") if recursive else folder.glob("*")
    return {p: p.stat().st_mtime for p in found if p.is_file()}


def _assert_nothing_identifying(caplog: Any, before_tmp: dict[Path, float]) -> None:
    stored = _every_stored_value()
    for value in SECRET_VALUES:
        assert value not in stored, f"{value!r} is stored in the database"
    logged = caplog.text + "\n".join(repr(r.__dict__) for r in caplog.records)
    for value in SECRET_VALUES:
        assert value not in logged, f"{value!r} appears in the logs"
    new_tmp = set(_files_under(Path(tempfile.gettempdir()), recursive=False)) - set(before_tmp)
    for path in new_tmp:
        content = path.read_bytes() if path.stat().st_size < 50_000_000 else b""
        assert CAMERA.encode() not in content, f"temporary file {path} holds the photo"
    media = Path(getattr(settings, "MEDIA_ROOT", "") or settings.VAR_DIR / "media")
    for path in _files_under(media):
        assert CAMERA.encode() not in path.read_bytes()


def _stored_photo() -> Image.Image:
    attachment = Attachment.objects.get()
    data = bytes(attachment.data)
    assert b"Exif" not in data and CAMERA.encode() not in data
    image = Image.open(io.BytesIO(data))
    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(0x8825) == {}  # no GPS
    return image


def test_html_form_keeps_nothing_identifying(caplog: Any, orgs: dict[str, Any]) -> None:
    caplog.set_level(logging.DEBUG)
    before_tmp = _files_under(Path(tempfile.gettempdir()), recursive=False)
    client = Client(enforce_csrf_checks=False)
    photo = SimpleUploadedFile(FILE_NAME, jpeg_with_metadata(), content_type="image/jpeg")
    response = client.post(
        "/melden/",
        public_post(municipality="GM0014", attachments=photo, formulier="abc123"),
        **IDENTIFYING_HEADERS,
    )
    assert response.status_code == 201, response.content.decode()[:2000]
    signal = Signal.objects.get()
    assert signal.receipt.encode() in response.content
    assert signal.created_by is None and signal.owner_organisation is None
    _stored_photo()
    _assert_nothing_identifying(caplog, before_tmp)
    assert set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
    assert response["Cache-Control"] == "no-store"


def test_public_api_keeps_nothing_identifying(caplog: Any, orgs: dict[str, Any]) -> None:
    caplog.set_level(logging.DEBUG)
    before_tmp = _files_under(Path(tempfile.gettempdir()), recursive=False)
    client = Client()
    photo = SimpleUploadedFile(FILE_NAME, jpeg_with_metadata(), content_type="image/jpeg")
    response = client.post(
        "/api/v1/public/signals",
        {"description": "Er worden drugs verkocht bij het station.", "attachments": [photo]},
        **IDENTIFYING_HEADERS,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"receipt", "secret", "status"}
    _stored_photo()
    _assert_nothing_identifying(caplog, before_tmp)
    # also the status lookup, with the same identifying headers
    response = client.get(
        f"/api/v1/public/signals/{body['receipt']}",
        HTTP_X_SIGNAL_SECRET=body["secret"],
        **IDENTIFYING_HEADERS,
    )
    assert response.status_code == 200
    _assert_nothing_identifying(caplog, before_tmp)


def test_a_logged_in_session_is_not_linked_to_a_report(orgs: dict[str, Any]) -> None:
    """An official reporting as a resident stays anonymous: the session cookie is not
    even read on the anonymous pages."""
    client = Client()
    client.force_login(orgs["user_groningen"])
    response = client.post("/api/v1/public/signals", {"description": "Hennepgeur bij de loods."})
    assert response.status_code == 201
    signal = Signal.objects.get()
    assert signal.created_by is None
    assert signal.owner_organisation == orgs["meldpunt"]  # no place given: central intake
    assert "sessionid" not in response.cookies


def test_the_secret_is_stored_only_as_a_hash(orgs: dict[str, Any]) -> None:
    response = Client().post("/api/v1/public/signals", {"description": "Verdachte loods."})
    secret = response.json()["secret"]
    assert secret not in _every_stored_value()
    assert secret.replace("-", "") not in _every_stored_value()


def test_no_identifying_data_reaches_the_view(rf: Any) -> None:
    from weerbaar.signals.middleware import scrub

    request = rf.post(
        "/melden/",
        HTTP_COOKIE="sessionid=abc; csrftoken=tok; tracker=1",
        **IDENTIFYING_HEADERS,
    )
    scrub(request)
    meta = repr(request.META)
    for value in (CLIENT_IP, FORWARDED_IP, REAL_IP, USER_AGENT, "sessionid", "tracker"):
        assert value not in meta
    assert request.COOKIES == {"csrftoken": "tok"}
    assert len(request.anonymous_client_key) == 64  # a hash, not an address
    assert os.environ.get("REMOTE_ADDR") is None
