"""Automatic checks, each a plugin (``base.check``). Importing this package registers the
built-in ones; another app can register more the same way."""

from __future__ import annotations

from typing import Any

from weerbaar.screening.models import Application
from weerbaar.screening.services.checks import links, money, register
from weerbaar.screening.services.checks.base import REGISTRY, Check, Finding, Source

__all__ = ["REGISTRY", "Check", "Finding", "Source", "links", "money", "register", "run_all"]


def run_all(application: Application, viewer: Any) -> list[Finding]:
    """The risk picture as ``viewer`` may see it."""
    return [check.finding(application, viewer) for check in REGISTRY.values()]
