"""Parents' pages: published texts only, safe Markdown, versions with preview, help by
postcode, and the printable flyer."""

from __future__ import annotations

import io
from typing import Any

from django.test import Client
from pypdf import PdfReader

from weerbaar.prevention.models import Article, ArticleVersion, HelpOrganisation, Section
from weerbaar.prevention.services import content
from weerbaar.prevention.tests.factories import PASSWORD


def test_parents_pages_show_the_seeded_texts(db: Any, client: Client) -> None:
    page = client.get("/ouders/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Werving gaat vaak via Snapchat en TikTok" in text
    assert 'name="viewport"' in text
    section = client.get("/ouders/gesprek/").content.decode()
    assert "Uw kind vertelt over een vriend" in section and "<li>" in section
    assert client.get("/ouders/bestaat-niet/").status_code == 404


def test_markdown_is_sanitised(db: Any) -> None:
    html = content.to_html("## Kop\n\n<script>alert(1)</script> [x](javascript:alert(1)) **vet**")
    assert "<script" not in html and "javascript:" not in html
    assert "<h3>Kop</h3>" in html and "<strong>vet</strong>" in html


def test_new_version_is_seen_only_after_publication_and_can_be_previewed(
    db: Any, team: Any, client: Client
) -> None:
    article = Article.objects.get(slug="online-werving")
    draft = ArticleVersion.objects.create(
        article=article, title="Nieuwe titel over werving", summary="Kort.", body="Tekst."
    )
    assert draft.number == 2
    assert "Nieuwe titel over werving" not in client.get("/ouders/werving/").content.decode()
    assert client.get(f"/ouders/voorbeeld/{draft.pk}/").status_code in (302, 403)
    client.login(username="coco", password=PASSWORD)
    preview = client.get(f"/ouders/voorbeeld/{draft.pk}/").content.decode()
    assert "Nieuwe titel over werving" in preview and "nog niet gepubliceerd" in preview
    content.publish(draft)
    assert "Nieuwe titel over werving" in Client().get("/ouders/werving/").content.decode()
    assert article.published() == draft


def test_help_for_postcode_9712_is_groningen(country: Any, client: Client) -> None:
    text = client.get("/ouders/hulp/", {"postcode": "9712 AB"}).content.decode()
    assert "Hulp in de gemeente Groningen" in text
    assert "WIJ Groningen" in text
    assert "Meld Misdaad Anoniem" in text  # help for everyone is always shown
    assert "tel:0800-7000" in text


def test_unknown_or_bad_postcode_offers_the_municipality_list(country: Any, client: Client) -> None:
    text = client.get("/ouders/hulp/", {"postcode": "1011"}).content.decode()
    assert "We weten niet in welke gemeente postcode 1011 ligt" in text
    assert '<select id="gemeente" name="gemeente">' in text
    assert (
        "Vul een postcode in zoals"
        in client.get("/ouders/hulp/", {"postcode": "abc"}).content.decode()
    )
    HelpOrganisation.objects.create(
        name="Jongerenwerk Assen",
        kind="jeugd",
        description="Jongerenwerkers.",
        municipality_code="GM0106",
    )
    chosen = client.get("/ouders/hulp/", {"gemeente": "GM0106"}).content.decode()
    assert "Jongerenwerk Assen" in chosen and "WIJ Groningen" not in chosen


def test_flyer_is_an_a5_pdf_from_the_same_content(country: Any, client: Client) -> None:
    response = client.get("/ouders/flyer/", {"gemeente": "GM0014"})
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert round(width) == 420 and round(height) == 595  # A5 in points
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Groningen" in text
    assert "WIJ Groningen" in text
    assert "Werving gaat vaak via Snapchat en TikTok" in text
    assert reader.metadata.title.startswith("Praat met uw kind")
    assert client.get("/ouders/flyer/", {"gemeente": "GM9999"}).status_code == 404
    assert client.get("/ouders/flyer/").status_code == 200


def test_sections_cover_every_subject(db: Any) -> None:
    published = {piece.article.section for piece in content.published()}
    assert published == set(Section.values)


def test_the_flyer_prints_the_configured_public_address_and_keeps_items_whole(
    country: Any, client: Client, settings: Any
) -> None:
    """It used to print 'Meer lezen: http://127.0.0.1:8811/ouders/' and strand 'WIJ
    Groningen' at the bottom of page 1, away from its text."""
    settings.WEERBAAR_PUBLIC_URL = "https://weerbaar.groningen.nl"
    response = client.get("/ouders/flyer/", {"gemeente": "GM0014"})
    reader = PdfReader(io.BytesIO(response.content))
    pages = [p.extract_text() for p in reader.pages]
    text = " ".join(pages)
    assert "Meer lezen: https://weerbaar.groningen.nl/ouders/" in text
    assert "127.0.0.1" not in text and "testserver" not in text
    wij = next(p for p in pages if "WIJ Groningen" in p)
    after = wij.split("WIJ Groningen", 1)[1].strip()
    assert after and not after.startswith("Pagina")  # its description is on the same page
    settings.WEERBAAR_PUBLIC_URL = ""
    unconfigured = client.get("/ouders/flyer/", {"gemeente": "GM0014"})
    plain_text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(unconfigured.content)).pages
    )
    assert "Meer lezen" not in plain_text and "testserver" not in plain_text


def test_the_parents_pages_cover_signs_recruitment_tips_and_what_to_do_with_sources(
    db: Any, client: Client
) -> None:
    """Two signs and three tips were too little: the signs the police study 'Dealers in de
    dop' names, how recruitment works, tips per situation, and where to go, each naming
    its source."""
    per_section = {
        s: [p for p in content.published() if p.article.section == s] for s in Section.values
    }
    assert len(per_section["signalen"]) >= 4 and len(per_section["werving"]) >= 4
    assert len(per_section["gesprek"]) >= 5 and len(per_section["zorgen"]) >= 3
    text = " ".join(
        f"{p.version.title} {p.version.summary} {p.version.body}" for p in content.published()
    )
    for phrase in (
        "wonden",
        "meer dan één telefoon",
        "spijbelt",
        "vapes",
        "oudere broer",
        "Snapchat",
        "TikTok",
    ):
        assert phrase in text, phrase
    assert "Dealers in de dop" in text and "mijnkinddoetdatwel.nl" in text
    page = client.get("/ouders/werving/").content.decode()
    assert "Het begint klein, vaak met vapes" in page
