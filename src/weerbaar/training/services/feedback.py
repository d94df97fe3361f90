"""The feedback after a scenario, as the best e-learning gives it: every signal on a
timeline of the steps, found or missed, with the checklist indicator it belongs to and
why it matters; what was ticked that was not a signal there; and whether the next step
was right, with the reasoning for the choice made and for the right one.

A signal counts as found when its indicator was ticked at its own step or at a later one
(then "pas later gezien"): noticing late is still noticing, and the timeline shows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from weerbaar.training.services import routes


def _label(code: str, indicators: Mapping[str, str]) -> str:
    return indicators.get(code) or f"{code} (niet meer in de checklist)"


def ticked(answers: Mapping[str, Any], number: int) -> list[str]:
    return list((answers.get("steps") or {}).get(str(number), {}).get("indicators") or [])


def chosen_option(answers: Mapping[str, Any], number: int) -> int | None:
    value = (answers.get("steps") or {}).get(str(number), {}).get("option")
    return value if isinstance(value, int) else None


@dataclass(frozen=True)
class SignalResult:
    indicator: str
    label: str
    seen: str
    why: str
    found: bool
    found_at: int | None  # the step where it was ticked, when later than its own


@dataclass(frozen=True)
class FalseAlarm:
    indicator: str
    label: str
    why: str  # the scenario's reason it is no signal here, or a general note


@dataclass(frozen=True)
class QuestionResult:
    text: str
    chosen: str | None
    right: bool
    why: str
    right_answers: tuple[str, ...]


@dataclass(frozen=True)
class StepResult:
    number: int
    title: str
    signals: tuple[SignalResult, ...]
    false_alarms: tuple[FalseAlarm, ...]
    question: QuestionResult | None


@dataclass(frozen=True)
class ActionResult:
    chosen: str
    chosen_label: str
    right: bool
    why: str
    right_routes: tuple[tuple[str, str, str], ...]  # (code, label, reasoning)


@dataclass
class Feedback:
    steps: list[StepResult] = field(default_factory=list)
    action: ActionResult | None = None

    @property
    def found(self) -> int:
        return sum(s.found for step in self.steps for s in step.signals)

    @property
    def total(self) -> int:
        return sum(len(step.signals) for step in self.steps)

    @property
    def missed(self) -> list[SignalResult]:
        return [s for step in self.steps for s in step.signals if not s.found]


def _question(
    step: Mapping[str, Any], answers: Mapping[str, Any], number: int
) -> QuestionResult | None:
    question = step.get("question")
    if not question:
        return None
    options = question["options"]
    index = chosen_option(answers, number)
    chosen = options[index] if index is not None and 0 <= index < len(options) else None
    rights = tuple(o["text"] for o in options if o["right"])
    return QuestionResult(
        text=question["text"],
        chosen=chosen["text"] if chosen else None,
        right=bool(chosen and chosen["right"]),
        why=chosen["why"] if chosen else "",
        right_answers=rights,
    )


GENERAL_FALSE_ALARM = (
    "Dit staat op de checklist, maar in dit scenario was het (hier) niet te zien. "
    "Kijk nog eens naar wat er precies staat: een signaal is iets wat u ziet of hoort."
)


def assess(
    content: Mapping[str, Any], answers: Mapping[str, Any], indicators: Mapping[str, str]
) -> Feedback:
    steps = content["steps"]
    feedback = Feedback()
    seen_so_far: set[str] = set()
    explained: dict[str, str] = {}
    for number, step in enumerate(steps, start=1):
        results = []
        for signal in step["signals"]:
            code = signal["indicator"]
            at = next(
                (n for n in range(number, len(steps) + 1) if code in ticked(answers, n)), None
            )
            results.append(
                SignalResult(
                    indicator=code,
                    label=_label(code, indicators),
                    seen=signal["seen"],
                    why=signal["why"],
                    found=at is not None,
                    found_at=at if at is not None and at > number else None,
                )
            )
            seen_so_far.add(code)
        for item in step["not_signals"]:
            explained.setdefault(item["indicator"], item["why"])
        alarms = tuple(
            FalseAlarm(code, _label(code, indicators), explained.get(code, GENERAL_FALSE_ALARM))
            for code in ticked(answers, number)
            if code not in seen_so_far
        )
        feedback.steps.append(
            StepResult(
                number, step["title"], tuple(results), alarms, _question(step, answers, number)
            )
        )
    decision = content["decision"]
    chosen = str(answers.get("action") or "")
    if chosen:
        feedback.action = ActionResult(
            chosen=chosen,
            chosen_label=routes.label(chosen),
            right=chosen in decision["right"],
            why=decision["why"].get(chosen, ""),
            right_routes=tuple((r, routes.label(r), decision["why"][r]) for r in decision["right"]),
        )
    return feedback
