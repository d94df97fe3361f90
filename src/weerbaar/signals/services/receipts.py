"""Receipt codes and reporter secrets.

The receipt names a signal; the secret proves the reporter holds it. The secret has 80
random bits, so a keyed SHA-256 (HMAC with the site's secret key) is enough: guessing is
hopeless without the key, and checking stays fast enough to serve many reporters.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

from weerbaar.signals.models import Channel, Signal

# Crockford base32 without I, L, O, U: nothing to confuse when copying a code by hand.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _random(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_receipt() -> str:
    """E.g. ``M-7K3Q-9XD2`` (40 bits; uniqueness is guarded by the database)."""
    code = _random(8)
    return f"M-{code[:4]}-{code[4:]}"


def new_secret() -> str:
    """E.g. ``4FQZ-M8KD-2RXA-P7TV`` (80 bits), shown once to the reporter."""
    code = _random(16)
    return "-".join(code[i : i + 4] for i in range(0, 16, 4))


def _characters(code: str) -> str:
    """Accept what people type: lower case, spaces, dashes, O for 0 and I/L for 1."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.replace("O", "0").replace("I", "1").replace("L", "1")


def normalise_receipt(code: str) -> str:
    characters = _characters(code)
    if len(characters) == 9 and characters.startswith("M"):
        characters = characters[1:]
    if len(characters) != 8:
        return ""
    return f"M-{characters[:4]}-{characters[4:]}"


def hash_secret(secret: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, _characters(secret).encode(), hashlib.sha256).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    if not stored_hash or not secret:
        return False
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def find_for_reporter(receipt: str, secret: str) -> Signal | None:
    """The anonymous signal only when receipt *and* secret match; None otherwise, the same
    way (a hash is computed either way) whether the receipt exists or not."""
    code = normalise_receipt(receipt)
    signal = Signal.objects.filter(receipt=code, channel=Channel.PUBLIEK).first() if code else None
    stored = signal.secret_hash if signal else hash_secret("x")
    if signal is None or not secret_matches(secret, stored):
        return None
    return signal
