"""Fill an empty installation with the prevention seed (seed/*.yaml): parents' texts,
help organisations, postcode ranges, problems, interventions and the bus.

Idempotent and careful: an article that already has versions, or an organisation or bus
that exists, is left as the staff made it. Used by migration 0002 (historical models)
and by browser tests that flush the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.apps import apps as global_apps
from django.utils import timezone

SEED = Path(__file__).resolve().parent.parent / "seed"


def _load(name: str) -> Any:
    return yaml.safe_load((SEED / name).read_text(encoding="utf-8"))


def seed_prevention(apps: Any = None) -> None:
    apps = apps or global_apps
    article_model = apps.get_model("prevention", "Article")
    version_model = apps.get_model("prevention", "ArticleVersion")
    for position, item in enumerate(_load("articles.yaml"), start=1):
        article, _ = article_model.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "section": item["section"],
                "position": position * 10,
                "on_flyer": item.get("on_flyer", True),
            },
        )
        if not version_model.objects.filter(article=article).exists():
            version_model.objects.create(
                article=article,
                number=1,
                title=item["title"],
                summary=item["summary"],
                body=item["body"],
                published_at=timezone.now(),
            )
    helpdata = _load("help.yaml")
    organisation_model = apps.get_model("prevention", "HelpOrganisation")
    for position, item in enumerate(helpdata["organisations"], start=1):
        organisation_model.objects.get_or_create(
            name=item["name"],
            municipality_code=item.get("municipality_code", ""),
            defaults={
                "kind": item["kind"],
                "description": item["description"],
                "phone": item.get("phone", ""),
                "website": item.get("website", ""),
                "position": position * 10,
            },
        )
    postcode_model = apps.get_model("areas", "PostcodeRange")
    for item in helpdata["postcodes"]:
        postcode_model.objects.get_or_create(
            first=item["first"],
            last=item["last"],
            municipality_code=item["municipality_code"],
            defaults={"source": item["source"]},
        )
    catalogue = _load("catalogue.yaml")
    problem_model = apps.get_model("prevention", "Problem")
    problems = {}
    for item in catalogue["problems"]:
        problems[item["slug"]], _ = problem_model.objects.get_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "indicator_code": item.get("indicator_code", "")},
        )
    intervention_model = apps.get_model("prevention", "Intervention")
    fields = [
        "name",
        "summary",
        "target_group",
        "age_min",
        "age_max",
        "goal",
        "method",
        "setting",
        "duration",
        "cost",
        "provider",
        "source",
        "warning",
    ]
    for item in catalogue["interventions"]:
        intervention, created = intervention_model.objects.get_or_create(
            slug=item["slug"],
            defaults={
                name: item.get(name, "" if name not in ("age_min", "age_max") else None)
                for name in fields
            },
        )
        if created:
            intervention.problems.set([problems[slug] for slug in item.get("problems", [])])
    bus_model = apps.get_model("prevention", "Bus")
    for item in _load("bus.yaml"):
        if not bus_model.objects.filter(name=item["name"]).exists():
            bus_model.objects.create(**item)
