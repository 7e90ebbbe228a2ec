from django.db import migrations, models


class Migration(migrations.Migration):
    """Vaststellen (the decision, by a bestuurder) and publiceren (after the definitive
    version is rendered) become two moments; reports published before were both at once."""

    dependencies = [
        ("rapportages", "0007_bestuurlijk_akkoord"),
    ]

    operations = [
        migrations.RenameField("rapportage", "gepubliceerd_door", "vastgesteld_door"),
        migrations.AddField(
            model_name="rapportage",
            name="vastgesteld_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="vastgesteld op"),
        ),
        migrations.RunSQL(
            "UPDATE rapportages_rapportage SET vastgesteld_op = gepubliceerd_op "
            "WHERE gepubliceerd_op IS NOT NULL",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
