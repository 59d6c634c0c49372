"""Small builders for hand-computed figure cases: plain ORM writes with explicit dates and recording order."""

import datetime

from tests.factories import DeelnemerFactory
from trajecten.models import FaseOvergang, Traject

VAN, TOT = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)


def d(tekst: str) -> datetime.date:
    return datetime.date.fromisoformat(tekst)


def deelnemer(programma, **kwargs):
    return DeelnemerFactory(programma=programma, **kwargs)


def traject(dn, aanmeld: str, *fasen: tuple[str, str], eind: str | None = None) -> Traject:
    """A traject with its transitions recorded in the order given (the first is the initial contact)."""
    t = Traject.objects.create(deelnemer=dn, aanmelddatum=d(aanmeld), einddatum=d(eind) if eind else None)
    FaseOvergang.objects.create(traject=t, fase="contact", datum=d(aanmeld))
    for fase, datum in fasen:
        FaseOvergang.objects.create(traject=t, fase=fase, datum=d(datum))
    return t
