"""Storing, re-running and comparing selection runs: all state changes go through here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from weerbaar.accounts.services import audit
from weerbaar.selection.models import Rule, RuleVersion, SelectionRun
from weerbaar.selection.services import engine, rules


def save_rule(definition: dict[str, Any], *, user: Any = None) -> RuleVersion:
    """A new version of the rule with this name, unless the definition is unchanged."""
    rule_def = rules.validate(definition)
    digest = rules.definition_hash(rule_def)
    with transaction.atomic():
        rule, _ = Rule.objects.get_or_create(name=rule_def["name"])
        latest = rule.versions.order_by("-number").first()
        if latest is not None and latest.definition_hash == digest:
            return latest
        return RuleVersion.objects.create(
            rule=rule,
            number=(latest.number + 1) if latest else 1,
            definition=rule_def,
            definition_hash=digest,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )


def execute(version: RuleVersion, *, user: Any = None) -> SelectionRun:
    result, input_hash, inputs = engine.run(version.definition)
    with transaction.atomic():
        run = SelectionRun.objects.create(
            rule_version=version,
            data_versions=engine.data_versions(inputs),
            result=result,
            input_hash=input_hash,
            output_hash=hashlib.sha256(result.encode()).hexdigest(),
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        audit.record("create", actor=user, obj=run)
    return run


@dataclass(frozen=True)
class Rerun:
    identical: bool
    same_inputs: bool
    result: str


def rerun(run: SelectionRun) -> Rerun:
    """The stored rule on the current data; identical when the data are the same."""
    result, input_hash, _ = engine.run(run.rule_version.definition)
    return Rerun(result == run.result, input_hash == run.input_hash, result)


def result_of(run: SelectionRun) -> dict[str, Any]:
    return json.loads(run.result)


def compare(old: SelectionRun, new: SelectionRun) -> dict[str, Any]:
    """What changed between two runs, and the indicators behind each move."""
    before, after = result_of(old), result_of(new)
    rows_before = {a["code"]: a for a in before["areas"]}
    rows_after = {a["code"]: a for a in after["areas"]}
    changes = []
    for code in sorted(set(rows_before) | set(rows_after)):
        a, b = rows_before.get(code, {}), rows_after.get(code, {})
        if a.get("selected_in") == b.get("selected_in"):
            continue
        why = []
        main = engine.TRACK_NAMES[0]
        ca = {c["indicator"]: c for c in a.get("tracks", {}).get(main, {}).get("contributions", [])}
        cb = {c["indicator"]: c for c in b.get("tracks", {}).get(main, {}).get("contributions", [])}
        for indicator in sorted(set(ca) | set(cb)):
            delta = cb.get(indicator, {}).get("contribution", 0.0) - ca.get(indicator, {}).get(
                "contribution", 0.0
            )
            if abs(delta) > 1e-9:
                why.append({"indicator": indicator, "change": round(delta, 6)})
        why.sort(key=lambda item: -abs(item["change"]))
        changes.append(
            {
                "code": code,
                "name": (b or a).get("name", code),
                "before": a.get("selected_in"),
                "after": b.get("selected_in"),
                "reason_before": a.get("excluded"),
                "reason_after": b.get("excluded"),
                "contribution_changes": why,
            }
        )
    rule_changes = {
        key: {"before": before["rule"].get(key), "after": after["rule"].get(key)}
        for key in sorted(set(before["rule"]) | set(after["rule"]))
        if before["rule"].get(key) != after["rule"].get(key)
    }
    return {"rule_changes": rule_changes, "areas": changes}
