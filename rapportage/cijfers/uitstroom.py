"""Figures on how trajecten end and on relapse (uitgestapt .. terugval_binnen_12m); the period's outcomes come from
the one pass over the programme's trajecten (rapportage.cijfers.doorgang), an Uitstroom being one per traject."""

import datetime

from django.db.models import Count, Exists, OuterRef, Subquery

from rapportage.cijfers.basis import PlusDagen, groep
from rapportage.cijfers.doorgang import UITSTROOM_CODES, trajecten_doorgang
from trajecten.models import Nacontrole, Terugval, Uitstroom
from uitstap.codes import Branche, NacontroleTermijn, Stopreden, UitstroomResultaat, UitstroomSoort

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
def cohort_12m_per_uitkomst(programma, van, tot) -> list[dict]:
    """The cohort counted per (heeft_terugval, laatste_uitkomst) in one pass, for duurzaam_uitgestapt_12m,
    terugval_binnen_12m and nacontrole_12m: `laatste_uitkomst` is what the traject's latest 12-month Nacontrole dated
    on or before the end of P found (of several on that date, the one recorded last), or None."""
    laatste_check = Subquery(
        Nacontrole.objects.filter(
            traject=OuterRef("traject"), termijn=NacontroleTermijn.TWAALF_MAANDEN, datum__lte=tot
        ).order_by("-datum", "-aangemaakt_op", "-id").values("uitkomst")[:1]
    )
    return list(
        cohort_12m(programma, van, tot).annotate(laatste_uitkomst=laatste_check)
        .values("heeft_terugval", "laatste_uitkomst").annotate(n=Count("pk")).order_by()
    )


def duurzaam_uitgestapt_12m(programma, van, tot) -> int:
    return sum(r["n"] for r in cohort_12m_per_uitkomst(programma, van, tot) if not r["heeft_terugval"])


def terugval_binnen_12m(programma, van, tot) -> int:
    return sum(r["n"] for r in cohort_12m_per_uitkomst(programma, van, tot) if r["heeft_terugval"])
