"""Where the open-data files live (``WEERBAAR_DATA_DIR``, default ``../shared/data``)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


class DataDirMissing(Exception):
    """The configured data directory does not exist or is not set."""


def data_dir() -> Path:
    configured: Path | None = settings.WEERBAAR_DATA_DIR
    if configured is None:
        raise DataDirMissing(
            "Geen map met open data gevonden. Zet WEERBAAR_DATA_DIR op de map met de "
            "bestanden (bijvoorbeeld ../shared/data)."
        )
    if not configured.is_dir():
        raise DataDirMissing(f"De map met open data bestaat niet: {configured}")
    return configured


def data_dir_or_none() -> Path | None:
    try:
        return data_dir()
    except DataDirMissing:
        return None
