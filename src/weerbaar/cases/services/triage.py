"""The weekly signals meeting: which objects to discuss, in which order, and why.

The priority formula is data (``TriageFormula``, versioned, never edited). Every
component is shown with its value, its 0-1 score, its weight and its contribution, and
the formula reads as an algorithm-register text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from weerbaar.accounts.models import AuditAction, Confidentiality
from weerbaar.accounts.services.audit import record
from weerbaar.cases.models import LinkState, Subject, TriageDecision, TriageFormula

if TYPE_CHECKING:  # a type only: cases reads signals through their services
    from weerbaar.signals.models import Signal

COMPONENTS = {
    "signalen": _("aantal signalen"),
    "bronnen": _("verschillende bronnen"),
    "categorieen": _("verschillende categorieën"),
    "recentheid": _("recentheid van het nieuwste signaal"),
    "vertrouwelijk": _("vertrouwelijke signalen"),
}
DEFAULT = {
    "components": {
        "signalen": {"weight": 3, "cap": 5},
        "bronnen": {"weight": 3, "cap": 3},
        "categorieen": {"weight": 1, "cap": 3},
        "recentheid": {"weight": 2, "half_life_days": 30},
        "vertrouwelijk": {"weight": 1},
    }
}


class FormulaError(ValueError):
    pass


def validate(definition: Any) -> dict[str, Any]:
    if not isinstance(definition, dict) or not isinstance(definition.get("components"), dict):
        raise FormulaError(_("Een formule heeft 'components' met per onderdeel een gewicht."))
    for name, part in definition["components"].items():
        if name not in COMPONENTS:
            raise FormulaError(_("Onbekend onderdeel: %(name)s.") % {"name": name})
        if not isinstance(part, dict) or not isinstance(part.get("weight"), int | float):
            raise FormulaError(_("Onderdeel %(name)s heeft geen gewicht.") % {"name": name})
        if part["weight"] < 0:
            raise FormulaError(_("Gewichten zijn niet negatief."))
        for number in ("cap", "half_life_days"):
            if number in part and not (isinstance(part[number], int | float) and part[number] > 0):
                raise FormulaError(_("%(key)s moet groter dan 0 zijn.") % {"key": number})
    if not any(part["weight"] > 0 for part in definition["components"].values()):
        raise FormulaError(_("Minstens één onderdeel heeft een gewicht groter dan 0."))
    return definition


def current() -> TriageFormula:
    formula = TriageFormula.objects.order_by("-version").first()
    if formula is None:
        formula = TriageFormula.objects.create(version=1, definition=DEFAULT, note="standaard")
    return formula


@transaction.atomic
def save_formula(definition: Any, *, note: str = "", actor: Any = None) -> TriageFormula:
    definition = validate(definition)
    latest = current()
    if latest.definition == definition:
        return latest
    return TriageFormula.objects.create(
        version=latest.version + 1, definition=definition, note=note, created_by=actor
    )


@dataclass(frozen=True)
class Part:
    name: str
    label: str
    value: str
    score: float
    weight: float

    @property
    def shown_score(self) -> float:
        """The score as the page shows it (2 decimals); the contribution is made from it,
        so every number on screen follows from the numbers beside it."""
        return round(self.score, 2)

    @property
    def contribution(self) -> float:
        return round(self.shown_score * self.weight, 2)


@dataclass(frozen=True)
class Priority:
    total: float  # 0-100
    parts: list[Part]

    @property
    def contributions(self) -> float:
        return round(sum(p.contribution for p in self.parts), 2)

    @property
    def total_weight(self) -> float:
        return sum(p.weight for p in self.parts) or 1.0

    def as_json(self) -> dict[str, Any]:
        return {
            "total": round(self.total, 1),
            "parts": [
                {"name": p.name, "value": p.value, "score": round(p.score, 3), "weight": p.weight}
                for p in self.parts
            ],
        }


def priority(signals: list[Signal], definition: dict[str, Any], today: dt.date) -> Priority:
    parts_config = definition["components"]
    facts: dict[str, tuple[str, float]] = {}
    n = len(signals)
    if "signalen" in parts_config:
        facts["signalen"] = (
            str(n),
            min(n, parts_config["signalen"].get("cap", 5)) / parts_config["signalen"].get("cap", 5),
        )
    if "bronnen" in parts_config:
        sources = {s.get_source_display() for s in signals}
        cap = parts_config["bronnen"].get("cap", 3)
        facts["bronnen"] = (
            ", ".join(sorted(str(s) for s in sources)) or "—",
            min(len(sources), cap) / cap,
        )
    if "categorieen" in parts_config:
        categories = {s.category_id for s in signals if s.category_id}
        cap = parts_config["categorieen"].get("cap", 3)
        facts["categorieen"] = (str(len(categories)), min(len(categories), cap) / cap)
    if "recentheid" in parts_config:
        newest = max((s.created_at for s in signals), default=None)
        if newest is None:
            facts["recentheid"] = ("—", 0.0)
        else:
            days = max(0, (today - timezone.localtime(newest).date()).days)
            half = parts_config["recentheid"].get("half_life_days", 30)
            ago = ngettext("%(d)d dag geleden", "%(d)d dagen geleden", days) % {"d": days}
            facts["recentheid"] = (ago, 0.5 ** (days / half))
    if "vertrouwelijk" in parts_config:
        secret = any(s.confidentiality != Confidentiality.NORMAAL for s in signals)
        facts["vertrouwelijk"] = (_("ja") if secret else _("nee"), 1.0 if secret else 0.0)
    parts = [
        Part(
            name,
            str(COMPONENTS[name]),
            facts[name][0],
            facts[name][1],
            float(parts_config[name]["weight"]),
        )
        for name in parts_config
    ]
    total_weight = sum(p.weight for p in parts) or 1.0
    return Priority(100 * sum(p.contribution for p in parts) / total_weight, parts)


@dataclass(frozen=True)
class Item:
    subject: Subject
    priority: Priority
    signals: list[Signal]
    last_decision: TriageDecision | None


def agenda(
    subjects: QuerySet[Subject], visible: QuerySet[Signal], *, include_decided: bool = False
) -> list[Item]:
    """Objects with signals that are new or changed since the meeting last decided on them,
    highest priority first."""
    formula = current()
    today = timezone.localdate()
    subjects = subjects.annotate(
        newest_link=Max("links__created_at"), last_decided=Max("decisions__decided_at")
    ).filter(links__isnull=False)
    items = []
    for subject in subjects.distinct():
        if (
            not include_decided
            and subject.last_decided
            and subject.newest_link <= subject.last_decided
        ):
            continue
        signals = list(
            visible.filter(links__subject=subject)
            .exclude(links__state=LinkState.REJECTED)
            .distinct()
            .select_related("category")
        )
        if not signals:
            continue
        last = subject.decisions.select_related("decided_by").first()
        items.append(Item(subject, priority(signals, formula.definition, today), signals, last))
    return sorted(items, key=lambda item: (-item.priority.total, item.subject.label))


@transaction.atomic
def decide(item: Item, decision: str, reason: str, *, actor: Any) -> TriageDecision:
    if not reason.strip():
        raise FormulaError(_("Geef een reden voor het besluit."))
    result = TriageDecision.objects.create(
        subject=item.subject,
        decision=decision,
        reason=reason.strip(),
        priority=item.priority.as_json(),
        formula=current(),
        decided_by=actor,
    )
    record(AuditAction.CREATE, actor=actor, obj=result)
    return result


def register_text(formula: TriageFormula) -> list[str]:
    """The formula in words, for the algorithm register."""
    parts = formula.definition["components"]
    total = sum(float(p["weight"]) for p in parts.values()) or 1.0
    lines = [
        _(
            "Prioriteitsformule versie %(v)d. De prioriteit (0-100) is het gewogen gemiddelde van "
            "de onderdelen hieronder; de formule ondersteunt het signalenoverleg en beslist niets."
        )
        % {"v": formula.version}
    ]
    for name, part in parts.items():
        share = 100 * float(part["weight"]) / total
        detail = ""
        if "cap" in part:
            detail = _(" (vanaf %(cap)s telt als maximaal)") % {"cap": part["cap"]}
        if "half_life_days" in part:
            detail = _(" (halveert elke %(d)s dagen)") % {"d": part["half_life_days"]}
        lines.append(f"{COMPONENTS[name]}: {_('gewicht')} {part['weight']} ({share:.0f}%){detail}")
    return lines
