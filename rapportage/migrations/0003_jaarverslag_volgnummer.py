"""Jaarverslag follows the convention of the other models: `volgnummer` is the report's number (v1, v2, ...),
`versie` is the lock that every edit checks (it was `lock_versie`)."""

from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [("rapportage", "0002_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="jaarverslag", name="verslag_versie_uniek"),
        migrations.RemoveConstraint(model_name="jaarverslag", name="eindverslag_versie_uniek"),
        migrations.RenameField(model_name="jaarverslag", old_name="versie", new_name="volgnummer"),
        migrations.RenameField(model_name="jaarverslag", old_name="lock_versie", new_name="versie"),
        migrations.AlterField(
            model_name="jaarverslag", name="volgnummer",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="versienummer"),
        ),
        migrations.AlterModelOptions(
            name="jaarverslag",
            options={"ordering": ["beschikking", "periode__nummer", "-volgnummer"], "verbose_name": "verslag",
                     "verbose_name_plural": "verslagen"},
        ),
        migrations.AddConstraint(
            model_name="jaarverslag",
            constraint=models.UniqueConstraint(fields=("beschikking", "periode", "soort", "volgnummer"),
                                               name="verslag_versie_uniek"),
        ),
        migrations.AddConstraint(
            model_name="jaarverslag",
            constraint=models.UniqueConstraint(condition=Q(periode__isnull=True), fields=("beschikking", "soort", "volgnummer"),
                                               name="eindverslag_versie_uniek"),
        ),
    ]
