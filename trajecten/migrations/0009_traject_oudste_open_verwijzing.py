"""One more kept column for the caseload's signals: `oudste_open_verwijzing`, the earliest referral date among the
open referrals (not started, not ended) of all trajecten of the participant, on each of their trajecten. Kept by a
trigger on trajecten_verwijzing and one on trajecten_traject (a new traject takes the value, one that moves to
another participant or goes changes both), on both backends (PostgreSQL through pgtrigger, SQLite with the same
statements written here), and filled for what exists. The caseload then reads it through the current traject's join
instead of searching every open referral of the database on every request."""

import importlib

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# Written out here (not imported from the models) so that this migration stays as it was when it ran; what 0007
# made and this one keeps comes from 0007 itself.
_0007 = importlib.import_module("trajecten.migrations.0007_traject_signalen")


def _verwijzing(deelnemer):
    return ("UPDATE trajecten_traject SET oudste_open_verwijzing = (SELECT MIN(v.verwezen) FROM trajecten_verwijzing v "
            f"JOIN trajecten_traject tv ON tv.id = v.traject_id WHERE tv.deelnemer_id = {deelnemer} "
            f"AND v.gestart IS NULL AND v.beeindigd IS NULL) WHERE deelnemer_id = {deelnemer};")


def _van_traject(traject):
    return _verwijzing(f"(SELECT tt.deelnemer_id FROM trajecten_traject tt WHERE tt.id = {traject})")


NIEUW = {
    "trajecten_verwijzing_stand_ins": f"AFTER INSERT ON trajecten_verwijzing BEGIN {_van_traject('NEW.traject_id')} END",
    "trajecten_verwijzing_stand_upd": (f"AFTER UPDATE OF traject_id, verwezen, gestart, beeindigd ON trajecten_verwijzing "
                                       f"BEGIN {_van_traject('NEW.traject_id')} {_van_traject('OLD.traject_id')} END"),
    "trajecten_verwijzing_stand_del": f"AFTER DELETE ON trajecten_verwijzing BEGIN {_van_traject('OLD.traject_id')} END",
    "trajecten_traject_standv_ins": f"AFTER INSERT ON trajecten_traject BEGIN {_verwijzing('NEW.deelnemer_id')} END",
    "trajecten_traject_standv_upd": (f"AFTER UPDATE OF deelnemer_id ON trajecten_traject BEGIN "
                                     f"{_verwijzing('NEW.deelnemer_id')} {_verwijzing('OLD.deelnemer_id')} END"),
    "trajecten_traject_standv_del": f"AFTER DELETE ON trajecten_traject BEGIN {_verwijzing('OLD.deelnemer_id')} END",
}
SQLITE_TRIGGERS = {**_0007.SQLITE_TRIGGERS, **NIEUW}
VULLEN = _verwijzing("trajecten_traject.deelnemer_id")


def _sqlite(schema_editor) -> bool:
    return schema_editor.connection.vendor == "sqlite"


# As 0007: SQLite's triggers that name trajecten_traject go before the column is added and the whole set is made after.
def triggers_0007_weg(apps, schema_editor):
    if _sqlite(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            _0007._weg(cursor, ["trajecten_faseovergang_instroom_op", *_0007.SQLITE_TRIGGERS])


def triggers_0007_terug(apps, schema_editor):
    if _sqlite(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            _0007._maken(cursor, _0007.SQLITE_TRIGGERS)


def vooruit(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if _sqlite(schema_editor):
            _0007._maken(cursor, SQLITE_TRIGGERS)
        cursor.execute(VULLEN)


def terug(apps, schema_editor):
    if _sqlite(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            _0007._weg(cursor, ["trajecten_faseovergang_instroom_op", *SQLITE_TRIGGERS])


class Migration(migrations.Migration):

    dependencies = [
        ('trajecten', '0008_contact_periode'),
    ]

    operations = [
        migrations.RunPython(triggers_0007_weg, triggers_0007_terug),
        migrations.AddField(
            model_name='traject',
            name='oudste_open_verwijzing',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='oudste openstaande verwijzing van de deelnemer'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='traject',
            trigger=pgtrigger.compiler.Trigger(name='stand_traject_verwijzing', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET oudste_open_verwijzing = (SELECT MIN(v.verwezen) FROM trajecten_verwijzing v JOIN trajecten_traject tv ON tv.id = v.traject_id WHERE tv.deelnemer_id = NEW.deelnemer_id AND v.gestart IS NULL AND v.beeindigd IS NULL) WHERE deelnemer_id = NEW.deelnemer_id; END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.deelnemer_id IS DISTINCT FROM NEW.deelnemer_id) THEN UPDATE trajecten_traject SET oudste_open_verwijzing = (SELECT MIN(v.verwezen) FROM trajecten_verwijzing v JOIN trajecten_traject tv ON tv.id = v.traject_id WHERE tv.deelnemer_id = OLD.deelnemer_id AND v.gestart IS NULL AND v.beeindigd IS NULL) WHERE deelnemer_id = OLD.deelnemer_id; END IF;\n        RETURN NULL;\n    ", hash='b5947eb54b9ebc4b37c6748ab86dc522d80635d6', operation='INSERT OR UPDATE OF "deelnemer_id" OR DELETE', pgid='pgtrigger_stand_traject_verwijzing_e2985', table='trajecten_traject', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='verwijzing',
            trigger=pgtrigger.compiler.Trigger(name='stand_verwijzing', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET oudste_open_verwijzing = (SELECT MIN(v.verwezen) FROM trajecten_verwijzing v JOIN trajecten_traject tv ON tv.id = v.traject_id WHERE tv.deelnemer_id = (SELECT tt.deelnemer_id FROM trajecten_traject tt WHERE tt.id = NEW.traject_id) AND v.gestart IS NULL AND v.beeindigd IS NULL) WHERE deelnemer_id = (SELECT tt.deelnemer_id FROM trajecten_traject tt WHERE tt.id = NEW.traject_id); END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.traject_id IS DISTINCT FROM NEW.traject_id) THEN UPDATE trajecten_traject SET oudste_open_verwijzing = (SELECT MIN(v.verwezen) FROM trajecten_verwijzing v JOIN trajecten_traject tv ON tv.id = v.traject_id WHERE tv.deelnemer_id = (SELECT tt.deelnemer_id FROM trajecten_traject tt WHERE tt.id = OLD.traject_id) AND v.gestart IS NULL AND v.beeindigd IS NULL) WHERE deelnemer_id = (SELECT tt.deelnemer_id FROM trajecten_traject tt WHERE tt.id = OLD.traject_id); END IF;\n        RETURN NULL;\n    ", hash='54957243a0eaeda8e57239684710fdfcfd49309c', operation='INSERT OR UPDATE OF "traject_id", "verwezen", "gestart", "beeindigd" OR DELETE', pgid='pgtrigger_stand_verwijzing_7bdca', table='trajecten_verwijzing', when='AFTER')),
        ),
        migrations.RunPython(vooruit, terug),
    ]
