"""An index on who made a change (pghistory's context, ``metadata->>'user'``): the
history filtered by person (opgaven.geschiedenis) finds that person's requests through it
instead of reading every context row."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("pghistory", "0007_auto_20250421_0444"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS pghistory_context_user"
            " ON pghistory_context ((metadata->>'user'))",
            "DROP INDEX IF EXISTS pghistory_context_user",
        )
    ]
