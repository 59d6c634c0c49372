"""The traject's state columns (trajecten.models.STAND_VELDEN) are kept by the database: after any sequence of
writes, through the ORM or in bulk as the import does, they equal what the histories say."""

import contextlib
import datetime
import random

import pytest
from django.db import connection
from django.db.models import Max, Min

from tests.factories import KetenpartnerFactory
from tests.rapportage.helpers import deelnemer
from trajecten.models import STAND_VELDEN, Contactmoment, Doel, FaseOvergang, Traject, Trajectplan, Verwijzing

D0 = datetime.date(2024, 1, 1)
DOELSTATUSSEN = ["open", "bezig", "behaald", "niet_behaald", "vervallen"]


def _dag(rng, tot=400):
    return D0 + datetime.timedelta(days=rng.randint(0, tot))


def _verwacht(t: Traject) -> dict:
    laatste = t.fase_overgangen.order_by("-datum", "-id").first()
    plannen = list(t.plannen.order_by("volgnummer"))
    getekend = [max(p.ondertekend_deelnemer_op, p.ondertekend_begeleider_op) for p in plannen
                if p.ondertekend_deelnemer_op and p.ondertekend_begeleider_op]
    nieuwste = Traject.objects.filter(deelnemer_id=t.deelnemer_id).order_by("-aanmelddatum", "-id").first()
    geldig = t.contactmomenten.filter(foutief_op__isnull=True)
    no_shows = list(geldig.filter(status="niet_verschenen").order_by("-datum").values_list("datum", flat=True))
    streefdata = [d.streefdatum for d in plannen[-1].doelen.all()
                  if d.ouder_id is None and d.status in ("open", "bezig") and d.streefdatum] if plannen else []
    # The participant's, on each of their trajecten: every traject of theirs counts, not only this one.
    open_verwijzingen = Verwijzing.objects.filter(traject__deelnemer_id=t.deelnemer_id, gestart__isnull=True,
                                                  beeindigd__isnull=True)
    return {
        "huidige_fase": laatste.fase if laatste else None,
        "fase_sinds": laatste.datum if laatste else None,
        "laatste_contact": geldig.filter(status="gehouden").aggregate(m=Max("datum"))["m"],
        "is_huidig": nieuwste.pk == t.pk,
        "eerste_plan_op": plannen[0].opgesteld_op if plannen else None,
        "eerste_ondertekening_op": min(getekend) if getekend else None,
        "tweede_no_show_op": no_shows[1] if len(no_shows) > 1 else None,
        "volgend_gepland_op": geldig.filter(status="gepland").aggregate(m=Min("datum"))["m"],
        "vroegste_streefdatum": min(streefdata) if streefdata else None,
        "oudste_open_verwijzing": open_verwijzingen.aggregate(m=Min("verwezen"))["m"],
    }


def _stand(t: Traject) -> dict:
    t.refresh_from_db()
    return {k: getattr(t, k) for k in _verwacht(t)}


def _een(rng, qs):
    """One row of `qs` chosen by the test's own random generator (the database's random order is not seeded,
    and the writes must be the same sequence on every run)."""
    ids = list(qs.order_by("pk").values_list("pk", flat=True))
    return qs.model.objects.get(pk=rng.choice(ids)) if ids else None


def _doel(rng, plan: Trajectplan) -> Doel:
    hoofd = [d for d in plan.doelen.all() if d.ouder_id is None]
    return Doel(plan=plan, ouder=rng.choice(hoofd) if hoofd and rng.random() < 0.25 else None, leefgebied="financien",
                omschrijving="doel", status=rng.choice(DOELSTATUSSEN),
                streefdatum=None if rng.random() < 0.15 else _dag(rng))


def _verwijzing_schrijven(rng, t: Traject, trajecten) -> None:
    """A referral is made (through the ORM or in bulk), started, ended, opened again, dated earlier, moved to another
    traject (merge) or deleted; its status always agrees with its dates, as the database demands."""
    v = _een(rng, Verwijzing.objects.filter(traject__in=trajecten)) if rng.random() < 0.6 else None
    if v is None:
        v = Verwijzing(traject=t, ketenpartner=KetenpartnerFactory(programma=t.deelnemer.programma),
                       verwezen=_dag(rng), status="aangevraagd")
        v.save() if rng.random() < 0.5 else Verwijzing.objects.bulk_create([v])
        return
    soort, later = rng.random(), v.verwezen + datetime.timedelta(days=rng.randint(0, 60))
    if soort < 0.25:
        v.status, v.gestart, v.beeindigd = "gestart", later, None
    elif soort < 0.45:
        v.status, v.gestart, v.beeindigd = "afgewezen", None, later
    elif soort < 0.6:
        v.status, v.gestart, v.beeindigd = "aangevraagd", None, None
    elif soort < 0.75:
        v.verwezen -= datetime.timedelta(days=rng.randint(1, 90))
    elif soort < 0.9:
        v.traject = rng.choice(trajecten)
    else:
        v.delete()
        return
    v.save()


