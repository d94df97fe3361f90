"""A round's results per municipality into the monitor: for each tracked question the
count of "ja" and of pupils who answered, only where the published table shows both (a
suppressed cell goes in as secret, never as a number)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from weerbaar.accounts.models import AuditAction
from weerbaar.accounts.services import audit
from weerbaar.monitor.services.derived import Record, store_series
from weerbaar.surveys.models import Round
from weerbaar.surveys.services import results

#: question key -> the answer the monitor counts (its indicators: enquete.<key>.ja / .beantwoord)
TRACKED = {"kent_leeftijdsgenoot": "ja", "berichten_gezien": "ja", "benaderd": "ja"}


def records_for(found: Round) -> list[Record]:
    definition = found.questionnaire.definition
    people = results.respondents([found.pk])
    sets = results.area_sets()
    records: list[Record] = []
    for question in definition["questions"]:
        option = TRACKED.get(question["key"])
        if option is None:
            continue
        table = results.question_results(question, people, area_sets=sets)["gemeente"].table
        for code in table.rows:
            count, answered = table.shown(code, option), table.shown(code, results.TOTAL_COLUMN)
            status = "definitief" if count is not None and answered is not None else "geheim"
            shown = status == "definitief"
            base = f"enquete.{question['key']}"
            records.append(
                Record(f"{base}.{option}", code, found.year, count if shown else None, status)
            )
            records.append(
                Record(f"{base}.beantwoord", code, found.year, answered if shown else None, status)
            )
    return records


def publish(found: Round, actor: Any = None) -> int:
    records = records_for(found)
    digest = hashlib.sha256(
        json.dumps([list(r) for r in records], sort_keys=True).encode()
    ).hexdigest()
    store_series("scholierenonderzoek", f"enquete-ronde-{found.pk}", digest, records)
    audit.record(AuditAction.CHANGE, actor=actor, obj=found)
    return sum(1 for r in records if r.value is not None and r.measure.endswith(".beantwoord"))
