"""The screening app's scoped reader: an application exists only for its named team
(and never through an area). Reading one detail, with its audit line, is
``services.access.get``."""

from __future__ import annotations

from weerbaar.screening.services.access import visible as visible_applications

__all__ = ["visible_applications"]
