"""Benchmark of the school survey: 20,000 responses from 100 schools in 25 municipalities,
aggregated per question for every grouping (municipality, school type, year group and their
cross), weighted and suppressed together, and the subtraction attacker run over the result.
Target: everything under 5 s on this machine.

Run: ``.venv/bin/python bench/surveys.py`` (SQLite in a temporary folder).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

RESPONSES = 20_000
SCHOOLS = 100
MUNICIPALITIES = 25


def answers_for(rng: random.Random) -> dict[str, list[str]]:
    given: dict[str, list[str]] = {}
    given["kent_leeftijdsgenoot"] = [
        rng.choices(["ja", "nee", "weet_niet", "liever_niet"], [40, 45, 10, 5])[0]
    ]
    given["berichten_gezien"] = [rng.choices(["ja", "nee", "weet_niet"], [25, 65, 10])[0]]
    if given["berichten_gezien"] == ["ja"]:
        given["platform"] = rng.sample(
            ["snapchat", "tiktok", "instagram", "whatsapp", "telegram"], rng.randint(1, 3)
        )
    given["benaderd"] = [rng.choices(["ja", "nee", "liever_niet"], [12, 83, 5])[0]]
    if given["benaderd"] == ["ja"]:
        given["aangeboden"] = rng.sample(["geld", "vapes", "spullen", "aanzien"], rng.randint(1, 2))
        given["verteld"] = [rng.choice(["ouder", "school", "vriend", "niemand"])]
        if given["verteld"] == ["niemand"]:
            given["waarom_niet"] = rng.sample(
                ["verklikken", "bang", "niet_erg", "niet_weten"], rng.randint(1, 2)
            )
    given["durft_vertellen"] = [str(rng.randint(1, 5))]
    given["weet_hulp"] = [rng.choice(["ja", "nee"])]
    return given


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _real import engine, setup_django

    setup_django()
    from django.core.management import call_command

    from weerbaar.surveys.models import Response, Round, School, WeightSet
    from weerbaar.surveys.services import questionnaires, results, suppression

    call_command("migrate", verbosity=0)
    Response.objects.all().delete()
    Round.objects.all().delete()
    version = questionnaires.seed_questionnaires()[0]
    rng = random.Random(2026)
    found = Round.objects.create(
        name="Bench",
        year=2026,
        opens_on=dt.date(2026, 2, 1),
        closes_on=dt.date(2026, 2, 28),
        questionnaire=version,
    )
    schools = [
        School.objects.create(
            round=found,
            name=f"School {i:03d}",
            municipality_code=f"GM{1000 + i % MUNICIPALITIES:04d}",
            school_type=rng.choice(["vmbo", "havo-vwo", "praktijk", "gemengd"]),
        )
        for i in range(SCHOOLS)
    ]
    start = time.perf_counter()
    Response.objects.bulk_create(
        (
            Response(
                round=found,
                school=rng.choice(schools),
                questionnaire=version,
                year_group=rng.randint(1, 4),
                week="2026-W06",
                answers=answers_for(rng),
            )
            for _ in range(RESPONSES)
        ),
        batch_size=2000,
    )
    stored = time.perf_counter() - start
    shares = {
        f"{t}|{y}": 1 / 16
        for t in ("vmbo", "havo-vwo", "praktijk", "gemengd")
        for y in (1, 2, 3, 4)
    }
    weight_set = WeightSet.objects.create(name="bench", version=1, source="gelijk", shares=shares)
    print(
        f"database: {engine()}; {RESPONSES} responses, {SCHOOLS} schools, {MUNICIPALITIES} municipalities (stored in {stored:.2f} s)"
    )

    start = time.perf_counter()
    people = results.respondents([found.pk])
    weights = results.weights(people, weight_set)
    loaded = time.perf_counter() - start
    # five provinces of five municipalities and two overlapping regions, protected together
    codes = sorted({p.municipality for p in people})
    sets = {
        "provincie": {f"PV{20 + i}": set(codes[i * 5 : i * 5 + 5]) for i in range(5)},
        "regio": {"noord": set(codes[:15]), "oost": set(codes[10:])},
    }
    start = time.perf_counter()
    tables = {
        q["key"]: results.question_results(q, people, weights, area_sets=sets)
        for q in version.definition["questions"]
    }
    computed = time.perf_counter() - start
    cells = sum(len(t.rows) * len(t.total.options) for by in tables.values() for t in by.values())
    hidden = sum(len(next(iter(by.values())).table.hidden) for by in tables.values())
    start = time.perf_counter()
    leaks = 0
    for question in version.definition["questions"]:
        options = [o for o in question["options"] if o != questionnaires.RATHER_NOT]
        counts, *_ = results._cells(question, people, options)
        values, lines, _ = results.published_entries(question, counts, options, sets)
        leaks += len(
            suppression.derivable(values, tables[question["key"]]["gemeente"].table.hidden, lines)
        )
    attacked = time.perf_counter() - start
    total = loaded + computed
    print(f"load + weights:                 {loaded:5.2f} s")
    print(
        f"aggregate, weight, suppress:    {computed:5.2f} s ({len(tables)} questions x 6 groupings, "
        f"{cells} published cells, {hidden} hidden)"
    )
    print(f"subtraction attacker:           {attacked:5.2f} s, cells it could compute: {leaks}")
    print(
        f"total (load to published tables): {total:5.2f} s; target < 5 s: {'met' if total < 5 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
