"""The rule editor's form fields to and from a rule definition (the editor is a plain GET
form, so it works without JavaScript; field names are Dutch as they appear in the URL)."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from weerbaar.monitor.models import Indicator

WEIGHT_PREFIX = "gewicht_"


def _int(value: str | None) -> int | str | None:
    text = (value or "").strip().replace(".", "")
    if not text:
        return None
    return int(text) if text.lstrip("-").isdigit() else text


def _number(value: str | None) -> float | str | None:
    text = (value or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def _select(kind: str | None, value: str | None) -> dict[str, Any]:
    if kind == "drempel":
        return {"threshold": _number(value)}
    return {"top": _int(value)}


def _population_filters(data: QueryDict, prefix: str) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = []
    if (low := _int(data.get(f"{prefix}min_inwoners"))) is not None:
        filters.append({"type": "min_inhabitants", "value": low})
    if (high := _int(data.get(f"{prefix}max_inwoners"))) is not None:
        filters.append({"type": "max_inhabitants", "value": high})
    return filters


def rule_from_form(data: QueryDict) -> dict[str, Any]:
    filters = _population_filters(data, "")
    if provinces := data.getlist("provincie"):
        filters.append({"type": "in_province", "codes": provinces})
    if programme := data.get("niet_in_programma"):
        filters.append({"type": "not_in_programme", "programme": programme})
    indicators = []
    for key in sorted(data):
        if key.startswith(WEIGHT_PREFIX):
            weight = _number(data.get(key))
            if weight not in (None, 0, 0.0):
                indicators.append({"code": key[len(WEIGHT_PREFIX) :], "weight": weight})
    year = data.get("jaar") or "latest"
    rule: dict[str, Any] = {
        "name": (data.get("naam") or "").strip(),
        "level": data.get("niveau") or "gemeente",
        "year": "latest" if year == "latest" else _int(year),
        "years": _int(data.get("jaren")) or 1,
        "filters": filters,
        "indicators": indicators,
        "normalisation": data.get("normalisatie") or "zscore",
        "missing": data.get("ontbrekend") or "exclude",
        "select": _select(data.get("selectie"), data.get("selectie_waarde")),
        "second_track": None,
    }
    if data.get("tweede_spoor"):
        rule["second_track"] = {
            "filters": _population_filters(data, "tweede_"),
            "select": _select(data.get("tweede_selectie"), data.get("tweede_selectie_waarde")),
        }
    return rule


def form_from_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """Initial values for the editor from a stored rule."""
    values: dict[str, Any] = {
        "naam": rule.get("name", ""),
        "niveau": rule.get("level", "gemeente"),
        "jaar": str(rule.get("year", "latest")),
        "jaren": rule.get("years", 1),
        "normalisatie": rule.get("normalisation", "zscore"),
        "ontbrekend": rule.get("missing", "exclude"),
        "provincie": [],
        "weights": {i["code"]: i["weight"] for i in rule.get("indicators", [])},
    }
    for item in rule.get("filters", []):
        if item["type"] == "min_inhabitants":
            values["min_inwoners"] = item["value"]
        elif item["type"] == "max_inhabitants":
            values["max_inwoners"] = item["value"]
        elif item["type"] == "in_province":
            values["provincie"] = item["codes"]
        elif item["type"] == "not_in_programme":
            values["niet_in_programma"] = item["programme"]
    select = rule.get("select", {"top": 10})
    values["selectie"], values["selectie_waarde"] = (
        ("drempel", select["threshold"]) if "threshold" in select else ("top", select.get("top"))
    )
    second = rule.get("second_track")
    if second:
        values["tweede_spoor"] = True
        for item in second.get("filters", []):
            key = (
                "tweede_min_inwoners"
                if item["type"] == "min_inhabitants"
                else "tweede_max_inwoners"
            )
            values[key] = item.get("value")
        s = second.get("select", {})
        values["tweede_selectie"], values["tweede_selectie_waarde"] = (
            ("drempel", s["threshold"]) if "threshold" in s else ("top", s.get("top"))
        )
    return values


def indicator_groups() -> list[tuple[str, list[Indicator]]]:
    groups: dict[str, list[Indicator]] = {}
    for indicator in Indicator.objects.order_by("theme", "position"):
        groups.setdefault(indicator.theme, []).append(indicator)
    return list(groups.items())
