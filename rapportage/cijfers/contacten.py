"""Contact figures: held contacts, their hours, no-shows."""

from fractions import Fraction

from django.db.models import Sum

from rapportage.cijfers.basis import afronden, getal
from trajecten.models import Contactmoment
from uitstap.codes import ContactStatus


def _contacten(programma, status, van, tot):
    return Contactmoment.objects.filter(
        traject__deelnemer__programma=programma, status=status, datum__gte=van, datum__lte=tot, foutief_op__isnull=True
    )


def contactmomenten_gehouden(programma, van, tot) -> int:
    return _contacten(programma, ContactStatus.GEHOUDEN, van, tot).count()


def contacturen(programma, van, tot):
    minuten = _contacten(programma, ContactStatus.GEHOUDEN, van, tot).aggregate(m=Sum("duur_minuten"))["m"] or 0
    return getal(afronden(Fraction(minuten, 60), 1))


def niet_verschenen(programma, van, tot) -> int:
    return _contacten(programma, ContactStatus.NIET_VERSCHENEN, van, tot).count()
