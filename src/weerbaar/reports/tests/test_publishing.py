"""Publishing a progress report: one door, numbers frozen, a new version only when
something changed, and the PDF made after the commit: tagged PDF/UA, Dutch, titled."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from weerbaar.accounts.models import AuditEvent, User
from weerbaar.areas.tests.factories import small_country
from weerbaar.monitor.tests.factories import observe, small_monitor
from weerbaar.reports.models import PdfState, ProgressReport
from weerbaar.reports.services import publishing
from weerbaar.reports.tests.factories import analyst

pytestmark = pytest.mark.django_db


@pytest.fixture
def data() -> None:
    small_country()
    small_monitor()


def _structure(reader: PdfReader) -> list[str]:
    """The tags of the structure tree, depth first."""
    found: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                found.append(str(node["/S"]))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_publishing_freezes_the_numbers_and_makes_an_accessible_pdf(
    data: None, django_capture_on_commit_callbacks: object
) -> None:
    user = analyst()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        report = publishing.publish(user, "PV20", 2023)
    report.refresh_from_db()
    assert report.version == 1 and report.region_name == "Provincie Groningen"
    assert report.pdf_state == PdfState.READY, report.pdf_error
    assert AuditEvent.objects.filter(object_type="reports.progressreport").exists()
    reader = PdfReader(io.BytesIO(bytes(report.pdf)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == "Voortgangsrapportage Provincie Groningen 2023"
    tags = _structure(reader)
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= set(tags)
    assert tags.index("/H1") < tags.index("/H2")  # reading order: title first
    text = "".join(page.extract_text() for page in reader.pages)
    assert report.content_hash in text.replace("\n", "")


def test_republishing_the_same_numbers_gives_the_same_version(data: None) -> None:
    user = analyst()
    first = publishing.publish(user, "PV20", 2023)
    assert publishing.publish(user, "PV20", 2023).pk == first.pk
    observe("misdrijven.3.1.1", "GM0037", 2022, 4)
    observe("misdrijven.3.1.1", "GM0014", 2022, 9)
    for code in ("GM0014", "GM0037"):
        observe("bevolking.gemiddeld", code, 2022, 500)
    second = publishing.publish(user, "PV20", 2023)
    assert second.version == 2
    first.refresh_from_db()
    assert first.content["indicators"] != second.content["indicators"]  # v1 kept as it was


def test_only_an_analyst_may_publish(data: None) -> None:
    someone = User.objects.create_user(username="iemand", password="x" * 16)
    with pytest.raises(PermissionDenied):
        publishing.publish(someone, "PV20", 2023)
    assert not ProgressReport.objects.exists()


def test_a_failing_pdf_is_stored_with_its_reason(
    data: None, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: object
) -> None:
    def broken(context: object) -> bytes:
        raise OSError("geen lettertype")

    monkeypatch.setattr(publishing.pdf, "render", broken)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        report = publishing.publish(analyst(), "PV20", 2023)
    report.refresh_from_db()
    assert report.pdf_state == PdfState.FAILED
    assert report.pdf_error == "OSError: geen lettertype"


def test_the_pdf_fetches_nothing_but_weerbaar_s_own_files() -> None:
    from weerbaar.reports.services import pdf

    fetcher = pdf._fetcher()
    with pytest.raises(pdf.OfflineOnly):
        fetcher.fetch("https://fonts.example.org/font.woff2")
    with pytest.raises(pdf.OfflineOnly):
        fetcher.fetch("file:///etc/passwd")
    font = pdf.PACKAGE / "core/static/vendor/fonts/noto-sans/noto-sans-latin-400-normal.woff2"
    response = fetcher.fetch(font.as_uri())
    assert response.read(4) == b"wOF2"
    response.close()


def test_making_a_pdf_leaves_the_photo_check_strict(data: None) -> None:
    """WeasyPrint switches Pillow to accept truncated images on import; a reporter's cut-off
    photo must still be refused in the same process, whoever flipped the switch."""
    from PIL import ImageFile

    from weerbaar.core.images import ImageRejected, clean_image
    from weerbaar.reports.services import methods, pdf
    from weerbaar.reports.services.progress import build
    from weerbaar.signals.tests.factories import jpeg_with_metadata

    pdf.render({"content": build("PV20", 2023), "methods": methods.METHODS})
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    ImageFile.LOAD_TRUNCATED_IMAGES = True  # as any other library might
    raw = jpeg_with_metadata(size=(400, 300))
    with pytest.raises(ImageRejected):
        clean_image(raw[: len(raw) // 2])
