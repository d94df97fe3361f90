"""Benchmark of the camper-bus tour planner (OR-Tools routing with time windows) on
generated instances across Groningen and Drenthe: two weeks of weekdays, 1–3 time windows
per request, straight-line driving times × 1.3 at 60 km/h.

For 20, 40 and 60 requests it prints the solve time, the total driving time, how many
visits were planned and left out, and whether the plan breaks any rule; each size is run
on several seeds, once with the planner's default time limit and once with a short one to
show what the extra search buys. A second table gives a third of the requests priority and
counts how many of those were left out.

Run: ``.venv/bin/python bench/tour.py`` (no database needed).
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")

SIZES = (20, 40, 60)
SEEDS = (1, 2, 3)


def main() -> None:
    import django

    django.setup()
    from weerbaar.core.travel import StraightLine
    from weerbaar.prevention.services import tour
    from weerbaar.prevention.tests.generated import instance

    travel = StraightLine(1.3, 60)
    print("Tourplanning camperbus — gegenereerde aanvragen, 10 werkdagen, 3 seeds per grootte")
    header = (
        f"{'aanvragen':>9} {'limiet':>8} {'seconden':>9} {'rijminuten':>11} "
        f"{'gepland':>8} {'afgevallen':>11} {'overtredingen':>14}"
    )
    print(header)
    for count in SIZES:
        for limit in (None, 0.5):
            seconds, drive, planned, left, broken = [], [], [], [], 0
            for seed in SEEDS:
                requests, bus = instance(count, seed)
                plan = tour.solve(requests, bus, travel, seconds=limit)
                seconds.append(plan.seconds)
                drive.append(sum(day.drive_minutes for day in plan.days))
                planned.append(len(plan.visits))
                left.append(len(plan.left_out))
                broken += len(tour.violations(plan, requests, bus, travel))
            label = "standaard" if limit is None else f"{limit:g} s"
            print(
                f"{count:>9} {label:>8} {statistics.mean(seconds):>9.2f} "
                f"{statistics.mean(drive):>11.0f} {statistics.mean(planned):>8.1f} "
                f"{statistics.mean(left):>11.1f} {broken:>14}"
            )

    print()
    print("Met voorrang voor een derde van de aanvragen (standaard limiet, gemiddeld over 3 seeds)")
    print(f"{'aanvragen':>9} {'voorrang':>9} {'voorrang afgevallen':>20} {'overig afgevallen':>18}")
    for count in SIZES:
        with_priority, priority_left, other_left = [], [], []
        for seed in SEEDS:
            requests, bus = instance(count, seed, priority_share=1 / 3)
            plan = tour.solve(requests, bus, travel)
            with_priority.append(sum(r.priority for r in requests))
            priority_left.append(sum(item.priority for item in plan.left_out))
            other_left.append(sum(not item.priority for item in plan.left_out))
        print(
            f"{count:>9} {statistics.mean(with_priority):>9.1f} "
            f"{statistics.mean(priority_left):>20.1f} {statistics.mean(other_left):>18.1f}"
        )


if __name__ == "__main__":
    main()
