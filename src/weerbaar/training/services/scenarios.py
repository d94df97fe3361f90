"""Scenarios as versioned data: read from seed/scenarios/*.yaml, checked, and stored as a
new version whenever the text changes.

Two checks, because they fail at different times. The *shape* (steps, routes with a reason
each, images that ship) is checked when a file is read and a bad file is refused. The
*vocabulary* (every signal an indicator of the live checklist) is checked whenever a
scenario is offered: an indicator can be switched off in the admin after the scenario was
stored, and then the scenario is withdrawn with a message saying which step and indicator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Max

from weerbaar.core.hashing import content_digest
from weerbaar.signals.services.selectors import active_categories, checklist
from weerbaar.training.models import ScenarioVersion, TargetGroup
from weerbaar.training.services.routes import ROUTES

SEED = Path(__file__).resolve().parent.parent / "seed" / "scenarios"
IMAGES = Path(__file__).resolve().parent.parent / "static" / "training" / "beelden"


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message says where and why."""


def _text(value: Any, where: str, what: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise ScenarioError(f"{where}: {what} ontbreekt.")
    return text


def _image(raw: Any, where: str) -> dict[str, str] | None:
    if not raw:
        return None
    name = _text(raw.get("file"), where, "de bestandsnaam van het beeld")
    if "/" in name or not (IMAGES / name).is_file():
        raise ScenarioError(
            f"{where}: beeld {name!r} staat niet in training/static/training/beelden."
        )
    return {
        "file": name,
        "alt": _text(raw.get("alt"), where, "de beschrijving (alt) van het beeld"),
    }


def _question(raw: Any, where: str) -> dict[str, Any] | None:
    if not raw:
        return None
    options = [
        {
            "text": _text(o.get("text"), where, "de tekst van een antwoord"),
            "right": bool(o.get("right")),
            "why": _text(o.get("why"), where, "de uitleg bij een antwoord"),
        }
        for o in raw.get("options") or []
    ]
    if len(options) < 2 or not any(o["right"] for o in options):
        raise ScenarioError(
            f"{where}: een verdiepingsvraag heeft minstens twee antwoorden, een ervan goed."
        )
    return {"text": _text(raw.get("text"), where, "de verdiepingsvraag"), "options": options}


def _step(raw: Mapping[str, Any], slug: str, number: int) -> dict[str, Any]:
    title = _text(raw.get("title"), f"Scenario {slug!r}, stap {number}", "de titel")
    where = f"Scenario {slug!r}, stap {number} ({title})"
    signals = [
        {
            "indicator": _text(s.get("indicator"), where, "de indicator van een signaal"),
            "seen": _text(s.get("seen"), where, "wat er te zien is"),
            "why": _text(s.get("why"), where, "waarom het signaal ertoe doet"),
        }
        for s in raw.get("signals") or []
    ]
    not_signals = [
        {
            "indicator": _text(s.get("indicator"), where, "de indicator van een schijnsignaal"),
            "why": _text(s.get("why"), where, "waarom het hier geen signaal is"),
        }
        for s in raw.get("not_signals") or []
    ]
    both = {s["indicator"] for s in signals} & {s["indicator"] for s in not_signals}
    if both:
        raise ScenarioError(f"{where}: {sorted(both)} is zowel signaal als geen signaal.")
    return {
        "title": title,
        "text": _text(raw.get("text"), where, "de tekst"),
        "image": _image(raw.get("image"), where),
        "signals": signals,
        "not_signals": not_signals,
        "question": _question(raw.get("question"), where),
    }


def normalise(definition: Mapping[str, Any]) -> dict[str, Any]:
    """The checked shape of a scenario, or ScenarioError saying what is wrong where."""
    slug = str(definition.get("slug") or "").strip()
    if not slug:
        raise ScenarioError("Een scenario heeft een code (slug).")
    where = f"Scenario {slug!r}"
    group = str(definition.get("target_group") or "")
    if group not in TargetGroup.values:
        raise ScenarioError(
            f"{where}: doelgroep {group!r} bestaat niet; kies uit {TargetGroup.values}."
        )
    steps = [_step(raw, slug, n) for n, raw in enumerate(definition.get("steps") or [], start=1)]
    if len(steps) < 2:
        raise ScenarioError(f"{where}: een scenario heeft minstens twee stappen.")
    if not any(step["signals"] for step in steps):
        raise ScenarioError(f"{where}: er staat geen enkel signaal in.")
    decision = definition.get("decision") or {}
    right = [str(r) for r in decision.get("right") or []]
    unknown = [r for r in right if r not in ROUTES]
    if not right or unknown:
        raise ScenarioError(
            f"{where}: bij het besluit hoort minstens één goede route uit {list(ROUTES)}."
        )
    reasons = decision.get("why") or {}
    missing = [route for route in ROUTES if not str(reasons.get(route) or "").strip()]
    if missing:
        raise ScenarioError(f"{where}: bij het besluit mist de uitleg voor {missing}.")
    practice = definition.get("practice") or {}
    return {
        "slug": slug,
        "title": _text(definition.get("title"), where, "de titel"),
        "target_group": group,
        "category": _text(definition.get("category"), where, "de categorie voor het oefenen"),
        "minutes": int(definition.get("minutes") or 20),
        "setting": _text(definition.get("setting"), where, "de situatie"),
        "intro": _text(definition.get("intro"), where, "de inleiding"),
        "steps": steps,
        "decision": {
            "text": _text(decision.get("text"), where, "de vraag bij het besluit"),
            "right": right,
            "why": {route: str(reasons[route]).strip() for route in ROUTES},
        },
        "practice": {
            "description": _text(practice.get("description"), where, "de tekst voor het oefenen"),
        },
    }


def problems(
    content: Mapping[str, Any],
    indicators: Mapping[str, str] | None = None,
    categories: Mapping[str, str] | None = None,
) -> list[str]:
    """Where the scenario no longer speaks the back office's vocabulary: an indicator or
    category that is not (or no longer) in use. Empty when it may be offered."""
    indicators = checklist() if indicators is None else indicators
    categories = active_categories() if categories is None else categories
    found = []
    slug = content["slug"]
    if content["category"] not in categories:
        found.append(
            f"Scenario {slug!r}: categorie {content['category']!r} is niet (meer) in gebruik."
        )
    for number, step in enumerate(content["steps"], start=1):
        for item in [*step["signals"], *step["not_signals"]]:
            if item["indicator"] not in indicators:
                found.append(
                    f"Scenario {slug!r}, stap {number} ({step['title']}): indicator "
                    f"{item['indicator']!r} staat niet (meer) in de checklist. Kies een "
                    "indicator uit de checklist, of zet deze in het beheer weer aan."
                )
    return found


digest = content_digest


def read(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path.name}: geen geldige YAML ({exc}).") from exc
    if not isinstance(raw, dict):
        raise ScenarioError(f"{path.name}: een scenario is een YAML-object.")
    return normalise(raw)


@transaction.atomic
def store(content: dict[str, Any]) -> ScenarioVersion:
    """The current version of this scenario; a new one only when the text changed."""
    fingerprint = digest(content)
    versions = ScenarioVersion.objects.select_for_update().filter(slug=content["slug"])
    current = versions.filter(is_current=True).first()
    if current is not None and current.digest == fingerprint:
        return current
    number = (versions.aggregate(n=Max("version"))["n"] or 0) + 1
    versions.update(is_current=False)
    return ScenarioVersion.objects.create(
        slug=content["slug"],
        version=number,
        title=content["title"],
        target_group=content["target_group"],
        content=content,
        digest=fingerprint,
    )


def sync_shipped(folder: Path = SEED) -> list[ScenarioVersion]:
    """Every shipped scenario stored; one no longer shipped is withdrawn (its versions and
    completions stay)."""
    stored = [store(read(path)) for path in sorted(folder.glob("*.yaml"))]
    ScenarioVersion.objects.filter(is_current=True).exclude(
        slug__in=[v.slug for v in stored]
    ).update(is_current=False)
    return stored


@dataclass(frozen=True)
class Offered:
    version: ScenarioVersion
    problems: tuple[str, ...]

    @property
    def available(self) -> bool:
        return not self.problems


def offered() -> list[Offered]:
    """The current scenarios, each with what keeps it from being offered (if anything)."""
    indicators, categories = checklist(), active_categories()
    return [
        Offered(v, tuple(problems(v.content, indicators, categories)))
        for v in ScenarioVersion.objects.filter(is_current=True).order_by("target_group", "title")
    ]


def current(slug: str) -> Offered | None:
    version = ScenarioVersion.objects.filter(slug=slug, is_current=True).first()
    return None if version is None else Offered(version, tuple(problems(version.content)))
