"""Traject's current state (huidige_fase, fase_sinds, laatste_contact, is_huidig, eerste_plan_op,
eerste_ondertekening_op), kept by database triggers on both backends (PostgreSQL through pgtrigger, SQLite with
the same statements written here), filled for what exists."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# Written out here (not imported from the models) so that this migration stays as it was when it ran.


def _fase(t):
    laatste = f"FROM trajecten_faseovergang f WHERE f.traject_id = {t} ORDER BY f.datum DESC, f.id DESC LIMIT 1"
    return (f"UPDATE trajecten_traject SET huidige_fase = (SELECT f.fase {laatste}), fase_sinds = (SELECT f.datum {laatste}) "
            f"WHERE id = {t};")


def _contact(t):
    return ("UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) FROM trajecten_contactmoment c "
            f"WHERE c.traject_id = {t} AND c.status = 'gehouden' AND c.foutief_op IS NULL) WHERE id = {t};")


def _plan(t):
    beide = ("CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op "
             "ELSE p.ondertekend_begeleider_op END")
    return (f"UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p "
            f"WHERE p.traject_id = {t} ORDER BY p.volgnummer LIMIT 1), "
            f"eerste_ondertekening_op = (SELECT MIN({beide}) FROM trajecten_trajectplan p WHERE p.traject_id = {t} "
            f"AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL) WHERE id = {t};")


def _huidig(d):
    nieuwste = f"(SELECT t.id FROM trajecten_traject t WHERE t.deelnemer_id = {d} ORDER BY t.aanmelddatum DESC, t.id DESC LIMIT 1)"
    return f"UPDATE trajecten_traject SET is_huidig = (id = {nieuwste}) WHERE deelnemer_id = {d} AND is_huidig <> (id = {nieuwste});"


SQLITE_TRIGGERS = {
    "trajecten_faseovergang_stand": f"AFTER INSERT ON trajecten_faseovergang BEGIN {_fase('NEW.traject_id')} END",
    "trajecten_contactmoment_stand_ins": f"AFTER INSERT ON trajecten_contactmoment BEGIN {_contact('NEW.traject_id')} END",
    "trajecten_contactmoment_stand_upd": (f"AFTER UPDATE ON trajecten_contactmoment BEGIN {_contact('NEW.traject_id')} "
                                          f"{_contact('OLD.traject_id')} END"),
    "trajecten_contactmoment_stand_del": f"AFTER DELETE ON trajecten_contactmoment BEGIN {_contact('OLD.traject_id')} END",
    "trajecten_trajectplan_stand_ins": f"AFTER INSERT ON trajecten_trajectplan BEGIN {_plan('NEW.traject_id')} END",
    "trajecten_trajectplan_stand_upd": (f"AFTER UPDATE ON trajecten_trajectplan BEGIN {_plan('NEW.traject_id')} "
                                        f"{_plan('OLD.traject_id')} END"),
    "trajecten_trajectplan_stand_del": f"AFTER DELETE ON trajecten_trajectplan BEGIN {_plan('OLD.traject_id')} END",
    "trajecten_traject_stand_ins": f"AFTER INSERT ON trajecten_traject BEGIN {_huidig('NEW.deelnemer_id')} END",
    "trajecten_traject_stand_upd": (f"AFTER UPDATE OF aanmelddatum, deelnemer_id ON trajecten_traject BEGIN "
                                    f"{_huidig('NEW.deelnemer_id')} {_huidig('OLD.deelnemer_id')} END"),
    "trajecten_traject_stand_del": f"AFTER DELETE ON trajecten_traject BEGIN {_huidig('OLD.deelnemer_id')} END",
}
# SQLite rebuilds trajecten_traject for the new columns, which fails while a trigger names it: 0004's trigger is
# dropped before and made again after.
INSTROOM_TRIGGER = """
    CREATE TRIGGER IF NOT EXISTS trajecten_faseovergang_instroom_op AFTER INSERT ON trajecten_faseovergang
    WHEN NEW.fase IN ('orientatie', 'uitvoering', 'nazorg')
    BEGIN
        UPDATE trajecten_traject SET instroom_op = MIN(COALESCE(instroom_op, NEW.datum), NEW.datum)
        WHERE id = NEW.traject_id;
    END
