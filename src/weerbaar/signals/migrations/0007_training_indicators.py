"""Four indicators the scenario training (issue 20) needed and officials record as well:
a young person changing, money of unclear origin, a brand-new legal person, and haste."""

from django.db import migrations


def seed(apps, schema_editor):
    from weerbaar.signals.services.seeding import seed_defaults

    seed_defaults(apps.get_model("signals", "Category"), apps.get_model("signals", "ChecklistIndicator"))


class Migration(migrations.Migration):
    dependencies = [("signals", "0006_reporter_contact")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