def _schrijven(rng, mensen, trajecten, stappen: int, controle=None) -> None:
    """A random sequence of the writes the application (and the import, in bulk) makes to the histories;
    `controle()` is called every 20 steps and at the end."""
    for stap in range(1, stappen + 1):
        if controle and stap % 20 == 0:
            controle()
        t = rng.choice(trajecten)
        if rng.random() < 0.12:
            _verwijzing_schrijven(rng, t, trajecten)
            continue
        keuze = rng.random()
        if keuze < 0.15:
            overgang = FaseOvergang(traject=t, fase=rng.choice(["contact", "orientatie", "uitvoering", "nazorg"]), datum=_dag(rng))
            overgang.save() if rng.random() < 0.5 else FaseOvergang.objects.bulk_create([overgang])
        elif keuze < 0.4:
            c = Contactmoment(traject=t, datum=_dag(rng), status=rng.choice(["gehouden", "gepland", "niet_verschenen"]))
            c.save() if rng.random() < 0.5 else Contactmoment.objects.bulk_create([c])
        elif keuze < 0.48 and (c := _een(rng, Contactmoment.objects.filter(traject__in=trajecten))):
            # A contact is corrected: its status or date changes, it is marked wrong, or it moves (merge).
            soort = rng.random()
            if soort < 0.3:
                c.status = rng.choice(["gehouden", "gepland", "afgezegd", "niet_verschenen"])
            elif soort < 0.5:
                c.datum = _dag(rng)
            elif soort < 0.7:
                c.foutief_op = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
            elif soort < 0.85:
                c.traject = rng.choice(trajecten)
            else:
                c.delete()
                continue
            c.save()
        elif keuze < 0.55:
            volgnummer = (t.plannen.aggregate(m=Max("volgnummer"))["m"] or 0) + 1
            tekenen = rng.random() < 0.6
            Trajectplan.objects.create(
                traject=t, volgnummer=volgnummer, opgesteld_op=_dag(rng),
                ondertekend_deelnemer_op=_dag(rng) if tekenen else None,
                ondertekend_begeleider_op=_dag(rng) if tekenen else None,
            )
        elif keuze < 0.6 and (p := _een(rng, Trajectplan.objects.filter(traject__in=trajecten))):
            soort = rng.random()
            if soort < 0.5:
                p.ondertekend_deelnemer_op, p.ondertekend_begeleider_op = _dag(rng), _dag(rng)
                p.save()
            elif soort < 0.75:
                # The plan moves to another traject (merge), as its newest version or not.
                naar = rng.choice(trajecten)
                p.traject, p.volgnummer = naar, (naar.plannen.aggregate(m=Max("volgnummer"))["m"] or 0) + rng.choice([1, 50])
                p.save()
            else:
                p.delete()  # its goals go with it
        elif keuze < 0.75 and (p := (t.plannen.order_by("-volgnummer").first() if rng.random() < 0.7 else
                                    _een(rng, Trajectplan.objects.filter(traject__in=trajecten)))):
            doel = _doel(rng, p)
            doel.save() if rng.random() < 0.5 else Doel.objects.bulk_create([doel])
        elif keuze < 0.9 and (d := _een(rng, Doel.objects.filter(plan__traject__in=trajecten))):
            # A goal changes: status, target date, promoted or made a sub-goal, moved to another plan, deleted.
            soort = rng.random()
            if soort < 0.3:
                d.status = rng.choice(DOELSTATUSSEN)
            elif soort < 0.5:
                d.streefdatum = None if rng.random() < 0.2 else _dag(rng)
            elif soort < 0.6:
                hoofd = d.plan.doelen.filter(ouder__isnull=True).exclude(pk=d.pk).first()
                d.ouder = None if d.ouder_id else hoofd
            elif soort < 0.75:
                d.plan, d.ouder = _een(rng, Trajectplan.objects.filter(traject__in=trajecten)), None
            elif soort < 0.85:
                Doel.objects.filter(plan=d.plan).update(status=rng.choice(DOELSTATUSSEN))  # in bulk
                continue
            else:
                d.delete()
                continue
            d.omschrijving = "gewijzigd"
            d.save()
        else:
            # The aanmelddatum is corrected, or the traject moves to another participant (merge).
            if rng.random() < 0.7:
                Traject.objects.filter(pk=t.pk).update(aanmelddatum=_dag(rng, 300))
            else:
                Traject.objects.filter(pk=t.pk).update(deelnemer=rng.choice(mensen))
    if controle:
        controle()


def _begin(programma, rng):
    mensen = [deelnemer(programma) for _ in range(3)]
    trajecten = []
    for _ in range(5):
        d = rng.choice(mensen)
        # One open traject per participant: close the open one first.
        Traject.objects.filter(deelnemer=d, einddatum__isnull=True).update(einddatum=D0 + datetime.timedelta(days=500))
        trajecten.append(Traject.objects.create(deelnemer=d, aanmelddatum=_dag(rng), einddatum=D0 + datetime.timedelta(days=450)))
    return mensen, trajecten


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_state_equals_the_histories_after_any_writes(programma, seed):
    rng = random.Random(seed)
    mensen, trajecten = _begin(programma, rng)
    gevuld = set()

    def controle():
        for t in Traject.objects.all():
            stand = _stand(t)
            assert stand == _verwacht(t), f"traject {t.pk}"
            gevuld.update(k for k, v in stand.items() if v)
        assert Traject.objects.filter(is_huidig=True).count() == Traject.objects.values("deelnemer").distinct().count()

    _schrijven(rng, mensen, trajecten, 200, controle)
    assert gevuld == set(STAND_VELDEN)  # every kept column is checked, and each had a value at some point


