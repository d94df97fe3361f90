"""Proposing which object a signal is about: exact keys first, then fuzzy names within a
block (same house number and letter in the same municipality; businesses in the same
municipality), scored with rapidfuzz. Works on any ``Catalogue``: the database for single
signals, an in-memory index for bulk runs (see bench/linking.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz, process

THRESHOLD = 85


@dataclass(frozen=True)
class Candidate:
    """An object as a signal describes it."""

    kind: str
    key: str
    label: str
    block: str = ""
    name: str = ""
    fields: dict[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Proposal:
    candidate: Candidate
    key: str
    score: int
    reason: str
    new: bool


class Catalogue(Protocol):
    def exists(self, key: str) -> bool: ...

    def block(self, block: str) -> dict[str, str]:
        """key -> comparable name of the objects in a block."""
        ...


def match(candidate: Candidate, catalogue: Catalogue, threshold: int = THRESHOLD) -> Proposal:
    if catalogue.exists(candidate.key):
        return Proposal(candidate, candidate.key, 100, "zelfde sleutel: " + candidate.label, False)
    if candidate.block and candidate.name:
        options = catalogue.block(candidate.block)
        if options:
            best = process.extractOne(
                candidate.name, options, scorer=fuzz.token_sort_ratio, score_cutoff=threshold
            )
            if best is not None:
                name, score, key = best
                return Proposal(
                    candidate,
                    str(key),
                    round(score),
                    f"lijkt op '{name}' (score {round(score)} van 100)",
                    False,
                )
    return Proposal(candidate, candidate.key, 100, "nieuw object: " + candidate.label, True)


class MemoryCatalogue:
    """All objects in memory: a set of keys and, per block, their names."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.blocks: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, key: str, block: str = "", name: str = "") -> None:
        self.keys.add(key)
        if block and name:
            self.blocks[block][key] = name

    def exists(self, key: str) -> bool:
        return key in self.keys

    def block(self, block: str) -> dict[str, str]:
        return self.blocks.get(block, {})
