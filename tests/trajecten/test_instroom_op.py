"""Traject.instroom_op is kept by the database: always the earliest transition to an instroom phase."""

import datetime
import random

import pytest
from django.db.models import Min

from tests.rapportage.helpers import deelnemer
from trajecten.models import INSTROOM_FASEN, FaseOvergang, Traject

D0 = datetime.date(2024, 1, 1)


def _uit_de_historie(traject: Traject):
    return traject.fase_overgangen.filter(fase__in=INSTROOM_FASEN).aggregate(m=Min("datum"))["m"]


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_instroom_op_equals_the_history_after_any_inserts(programma, seed):
    rng = random.Random(seed)
    trajecten = [Traject.objects.create(deelnemer=deelnemer(programma), aanmelddatum=D0) for _ in range(6)]
    for _ in range(40):
        t = rng.choice(trajecten)
        overgang = FaseOvergang(traject=t, fase=rng.choice(["contact", "orientatie", "uitvoering", "nazorg"]),
                                datum=D0 + datetime.timedelta(days=rng.randint(0, 400)))
        if rng.random() < 0.5:
            overgang.save()
        else:
            FaseOvergang.objects.bulk_create([overgang])  # the import and the bulk seed write like this
    for t in Traject.objects.all():
        assert t.instroom_op == _uit_de_historie(t)
    assert any(t.instroom_op for t in Traject.objects.all())


@pytest.mark.django_db
def test_saving_an_older_copy_of_the_traject_keeps_instroom_op(programma):
    t = Traject.objects.create(deelnemer=deelnemer(programma), aanmelddatum=D0)
    FaseOvergang.objects.create(traject=t, fase="contact", datum=D0)
    FaseOvergang.objects.create(traject=t, fase="orientatie", datum=D0 + datetime.timedelta(days=9))
    assert t.instroom_op is None  # this copy was read before the transition
    t.einddatum = D0 + datetime.timedelta(days=30)
    t.save()
    t.refresh_from_db()
    assert (t.einddatum, t.instroom_op) == (D0 + datetime.timedelta(days=30), D0 + datetime.timedelta(days=9))
