"""Figures on how trajecten end and on relapse (uitgestapt .. terugval_binnen_12m)."""

import datetime

from django.db.models import Count, Exists, OuterRef

from rapportage.cijfers.basis import PlusDagen, telling
from trajecten.models import Terugval, Uitstroom
from uitstap.codes import Branche, Stopreden, UitstroomResultaat, UitstroomSoort

JAAR_DAGEN = 365


def _uitstroom(programma, soort):
    return Uitstroom.objects.filter(traject__deelnemer__programma=programma, soort=soort)


def _in_periode(programma, soort, van, tot):
    return _uitstroom(programma, soort).filter(datum__gte=van, datum__lte=tot)


def uitgestapt(programma, van, tot) -> int:
    return _in_periode(programma, UitstroomSoort.UITGESTAPT, van, tot).count()


def uitgestapt_per_resultaat(programma, van, tot) -> dict:
    rijen = _in_periode(programma, UitstroomSoort.UITGESTAPT, van, tot).values("resultaat").annotate(n=Count("pk")).order_by()
    return telling(UitstroomResultaat.values, rijen, sleutel="resultaat")


def uitgestapt_per_branche(programma, van, tot) -> dict:
    rijen = (
        _in_periode(programma, UitstroomSoort.UITGESTAPT, van, tot)
        .filter(resultaat=UitstroomResultaat.BETAALD_WERK)
        .values("branche").annotate(n=Count("pk")).order_by()
    )
    return telling(Branche.values, rijen, sleutel="branche")


def tussentijds_gestopt(programma, van, tot) -> int:
    return _in_periode(programma, UitstroomSoort.GESTOPT, van, tot).count()


def gestopt_per_reden(programma, van, tot) -> dict:
    rijen = _in_periode(programma, UitstroomSoort.GESTOPT, van, tot).values("reden").annotate(n=Count("pk")).order_by()
    return telling(Stopreden.values, rijen, sleutel="reden")


def terugval(programma, van, tot) -> int:
    return Terugval.objects.filter(traject__deelnemer__programma=programma, datum__gte=van, datum__lte=tot).count()


def _cohort_12m(programma, van, tot):
    """Exits as uitgestapt whose date + 365 days falls in P, marked by a relapse within those 365 days.

    The window is the exit day up to and including day 365 after it: a relapse on day 365 counts,
    one on day 366 does not (a relapse recorded on the exit day itself counts too).
    """
    dag = datetime.timedelta(days=JAAR_DAGEN)
    binnen_jaar = Terugval.objects.filter(
        traject__deelnemer=OuterRef("traject__deelnemer"),
        datum__gte=OuterRef("datum"),
        datum__lte=PlusDagen(OuterRef("datum"), JAAR_DAGEN),
    )
    return (
        _uitstroom(programma, UitstroomSoort.UITGESTAPT)
        .filter(datum__gte=van - dag, datum__lte=tot - dag)
        .annotate(heeft_terugval=Exists(binnen_jaar))
    )


def duurzaam_uitgestapt_12m(programma, van, tot) -> int:
    return _cohort_12m(programma, van, tot).filter(heeft_terugval=False).count()


def terugval_binnen_12m(programma, van, tot) -> int:
    return _cohort_12m(programma, van, tot).filter(heeft_terugval=True).count()


