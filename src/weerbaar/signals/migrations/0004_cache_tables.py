"""The cache tables that every server process shares (rate limits of the anonymous
channel, and other caches): made with the migrations, so no extra set-up step is forgotten.
Without database caches (Redis configured) this does nothing."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("signals", "0003_partnertoken_to_accounts")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
