"""Figures on how trajecten end and on relapse (uitgestapt .. terugval_binnen_12m)."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q

from rapportage.cijfers.basis import PlusDagen, groep
from trajecten.models import Terugval, Uitstroom
from uitstap.codes import Branche, Stopreden, UitstroomResultaat, UitstroomSoort

JAAR_DAGEN = 365


def _uitstroom(programma, soort):
    return Uitstroom.objects.filter(traject__deelnemer__programma=programma, soort=soort)


@groep
def _uitstroom_in_periode(programma, van, tot) -> list[dict]:
    """The period's outcomes counted per (soort, resultaat, branche, reden): one pass for five figures."""
    return list(
        Uitstroom.objects.filter(traject__deelnemer__programma=programma, datum__gte=van, datum__lte=tot)
        .values("soort", "resultaat", "branche", "reden").annotate(n=Count("pk")).order_by()
    )


def _som(programma, van, tot, codes, sleutel: str, **voorwaarden) -> dict:
    uit = dict.fromkeys(codes, 0)
    for rij in _uitstroom_in_periode(programma, van, tot):
        if all(rij[k] == v for k, v in voorwaarden.items()) and rij[sleutel] in uit:
            uit[rij[sleutel]] += rij["n"]
    return uit


def uitgestapt(programma, van, tot) -> int:
    return sum(r["n"] for r in _uitstroom_in_periode(programma, van, tot) if r["soort"] == UitstroomSoort.UITGESTAPT)


def uitgestapt_per_resultaat(programma, van, tot) -> dict:
    return _som(programma, van, tot, UitstroomResultaat.values, "resultaat", soort=UitstroomSoort.UITGESTAPT)


def uitgestapt_per_branche(programma, van, tot) -> dict:
    return _som(programma, van, tot, Branche.values, "branche", soort=UitstroomSoort.UITGESTAPT,
                resultaat=UitstroomResultaat.BETAALD_WERK)


def tussentijds_gestopt(programma, van, tot) -> int:
    return sum(r["n"] for r in _uitstroom_in_periode(programma, van, tot) if r["soort"] == UitstroomSoort.GESTOPT)


def gestopt_per_reden(programma, van, tot) -> dict:
    return _som(programma, van, tot, Stopreden.values, "reden", soort=UitstroomSoort.GESTOPT)


def terugval(programma, van, tot) -> int:
    return Terugval.objects.filter(traject__deelnemer__programma=programma, datum__gte=van, datum__lte=tot).count()


def cohort_12m(programma, van, tot):
    """Exits as uitgestapt whose date + 365 days falls in P, each marked `heeft_terugval` by a relapse within
    those 365 days (the cohort of duurzaam_uitgestapt_12m and terugval_binnen_12m; nacontrole_12m reads it too).

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


@groep
def _cohort_12m(programma, van, tot) -> dict:
    """The cohort split in one pass: with and without a relapse."""
    return cohort_12m(programma, van, tot).aggregate(
        met=Count("pk", filter=Q(heeft_terugval=True)), zonder=Count("pk", filter=Q(heeft_terugval=False)),
    )


def duurzaam_uitgestapt_12m(programma, van, tot) -> int:
    return _cohort_12m(programma, van, tot)["zonder"]


def terugval_binnen_12m(programma, van, tot) -> int:
    return _cohort_12m(programma, van, tot)["met"]
