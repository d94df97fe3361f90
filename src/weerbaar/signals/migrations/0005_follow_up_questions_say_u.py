"""The follow-up questions of the categories address residents as "u", like every other
public text: seed the categories again (update_or_create keeps everything else)."""

from django.db import migrations


def seed(apps, schema_editor):
    from weerbaar.signals.services.seeding import seed_defaults

    seed_defaults(apps.get_model("signals", "Category"), apps.get_model("signals", "ChecklistIndicator"))


class Migration(migrations.Migration):
    dependencies = [("signals", "0004_cache_tables")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
