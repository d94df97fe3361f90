"""One fingerprint for data kept as JSON: the same content always gives the same digest,
whatever the key order, so "has this changed?" is a comparison of two strings."""

from __future__ import annotations

import hashlib
import json


def content_digest(payload: object) -> str:
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()
