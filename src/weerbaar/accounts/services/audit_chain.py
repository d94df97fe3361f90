"""The audit log's hash chain: appending a link, checking the chain, signed checkpoints.

Each event's hash covers its own fields and the previous event's hash, so changing,
removing or inserting a row anywhere breaks every link after it. The chain alone does
not stop someone who can rewrite the whole table and recompute it; the daily signed
checkpoint, kept outside the system by an independent officer, does: a rewritten past no
longer matches the hash the checkpoint holds.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from weerbaar.accounts.models import AuditCheckpoint, AuditEvent, AuditHead

GENESIS = "0" * 64
CHECKPOINT_PREFIX = "weerbaar-audit-controlepunt-v1"


def link_hash(
    *,
    sequence: int,
    timestamp: datetime,
    actor_id: int | None,
    organisation_id: int | None,
    channel: str,
    action: str,
    result: str,
    object_type: str,
    object_id: str,
    object_ids: str,
    previous_hash: str,
) -> str:
    """SHA-256 over the fields in a fixed order, as canonical JSON."""
    payload = [
        sequence,
        timestamp.astimezone(UTC).isoformat(timespec="microseconds"),
        actor_id,
        organisation_id,
        channel,
        action,
        result,
        object_type,
        object_id,
        object_ids,
        previous_hash,
    ]
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _event_hash(event: AuditEvent) -> str:
    return link_hash(
        sequence=event.sequence,
        timestamp=event.timestamp,
        actor_id=event.actor_id,
        organisation_id=event.organisation_id,
        channel=event.channel,
        action=event.action,
        result=event.result,
        object_type=event.object_type,
        object_id=event.object_id,
        object_ids=event.object_ids,
        previous_hash=event.previous_hash,
    )


def _locked_head() -> AuditHead:
    """The head row, locked until the caller's transaction ends."""
    head, _ = AuditHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"sequence": 0, "hash": GENESIS}
    )
    return head


def append(**fields: Any) -> AuditEvent:
    """Hang one event on the chain. Locks the head row until the caller's transaction
    ends, so concurrent writers queue rather than fork the chain."""
    with transaction.atomic():
        head = _locked_head()
        event = AuditEvent(
            sequence=head.sequence + 1,
            timestamp=timezone.now(),
            previous_hash=head.hash,
            **fields,
        )
        event.hash = _event_hash(event)
        event.save()
        head.sequence, head.hash = event.sequence, event.hash
        head.save(update_fields=["sequence", "hash"])
    return event


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold, in words for the officer."""

    sequence: int
    event_id: int | None
    reason: str


def verify(*, chunk_size: int = 2000) -> tuple[int, Break | None]:
    """Walk the chain from the first event; return how many links held and the first
    break, if any."""
    expected_previous = GENESIS
    expected_sequence = 1
    checked = 0
    events = AuditEvent.objects.order_by("sequence").iterator(chunk_size=chunk_size)
    for event in events:
        if event.sequence != expected_sequence:
            return checked, Break(
                expected_sequence,
                None,
                f"volgnummer {expected_sequence} ontbreekt (verwijderd?); "
                f"de volgende regel heeft volgnummer {event.sequence}",
            )
        if event.previous_hash != expected_previous:
            return checked, Break(
                event.sequence, event.pk, "verwijst niet naar de hash van de regel ervoor"
            )
        if _event_hash(event) != event.hash:
            return checked, Break(
                event.sequence, event.pk, "inhoud past niet bij de hash (gewijzigd)"
            )
        expected_previous = event.hash
        expected_sequence += 1
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.sequence, head.hash) != (checked, expected_previous):
        return checked, Break(
            checked + 1,
            None,
            f"de keten eindigt bij volgnummer {checked}, maar de kop staat op "
            f"{head.sequence} (regels aan het eind verwijderd?)",
        )
    return checked, None


# --- signed checkpoints ------------------------------------------------------------


def signing_key() -> Ed25519PrivateKey:
    """The checkpoint key, made on first use and readable by the owner only."""
    path = Path(settings.WEERBAAR_AUDIT_SIGNING_KEY_FILE)
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} bevat geen Ed25519-sleutel.")
        return key
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


def public_key_pem() -> str:
    return (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def _statement(created: str, sequence: int | str, head_hash: str) -> str:
    """The signed text: what a checkpoint says, written and read the same way."""
    return f"{CHECKPOINT_PREFIX} {created} {sequence} {head_hash}"


def make_checkpoint() -> tuple[AuditCheckpoint, str]:
    """Sign the current head; return the stored checkpoint and its one-line text."""
    with transaction.atomic():
        head = _locked_head()
        created = timezone.now()
        statement = _statement(created.astimezone(UTC).isoformat(), head.sequence, head.hash)
        signature = base64.b64encode(signing_key().sign(statement.encode("ascii"))).decode()
        checkpoint = AuditCheckpoint.objects.create(
            created=created, sequence=head.sequence, hash=head.hash, signature=signature
        )
    return checkpoint, f"{statement} {signature}"


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    hash: str


def read_checkpoint(line: str, public_pem: bytes | None = None) -> Checkpoint:
    """Parse and check the signature of one checkpoint line; ValueError when it is
    not a checkpoint or not signed by the key."""
    parts = line.strip().split(" ")
    if len(parts) != 5 or parts[0] != CHECKPOINT_PREFIX:
        raise ValueError("Dit is geen controlepunt van Weerbaar.")
    _, created, sequence, head_hash, signature = parts
    public = (
        serialization.load_pem_public_key(public_pem) if public_pem else signing_key().public_key()
    )
    if not isinstance(public, Ed25519PublicKey):
        raise ValueError("De publieke sleutel is geen Ed25519-sleutel.")
    statement = _statement(created, sequence, head_hash)
    try:
        public.verify(base64.b64decode(signature), statement.encode("ascii"))
    except (InvalidSignature, ValueError) as error:
        raise ValueError("De handtekening van het controlepunt klopt niet.") from error
    return Checkpoint(int(sequence), head_hash)


def matches(checkpoint: Checkpoint) -> str | None:
    """None when the chain still holds the checkpoint's head; else why not."""
    if checkpoint.sequence == 0:
        return None
    event = AuditEvent.objects.filter(sequence=checkpoint.sequence).first()
    if event is None:
        return f"volgnummer {checkpoint.sequence} van het controlepunt bestaat niet meer"
    if event.hash != checkpoint.hash:
        return (
            f"regel {checkpoint.sequence} heeft nu een andere hash dan in het controlepunt "
            "(de keten is herschreven)"
        )
    return None
