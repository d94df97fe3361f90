"""One ``weerbaar purge`` for every app that keeps personal data for a limited time.

Each app registers a function when it loads; the function applies that app's retention
periods (or only counts, on a dry run) and returns lines saying what it did."""

from __future__ import annotations

from collections.abc import Callable, Iterable

Purger = Callable[..., Iterable[str]]
_purgers: dict[str, Purger] = {}


def register(name: str, purger: Purger) -> None:
    """``purger(dry_run=bool)`` returns Dutch lines for the report."""
    _purgers[name] = purger


def run_all(*, dry_run: bool = False) -> list[tuple[str, list[str]]]:
    return [(name, list(purger(dry_run=dry_run))) for name, purger in _purgers.items()]
