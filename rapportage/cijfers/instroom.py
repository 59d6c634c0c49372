"""Figures on registration, intake and who is in a traject (aanmeldingen .. per_fase_op_einddatum), read from the
one pass over the programme's trajecten (rapportage.cijfers.doorgang)."""

from rapportage.cijfers.doorgang import trajecten_doorgang
from uitstap.codes import Fase


def _totaal(programma, van, tot, naam: str) -> int:
    return trajecten_doorgang(programma, van, tot).totaal(naam)


def aanmeldingen(programma, van, tot) -> int:
    return _totaal(programma, van, tot, "aanmeldingen")


def intakes_gehouden(programma, van, tot) -> int:
    """Intakes dated in P (an intake belongs to one traject, so the pass counts each once)."""
    return _totaal(programma, van, tot, "intakes_gehouden")


def ingestroomd(programma, van, tot) -> int:
    return _totaal(programma, van, tot, "ingestroomd")


def herinstroom(programma, van, tot) -> int:
    """Ingestroomd trajecten whose participant had an earlier traject that itself ingestroomd."""
    return _totaal(programma, van, tot, "herinstroom")


def actief_in_periode(programma, van, tot) -> int:
    """Trajecten ingestroomd by the end of P and not closed before its start (basis.actief_qs)."""
    return _totaal(programma, van, tot, "actief_in_periode")


def in_traject_op_einddatum(programma, van, tot) -> int:
    return _totaal(programma, van, tot, "in_traject_op_einddatum")


def per_fase_op_einddatum(programma, van, tot) -> dict:
    """The trajecten open on the end of P by their phase that day (doorgang.fase_van_traject_op)."""
    per_fase = trajecten_doorgang(programma, van, tot).per("fase_op_einddatum")
    return {fase: per_fase[fase] for fase in Fase.values}
