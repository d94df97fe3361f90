"""Seed the default categories and the officials' indicator checklist (seed/*.yaml)."""

from django.db import migrations


def seed(apps, schema_editor):
    from weerbaar.signals.services.seeding import seed_defaults

    seed_defaults(apps.get_model("signals", "Category"), apps.get_model("signals", "ChecklistIndicator"))


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
