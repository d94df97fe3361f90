"""Sending an e-mail after the change that caused it is committed, so a rolled-back change
never sends one. The log says which kind of message went out, never to whom."""

from __future__ import annotations

from urllib.parse import urljoin

import structlog
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

log = structlog.get_logger(__name__)


def public_link(path: str, base: str = "") -> str:
    """An address residents can open: the configured public URL, else ``base`` (the
    address the request came in on)."""
    root = getattr(settings, "WEERBAAR_PUBLIC_URL", "") or base.rstrip("/")
    return urljoin(root + "/", path.lstrip("/")) if root else path


def send_on_commit(kind: str, to: str, subject: str, body: str) -> None:
    def deliver() -> None:
        try:
            send_mail(subject, body, None, [to], fail_silently=False)
        except OSError as error:  # the change stands; the message can be asked for again
            log.warning("mail_failed", kind=kind, error=type(error).__name__)
        else:
            log.info("mail_sent", kind=kind)

    transaction.on_commit(deliver)
