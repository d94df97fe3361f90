"""Seed the kinds of application, the first questionnaire and the letter templates."""

from django.db import migrations


def seed(apps, schema_editor):
    from weerbaar.screening.services.seeding import seed_screening

    seed_screening(apps)


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
