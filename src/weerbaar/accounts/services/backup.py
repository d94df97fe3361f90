"""Backups that can prove they are whole, and a restore that checks before it trusts.

A backup is one database file (SQLite's online backup API, or ``pg_dump`` for
PostgreSQL) next to a manifest: its SHA-256 checksum and a signed checkpoint of the audit
chain's head at that moment. ``restore`` refuses a file whose checksum differs (changed or
cut off) or whose checkpoint is not signed by this installation's key, and after the
restore it walks the audit chain and checks that the checkpoint's event is still in it,
so a restored database that was edited outside Weerbaar does not pass as genuine.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from weerbaar.accounts.services import audit_chain

MANIFEST_VERSION = 1


class BackupError(Exception):
    """Why a backup or restore did not happen, in words for the operator."""


@dataclass(frozen=True)
class Restored:
    events_checked: int
    checkpoint_sequence: int


def default_directory() -> Path:
    return Path(settings.VAR_DIR) / "backups"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _postgres(tool: str) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore, the password only in the environment."""
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} is niet geïnstalleerd (Debian: apt-get install postgresql-client)."
        )
    db = connection.settings_dict
    args = [tool, "--no-owner"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args.append(f"{flag}={db[key]}")
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    return args, env


def _dump(target: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    elif connection.vendor == "postgresql":
        args, env = _postgres("pg_dump")
        dbname = str(connection.settings_dict["NAME"])
        subprocess.run(  # noqa: S603 - fixed tool, arguments from settings
            [*args, "--format=custom", f"--file={target}", dbname],
            env=env,
            check=True,
            capture_output=True,
        )
    else:
        raise BackupError(f"Backups van een {connection.vendor}-database kan Weerbaar niet maken.")


def _load(source: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as backup:
            backup.backup(connection.connection)
        backup.close()
    else:
        args, env = _postgres("pg_restore")
        dbname = str(connection.settings_dict["NAME"])
        connection.close()
        result = subprocess.run(  # noqa: S603 - fixed tool, arguments from settings
            [
                *args,
                "--clean",
                "--if-exists",
                "--single-transaction",
                f"--dbname={dbname}",
                str(source),
            ],
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore is mislukt: {result.stderr.strip()[-500:]}")


def make(directory: Path | None = None) -> Path:
    """Write a backup and its manifest into ``directory``; return the manifest's path."""
    directory = directory or default_directory()
    directory.mkdir(parents=True, exist_ok=True)
    directory.chmod(0o700)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    suffix = ".sqlite3" if connection.vendor == "sqlite" else ".dump"
    target = directory / f"weerbaar-{stamp}{suffix}"
    _, checkpoint = audit_chain.make_checkpoint()
    try:
        _dump(target)
    except subprocess.CalledProcessError as error:
        target.unlink(missing_ok=True)
        raise BackupError(
            f"pg_dump is mislukt: {error.stderr.decode(errors='replace')[-500:]}"
        ) from error
    target.chmod(0o600)
    manifest = {
        "weerbaar_backup": MANIFEST_VERSION,
        "file": target.name,
        "database": connection.vendor,
        "bytes": target.stat().st_size,
        "sha256": _sha256(target),
        "audit_checkpoint": checkpoint,
        "made_at": timezone.now().isoformat(),
    }
    path = target.with_suffix(".json")
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{path} is geen leesbaar backupoverzicht: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("weerbaar_backup") != MANIFEST_VERSION:
        raise BackupError(f"{path} is geen backupoverzicht van Weerbaar.")
    return manifest


def check(manifest_path: Path) -> tuple[Path, audit_chain.Checkpoint]:
    """Everything that can be checked before anything is overwritten."""
    manifest = _read_manifest(manifest_path)
    source = manifest_path.parent / Path(str(manifest["file"])).name
    if not source.is_file():
        raise BackupError(f"Het backupbestand {source} ontbreekt.")
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"Dit is een backup van een {manifest['database']}-database; "
            f"Weerbaar draait nu op {connection.vendor}."
        )
    if _sha256(source) != manifest["sha256"]:
        raise BackupError(
            f"De controlesom van {source.name} klopt niet: het bestand is gewijzigd of niet "
            "helemaal gekopieerd. Er is niets teruggezet."
        )
    try:
        checkpoint = audit_chain.read_checkpoint(str(manifest["audit_checkpoint"]))
    except ValueError as error:
        raise BackupError(f"Het controlepunt van de auditlog klopt niet: {error}") from error
    return source, checkpoint


def restore(manifest_path: Path) -> Restored:
    """Replace the database with the backup, then prove the audit chain survived."""
    source, checkpoint = check(manifest_path)
    _load(source)
    checked, broken = audit_chain.verify()
    if broken is not None:
        raise BackupError(
            f"Teruggezet, maar de auditlog klopt niet bij volgnummer {broken.sequence}: "
            f"{broken.reason}."
        )
    mismatch = audit_chain.matches(checkpoint)
    if mismatch is not None:
        raise BackupError(f"Teruggezet, maar de auditlog past niet bij de backup: {mismatch}.")
    return Restored(events_checked=checked, checkpoint_sequence=checkpoint.sequence)
