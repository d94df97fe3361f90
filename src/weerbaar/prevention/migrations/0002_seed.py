"""Seed parents' texts, help organisations, postcode ranges, catalogue and bus (seed/*.yaml)."""

from django.db import migrations


def seed(apps, schema_editor):
    from weerbaar.prevention.services.seeding import seed_prevention

    seed_prevention(apps)


class Migration(migrations.Migration):
    dependencies = [("prevention", "0001_initial"), ("areas", "0002_postcoderange")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
