"""The default categories and officials' checklist from seed/*.yaml.

Used by migration 0002 (with the historical models) and by tests that flush the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SEED = Path(__file__).resolve().parent.parent / "seed"


def seed_defaults(category_model: Any = None, indicator_model: Any = None) -> None:
    if category_model is None or indicator_model is None:
        from weerbaar.signals.models import Category, ChecklistIndicator

        category_model, indicator_model = Category, ChecklistIndicator
    categories = yaml.safe_load((SEED / "categories.yaml").read_text(encoding="utf-8"))
    for order, item in enumerate(categories, start=1):
        category_model.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "name_en": item.get("name_en", ""),
                "description": item.get("description", ""),
                "description_en": item.get("description_en", ""),
                "questions": item.get("questions", []),
                "order": order * 10,
            },
        )
    indicators = yaml.safe_load((SEED / "indicators.yaml").read_text(encoding="utf-8"))
    for order, item in enumerate(indicators, start=1):
        indicator_model.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "label": item["label"],
                "label_en": item.get("label_en", ""),
                "order": order * 10,
            },
        )
