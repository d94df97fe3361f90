"""The printable A5 flyer per municipality, from the same published content as the
parents' pages (fpdf2; no browser or network needed)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from fpdf import FPDF

from weerbaar.areas.models import Area
from weerbaar.prevention.models import Section
from weerbaar.prevention.services import content, planning, support

#: typographic characters outside Latin-1 (the PDF core fonts) and their plain forms
PLAIN = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-", "€": "EUR"}
)


def plain(text: str) -> str:
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


class Flyer(FPDF):
    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", size=7)
        self.set_text_color(60, 60, 60)
        self.cell(0, 5, plain(_("Pagina %(n)s") % {"n": self.page_no()}), align="C")


LINE = 4.6  # mm per line of body text


def _height(pdf: FPDF, text: str, line: float, style: str, size: float) -> float:
    pdf.set_font("Helvetica", style, size)
    height: Any = pdf.multi_cell(0, line, plain(text), dry_run=True, output="HEIGHT")
    return float(height)


def _item_height(pdf: FPDF, title: str, text: str) -> float:
    height = _height(pdf, title, LINE, "B", 9.5) + 1
    return height + (_height(pdf, text, LINE, "", 9.5) if text else 0)


def _keep(pdf: FPDF, height: float) -> None:
    """Start a new page rather than split what belongs together (an item, or a heading
    and its first item) over two pages."""
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()


def _heading(pdf: FPDF, text: str, first_item: tuple[str, str] | None = None) -> None:
    needed = 8 + (_item_height(pdf, *first_item) if first_item else 0)
    _keep(pdf, needed)
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(0, 61, 117)
    pdf.multi_cell(0, 6, plain(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _item(pdf: FPDF, title: str, text: str) -> None:
    _keep(pdf, _item_height(pdf, title, text))
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(0, LINE, plain(title), align="L", new_x="LMARGIN", new_y="NEXT")
    if text:
        pdf.set_font("Helvetica", size=9.5)
        pdf.multi_cell(0, LINE, plain(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _section(pdf: FPDF, title: str, items: list[tuple[str, str]]) -> None:
    if not items:
        return
    _heading(pdf, title, items[0])
    for item in items:
        _item(pdf, *item)


def build(municipality: Area, site_url: str) -> bytes:
    pdf = Flyer(format=(148, 210))  # A5 in millimetres
    pdf.set_title(plain(_("Praat met uw kind - %(name)s") % {"name": municipality.name}))
    pdf.set_author("Weerbaar")
    pdf.set_lang("nl")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(0, 8, plain(_("Uw kind en criminele 'klusjes'")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(
        0,
        5,
        align="L",
        text=plain(
            _(
                "Informatie en gesprekstips voor ouders en verzorgers in %(name)s. "
                "De meeste kinderen zeggen nee. Als u let op signalen en erover praat, "
                "helpt u uw kind om nee te blijven zeggen."
            )
            % {"name": municipality.name}
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    titles = {
        Section.SIGNS: _("Signalen"),
        Section.RECRUITMENT: _("Zo gaat werving"),
        Section.CONVERSATION: _("Tips voor het gesprek"),
        Section.WORRIED: _("Maakt u zich zorgen?"),
    }
    for section, pieces in content.by_section():
        items = [(p.version.title, p.version.summary) for p in pieces if p.article.on_flyer]
        _section(pdf, str(titles.get(section, section.label)), items)
    found = support.find(municipality_code=municipality.code)
    help_items = []
    for organisation in [*found.local, *found.general]:
        contact = " · ".join(
            part for part in (organisation.phone, organisation.website, organisation.hours) if part
        )
        help_items.append((organisation.name, f"{organisation.description} {contact}".strip()))
    _section(pdf, _("Hulp in %(name)s") % {"name": municipality.name}, help_items)
    stops = planning.upcoming(municipality_code=municipality.code)[:5]
    _section(
        pdf,
        _("De camperbus komt naar %(name)s") % {"name": municipality.name},
        [
            (
                f"{stop.date:%d-%m-%Y} {stop.visit_start:%H:%M}-{stop.visit_end:%H:%M}",
                stop.request.place,
            )
            for stop in stops
        ],
    )
    if site_url:
        _keep(pdf, 8)
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(
            0,
            5,
            plain(_("Meer lezen: %(url)s") % {"url": site_url}),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())