"""


def instroom_trigger_weg(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS trajecten_faseovergang_instroom_op")


def instroom_trigger_terug(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(INSTROOM_TRIGGER)


VULLEN = [_fase("trajecten_traject.id"), _contact("trajecten_traject.id"), _plan("trajecten_traject.id"),
          _huidig("trajecten_traject.deelnemer_id")]


def vooruit(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "sqlite":
            cursor.execute(INSTROOM_TRIGGER)
            for naam, sql in SQLITE_TRIGGERS.items():
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {naam} {sql}")
        for sql in VULLEN:
            cursor.execute(sql)


def terug(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            for naam in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {naam}")
            cursor.execute("DROP TRIGGER IF EXISTS trajecten_faseovergang_instroom_op")


class Migration(migrations.Migration):

    dependencies = [
        ('clients', '0004_toestemming_programma'),
        ('trajecten', '0005_overdracht'),
        ('uitstap', '0002_programma_centrumgemeente'),
    ]

    operations = [
        migrations.RunPython(instroom_trigger_weg, instroom_trigger_terug),
        migrations.AddField(
            model_name='traject',
            name='eerste_ondertekening_op',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='trajectplan eerst ondertekend op'),
        ),
        migrations.AddField(
            model_name='traject',
            name='eerste_plan_op',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='eerste trajectplan opgesteld op'),
        ),
        migrations.AddField(
            model_name='traject',
            name='fase_sinds',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='in deze fase sinds'),
        ),
        migrations.AddField(
            model_name='traject',
            name='huidige_fase',
            field=models.CharField(blank=True, choices=[('contact', 'Contact'), ('orientatie', 'Oriëntatie'), ('uitvoering', 'Uitvoering'), ('nazorg', 'Nazorg')], editable=False, max_length=20, null=True, verbose_name='huidige fase'),
        ),
        migrations.AddField(
            model_name='traject',
            name='is_huidig',
            field=models.BooleanField(default=False, editable=False, verbose_name='huidig traject van de deelnemer'),
        ),
        migrations.AddField(
            model_name='traject',
            name='laatste_contact',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='laatste gehouden contact'),
        ),
        migrations.AddIndex(
            model_name='traject',
            index=models.Index(condition=models.Q(('is_huidig', True)), fields=['deelnemer'], name='traject_huidig'),
        ),
        migrations.RunPython(vooruit, terug),
        pgtrigger.migrations.AddTrigger(
            model_name='contactmoment',
            trigger=pgtrigger.compiler.Trigger(name='stand_contact', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) FROM trajecten_contactmoment c WHERE c.traject_id = NEW.traject_id AND c.status = 'gehouden' AND c.foutief_op IS NULL) WHERE id = NEW.traject_id; END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.traject_id IS DISTINCT FROM NEW.traject_id) THEN UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) FROM trajecten_contactmoment c WHERE c.traject_id = OLD.traject_id AND c.status = 'gehouden' AND c.foutief_op IS NULL) WHERE id = OLD.traject_id; END IF;\n        RETURN NULL;\n    ", hash='202866ca2fbe3a748be42c20987bbb86cb05a768', operation='INSERT OR UPDATE OR DELETE', pgid='pgtrigger_stand_contact_8833a', table='trajecten_contactmoment', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='faseovergang',
            trigger=pgtrigger.compiler.Trigger(name='stand_fase', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET huidige_fase = (SELECT f.fase FROM trajecten_faseovergang f WHERE f.traject_id = NEW.traject_id ORDER BY f.datum DESC, f.id DESC LIMIT 1), fase_sinds = (SELECT f.datum FROM trajecten_faseovergang f WHERE f.traject_id = NEW.traject_id ORDER BY f.datum DESC, f.id DESC LIMIT 1) WHERE id = NEW.traject_id; END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.traject_id IS DISTINCT FROM NEW.traject_id) THEN UPDATE trajecten_traject SET huidige_fase = (SELECT f.fase FROM trajecten_faseovergang f WHERE f.traject_id = OLD.traject_id ORDER BY f.datum DESC, f.id DESC LIMIT 1), fase_sinds = (SELECT f.datum FROM trajecten_faseovergang f WHERE f.traject_id = OLD.traject_id ORDER BY f.datum DESC, f.id DESC LIMIT 1) WHERE id = OLD.traject_id; END IF;\n        RETURN NULL;\n    ", hash='57bbcabc37a5bf5932ce4c493e90675c8d13de35', operation='INSERT', pgid='pgtrigger_stand_fase_50a77', table='trajecten_faseovergang', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='traject',
            trigger=pgtrigger.compiler.Trigger(name='stand_huidig', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET is_huidig = (id = (SELECT t.id FROM trajecten_traject t WHERE t.deelnemer_id = NEW.deelnemer_id ORDER BY t.aanmelddatum DESC, t.id DESC LIMIT 1)) WHERE deelnemer_id = NEW.deelnemer_id AND is_huidig <> (id = (SELECT t.id FROM trajecten_traject t WHERE t.deelnemer_id = NEW.deelnemer_id ORDER BY t.aanmelddatum DESC, t.id DESC LIMIT 1)); END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.deelnemer_id IS DISTINCT FROM NEW.deelnemer_id) THEN UPDATE trajecten_traject SET is_huidig = (id = (SELECT t.id FROM trajecten_traject t WHERE t.deelnemer_id = OLD.deelnemer_id ORDER BY t.aanmelddatum DESC, t.id DESC LIMIT 1)) WHERE deelnemer_id = OLD.deelnemer_id AND is_huidig <> (id = (SELECT t.id FROM trajecten_traject t WHERE t.deelnemer_id = OLD.deelnemer_id ORDER BY t.aanmelddatum DESC, t.id DESC LIMIT 1)); END IF;\n        RETURN NULL;\n    ", hash='c81fba5d66899b8b13ee57e60841272599d8ff53', operation='INSERT OR UPDATE OF "aanmelddatum", "deelnemer_id" OR DELETE', pgid='pgtrigger_stand_huidig_11958', table='trajecten_traject', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='trajectplan',
            trigger=pgtrigger.compiler.Trigger(name='stand_plan', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p WHERE p.traject_id = NEW.traject_id ORDER BY p.volgnummer LIMIT 1), eerste_ondertekening_op = (SELECT MIN(CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op ELSE p.ondertekend_begeleider_op END) FROM trajecten_trajectplan p WHERE p.traject_id = NEW.traject_id AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL) WHERE id = NEW.traject_id; END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.traject_id IS DISTINCT FROM NEW.traject_id) THEN UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p WHERE p.traject_id = OLD.traject_id ORDER BY p.volgnummer LIMIT 1), eerste_ondertekening_op = (SELECT MIN(CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op ELSE p.ondertekend_begeleider_op END) FROM trajecten_trajectplan p WHERE p.traject_id = OLD.traject_id AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL) WHERE id = OLD.traject_id; END IF;\n        RETURN NULL;\n    ", hash='0f0d26e753eede55edb28241e7e52316f35627fc', operation='INSERT OR UPDATE OR DELETE', pgid='pgtrigger_stand_plan_b424c', table='trajecten_trajectplan', when='AFTER')),
        ),
    ]
