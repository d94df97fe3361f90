"""Partner tokens belong to accounts (they authenticate a service account for any API);
the model moves here from signals. Only Django's state moves: the table keeps its name
(``signals_partnertoken``) and every token keeps working."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_access_model"),
        ("signals", "0002_seed_categories"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PartnerToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, verbose_name="naam")),
                        ("prefix", models.CharField(editable=False, max_length=8, verbose_name="begin van de sleutel")),
                        ("key_hash", models.CharField(editable=False, max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="ingetrokken op")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="partner_tokens", to=settings.AUTH_USER_MODEL, verbose_name="serviceaccount")),
                    ],
                    options={
                        "verbose_name": "partnersleutel",
                        "verbose_name_plural": "partnersleutels",
                        "ordering": ["name"],
                        "db_table": "signals_partnertoken",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
