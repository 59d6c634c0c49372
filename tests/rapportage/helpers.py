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


def programma_verwijderen(programma) -> None:
    """Remove a programme with all its history, to import it again (tests only: on PostgreSQL history is
    append-only, so the triggers are lifted for this one statement)."""
    from clients.models import Deelnemer
    from trajecten.models import OutreachActie, OutreachLocatie, Werkoverleg
    from tests.pgtriggers import triggers_genegeerd
    from uitstap.models import Ketenpartner

    with triggers_genegeerd("trajecten.FaseOvergang:faseovergang_niet_verwijderen",
                            "trajecten.Terugkoppeling:terugkoppeling_niet_verwijderen"):
        Deelnemer.objects.filter(programma=programma).delete()
    Werkoverleg.objects.filter(programma=programma).delete()  # not part of the exchange format
    OutreachActie.objects.filter(programma=programma).delete()
    OutreachLocatie.objects.filter(programma=programma).delete()
    Ketenpartner.objects.filter(programma=programma).delete()
    from rapportage.models import Beschikking, Jaarverslag

    # The grant and its verslagen are not part of the exchange format (a sent verslag is protected on purpose).
    Jaarverslag.objects.filter(beschikking__programma=programma).delete()
    Beschikking.objects.filter(programma=programma).delete()
    programma.delete()
