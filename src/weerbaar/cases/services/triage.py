"""The weekly signals meeting: which objects to discuss, in which order, and why.

The priority formula is data (``TriageFormula``, versioned, never edited). Every
component is shown with its value, its 0-1 score, its weight and its contribution, and
the formula reads as an algorithm-register text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services.audit import record
from weerbaar.cases.models import LinkState, SignalLink, Subject, TriageDecision, TriageFormula
from weerbaar.signals.services.selectors import Facts, add_sources, fact_rows, facts_per

if TYPE_CHECKING:  # a type only: cases reads signals through their services
    from weerbaar.signals.models import Signal

LIVE_LINKS = (LinkState.PROPOSED, LinkState.CONFIRMED)
DEFAULT_CAPS = {"signalen": 5, "bronnen": 3, "categorieen": 3}
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


def _scores(facts: Facts, parts_config: dict[str, Any], today: dt.date) -> dict[str, float]:
    """Each component's 0-1 score; the page's texts are made only for the rows it shows."""
    scores: dict[str, float] = {}
    if "signalen" in parts_config:
        cap = parts_config["signalen"].get("cap", DEFAULT_CAPS["signalen"])
        scores["signalen"] = min(facts.count, cap) / cap
    if "bronnen" in parts_config:
        cap = parts_config["bronnen"].get("cap", DEFAULT_CAPS["bronnen"])
        scores["bronnen"] = min(facts.source_count, cap) / cap
    if "categorieen" in parts_config:
        cap = parts_config["categorieen"].get("cap", DEFAULT_CAPS["categorieen"])
        scores["categorieen"] = min(facts.categories, cap) / cap
    if "recentheid" in parts_config:
        days = _days_ago(facts, today)
        half = parts_config["recentheid"].get("half_life_days", 30)
        scores["recentheid"] = 0.0 if days is None else 0.5 ** (days / half)
    if "vertrouwelijk" in parts_config:
        scores["vertrouwelijk"] = 1.0 if facts.confidential else 0.0
    return scores


def _days_ago(facts: Facts, today: dt.date) -> int | None:
    if facts.newest is None:
        return None
    return max(0, (today - timezone.localtime(facts.newest).date()).days)


def ranker(
    definition: dict[str, Any], today: dt.date
) -> Callable[[int, int, int, bool, dt.date | None], float]:
    """The priority (0-100) of many objects, without its texts, from (signals, sources,
    categories, confidential, local date of the newest signal): the formula's constants
    worked out once and the recency kept per number of days, so ranking 60,000 objects
    is one quick pass. Gives the same numbers as ``priority`` (the page shows those):
    each part rounded as shown."""
    parts = definition["components"]
    weights = {name: float(parts[name]["weight"]) for name in parts}
    total_weight = sum(weights.values()) or 1.0
    caps = {name: parts[name].get("cap", DEFAULT_CAPS.get(name, 1)) for name in parts}
    half = parts.get("recentheid", {}).get("half_life_days", 30)
    recency: dict[dt.date, float] = {}

    def part(weight: float, score: float) -> float:
        return round(round(score, 2) * weight, 2)

    def table(name: str) -> list[float]:
        """The contribution for 0..cap (more counts as the cap): looked up, not computed."""
        if name not in weights:
            return [0.0]
        cap = caps[name]
        return [part(weights[name], min(n, cap) / cap) for n in range(int(cap) + 1)]

    by_count, by_sources, by_categories = table("signalen"), table("bronnen"), table("categorieen")
    secret = part(weights["vertrouwelijk"], 1.0) if "vertrouwelijk" in weights else 0.0
    last = (len(by_count) - 1, len(by_sources) - 1, len(by_categories) - 1)
    dated = "recentheid" in weights

    def rank(
        count: int, sources: int, categories: int, confidential: bool, newest: dt.date | None
    ) -> float:
        summed = (
            by_count[min(count, last[0])]
            + by_sources[min(sources, last[1])]
            + by_categories[min(categories, last[2])]
        )
        if confidential:
            summed += secret
        if dated and newest is not None:
            found = recency.get(newest)
            if found is None:
                days = max(0, (today - newest).days)
                found = recency[newest] = part(weights["recentheid"], 0.5 ** (days / half))
            summed += found
        return 100 * summed / total_weight

    return rank


def priority(facts: Facts, definition: dict[str, Any], today: dt.date) -> Priority:
    parts_config = definition["components"]
    scores = _scores(facts, parts_config, today)
    values: dict[str, str] = {
        "signalen": str(facts.count),
        "bronnen": ", ".join(facts.sources) or "—",
        "categorieen": str(facts.categories),
        "vertrouwelijk": _("ja") if facts.confidential else _("nee"),
    }
    days = _days_ago(facts, today)
    values["recentheid"] = (
        "—"
        if days is None
        else ngettext("%(d)d dag geleden", "%(d)d dagen geleden", days) % {"d": days}
    )
    parts = [
        Part(
            name,
            str(COMPONENTS[name]),
            values[name],
            scores[name],
            float(parts_config[name]["weight"]),
        )
        for name in parts_config
    ]
    total_weight = sum(p.weight for p in parts) or 1.0
    return Priority(100 * sum(p.contribution for p in parts) / total_weight, parts)


@dataclass(frozen=True, slots=True)
class Ranked:
    """One object's place on the agenda: enough to sort and to page, nothing to show."""

    subject_id: int
    label: str
    total: float


