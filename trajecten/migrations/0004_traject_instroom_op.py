"""Traject.instroom_op: the earliest transition to an instroom phase, kept by a database trigger on both
backends (PostgreSQL through pgtrigger, SQLite with the same trigger written here), filled for what exists."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# Written out here (not imported from the models) so that this migration stays as it was when it ran.
SQLITE_TRIGGER = """
    CREATE TRIGGER IF NOT EXISTS trajecten_faseovergang_instroom_op AFTER INSERT ON trajecten_faseovergang
    WHEN NEW.fase IN ('orientatie', 'uitvoering', 'nazorg')
    BEGIN
        UPDATE trajecten_traject SET instroom_op = MIN(COALESCE(instroom_op, NEW.datum), NEW.datum)
        WHERE id = NEW.traject_id;
    END
"""
VULLEN = """
    UPDATE trajecten_traject SET instroom_op = (
        SELECT MIN(f.datum) FROM trajecten_faseovergang f
        WHERE f.traject_id = trajecten_traject.id AND f.fase IN ('orientatie', 'uitvoering', 'nazorg')
    )
"""


def vooruit(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "sqlite":
            cursor.execute(SQLITE_TRIGGER)
        cursor.execute(VULLEN)


def terug(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS trajecten_faseovergang_instroom_op")


class Migration(migrations.Migration):

    dependencies = [
        ('trajecten', '0003_werkoverleg'),
    ]

    operations = [
        migrations.AddField(
            model_name='traject',
            name='instroom_op',
            field=models.DateField(blank=True, db_index=True, editable=False, null=True, verbose_name='instroomdatum'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='faseovergang',
            trigger=pgtrigger.compiler.Trigger(name='instroom_op_bijwerken', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF NEW.fase IN ('orientatie', 'uitvoering', 'nazorg') THEN\n            UPDATE trajecten_traject SET instroom_op = LEAST(COALESCE(instroom_op, NEW.datum), NEW.datum)\n            WHERE id = NEW.traject_id;\n        END IF;\n        RETURN NULL;\n    ", hash='7aa3f982bea8a063392d595a3e4a5450fac66b4c', operation='INSERT', pgid='pgtrigger_instroom_op_bijwerken_96663', table='trajecten_faseovergang', when='AFTER')),
        ),
        migrations.RunPython(vooruit, terug),
    ]
