"""Selection rules as data: the JSON/YAML form, checked with Dutch messages.

A rule::

    name: Preventie met Gezag, hoofdspoor
    level: gemeente               # gemeente or wijk
    year: 2023                    # reference year, or "latest" (resolved per indicator)
    years: 3                      # mean over the last N published years up to the reference year
    filters:                      # eligibility, applied in this order
      - {type: min_inhabitants, value: 80000}
      - {type: in_province, codes: [PV20, PV22]}
      - {type: not_in_programme, programme: preventie-met-gezag}
    indicators:                   # weights are relative; direction comes from the catalogue
      - {code: misdrijven-3-1-1-per-10000, weight: 2}
      - {code: leefbaarometer-lbm, weight: 1}
    normalisation: zscore         # or percentile
    missing: exclude              # or neutral: a missing value counts as average
    select: {top: 27}             # or {threshold: 1.0}
    second_track:                 # optional, e.g. the "flexible approach"
      filters: [{type: max_inhabitants, value: 79999}]
      select: {threshold: 1.5}
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import yaml

from weerbaar.monitor.models import Indicator
from weerbaar.selection.models import Programme

LEVELS = ("gemeente", "wijk")
FILTER_TYPES = ("min_inhabitants", "max_inhabitants", "in_province", "not_in_programme")
NORMALISATIONS = ("zscore", "percentile")
MISSING = ("exclude", "neutral")
MAX_YEARS = 10


class RuleError(Exception):
    """The rule cannot be used; ``problems`` maps a field path to a Dutch reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


def parse(text: str) -> dict[str, Any]:
    """A rule from JSON or YAML text."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError({"regel": f"geen geldige JSON of YAML ({exc})"}) from exc
    if not isinstance(data, dict):
        raise RuleError({"regel": "verwacht een object met velden zoals name, level, indicators"})
    return data


def _filters(raw: Any, path: str, problems: dict[str, str]) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems[path] = "verwacht een lijst"
        return []
    result = []
    for index, item in enumerate(raw):
        where = f"{path}[{index}]"
        kind = item.get("type") if isinstance(item, dict) else None
        if kind not in FILTER_TYPES:
            problems[where] = f"onbekend filter; kies uit {', '.join(FILTER_TYPES)}"
            continue
        if kind in ("min_inhabitants", "max_inhabitants"):
            value = item.get("value")
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                problems[where] = "value moet een geheel aantal inwoners >= 0 zijn"
                continue
            result.append({"type": kind, "value": value})
        elif kind == "in_province":
            codes = item.get("codes")
            if (
                not isinstance(codes, list)
                or not codes
                or not all(isinstance(c, str) and len(c) == 4 and c.startswith("PV") for c in codes)
            ):
                problems[where] = "codes moet een lijst provinciecodes zijn, bijvoorbeeld [PV20]"
                continue
            result.append({"type": kind, "codes": sorted(codes)})
        else:
            slug = item.get("programme")
            if not Programme.objects.filter(slug=slug).exists():
                problems[where] = f"programma '{slug}' bestaat niet"
                continue
            result.append({"type": kind, "programme": slug})
    return result


def _select(raw: Any, path: str, problems: dict[str, str]) -> dict[str, Any]:
    if not isinstance(raw, dict) or len(raw) != 1 or not ({"top", "threshold"} & set(raw)):
        problems[path] = "kies precies één van {top: N} of {threshold: getal}"
        return {}
    if "top" in raw:
        top = raw["top"]
        if not isinstance(top, int) or isinstance(top, bool) or top < 1:
            problems[path] = "top moet een geheel getal >= 1 zijn"
            return {}
        return {"top": top}
    threshold = raw["threshold"]
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
        problems[path] = "threshold moet een getal zijn"
        return {}
    return {"threshold": float(threshold)}


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _scope(data: dict[str, Any], problems: dict[str, str]) -> tuple[Any, Any, Any, Any]:
    """Name, level, year and number of years, each checked."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems["name"] = "geef de regel een naam"
    level = data.get("level", "gemeente")
    if level not in LEVELS:
        problems["level"] = "kies gemeente of wijk"
    year = data.get("year", "latest")
    if year != "latest" and (not _whole(year) or not 1990 <= year <= 2100):
        problems["year"] = "een jaartal, of latest"
    years = data.get("years", 1)
    if not _whole(years) or not 1 <= years <= MAX_YEARS:
        problems["years"] = f"aantal jaren van 1 tot en met {MAX_YEARS}"
    return name, level, year, years


def _indicator_problem(item: Any, known: dict[str, Any], seen: set[str], level: Any) -> str:
    code = item.get("code") if isinstance(item, dict) else None
    weight = item.get("weight") if isinstance(item, dict) else None
    if code not in known:
        return f"onbekende indicator '{code}'"
    if code in seen:
        return f"indicator '{code}' staat er twee keer in"
    if isinstance(level, str) and level not in known[code].levels:
        return f"indicator '{code}' heeft geen waarden op niveau {level}"
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
        return "weight moet een getal groter dan 0 zijn"
    return ""


def _indicators(raw: Any, level: Any, problems: dict[str, str]) -> list[dict[str, Any]]:
    if not isinstance(raw, list) or not raw:
        problems["indicators"] = "kies minstens één indicator met een gewicht"
        return []
    known = {i.code: i for i in Indicator.objects.all()}
    seen: set[str] = set()
    indicators = []
    for index, item in enumerate(raw):
        problem = _indicator_problem(item, known, seen, level)
        if problem:
            problems[f"indicators[{index}]"] = problem
            continue
        seen.add(item["code"])
        indicators.append({"code": item["code"], "weight": float(item["weight"])})
    return indicators


def _second_track(second: Any, problems: dict[str, str]) -> dict[str, Any] | None:
    if second is None:
        return None
    if not isinstance(second, dict):
        problems["second_track"] = "verwacht een object met filters en select"
        return None
    return {
        "filters": _filters(second.get("filters"), "second_track.filters", problems),
        "select": _select(second.get("select"), "second_track.select", problems),
    }


def validate(data: dict[str, Any]) -> dict[str, Any]:
    """The rule in its canonical form (defaults filled in), or RuleError."""
    problems: dict[str, str] = {}
    name, level, year, years = _scope(data, problems)
    indicators = _indicators(data.get("indicators"), level, problems)
    normalisation = data.get("normalisation", "zscore")
    if normalisation not in NORMALISATIONS:
        problems["normalisation"] = "kies zscore of percentile"
    missing = data.get("missing", "exclude")
    if missing not in MISSING:
        problems["missing"] = "kies exclude (gebied valt af) of neutral (telt als gemiddeld)"
    rule: dict[str, Any] = {
        "name": name.strip() if isinstance(name, str) else "",
        "level": level,
        "year": year,
        "years": years,
        "filters": _filters(data.get("filters"), "filters", problems),
        "indicators": indicators,
        "normalisation": normalisation,
        "missing": missing,
        "select": _select(data.get("select"), "select", problems),
        "second_track": _second_track(data.get("second_track"), problems),
    }
    if problems:
        raise RuleError(problems)
    return rule


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def definition_hash(rule: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(rule).encode()).hexdigest()
