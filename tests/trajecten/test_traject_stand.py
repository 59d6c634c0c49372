"""The traject's state columns (trajecten.models.STAND_VELDEN) are kept by the database: after any sequence of
writes, through the ORM or in bulk as the import does, they equal what the histories say."""

import datetime
import random

import pytest
from django.db.models import Max

from tests.rapportage.helpers import deelnemer
from trajecten.models import Contactmoment, FaseOvergang, Traject, Trajectplan

D0 = datetime.date(2024, 1, 1)


def _dag(rng, tot=400):
    return D0 + datetime.timedelta(days=rng.randint(0, tot))


def _verwacht(t: Traject) -> dict:
    laatste = t.fase_overgangen.order_by("-datum", "-id").first()
    plannen = list(t.plannen.order_by("volgnummer"))
    getekend = [max(p.ondertekend_deelnemer_op, p.ondertekend_begeleider_op) for p in plannen
                if p.ondertekend_deelnemer_op and p.ondertekend_begeleider_op]
    nieuwste = Traject.objects.filter(deelnemer_id=t.deelnemer_id).order_by("-aanmelddatum", "-id").first()
    return {
        "huidige_fase": laatste.fase if laatste else None,
        "fase_sinds": laatste.datum if laatste else None,
        "laatste_contact": t.contactmomenten.filter(status="gehouden", foutief_op__isnull=True).aggregate(m=Max("datum"))["m"],
        "is_huidig": nieuwste.pk == t.pk,
        "eerste_plan_op": plannen[0].opgesteld_op if plannen else None,
        "eerste_ondertekening_op": min(getekend) if getekend else None,
    }


def _stand(t: Traject) -> dict:
    t.refresh_from_db()
    return {k: getattr(t, k) for k in _verwacht(t)}


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_state_equals_the_histories_after_any_writes(programma, seed):
    rng = random.Random(seed)
    mensen = [deelnemer(programma) for _ in range(3)]
    trajecten = []
    for _ in range(5):
        d = rng.choice(mensen)
        # One open traject per participant: close the open one first.
        Traject.objects.filter(deelnemer=d, einddatum__isnull=True).update(einddatum=D0 + datetime.timedelta(days=500))
        trajecten.append(Traject.objects.create(deelnemer=d, aanmelddatum=_dag(rng), einddatum=D0 + datetime.timedelta(days=450)))
    for stap in range(120):
        t = rng.choice(trajecten)
        keuze = rng.random()
        if keuze < 0.25:
            overgang = FaseOvergang(traject=t, fase=rng.choice(["contact", "orientatie", "uitvoering", "nazorg"]), datum=_dag(rng))
            overgang.save() if rng.random() < 0.5 else FaseOvergang.objects.bulk_create([overgang])
        elif keuze < 0.55:
            c = Contactmoment(traject=t, datum=_dag(rng), status=rng.choice(["gehouden", "gepland", "niet_verschenen"]))
            c.save() if rng.random() < 0.5 else Contactmoment.objects.bulk_create([c])
        elif keuze < 0.7 and (c := Contactmoment.objects.filter(traject__in=trajecten).order_by("?").first()):
            # A contact is corrected: its status or date changes, it is marked wrong, or it moves (merge).
            soort = rng.random()
            if soort < 0.3:
                c.status = rng.choice(["gehouden", "gepland", "afgezegd"])
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
        elif keuze < 0.85:
            volgnummer = (t.plannen.aggregate(m=Max("volgnummer"))["m"] or 0) + 1
            tekenen = rng.random() < 0.6
            Trajectplan.objects.create(
                traject=t, volgnummer=volgnummer, opgesteld_op=_dag(rng),
                ondertekend_deelnemer_op=_dag(rng) if tekenen else None,
                ondertekend_begeleider_op=_dag(rng) if tekenen else None,
            )
        elif keuze < 0.92 and (p := Trajectplan.objects.filter(traject__in=trajecten).order_by("?").first()):
            p.ondertekend_deelnemer_op, p.ondertekend_begeleider_op = _dag(rng), _dag(rng)
            p.save()
        else:
            # The aanmelddatum is corrected, or the traject moves to another participant (merge).
            if rng.random() < 0.7:
                Traject.objects.filter(pk=t.pk).update(aanmelddatum=_dag(rng, 300))
            else:
                Traject.objects.filter(pk=t.pk).update(deelnemer=rng.choice(mensen))
    for t in Traject.objects.all():
        assert _stand(t) == _verwacht(t), f"traject {t.pk}"
    assert Traject.objects.filter(is_huidig=True).count() == Traject.objects.values("deelnemer").distinct().count()
    assert Traject.objects.exclude(huidige_fase=None).exists() and Traject.objects.exclude(laatste_contact=None).exists()


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
