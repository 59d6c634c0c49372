"""Contact figures: held contacts, their hours, no-shows (one pass over the period's contacts)."""

from fractions import Fraction

from django.db.models import Count, Q, Sum

from rapportage.cijfers.basis import afronden, getal, groep
from trajecten.models import Contactmoment
from uitstap.codes import ContactStatus


@groep
def _contacten(programma, van, tot) -> dict:
    gehouden, niet = Q(status=ContactStatus.GEHOUDEN), Q(status=ContactStatus.NIET_VERSCHENEN)
    return Contactmoment.objects.filter(
        traject__deelnemer__programma=programma, status__in=[ContactStatus.GEHOUDEN, ContactStatus.NIET_VERSCHENEN],
        datum__gte=van, datum__lte=tot, foutief_op__isnull=True,
    ).aggregate(gehouden=Count("pk", filter=gehouden), minuten=Sum("duur_minuten", filter=gehouden),
                niet_verschenen=Count("pk", filter=niet))


def contactmomenten_gehouden(programma, van, tot) -> int:
    return _contacten(programma, van, tot)["gehouden"]


def contacturen(programma, van, tot):
    minuten = _contacten(programma, van, tot)["minuten"] or 0
    return getal(afronden(Fraction(minuten, 60), 1))


def niet_verschenen(programma, van, tot) -> int:
    return _contacten(programma, van, tot)["niet_verschenen"]
