"""Registry of open-data importers, so ``weerbaar import <name>`` can grow per app.

Each app registers its importers in its ``AppConfig.ready``; the command only dispatches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class DataFileError(Exception):
    """A source file cannot be imported. Names the file, the line and the problem."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}, regel {line}" if line is not None else str(self.path)
        super().__init__(f"{where}: {reason}")


@dataclass
class EntityCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


@dataclass
class ImportReport:
    """What an import did, per kind of record, in words an operator reads."""

    counts: dict[str, EntityCount] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def entity(self, label: str) -> EntityCount:
        return self.counts.setdefault(label, EntityCount())

    @property
    def changed(self) -> bool:
        return any(count.changed for count in self.counts.values())

    def lines(self) -> list[str]:
        result = [
            f"{label}: {c.created} nieuw, {c.updated} gewijzigd, {c.unchanged} ongewijzigd"
            for label, c in self.counts.items()
        ]
        result.extend(self.notes)
        result.append("Wijzigingen opgeslagen." if self.changed else "Geen wijzigingen.")
        return result


ProgressFactory = Callable[[str, int], Callable[[int], None]]


@dataclass(frozen=True)
class Importer:
    name: str
    description: str
    run: Callable[[Path, ProgressFactory], ImportReport]
    #: Whether the database already holds what this importer loads (for ``--if-empty``).
    has_data: Callable[[], bool]


_REGISTRY: dict[str, Importer] = {}


def register(importer: Importer) -> None:
    _REGISTRY[importer.name] = importer


def get_importer(name: str) -> Importer | None:
    return _REGISTRY.get(name)


def importers() -> list[Importer]:
    return sorted(_REGISTRY.values(), key=lambda imp: imp.name)


def no_progress(label: str, total: int) -> Callable[[int], None]:
    """Progress sink for tests and callers without a terminal."""
    return lambda advance: None
