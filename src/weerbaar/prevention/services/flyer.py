"""The printable A5 flyer per municipality, from the same published content as the
parents' pages (fpdf2; no browser or network needed)."""

from __future__ import annotations

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


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_text_color(0, 61, 117)
    pdf.multi_cell(0, 6, plain(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _item(pdf: FPDF, title: str, text: str) -> None:
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(0, 4.6, plain(title), new_x="LMARGIN", new_y="NEXT")
    if text:
        pdf.set_font("Helvetica", size=9.5)
        pdf.multi_cell(0, 4.6, plain(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


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
        plain(
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
        pieces = [p for p in pieces if p.article.on_flyer]
        if not pieces:
            continue
        _heading(pdf, str(titles.get(section, section.label)))
        for piece in pieces:
            _item(pdf, piece.version.title, piece.version.summary)
    found = support.find(municipality_code=municipality.code)
    _heading(pdf, _("Hulp in %(name)s") % {"name": municipality.name})
    for organisation in [*found.local, *found.general]:
        contact = " · ".join(
            part for part in (organisation.phone, organisation.website, organisation.hours) if part
        )
        _item(pdf, organisation.name, f"{organisation.description} {contact}".strip())
    stops = planning.upcoming(municipality_code=municipality.code)[:5]
    if stops:
        _heading(pdf, _("De camperbus komt naar %(name)s") % {"name": municipality.name})
        for stop in stops:
            _item(
                pdf,
                f"{stop.date:%d-%m-%Y} {stop.visit_start:%H:%M}-{stop.visit_end:%H:%M}",
                stop.request.place,
            )
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(
        0,
        5,
        plain(_("Meer lezen: %(url)s") % {"url": site_url}),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
