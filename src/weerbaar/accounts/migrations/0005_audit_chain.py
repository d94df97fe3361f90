"""The audit log becomes a hash chain: existing events are numbered in the order they
were written and linked, so ``weerbaar audit verify`` holds from the first event."""

import hashlib
import json
from datetime import UTC

from django.db import migrations, models

GENESIS = "0" * 64


def _hash(event, previous):
    # The same canonical form as accounts.services.audit_chain.link_hash (frozen here so
    # this migration keeps meaning what it meant).
    payload = [
        event.sequence,
        event.timestamp.astimezone(UTC).isoformat(timespec="microseconds"),
        event.actor_id,
        event.organisation_id,
        event.channel,
        event.action,
        event.result,
        event.object_type,
        event.object_id,
        event.object_ids,
        previous,
    ]
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def link_existing(apps, schema_editor):
    AuditEvent = apps.get_model("accounts", "AuditEvent")
    AuditHead = apps.get_model("accounts", "AuditHead")
    previous, sequence = GENESIS, 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        sequence += 1
        event.sequence = sequence
        event.previous_hash = previous
        event.hash = _hash(event, previous)
        # queryset.update is refused on the model's own manager (append-only); the
        # historical model's plain manager is the one way to number the old rows.
        AuditEvent._base_manager.filter(pk=event.pk).update(
            sequence=event.sequence, previous_hash=previous, hash=event.hash
        )
        previous = event.hash
    AuditHead.objects.create(pk=1, sequence=sequence, hash=previous)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_partnertoken")]

    operations = [
        migrations.CreateModel(
            name="AuditCheckpoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(verbose_name="gemaakt")),
                ("sequence", models.PositiveBigIntegerField(verbose_name="volgnummer")),
                ("hash", models.CharField(max_length=64, verbose_name="hash")),
                ("signature", models.CharField(max_length=200, verbose_name="handtekening")),
            ],
            options={"verbose_name": "controlepunt", "verbose_name_plural": "controlepunten", "ordering": ["-created"]},
        ),
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sequence", models.PositiveBigIntegerField(default=0)),
                ("hash", models.CharField(max_length=64)),
            ],
            options={"verbose_name": "kop van de auditketen", "verbose_name_plural": "kop van de auditketen"},
        ),
        migrations.CreateModel(
            name="RightsReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(verbose_name="gemaakt")),
                ("holders", models.JSONField(default=dict, verbose_name="rechthebbenden")),
            ],
            options={"verbose_name": "rechtenrapport", "verbose_name_plural": "rechtenrapporten", "ordering": ["-created"]},
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={"ordering": ["-sequence"], "verbose_name": "auditregel", "verbose_name_plural": "auditlog"},
        ),
        migrations.AddField(
            model_name="auditevent",
            name="channel",
            field=models.CharField(choices=[("website", "website"), ("api", "API"), ("beheer", "beheeromgeving"), ("opdracht", "opdrachtregel")], default="opdracht", max_length=10, verbose_name="kanaal"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="result",
            field=models.CharField(choices=[("gelukt", "gelukt"), ("geweigerd", "geweigerd"), ("mislukt", "mislukt")], default="gelukt", max_length=10, verbose_name="resultaat"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="object_ids",
            field=models.TextField(blank=True, verbose_name="getoonde objecten"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True, verbose_name="volgnummer"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(default="", max_length=64, verbose_name="vorige hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(choices=[("login", "ingelogd"), ("logout", "uitgelogd"), ("login_failed", "inloggen mislukt"), ("locked_out", "account tijdelijk geblokkeerd"), ("second_factor", "tweede stap"), ("2fa_reset", "tweede stap teruggezet"), ("view", "bekeken"), ("list", "lijst bekeken"), ("create", "aangemaakt"), ("change", "gewijzigd"), ("delete", "verwijderd"), ("export", "geëxporteerd"), ("checkpoint", "controlepunt")], max_length=20, verbose_name="handeling"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="timestamp",
            field=models.DateTimeField(db_index=True, verbose_name="tijdstip"),
        ),
        migrations.RunPython(link_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="volgnummer"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(max_length=64, unique=True, verbose_name="hash"),
        ),
    ]
