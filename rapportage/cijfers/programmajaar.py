"""The programme's own figures for the year of P (plan and budget) and the cost per active participant."""

from fractions import Fraction

from rapportage.cijfers.basis import afronden, getal, groep
from rapportage.cijfers.instroom import actief_in_periode
from uitstap.models import ProgrammaJaar


@groep
def _jaar(programma, van, jaar):
    return ProgrammaJaar.objects.filter(programma=programma, jaar=jaar or van.year).first()


def _veld(programma, van, jaar, veld):
    pj = _jaar(programma, van, jaar)
    return getal(getattr(pj, veld)) if pj is not None else None


def verwacht_deelnemers(programma, van, tot, jaar=None):
    return _veld(programma, van, jaar, "verwacht_deelnemers")


def intakes_begroot(programma, van, tot, jaar=None):
    return _veld(programma, van, jaar, "intakes_begroot")


def begroting(programma, van, tot, jaar=None):
    return _veld(programma, van, jaar, "begroting")


def uitgaven(programma, van, tot, jaar=None):
    return _veld(programma, van, jaar, "uitgaven")


def kosten_per_actieve_deelnemer(programma, van, tot, jaar=None, actief=None):
    pj = _jaar(programma, van, jaar)
    if pj is None or not pj.uitgaven:
        return None
    actief = actief_in_periode(programma, van, tot) if actief is None else actief
    if not actief:
        return None
    return getal(afronden(Fraction(pj.uitgaven) / actief, 0))
