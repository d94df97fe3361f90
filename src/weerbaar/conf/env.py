"""Reading settings from the environment, in one place so every variable is documented."""

from __future__ import annotations

import os
from pathlib import Path

#: Project root (the directory holding pyproject.toml) when run from a checkout.
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def default_data_dir() -> Path | None:
    """``../shared/data`` next to the checkout, when it exists."""
    candidate = PROJECT_ROOT.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None
