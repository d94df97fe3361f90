"""Automatic checks, each a plugin (``base.check``). Importing this package registers the
built-in ones; another app can register more the same way."""

from __future__ import annotations

from weerbaar.screening.models import Application
from weerbaar.screening.services.checks import links, money, register
from weerbaar.screening.services.checks.base import REGISTRY, Check, Finding

__all__ = ["REGISTRY", "Check", "Finding", "links", "money", "register", "run_all"]


def run_all(application: Application) -> list[Finding]:
    return [check.finding(application) for check in REGISTRY.values()]
