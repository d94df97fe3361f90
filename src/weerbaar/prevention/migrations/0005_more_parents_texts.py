"""More texts for parents (signs, how recruitment works, tips per situation, what to do),
with their sources: add those an install does not have yet; published ones stay as they are."""

from django.db import migrations


def seed(apps, schema_editor):
    from weerbaar.prevention.services.seeding import seed_prevention

    seed_prevention(apps)


class Migration(migrations.Migration):
    dependencies = [("prevention", "0004_recognition_sources")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
