"""The partner token model now lives in accounts (accounts 0004); the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("signals", "0002_seed_categories"),
        ("accounts", "0004_partnertoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PartnerToken")],
            database_operations=[],
        ),
    ]
