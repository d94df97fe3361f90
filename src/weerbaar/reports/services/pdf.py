"""The report as an accessible PDF (PDF/UA-1: tagged, with language and title), from the
same template as the page. WeasyPrint over Typst: one HTML template serves the page and
the PDF, so the two cannot drift apart, and it tags headings, tables and lists from the
HTML itself. It never fetches anything: every URL but inline data is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

PACKAGE = Path(__file__).resolve().parents[2]
PRINT_CSS = PACKAGE / "reports" / "static" / "reports" / "print.css"


class OfflineOnly(ValueError):
    pass


def _fetcher() -> Any:
    """Inline data and Weerbaar's own files (the fonts); nothing else, never the network."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    class OwnFilesOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            inside = parts.scheme == "data" or (
                parts.scheme == "file"
                and Path(unquote(parts.path)).resolve().is_relative_to(PACKAGE)
            )
            if not inside:
                raise OfflineOnly(f"De pdf haalt niets op: {url}")
            return super().fetch(url, headers)

    return OwnFilesOnly(allowed_protocols={"data", "file"}, allow_redirects=False)


def print_html(context: dict[str, Any]) -> str:
    return render_to_string("reports/progress_print.html", context)


def render(context: dict[str, Any]) -> bytes:
    from PIL import ImageFile
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # WeasyPrint turns on Pillow's "load truncated images" for the whole process when it is
    # imported; a report has no raster images, and reporters' photos must stay strict.
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    fonts = FontConfiguration()
    fetcher = _fetcher()
    style = CSS(filename=str(PRINT_CSS), url_fetcher=fetcher, font_config=fonts)
    document = HTML(string=print_html(context), url_fetcher=fetcher, base_url=str(PACKAGE))
    return document.write_pdf(stylesheets=[style], font_config=fonts, pdf_variant="pdf/ua-1")