class Agenda(Sequence[Ranked]):
    """The ranked agenda as a paginator reads it; a row becomes a ``Ranked`` only when a
    page shows it (57,000 of them cost more than the sort)."""

    def __init__(self, keys: list[tuple[float, str, int]]) -> None:
        self._keys = keys  # (-total, label, pk): sorted as tuples, without a key function

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> Ranked: ...

    @overload
    def __getitem__(self, index: slice) -> list[Ranked]: ...

    def __getitem__(self, index: int | slice) -> Ranked | list[Ranked]:
        if isinstance(index, slice):
            return [Ranked(pk, label, -total) for total, label, pk in self._keys[index]]
        total, label, pk = self._keys[index]
        return Ranked(pk, label, -total)


@dataclass(frozen=True)
class Item:
    subject: Subject
    priority: Priority
    facts: Facts
    last_decision: TriageDecision | None


def ranking(
    subjects: QuerySet[Subject],
    visible: QuerySet[Signal],
    *,
    include_decided: bool = False,
    definition: dict[str, Any] | None = None,
) -> Agenda:
    """Objects with signals that are new or changed since the meeting last decided on them,
    highest priority first. A fixed number of queries whatever the number of objects: the
    facts per object are summed in the database, the priority computed in one pass."""
    definition = definition or current().definition
    today = timezone.localdate()
    labels = dict(subjects.order_by().values_list("pk", "label"))
    if not include_decided:
        for pk in _decided_since_newest_link():
            labels.pop(pk, None)
    rank = ranker(definition, today)
    keys = [
        (-rank(count, sources, categories, secret, newest), labels[pk], pk)
        # every visible linked signal, the objects kept by their labels: asking the
        # database for only the candidates' signals repeated the candidates' query
        for pk, count, categories, sources, newest, secret in fact_rows(
            _linked_anywhere(visible), "links__subject"
        )
        if count and pk in labels
    ]
    keys.sort()
    return Agenda(keys)


def _decided_since_newest_link() -> list[int]:
    """Objects the meeting decided on after their newest link: off the agenda until a
    signal is linked again (a rejected link is no news). Two grouped queries over the
    decided objects only (the agenda's candidates once asked both per object of the
    region)."""
    decided = dict(
        TriageDecision.objects.order_by()
        .values("subject")
        .annotate(last=Max("decided_at"))
        .values_list("subject", "last")
    )
    newest = (
        SignalLink.objects.filter(
            subject__in=TriageDecision.objects.values("subject"), state__in=LIVE_LINKS
        )
        .order_by()
        .values("subject")
        .annotate(last=Max("created_at"))
        .values_list("subject", "last")
    )
    return [pk for pk, linked in newest if linked <= decided[pk]]


def _linked(visible: QuerySet[Signal], subjects: Any) -> QuerySet[Signal]:
    """The visible signals linked to these objects by a link that was not rejected (one
    filter call: with two, the state and the object could come from different links)."""
    return visible.filter(links__subject__in=subjects, links__state__in=LIVE_LINKS)


def _linked_anywhere(visible: QuerySet[Signal]) -> QuerySet[Signal]:
    """The visible signals with a link that was not rejected, grouped by that link."""
    return visible.filter(links__state__in=LIVE_LINKS)


def items(
    ranked: Sequence[Ranked], visible: QuerySet[Signal], definition: dict[str, Any] | None = None
) -> list[Item]:
    """The rows a page shows, in their order: their facts, sources, objects and last
    decisions in four queries, the priorities with their texts."""
    definition = definition or current().definition
    today = timezone.localdate()
    ids = [r.subject_id for r in ranked]
    facts = facts_per(_linked(visible, ids), "links__subject")
    add_sources(_linked(visible, ids), "links__subject", facts)
    subjects = Subject.objects.in_bulk(ids)
    last: dict[int, TriageDecision] = {}
    for decision in TriageDecision.objects.filter(subject_id__in=ids).select_related("decided_by"):
        last.setdefault(decision.subject_id, decision)  # newest first by the model's ordering
    return [
        Item(
            subjects[r.subject_id],
            priority(facts[r.subject_id], definition, today),
            facts[r.subject_id],
            last.get(r.subject_id),
        )
        for r in ranked
        if r.subject_id in subjects and r.subject_id in facts
    ]


def agenda(
    subjects: QuerySet[Subject], visible: QuerySet[Signal], *, include_decided: bool = False
) -> list[Item]:
    """The whole agenda as rows; for one object or a small set (a page uses ``ranking``
    and ``items`` on its slice)."""
    return items(ranking(subjects, visible, include_decided=include_decided), visible)


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
