"""Three more columns of the traject's state for the caseload's signals (tweede_no_show_op, volgend_gepland_op,
vroegste_streefdatum), kept by the same triggers as 0006 on both backends (PostgreSQL through pgtrigger, SQLite with
the same statements written here) and a new one on trajecten_doel, filled for what exists."""

import importlib

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

# Written out here (not imported from the models) so that this migration stays as it was when it ran; what 0006
# made and this one keeps comes from 0006 itself.
_0006 = importlib.import_module("trajecten.migrations.0006_traject_stand")


def _contact(t):
    geldig = f"FROM trajecten_contactmoment c WHERE c.traject_id = {t} AND c.foutief_op IS NULL AND c.status ="
    return (f"UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) {geldig} 'gehouden'), "
            f"tweede_no_show_op = (SELECT c.datum {geldig} 'niet_verschenen' ORDER BY c.datum DESC LIMIT 1 OFFSET 1), "
            f"volgend_gepland_op = (SELECT MIN(c.datum) {geldig} 'gepland') WHERE id = {t};")


def _vroegste(t):
    nieuwste = f"(SELECT p.id FROM trajecten_trajectplan p WHERE p.traject_id = {t} ORDER BY p.volgnummer DESC LIMIT 1)"
    return (f"(SELECT MIN(d.streefdatum) FROM trajecten_doel d WHERE d.plan_id = {nieuwste} AND d.ouder_id IS NULL "
            "AND d.status IN ('open', 'bezig'))")


def _plan(t):
    beide = ("CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op "
             "ELSE p.ondertekend_begeleider_op END")
    return (f"UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p "
            f"WHERE p.traject_id = {t} ORDER BY p.volgnummer LIMIT 1), "
            f"eerste_ondertekening_op = (SELECT MIN({beide}) FROM trajecten_trajectplan p WHERE p.traject_id = {t} "
            f"AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL), "
            f"vroegste_streefdatum = {_vroegste(t)} WHERE id = {t};")


def _doel(plan):
    return (f"UPDATE trajecten_traject SET vroegste_streefdatum = {_vroegste('trajecten_traject.id')} "
            f"WHERE id = (SELECT p.traject_id FROM trajecten_trajectplan p WHERE p.id = {plan});")


SQLITE_TRIGGERS = {
    **_0006.SQLITE_TRIGGERS,
    "trajecten_contactmoment_stand_ins": f"AFTER INSERT ON trajecten_contactmoment BEGIN {_contact('NEW.traject_id')} END",
    "trajecten_contactmoment_stand_upd": (f"AFTER UPDATE ON trajecten_contactmoment BEGIN {_contact('NEW.traject_id')} "
                                          f"{_contact('OLD.traject_id')} END"),
    "trajecten_contactmoment_stand_del": f"AFTER DELETE ON trajecten_contactmoment BEGIN {_contact('OLD.traject_id')} END",
    "trajecten_trajectplan_stand_ins": f"AFTER INSERT ON trajecten_trajectplan BEGIN {_plan('NEW.traject_id')} END",
    "trajecten_trajectplan_stand_upd": (f"AFTER UPDATE ON trajecten_trajectplan BEGIN {_plan('NEW.traject_id')} "
                                        f"{_plan('OLD.traject_id')} END"),
    "trajecten_trajectplan_stand_del": f"AFTER DELETE ON trajecten_trajectplan BEGIN {_plan('OLD.traject_id')} END",
    "trajecten_doel_stand_ins": f"AFTER INSERT ON trajecten_doel BEGIN {_doel('NEW.plan_id')} END",
    "trajecten_doel_stand_upd": (f"AFTER UPDATE OF plan_id, ouder_id, status, streefdatum ON trajecten_doel BEGIN "
                                 f"{_doel('NEW.plan_id')} {_doel('OLD.plan_id')} END"),
    "trajecten_doel_stand_del": f"AFTER DELETE ON trajecten_doel BEGIN {_doel('OLD.plan_id')} END",
}
VULLEN = [_contact("trajecten_traject.id"), _plan("trajecten_traject.id")]


