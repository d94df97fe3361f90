"""Structured application logging. Log events carry no personal data: no IP addresses,
user agents or free text from users; the audit log is a separate store (accounts)."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import structlog

#: Scalars only: Django passes the request object as an extra, whose text holds the path
#: (with a receipt code, say); it never reaches the log.
_SCALARS = (str, int, float, bool, type(None))


def plain_extras(_logger: Any, _name: str, event: MutableMapping[str, Any]) -> Any:
    """Keep the ``extra`` fields of stdlib log calls that are plain values."""
    for key in [k for k, v in event.items() if not isinstance(v, _SCALARS)]:
        if key not in {"_record", "_from_structlog"}:
            del event[key]
    return event


FOREIGN_PRE_CHAIN = [
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.ExtraAdder(),
    plain_extras,
    structlog.processors.TimeStamper(fmt="iso"),
]


def configure_structlog() -> None:
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.stdlib.add_log_level,
            structlog.stdlib.add_logger_name,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
