"""Back up, destroy, restore, verify: on whichever database the suite runs (SQLite by
default, PostgreSQL in CI's second pass)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from weerbaar.accounts.models import AuditAction, AuditEvent, Organisation
from weerbaar.accounts.services import audit, audit_chain, backup

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def region() -> None:
    for name in ("Gemeente Groningen", "Gemeente Assen", "Gemeente Emmen"):
        organisation = Organisation.objects.create(name=name, kind="gemeente")
        audit.record(AuditAction.CREATE, obj=organisation)


def _destroy() -> None:
    """What a disk failure or a bad script leaves: the records and the audit log gone."""
    Organisation.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_auditevent")


def test_backup_destroy_restore_verify(region: None, tmp_path: Path) -> None:
    manifest = backup.make(tmp_path)
    written = json.loads(manifest.read_text())
    assert (tmp_path / written["file"]).stat().st_size == written["bytes"]
    assert oct(manifest.stat().st_mode & 0o777) == "0o600"
    events = AuditEvent.objects.count()

    _destroy()
    assert Organisation.objects.count() == 0

    out = StringIO()
    call_command("restore", str(manifest), "--ja", stdout=out)
    assert sorted(Organisation.objects.values_list("name", flat=True)) == [
        "Gemeente Assen",
        "Gemeente Emmen",
        "Gemeente Groningen",
    ]
    assert AuditEvent.objects.count() == events
    assert audit_chain.verify()[1] is None
    assert f"Auditlog gecontroleerd: {events} regels" in out.getvalue()


def test_a_changed_backup_file_is_refused_and_nothing_is_overwritten(
    region: None, tmp_path: Path
) -> None:
    manifest = backup.make(tmp_path)
    source = tmp_path / json.loads(manifest.read_text())["file"]
    data = bytearray(source.read_bytes())
    data[len(data) // 2] ^= 0xFF
    source.write_bytes(bytes(data))
    Organisation.objects.create(name="Na de backup", kind="gemeente")

    with pytest.raises(CommandError, match=r"controlesom .* klopt niet"):
        call_command("restore", str(manifest), "--ja")
    assert Organisation.objects.filter(name="Na de backup").exists()


def test_a_forged_checkpoint_is_refused(region: None, tmp_path: Path) -> None:
    manifest = backup.make(tmp_path)
    written = json.loads(manifest.read_text())
    parts = written["audit_checkpoint"].split(" ")
    parts[2] = str(int(parts[2]) + 1)  # claim a later head than was signed
    written["audit_checkpoint"] = " ".join(parts)
    manifest.write_text(json.dumps(written))
    with pytest.raises(CommandError, match="controlepunt van de auditlog klopt niet"):
        call_command("restore", str(manifest))


def test_a_backup_whose_audit_log_was_edited_does_not_pass(region: None, tmp_path: Path) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditevent SET action = 'logout' WHERE sequence = 2")
    manifest = backup.make(tmp_path)
    with pytest.raises(CommandError, match="auditlog klopt niet bij volgnummer 2"):
        call_command("restore", str(manifest), "--ja")


def test_without_ja_the_backup_is_only_checked(region: None, tmp_path: Path) -> None:
    manifest = backup.make(tmp_path)
    Organisation.objects.create(name="Blijft staan", kind="gemeente")
    out = StringIO()
    call_command("restore", str(manifest), stdout=out)
    assert "Er is niets veranderd" in out.getvalue()
    assert Organisation.objects.filter(name="Blijft staan").exists()


def test_the_backup_command_names_its_files(region: None, tmp_path: Path) -> None:
    out = StringIO()
    call_command("backup", "--map", str(tmp_path), stdout=out)
    assert "Backup gemaakt" in out.getvalue()
    assert len(list(tmp_path.glob("weerbaar-*.json"))) == 1
    assert AuditEvent.objects.filter(action="export", object_type="backup").exists()
