"""The plugin contract for automatic checks. A check reads an application and says what it
found, on which data, and how much that weighs; it never decides or changes anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from weerbaar.screening.models import Application

WEIGHTS = {1: "licht", 2: "middel", 3: "zwaar"}


@dataclass(frozen=True)
class Finding:
    code: str
    title: str
    fired: bool
    explanation: str
    data_used: str
    weight: int  # 1 licht, 2 middel, 3 zwaar; shown, never summed into a verdict
    details: list[str] = field(default_factory=list)

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
        }


@dataclass(frozen=True)
class Check:
    code: str
    title: str
    data_used: str
    weight: int
    run: Callable[[Application], tuple[bool, str, list[str]]]

    def finding(self, application: Application) -> Finding:
        fired, explanation, details = self.run(application)
        return Finding(
            self.code, self.title, fired, explanation, self.data_used, self.weight, details
        )


REGISTRY: dict[str, Check] = {}


def sentence(text: str) -> str:
    """First letter upper case, the rest as written (str.capitalize lowers names)."""
    return text[:1].upper() + text[1:]


def check(
    code: str, title: str, *, data_used: str, weight: int
) -> Callable[[Callable[[Application], tuple[bool, str, list[str]]]], Check]:
    """Register a function ``(application) -> (fired, explanation, details)`` as a check."""

    def wrap(function: Callable[[Application], tuple[bool, str, list[str]]]) -> Check:
        if weight not in WEIGHTS:
            raise ValueError(f"gewicht {weight} bestaat niet")
        REGISTRY[code] = Check(code, title, data_used, weight, function)
        return REGISTRY[code]

    return wrap
