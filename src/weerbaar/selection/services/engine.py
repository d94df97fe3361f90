"""Running a selection rule: eligibility, direction-aware normalisation, weighted composite,
top N or threshold, an optional second track, and an explanation for every area.

Deterministic: the same rule on the same data gives byte-identical canonical JSON.
Normalisation is relative to the areas eligible for the track (documented in the
algorithm-register text).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from weerbaar.areas.services import selectors as areas
from weerbaar.monitor.models import DataVersion, Direction, Indicator, Observation
from weerbaar.monitor.services import values
from weerbaar.selection.models import Participation
from weerbaar.selection.services.rules import canonical_json

POPULATION_MEASURE = {"gemeente": "bevolking.gemiddeld", "wijk": "kwb.totaal"}
DECIMALS = 10
TRACK_NAMES = ("hoofdspoor", "tweede spoor")


@dataclass
class Inputs:
    """Everything the rule reads, so a run can be hashed and re-run."""

    codes: list[str]
    names: dict[str, str]
    inhabitants: dict[str, float | None]
    population_year: int | None
    raw: dict[str, dict[str, float | None]]  # indicator -> area -> value over the window
    provisional: dict[str, set[str]]  # indicator -> areas with a provisional input
    years: dict[str, list[int]]  # indicator -> window years used
    directions: dict[str, str]
    participants: dict[str, set[str]]  # programme slug -> area codes
    province_of: dict[str, str]
    measures: set[str]


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, DECIMALS) + 0.0
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value


def _window(indicator: Indicator, rule: dict[str, Any]) -> list[int]:
    """The last ``years`` years in which the indicator was published, up to the reference
    year (the Leefbaarometer appears every two years; a plain calendar window would miss it)."""
    available = values.years_available(indicator)
    end = rule["year"] if rule["year"] != "latest" else (available[-1] if available else 0)
    return [year for year in available if year <= end][-rule["years"] :]


MAX_LISTED_CODES = 5000  # above this (neighbourhoods) a list of codes costs more than it saves


def gather(rule: dict[str, Any]) -> Inputs:
    level = rule["level"]
    current = list(areas.current_areas(level).order_by("code").values_list("code", "name"))
    codes = [code for code, _ in current]
    code_set = set(codes)
    raw: dict[str, dict[str, float | None]] = {}
    provisional: dict[str, set[str]] = {}
    years: dict[str, list[int]] = {}
    directions: dict[str, str] = {}
    measures: set[str] = set()
    for item in rule["indicators"]:
        indicator = Indicator.objects.get(code=item["code"])
        directions[indicator.code] = indicator.direction
        measures |= {m for m in (indicator.numerator, indicator.denominator) if m}
        window = _window(indicator, rule)
        years[indicator.code] = window
        per_area: dict[str, list[float | None]] = {code: [] for code in codes}
        flagged: set[str] = set()
        # only this level's areas (a short list): all levels read 50,000 rows per run
        wanted = codes if len(codes) <= MAX_LISTED_CODES else None
        for value in values.compute(indicator, codes=wanted, years=window) if window else []:
            if value.area_code in code_set:
                per_area[value.area_code].append(value.value)
                if value.status == "voorlopig":
                    flagged.add(value.area_code)
        raw[indicator.code] = {
            code: (sum(v for v in got if v is not None) / len(window))
            if window and len(got) == len(window) and all(v is not None for v in got)
            else None
            for code, got in per_area.items()
        }
        provisional[indicator.code] = flagged
    population_measure = POPULATION_MEASURE[level]
    measures.add(population_measure)
    population_years = sorted(
        set(Observation.objects.filter(measure=population_measure).values_list("year", flat=True))
    )
    wanted = rule["year"] if rule["year"] != "latest" else None
    population_year = (
        wanted
        if wanted in population_years
        else (population_years[-1] if population_years else None)
    )
    inhabitants: dict[str, float | None] = dict.fromkeys(codes)
    if population_year is not None:
        rows = Observation.objects.filter(
            measure=population_measure, year=population_year, area_code__in=codes
        )
        inhabitants.update(dict(rows.values_list("area_code", "value")))
    slugs = {
        f["programme"]
        for t in _tracks(rule)
        for f in t["filters"]
        if f["type"] == "not_in_programme"
    }
    participants = {
        slug: set(
            Participation.objects.filter(programme__slug=slug).values_list("area_code", flat=True)
        )
        for slug in slugs
    }
    province_of = {}
    if level == "gemeente":
        # codes only: the rows with their boundaries were most of a selection run
        for code, province in areas.current_areas("gemeente").values_list("code", "parent__code"):
            province_of[code] = province or ""
    else:
        for code in codes:
            municipality = areas.find_area("GM" + code[2:6])
            province_of[code] = (
                municipality.parent.code if municipality and municipality.parent else ""
            )
    return Inputs(
        codes,
        dict(current),
        inhabitants,
        population_year,
        raw,
        provisional,
        years,
        directions,
        participants,
        province_of,
        measures,
    )


def _tracks(rule: dict[str, Any]) -> list[dict[str, Any]]:
    tracks = [{"filters": rule["filters"], "select": rule["select"]}]
    if rule.get("second_track"):
        tracks.append(rule["second_track"])
    return tracks


def _exclusion(code: str, filters: list[dict[str, Any]], inputs: Inputs) -> str | None:
    inhabitants = inputs.inhabitants.get(code)
    for item in filters:
        kind = item["type"]
        if kind == "min_inhabitants" and (inhabitants is None or inhabitants < item["value"]):
            return f"minder dan {item['value']:,} inwoners".replace(",", ".")
        if kind == "max_inhabitants" and (inhabitants is None or inhabitants > item["value"]):
            return f"meer dan {item['value']:,} inwoners".replace(",", ".")
        if kind == "in_province" and inputs.province_of.get(code) not in item["codes"]:
            return f"ligt niet in {', '.join(item['codes'])}"
        if kind == "not_in_programme" and code in inputs.participants.get(item["programme"], set()):
            return f"doet al mee aan programma {item['programme']}"
    return None


def _normalise(matrix: np.ndarray, present: np.ndarray, method: str, neutral: bool) -> np.ndarray:
    """Column-wise over the rows where a value is present; missing cells become the neutral
    value (0 for z-scores, 0.5 for percentile ranks) when ``neutral``, else NaN."""
    result = np.full(matrix.shape, np.nan)
    for j in range(matrix.shape[1]):
        mask = present[:, j]
        column = matrix[mask, j]
        if column.size == 0:
            continue
        if method == "zscore":
            std = column.std()
            result[mask, j] = (column - column.mean()) / std if std > 0 else 0.0
            fill = 0.0
        else:
            order = column.argsort(kind="stable")
            ranks = np.empty(column.size)
            ranks[order] = np.arange(1, column.size + 1)
            for value in np.unique(column):  # ties share their average rank
                same = column == value
                ranks[same] = ranks[same].mean()
            result[mask, j] = (ranks - 0.5) / column.size
            fill = 0.5
        if neutral:
            result[~mask, j] = fill
    return result


def oriented(
    inputs: Inputs, codes: list[str], rule: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    """Normalised values where a higher number always means a more severe problem."""
    indicator_codes = [i["code"] for i in rule["indicators"]]
    matrix = np.array(
        [
            [inputs.raw[i][c] if inputs.raw[i][c] is not None else np.nan for i in indicator_codes]
            for c in codes
        ],
        dtype=float,
    ).reshape(len(codes), len(indicator_codes))
    present = ~np.isnan(matrix)
    normalised = _normalise(matrix, present, rule["normalisation"], rule["missing"] == "neutral")
    for j, code in enumerate(indicator_codes):
        if inputs.directions[code] == Direction.HIGHER_BETTER:
            normalised[:, j] = (
                -normalised[:, j] if rule["normalisation"] == "zscore" else 1 - normalised[:, j]
            )
    return normalised, present


def _run_track(
    number: int,
    track: dict[str, Any],
    candidates: list[str],
    inputs: Inputs,
    rule: dict[str, Any],
    rows: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    indicator_codes = [i["code"] for i in rule["indicators"]]
    weights = np.array([i["weight"] for i in rule["indicators"]])
    eligible = []
    for code in candidates:
        reason = _exclusion(code, track["filters"], inputs)
        if reason:
            rows[code].setdefault("excluded", {})[TRACK_NAMES[number]] = reason
        elif rule["missing"] == "exclude" and any(
            inputs.raw[i][code] is None for i in indicator_codes
        ):
            lacking = [i for i in indicator_codes if inputs.raw[i][code] is None]
            rows[code].setdefault("excluded", {})[TRACK_NAMES[number]] = (
                f"geen waarde voor {', '.join(lacking)}"
            )
        else:
            eligible.append(code)
    summary: dict[str, Any] = {
        "name": TRACK_NAMES[number],
        "eligible": len(eligible),
        "selected": [],
        "cutoff": None,
    }
    if not eligible:
        return summary
    normalised, present = oriented(inputs, eligible, rule)
    composite = normalised @ weights / weights.sum()
    order = sorted(range(len(eligible)), key=lambda k: (-composite[k], eligible[k]))
    selected_count = 0
    if "top" in track["select"]:
        selected_count = min(track["select"]["top"], len(eligible))
        cutoff = float(composite[order[selected_count - 1]])
        chosen = {eligible[k] for k in order[:selected_count]}
    else:
        cutoff = track["select"]["threshold"]
        chosen = {eligible[k] for k in order if composite[k] >= cutoff}
    summary["cutoff"] = cutoff
    for rank, k in enumerate(order, start=1):
        code = eligible[k]
        contributions = []
        for j, indicator in enumerate(indicator_codes):
            contributions.append(
                {
                    "indicator": indicator,
                    "value": inputs.raw[indicator][code],
                    "normalised": float(normalised[k, j]),
                    "weight": float(weights[j]),
                    "contribution": float(normalised[k, j] * weights[j] / weights.sum()),
                    "provisional": code in inputs.provisional[indicator],
                    "imputed": not bool(present[k, j]),
                }
            )
        rows[code]["tracks"][TRACK_NAMES[number]] = {
            "rank": rank,
            "score": float(composite[k]),
            "distance": float(composite[k] - cutoff),
            "selected": code in chosen,
            "contributions": contributions,
        }
        if code in chosen:
            rows[code]["selected_in"] = TRACK_NAMES[number]
    ties = [eligible[k] for k in order if abs(composite[k] - cutoff) < 1e-12]
    if len(ties) > 1:
        summary["tie_at_cutoff"] = sorted(ties)
    summary["selected"] = [eligible[k] for k in order if eligible[k] in chosen]
    return summary


def evaluate(rule: dict[str, Any], inputs: Inputs) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {
        code: {
            "code": code,
            "name": inputs.names[code],
            "inhabitants": inputs.inhabitants.get(code),
            "tracks": {},
            "selected_in": None,
        }
        for code in inputs.codes
    }
    tracks = []
    taken: set[str] = set()
    for number, track in enumerate(_tracks(rule)):
        summary = _run_track(
            number, track, [c for c in inputs.codes if c not in taken], inputs, rule, rows
        )
        taken |= set(summary["selected"])
        tracks.append(summary)
    ranked = sorted(
        rows.values(),
        key=lambda r: (
            0 if r["selected_in"] == TRACK_NAMES[0] else 1 if r["selected_in"] else 2,
            -(r["tracks"].get(TRACK_NAMES[0], {}).get("score", float("-inf"))),
            r["code"],
        ),
    )
    return _round(
        {
            "rule": rule,
            "resolved": {"years": inputs.years, "population_year": inputs.population_year},
            "tracks": tracks,
            "areas": ranked,
        }
    )


def input_hash(rule: dict[str, Any], inputs: Inputs) -> str:
    payload = {
        "rule": rule,
        "raw": inputs.raw,
        "inhabitants": inputs.inhabitants,
        "participants": {k: sorted(v) for k, v in inputs.participants.items()},
        "province_of": inputs.province_of,
    }
    return hashlib.sha256(canonical_json(_round(payload)).encode()).hexdigest()


def data_versions(inputs: Inputs) -> list[dict[str, Any]]:
    ids = set(
        Observation.objects.filter(measure__in=inputs.measures)
        .values_list("data_version_id", flat=True)
        .distinct()
    )
    return [
        {
            "id": v.pk,
            "path": v.path,
            "table": v.table_id,
            "sha256": v.sha256,
            "imported_at": v.imported_at.isoformat(),
        }
        for v in DataVersion.objects.filter(pk__in=ids).order_by("pk")
    ]


def run(rule: dict[str, Any]) -> tuple[str, str, Inputs]:
    """(canonical result JSON, input hash, inputs) for a validated rule."""
    inputs = gather(rule)
    return canonical_json(evaluate(rule, inputs)), input_hash(rule, inputs), inputs
