"""Benchmark of the Bibob register at the size of a large municipality: 2,000 applications
(3 persons and 2 financing lines each, one premises in ten shared with an earlier
application), then the server-side time of the register, the deadlines overview, one
application page (all nine checks) and the API list.

Run: ``.venv/bin/python bench/screening.py`` (SQLite in a temporary folder, or
``DATABASE_URL``; no open data needed).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
APPLICATIONS = 2_000
ROUNDS = 10


def main() -> None:
    os.environ.setdefault("WEERBAAR_VAR_DIR", tempfile.mkdtemp(prefix="weerbaar-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from weerbaar.accounts.tests.factories import organisation
    from weerbaar.areas.models import Area, AreaLevel
    from weerbaar.screening.models import (
        Application,
        ApplicationKind,
        FinancingLine,
        Outcome,
        Person,
        State,
    )
    from weerbaar.screening.models.application import normal_name
    from weerbaar.screening.services import register
    from weerbaar.screening.tests.factories import screener

    call_command("migrate", verbosity=0)
    Application.objects.all().delete()
    municipality, _ = Area.objects.get_or_create(
        code="GM0014",
        valid_from=2019,
        defaults={"name": "Groningen", "level": AreaLevel.GEMEENTE},
    )
    org = organisation(f"Bench {time.time_ns()}", municipality)
    user = screener(org, f"bench{time.time_ns()}")
    kinds = list(ApplicationKind.objects.all())
    rnd = random.Random(8)
    start = time.perf_counter()
    for number in range(APPLICATIONS):
        house = number if number % 10 else number + 1  # one in ten shares a premises
        app = register.create(
            register.NewApplication(
                kind=rnd.choice(kinds),
                applicant_name=f"Aanvrager {number}",
                applicant_is_business=False,
                municipality=municipality,
                requested_decision="bench",
                received_on=dt.date(2026, 1, 1) + dt.timedelta(days=rnd.randrange(300)),
                street="Benchstraat",
                house_number=str(house + 1),
                postcode="9711AA",
                place="Groningen",
                investment=Decimal(rnd.randrange(10_000, 500_000)),
                rent_per_month=Decimal(rnd.randrange(500, 5_000)),
                floor_area=rnd.randrange(40, 400),
            ),
            actor=user,
            organisation=org,
        )
        names = [f"Persoon {rnd.randrange(5_000)}" for _ in range(3)]
        Person.objects.bulk_create(  # bulk_create skips save(): set the key as save() would
            Person(application=app, role="bestuurder", name=name, name_key=normal_name(name))
            for name in names
        )
        FinancingLine.objects.bulk_create(
            FinancingLine(
                application=app, source=source, amount=Decimal(rnd.randrange(5_000, 200_000))
            )
            for source in ("bank", "eigen")
        )
    print(f"{APPLICATIONS} aanvragen aangemaakt in {time.perf_counter() - start:.1f} s")

    client = Client()
    client.force_login(user)
    one = Application.objects.filter(owner_organisation=org).order_by("pk")[APPLICATIONS // 2]
    pages = {
        "register (25 per pagina)": "/screening/",
        "register gesorteerd op beslisdatum": "/screening/?sorteer=beslisdatum",
        "termijnenoverzicht": "/screening/termijnen/",
        "aanvraag met risicobeeld (9 controles)": f"/screening/{one.pk}/",
        "API-lijst (25)": "/api/v1/screening/applications",
    }

    def measure(title: str) -> None:
        print(title)
        print(f"  {'pagina':<42} {'mediaan ms':>11} {'max ms':>8}")
        for label, url in pages.items():
            client.get(url)  # warm up
            timings = []
            for _ in range(ROUNDS):
                began = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            print(f"  {label:<42} {statistics.median(timings):>11.0f} {max(timings):>8.0f}")

    measure(f"Alle {APPLICATIONS} aanvragen open (zwaarste geval: elke beslisdatum wordt berekend)")
    mine = Application.objects.filter(owner_organisation=org)
    decided = list(mine.order_by("pk").values_list("pk", flat=True)[: APPLICATIONS * 9 // 10])
    mine.filter(pk__in=decided).update(state=State.DECIDED, outcome=Outcome.GRANTED)
    one = mine.exclude(pk__in=decided).first() or one
    pages["aanvraag met risicobeeld (9 controles)"] = f"/screening/{one.pk}/"
    measure(f"{APPLICATIONS // 10} open, de rest besloten (gangbaarder)")


if __name__ == "__main__":
    main()
