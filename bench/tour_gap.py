"""How far the camper-bus tour's default solve is from a long one (issue 21): for 20, 40,
60 and 100 requests on five seeds, the default time limit against 60 s, side by side in
one run. The objective is the solver's: driving minutes plus a penalty per request left
out, so one visit fewer is a gap of a few per cent.

Run: ``.venv/bin/python bench/tour_gap.py [sizes…]`` (default 60; no database needed).
Targets: with 60 requests within 1% of the 60 s solve on every seed, in under 10 s.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")

SEEDS = (1, 2, 3, 4, 5)
LONG = 60.0


def objective(plan: object, requests: list[object]) -> int:
    from weerbaar.prevention.services import tour

    high = tour.BASE_PENALTY * (len(requests) + 1)
    penalty = sum(high if item.priority else tour.BASE_PENALTY for item in plan.left_out)  # type: ignore[attr-defined]
    return int(plan.drive_minutes + penalty)  # type: ignore[attr-defined]


def main() -> None:
    import django

    django.setup()
    from weerbaar.core.travel import StraightLine
    from weerbaar.prevention.services import tour
    from weerbaar.prevention.tests.generated import instance

    sizes = [int(a) for a in sys.argv[1:]] or [60]
    travel = StraightLine(1.3, 60)
    print(
        f"{'aanvragen':>9} {'seed':>4} {'standaard s':>11} {'gepland':>7} {'60 s gepland':>12} {'verschil':>9}"
    )
    for count in sizes:
        for seed in SEEDS:
            requests, bus = instance(count, seed)
            quick = tour.solve(requests, bus, travel)
            long = tour.solve(requests, bus, travel, seconds=LONG)
            gap = (objective(quick, requests) - objective(long, requests)) / objective(
                long, requests
            )
            print(
                f"{count:>9} {seed:>4} {quick.seconds:>11.1f} {len(quick.visits):>7} "
                f"{len(long.visits):>12} {100 * gap:>8.2f}%"
            )


if __name__ == "__main__":
    main()
