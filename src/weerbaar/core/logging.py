"""Structured application logging. Log events carry no personal data: no IP addresses,
user agents or free text from users; the audit log is a separate store (accounts)."""

from __future__ import annotations

import logging
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


#: Paths of the anonymous channel: what follows them (a receipt code) is never logged.
#: paths of anonymous residents and pupils: the anonymity middleware scrubs their requests
#: and no log line keeps what follows the prefix
ANONYMOUS_PREFIXES = ("/melden/", "/api/v1/public/", "/enquete/")


def _redact(value: object) -> object:
    if isinstance(value, str):
        for prefix in ANONYMOUS_PREFIXES:
            at = value.find(prefix)
            if at >= 0:
                return value[: at + len(prefix)] + "…"
    return value


class AnonymousPathFilter(logging.Filter):
    """Django logs "Not Found: /api/v1/public/signals/M-WF6K-WQSS" for a failed status
    lookup: a receipt code next to a time, which a proxy log could join to an address.
    The part after an anonymous prefix is cut from every log line's message and values."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _redact(v) for k, v in record.args.items()}
        for key, value in list(vars(record).items()):
            if key not in {"msg", "args"} and isinstance(value, str):
                setattr(record, key, _redact(value))
        return True


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