def _sqlite(schema_editor) -> bool:
    return schema_editor.connection.vendor == "sqlite"


def _weg(cursor, namen):
    for naam in namen:
        cursor.execute(f"DROP TRIGGER IF EXISTS {naam}")


def _maken(cursor, triggers):
    cursor.execute(_0006.INSTROOM_TRIGGER)
    for naam, sql in triggers.items():
        cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {naam} {sql}")


# SQLite may rebuild trajecten_traject for new columns, which fails while a trigger names it: 0006's triggers go
# before the columns are added and the whole set (changed where this migration changes them) is made after.
def triggers_0006_weg(apps, schema_editor):
    if _sqlite(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            _weg(cursor, ["trajecten_faseovergang_instroom_op", *_0006.SQLITE_TRIGGERS])


def triggers_0006_terug(apps, schema_editor):
    if _sqlite(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            _maken(cursor, _0006.SQLITE_TRIGGERS)


def vooruit(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if _sqlite(schema_editor):
            _maken(cursor, SQLITE_TRIGGERS)
        for sql in VULLEN:
            cursor.execute(sql)


def terug(apps, schema_editor):
    if _sqlite(schema_editor):
        with schema_editor.connection.cursor() as cursor:
            _weg(cursor, ["trajecten_faseovergang_instroom_op", *SQLITE_TRIGGERS])


class Migration(migrations.Migration):

    dependencies = [
        ('trajecten', '0006_traject_stand'),
    ]

    operations = [
        migrations.RunPython(triggers_0006_weg, triggers_0006_terug),
        pgtrigger.migrations.RemoveTrigger(
            model_name='contactmoment',
            name='stand_contact',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='trajectplan',
            name='stand_plan',
        ),
        migrations.AddField(
            model_name='traject',
            name='tweede_no_show_op',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='op een na laatste keer niet verschenen'),
        ),
        migrations.AddField(
            model_name='traject',
            name='volgend_gepland_op',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='vroegste geplande contact'),
        ),
        migrations.AddField(
            model_name='traject',
            name='vroegste_streefdatum',
            field=models.DateField(blank=True, editable=False, null=True, verbose_name='vroegste streefdatum van de open doelen'),
        ),
        migrations.AddIndex(
            model_name='traject',
            index=models.Index(condition=models.Q(('einddatum__isnull', True), ('is_huidig', True)), fields=['volgend_gepland_op'], name='traject_open_gepland'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='contactmoment',
            trigger=pgtrigger.compiler.Trigger(name='stand_contact', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) FROM trajecten_contactmoment c WHERE c.traject_id = NEW.traject_id AND c.foutief_op IS NULL AND c.status = 'gehouden'), tweede_no_show_op = (SELECT c.datum FROM trajecten_contactmoment c WHERE c.traject_id = NEW.traject_id AND c.foutief_op IS NULL AND c.status = 'niet_verschenen' ORDER BY c.datum DESC LIMIT 1 OFFSET 1), volgend_gepland_op = (SELECT MIN(c.datum) FROM trajecten_contactmoment c WHERE c.traject_id = NEW.traject_id AND c.foutief_op IS NULL AND c.status = 'gepland') WHERE id = NEW.traject_id; END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.traject_id IS DISTINCT FROM NEW.traject_id) THEN UPDATE trajecten_traject SET laatste_contact = (SELECT MAX(c.datum) FROM trajecten_contactmoment c WHERE c.traject_id = OLD.traject_id AND c.foutief_op IS NULL AND c.status = 'gehouden'), tweede_no_show_op = (SELECT c.datum FROM trajecten_contactmoment c WHERE c.traject_id = OLD.traject_id AND c.foutief_op IS NULL AND c.status = 'niet_verschenen' ORDER BY c.datum DESC LIMIT 1 OFFSET 1), volgend_gepland_op = (SELECT MIN(c.datum) FROM trajecten_contactmoment c WHERE c.traject_id = OLD.traject_id AND c.foutief_op IS NULL AND c.status = 'gepland') WHERE id = OLD.traject_id; END IF;\n        RETURN NULL;\n    ", hash='391e452cbe52a2d61f5eeb027894a1f667ee40a4', operation='INSERT OR UPDATE OR DELETE', pgid='pgtrigger_stand_contact_8833a', table='trajecten_contactmoment', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='doel',
            trigger=pgtrigger.compiler.Trigger(name='stand_doel', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET vroegste_streefdatum = (SELECT MIN(d.streefdatum) FROM trajecten_doel d WHERE d.plan_id = (SELECT p.id FROM trajecten_trajectplan p WHERE p.traject_id = trajecten_traject.id ORDER BY p.volgnummer DESC LIMIT 1) AND d.ouder_id IS NULL AND d.status IN ('open', 'bezig')) WHERE id = (SELECT p.traject_id FROM trajecten_trajectplan p WHERE p.id = NEW.plan_id); END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.plan_id IS DISTINCT FROM NEW.plan_id) THEN UPDATE trajecten_traject SET vroegste_streefdatum = (SELECT MIN(d.streefdatum) FROM trajecten_doel d WHERE d.plan_id = (SELECT p.id FROM trajecten_trajectplan p WHERE p.traject_id = trajecten_traject.id ORDER BY p.volgnummer DESC LIMIT 1) AND d.ouder_id IS NULL AND d.status IN ('open', 'bezig')) WHERE id = (SELECT p.traject_id FROM trajecten_trajectplan p WHERE p.id = OLD.plan_id); END IF;\n        RETURN NULL;\n    ", hash='625a5b6da54490857cb1f1c44c3deaced1a893f5', operation='INSERT OR UPDATE OF "plan_id", "ouder_id", "status", "streefdatum" OR DELETE', pgid='pgtrigger_stand_doel_7a397', table='trajecten_doel', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='trajectplan',
            trigger=pgtrigger.compiler.Trigger(name='stand_plan', sql=pgtrigger.compiler.UpsertTriggerSql(func="\n        IF TG_OP <> 'DELETE' THEN UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p WHERE p.traject_id = NEW.traject_id ORDER BY p.volgnummer LIMIT 1), eerste_ondertekening_op = (SELECT MIN(CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op ELSE p.ondertekend_begeleider_op END) FROM trajecten_trajectplan p WHERE p.traject_id = NEW.traject_id AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL), vroegste_streefdatum = (SELECT MIN(d.streefdatum) FROM trajecten_doel d WHERE d.plan_id = (SELECT p.id FROM trajecten_trajectplan p WHERE p.traject_id = NEW.traject_id ORDER BY p.volgnummer DESC LIMIT 1) AND d.ouder_id IS NULL AND d.status IN ('open', 'bezig')) WHERE id = NEW.traject_id; END IF;\n        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.traject_id IS DISTINCT FROM NEW.traject_id) THEN UPDATE trajecten_traject SET eerste_plan_op = (SELECT p.opgesteld_op FROM trajecten_trajectplan p WHERE p.traject_id = OLD.traject_id ORDER BY p.volgnummer LIMIT 1), eerste_ondertekening_op = (SELECT MIN(CASE WHEN p.ondertekend_deelnemer_op >= p.ondertekend_begeleider_op THEN p.ondertekend_deelnemer_op ELSE p.ondertekend_begeleider_op END) FROM trajecten_trajectplan p WHERE p.traject_id = OLD.traject_id AND p.ondertekend_deelnemer_op IS NOT NULL AND p.ondertekend_begeleider_op IS NOT NULL), vroegste_streefdatum = (SELECT MIN(d.streefdatum) FROM trajecten_doel d WHERE d.plan_id = (SELECT p.id FROM trajecten_trajectplan p WHERE p.traject_id = OLD.traject_id ORDER BY p.volgnummer DESC LIMIT 1) AND d.ouder_id IS NULL AND d.status IN ('open', 'bezig')) WHERE id = OLD.traject_id; END IF;\n        RETURN NULL;\n    ", hash='148db55e46a9c30a1e7077119aab55ffda92bd03', operation='INSERT OR UPDATE OR DELETE', pgid='pgtrigger_stand_plan_b424c', table='trajecten_trajectplan', when='AFTER')),
        ),
        migrations.RunPython(vooruit, terug),
    ]
