"""The plugin contract for automatic checks. A check reads an application as one official
sees it and says what it found, on which data, and how much that weighs; it never decides
or changes anything. A detail taken from another record names that record (``Source``), so
a stored snapshot can drop it when retention removes the record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from weerbaar.screening.models import Application

WEIGHTS = {1: "licht", 2: "middel", 3: "zwaar"}


@dataclass(frozen=True)
class Source:
    """One line of a finding, and the record it comes from ("signals.signal:12"), if any."""

    text: str
    record: str = ""


Detail = str | Source
Run = Callable[["Application", Any], tuple[bool, str, list[Detail]]]


@dataclass(frozen=True)
class Finding:
    code: str
    title: str
    fired: bool
    explanation: str
    data_used: str
    weight: int  # 1 licht, 2 middel, 3 zwaar; shown, never summed into a verdict
    details: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # per detail: its record, or ""

    @property
    def weight_label(self) -> str:
        return WEIGHTS[self.weight]

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "fired": self.fired,
            "explanation": self.explanation,
            "dataUsed": self.data_used,
            "weight": self.weight_label,
            "details": list(self.details),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    data_used: str
    weight: int
    run: Run

    def finding(self, application: Application, viewer: Any) -> Finding:
        """What this check finds for ``viewer``: only what they may see."""
        fired, explanation, details = self.run(application, viewer)
        lines = [d if isinstance(d, Source) else Source(d) for d in details]
        return Finding(
            self.code,
            self.title,
            fired,
            explanation,
            self.data_used,
            self.weight,
            [line.text for line in lines],
            [line.record for line in lines],
        )


REGISTRY: dict[str, Check] = {}


def sentence(text: str) -> str:
    """First letter upper case, the rest as written (str.capitalize lowers names)."""
    return text[:1].upper() + text[1:]


def check(code: str, title: str, *, data_used: str, weight: int) -> Callable[[Any], Check]:
    """Register a function ``(application, viewer) -> (fired, explanation, details)`` as a
    check; ``viewer`` is the acting official, whose access bounds what it may read."""

    def wrap(function: Any) -> Check:
        if weight not in WEIGHTS:
            raise ValueError(f"gewicht {weight} bestaat niet")
        REGISTRY[code] = Check(code, title, data_used, weight, function)
        return REGISTRY[code]

    return wrap
