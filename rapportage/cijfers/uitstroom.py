"""Figures on how trajecten end and on relapse (uitgestapt .. terugval_binnen_12m); the period's outcomes come from
the one pass over the programme's trajecten (rapportage.cijfers.doorgang), an Uitstroom being one per traject."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q

from rapportage.cijfers.basis import PlusDagen, groep
from rapportage.cijfers.doorgang import UITSTROOM_CODES, trajecten_doorgang
from trajecten.models import Terugval, Uitstroom
from uitstap.codes import Branche, Stopreden, UitstroomResultaat, UitstroomSoort

JAAR_DAGEN = 365


def _uitstroom(programma, soort):
    return Uitstroom.objects.filter(traject__deelnemer__programma=programma, soort=soort)



def _som(programma, van, tot, codes, sleutel: str, **voorwaarden) -> dict:
    """{code: n} over the Uitstroom records dated in P that meet `voorwaarden`, by their `sleutel` (every code present)."""
    uit = dict.fromkeys(codes, 0)
    per_uitstroom = trajecten_doorgang(programma, van, tot).per(*(f"uitstroom_{veld}" for veld in UITSTROOM_CODES))
    for (soort, resultaat, branche, reden), n in per_uitstroom.items():
        rij = {"soort": soort, "resultaat": resultaat, "branche": branche, "reden": reden}
        if all(rij[k] == v for k, v in voorwaarden.items()) and rij[sleutel] in uit:
            uit[rij[sleutel]] += n
    return uit


def uitgestapt(programma, van, tot) -> int:
    return trajecten_doorgang(programma, van, tot).totaal("uitgestapt")


def uitgestapt_per_resultaat(programma, van, tot) -> dict:
    return _som(programma, van, tot, UitstroomResultaat.values, "resultaat", soort=UitstroomSoort.UITGESTAPT)


def uitgestapt_per_branche(programma, van, tot) -> dict:
    return _som(programma, van, tot, Branche.values, "branche", soort=UitstroomSoort.UITGESTAPT,
                resultaat=UitstroomResultaat.BETAALD_WERK)


def tussentijds_gestopt(programma, van, tot) -> int:
    return trajecten_doorgang(programma, van, tot).totaal("tussentijds_gestopt")


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
