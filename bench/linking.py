"""Benchmark of object linking: propose links for 10,000 new signals against 1,000,000
existing objects (target: under 60 s on this machine, memory under 2 GB).

Uses the same ``match`` as the application, on the in-memory catalogue (the bulk path);
the objects are synthetic but shaped like the real ones: 700,000 premises in 342
municipalities, 250,000 businesses, 50,000 online accounts. The new signals are 40% exact
hits, 30% premises without postcode and with a misspelled street (fuzzy), 10% business
names with a typo, 20% unknown objects.

Run: ``.venv/bin/python bench/linking.py``.
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.conf.ci")

import django

django.setup()

from weerbaar.cases.services import keys  # noqa: E402
from weerbaar.cases.services.matching import Candidate, MemoryCatalogue, match  # noqa: E402

OBJECTS = 1_000_000
SIGNALS = 10_000
RNG = random.Random(20261123)
MUNICIPALITIES = [f"GM{n:04d}" for n in range(1, 343)]
ROOTS = [
    "kerk",
    "molen",
    "dorps",
    "school",
    "hoofd",
    "stations",
    "tuin",
    "beuken",
    "eiken",
    "linden",
    "vaart",
    "dijk",
    "haven",
    "markt",
    "zuider",
    "noorder",
    "ooster",
    "wester",
    "berken",
    "wilgen",
]
ENDS = ["straat", "laan", "weg", "plein", "singel", "kade", "pad", "dreef"]
BUSINESS = [
    "Kapsalon",
    "Snackbar",
    "Autobedrijf",
    "Nagelstudio",
    "Belwinkel",
    "Shisha Lounge",
    "Minimarkt",
    "Autowasstraat",
    "Bouwbedrijf",
    "Transport",
]


def street_name(i: int) -> str:
    return f"{ROOTS[i % len(ROOTS)]}{ROOTS[(i // len(ROOTS)) % len(ROOTS)]}{ENDS[i % len(ENDS)]}"


def postcode(i: int) -> str:
    return f"{1000 + i % 9000}{chr(65 + (i // 9000) % 18)}{chr(66 + (i // 162000) % 24)}"  # A-R: never SA/SD/SS


def typo(text: str) -> str:
    position = RNG.randrange(1, len(text) - 1)
    return text[:position] + text[position + 1 :]


def build() -> tuple[MemoryCatalogue, list[tuple[str, int, str, str, str]], list[tuple[str, str]]]:
    catalogue = MemoryCatalogue()
    premises = []
    for i in range(700_000):
        municipality = MUNICIPALITIES[i % len(MUNICIPALITIES)]
        street = street_name(i // 40)
        number, letter = 1 + i % 150, "" if i % 3 else "A"
        code = postcode(i)
        catalogue.add(
            keys.address_key(code, number, letter),
            f"pand|{number}|{letter}|{municipality}",
            keys.street(street),
        )
        premises.append((code, number, letter, street, municipality))
    businesses = []
    for i in range(250_000):
        municipality = MUNICIPALITIES[i % len(MUNICIPALITIES)]
        name = f"{BUSINESS[i % len(BUSINESS)]} {street_name(i).title()} {i}"
        catalogue.add(
            keys.business_name_key(name, municipality), f"bedrijf|{municipality}", keys.plain(name)
        )
        businesses.append((name, municipality))
    for i in range(50_000):
        catalogue.add(keys.online_key("snapchat", f"handle{i}"))
    return catalogue, premises, businesses


def signals(premises: list, businesses: list) -> list[Candidate]:  # type: ignore[type-arg]
    result = []
    for i in range(SIGNALS):
        kind = i % 10
        if kind < 4:
            code, number, letter, street, municipality = RNG.choice(premises)
            result.append(
                Candidate("pand", keys.address_key(code.lower(), number, letter.lower()), street)
            )
        elif kind < 7:
            code, number, letter, street, municipality = RNG.choice(premises)
            misspelled = typo(street)
            result.append(
                Candidate(
                    "pand",
                    keys.street_key(misspelled, number, letter, "", municipality),
                    misspelled,
                    block=f"pand|{number}|{letter}|{municipality}",
                    name=keys.street(misspelled),
                )
            )
        elif kind < 8:
            name, municipality = RNG.choice(businesses)
            misspelled = typo(name)
            result.append(
                Candidate(
                    "bedrijf",
                    keys.business_name_key(misspelled, municipality),
                    misspelled,
                    block=f"bedrijf|{municipality}",
                    name=keys.plain(misspelled),
                )
            )
        else:
            result.append(Candidate("pand", keys.address_key("9999ZZ", 9000 + i, ""), "nieuw"))
    return result


def main() -> None:
    start = time.perf_counter()
    catalogue, premises, businesses = build()
    built = time.perf_counter() - start
    candidates = signals(premises, businesses)
    start = time.perf_counter()
    proposals = [match(candidate, catalogue) for candidate in candidates]
    matched = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    exact = sum(1 for p in proposals if not p.new and p.score == 100 and "zelfde" in p.reason)
    fuzzy = sum(1 for p in proposals if not p.new and "lijkt op" in p.reason)
    new = sum(1 for p in proposals if p.new)
    print(f"Catalogus: {len(catalogue.keys):,} objecten opgebouwd in {built:.1f} s")
    print(
        f"Voorstellen voor {len(candidates):,} signalen: {matched:.1f} s ({matched / len(candidates) * 1000:.2f} ms per signaal)"
    )
    print(f"  exact: {exact:,}, fuzzy: {fuzzy:,}, nieuw object: {new:,}")
    print(
        f"Totaal {built + matched:.1f} s (doel < 60 s); geheugen piek {peak_mb:,.0f} MB (doel < 2048 MB)"
    )


if __name__ == "__main__":
    main()