@contextlib.contextmanager
def _zonder_trigger(model, naam: str):
    """One of the state triggers left out while the block runs (rolled back with the test's transaction)."""
    if connection.vendor == "postgresql":
        from tests.pgtriggers import triggers_genegeerd

        with triggers_genegeerd(f"trajecten.{model.__name__}:{naam}"):
            yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s AND name LIKE %s",
                       [model._meta.db_table, "%stand%"])
        for (trigger,) in cursor.fetchall():
            cursor.execute(f'DROP TRIGGER "{trigger}"')
    yield


@pytest.mark.django_db
@pytest.mark.parametrize("model, naam, velden", [
    (Contactmoment, "stand_contact", ("tweede_no_show_op", "volgend_gepland_op")),
    (Trajectplan, "stand_plan", ("vroegste_streefdatum",)),
    (Doel, "stand_doel", ("vroegste_streefdatum",)),
    (Verwijzing, "stand_verwijzing", ("oudste_open_verwijzing",)),
    (Traject, "stand_traject_verwijzing", ("oudste_open_verwijzing",)),
])
def test_the_random_writes_notice_a_missing_trigger(programma, model, naam, velden):
    """The test above would fail if the triggers a new column needs were not all there."""
    rng = random.Random(7)
    mensen, trajecten = _begin(programma, rng)
    _schrijven(rng, mensen, trajecten, 60)  # with the trigger, so that there is something to go stale
    verschil = set()

    def controle():
        verschil.update(veld for t in Traject.objects.all() for veld in velden if _stand(t)[veld] != _verwacht(t)[veld])

    with _zonder_trigger(model, naam):
        _schrijven(rng, mensen, trajecten, 200, controle)
    assert verschil == set(velden)


@pytest.mark.django_db
def test_deleting_the_current_traject_makes_the_previous_one_current(programma):
    d = deelnemer(programma)
    oud = Traject.objects.create(deelnemer=d, aanmelddatum=D0, einddatum=D0 + datetime.timedelta(days=10))
    nieuw = Traject.objects.create(deelnemer=d, aanmelddatum=D0 + datetime.timedelta(days=20))
    assert [_stand(t)["is_huidig"] for t in (oud, nieuw)] == [False, True]
    nieuw.delete()
    assert _stand(oud)["is_huidig"] is True


@pytest.mark.django_db
def test_saving_an_older_copy_of_the_traject_keeps_its_state(programma):
    t = Traject.objects.create(deelnemer=deelnemer(programma), aanmelddatum=D0)
    FaseOvergang.objects.create(traject=t, fase="orientatie", datum=D0 + datetime.timedelta(days=3))
    Contactmoment.objects.create(traject=t, datum=D0 + datetime.timedelta(days=4), status="gehouden")
    assert t.huidige_fase is None and t.is_huidig is False  # this copy was read before the triggers ran
    t.verwijzer_toelichting = "wijkteam"
    t.save()
    assert _stand(t) == {**_verwacht(t), "huidige_fase": "orientatie", "laatste_contact": D0 + datetime.timedelta(days=4),
                         "is_huidig": True}


@pytest.mark.django_db
def test_sqlite_triggers_run_the_same_statements_as_the_models():
    """SQLite's triggers are written out in the migrations; they must say what the models' functions say."""
    from trajecten import models

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's triggers are the models' own (pgtrigger)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = dict(cursor.fetchall())
    for tabel, sql, kolom, soorten in (
        ("faseovergang", models.stand_fase_sql, "traject_id", ("",)),
        ("contactmoment", models.stand_contact_sql, "traject_id", ("_ins", "_upd", "_del")),
        ("trajectplan", models.stand_plan_sql, "traject_id", ("_ins", "_upd", "_del")),
        ("doel", models.stand_doel_sql, "plan_id", ("_ins", "_upd", "_del")),
        ("traject", models.stand_huidig_sql, "deelnemer_id", ("_ins", "_upd", "_del")),
        ("verwijzing", models.stand_verwijzing_van_traject_sql, "traject_id", ("_ins", "_upd", "_del")),
        ("traject", models.stand_verwijzing_sql, "deelnemer_id", ("v_ins", "v_upd", "v_del")),
    ):
        for soort in soorten:
            trigger = triggers[f"trajecten_{tabel}_stand{soort}"]
            for rij in {"_ins": ["NEW"], "": ["NEW"], "_upd": ["NEW", "OLD"], "_del": ["OLD"]}[soort.lstrip("v")]:
                assert sql(f"{rij}.{kolom}") in trigger, (tabel, soort, rij)
