"""Benchmark of the selection: one run of the Preventie met Gezag example rule over all
municipalities and 10,000 weight perturbations (target: under 5 s together).

Run: ``.venv/bin/python bench/selection.py`` (SQLite in a temporary folder; imports the
real data first), or with ``DATABASE_URL`` for PostgreSQL.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    os.environ.setdefault("WEERBAAR_VAR_DIR", tempfile.mkdtemp(prefix="weerbaar-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")
    import django

    django.setup()
    import yaml
    from django.conf import settings
    from django.core.management import call_command

    from weerbaar.areas.models import Area
    from weerbaar.areas.services.importing import import_areas
    from weerbaar.monitor.importers.run import import_monitor
    from weerbaar.selection.models import Programme
    from weerbaar.selection.services import engine, rules, sensitivity

    folder = settings.WEERBAAR_DATA_DIR
    if folder is None or not Path(folder).is_dir():
        sys.exit("Geen open data gevonden: zet WEERBAAR_DATA_DIR of plaats ../shared/data.")
    call_command("migrate", verbosity=0)
    if not Area.objects.exists():
        import_areas(Path(folder))
    import_monitor(Path(folder))
    Programme.objects.get_or_create(
        slug="preventie-met-gezag", defaults={"name": "Preventie met Gezag"}
    )
    rule = rules.validate(yaml.safe_load((ROOT / "rules" / "preventie-met-gezag.yaml").read_text()))

    engine.run(rule)  # warm the caches once, as a running server would have them
    start = time.perf_counter()
    result_json, input_hash, inputs = engine.run(rule)
    one_run = time.perf_counter() - start
    result = json.loads(result_json)
    start = time.perf_counter()
    report = sensitivity.analyse(rule, inputs, result, input_hash, draws=10_000)
    perturbations = time.perf_counter() - start
    engine_name = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine_name}")
    print(
        f"municipalities: {len(result['areas'])}, eligible main track: {result['tracks'][0]['eligible']}"
    )
    print(f"one run:                   {one_run:6.3f} s")
    print(f"10,000 perturbations + LOO: {perturbations:6.3f} s ({len(report['areas'])} areas)")
    print(f"together:                  {one_run + perturbations:6.3f} s (target < 5 s)")
    bare = bare_numpy(len(report["areas"]), [i["weight"] for i in rule["indicators"]])
    print(
        f"bare numpy, same composite: {bare:6.3f} s; run + perturbations / bare: "
        f"{(one_run + perturbations) / bare:.1f}x (target <= 3x)"
    )

    everyone = dict(rule, filters=[], second_track=None, missing="neutral")
    start = time.perf_counter()
    result_json, input_hash, inputs = engine.run(everyone)
    run_all = time.perf_counter() - start
    start = time.perf_counter()
    report = sensitivity.analyse(
        everyone, inputs, json.loads(result_json), input_hash, draws=10_000
    )
    perturb_all = time.perf_counter() - start
    print(f"without filters, all municipalities compete ({len(report['areas'])} areas):")
    print(
        f"  one run {run_all:6.3f} s, 10,000 perturbations + LOO {perturb_all:6.3f} s, together {run_all + perturb_all:6.3f} s"
    )


def bare_numpy(areas: int, weights: list[float], draws: int = 10_000) -> float:
    """The reference: the 10,000 perturbed composites and their ranks in plain numpy, on
    a matrix of the same shape, with nothing read from the database."""
    import numpy as np

    rng = np.random.default_rng(1)
    normalised = rng.random((areas, len(weights)))
    start = time.perf_counter()
    drawn = np.array(weights) * rng.uniform(0.5, 1.5, size=(draws, len(weights)))
    composites = normalised @ (drawn / drawn.sum(axis=1, keepdims=True)).T
    np.argsort(-composites, axis=0, kind="stable")
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
