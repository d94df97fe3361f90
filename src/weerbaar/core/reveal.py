""" "Could this reveal the reporter?": marks the parts of a text that may point to who
wrote it, for the handler to read before anything is shared with a partner.

A handler's check, not a filter: it marks, explains why, and leaves the choice to a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), _("e-mailadres")),
    (
        re.compile(r"(?:\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){7,9}\b"),
        _("telefoonnummer"),
    ),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b"), _("postcode")),
    (
        re.compile(
            r"\b[A-Z][a-zà-ÿ]+(?:straat|weg|laan|plein|dijk|singel|kade|gracht|pad|steeg|hof|park|dreef)"
            r"\s+\d+\s?[a-zA-Z]?\b"
        ),
        _("adres"),
    ),
    (
        re.compile(
            r"\b(?:[Vv]anuit|[Uu]it|[Vv]anaf)\s+(?:mijn|ons|onze)\s+"
            r"(?:raam|huis|woning|tuin|balkon|keuken|slaapkamer|auto)\b"
        ),
        _("waar de melder stond of woont"),
    ),
    (
        re.compile(
            r"\b(?:[Mm]ijn|[Oo]nze?)\s+(?:buurman|buurvrouw|buren|buurjongen|buurmeisje|zoon|dochter|"
            r"man|vrouw|vriend|vriendin|broer|zus|moeder|vader|oom|tante|neef|nicht|collega|"
            r"baas|werkgever|leerling|klant|huurder|verhuurder)\b"
        ),
        _("relatie met de melder"),
    ),
    (
        re.compile(r"\b(?:heet|genaamd|naam is|noemt zich)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"),
        _("naam"),
    ),
    (
        re.compile(r"\b[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}\b"),
        _("kenteken"),
    ),
    (re.compile(r"\b\d{1,2}\s?(?:jaar|jarige)\b"), _("leeftijd")),
    (
        re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:uur)?\b|\b\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?\b"),
        _("tijdstip of datum"),
    ),
    (
        re.compile(r"\b(?:[Ii]k|[Mm]ij|[Mm]ijn|[Ww]ij|[Oo]ns|[Oo]nze)\b"),
        _("de melder over zichzelf"),
    ),
]


@dataclass(frozen=True)
class Segment:
    text: str
    reason: str = ""


def find(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, reason) spans; the earlier pattern in the list wins."""
    taken: list[tuple[int, int, str]] = []
    for pattern, reason in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in taken):
                continue
            taken.append((start, end, str(reason)))
    return sorted(taken)


def segments(text: str) -> list[Segment]:
    """The text cut into plain and marked parts, for highlighting in a template."""
    result: list[Segment] = []
    position = 0
    for start, end, reason in find(text):
        if start > position:
            result.append(Segment(text[position:start]))
        result.append(Segment(text[start:end], reason))
        position = end
    if position < len(text):
        result.append(Segment(text[position:]))
    return result


def summary(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _start, _end, reason in find(text):
        counts[reason] = counts.get(reason, 0) + 1
    return counts
