"""Reads of the outreach register: a programme's actions and named locations (anonymous data)."""

import datetime

from django.db.models import QuerySet

from trajecten.models import OutreachActie, OutreachLocatie

KOPPEL_DAGEN = 180  # an aanmelding links to an action of the last half year


def outreach_acties(programma, *, van: datetime.date | None = None, tot: datetime.date | None = None) -> QuerySet:
    qs = OutreachActie.objects.filter(programma=programma).select_related("locatie", "door")
    if van:
        qs = qs.filter(datum__gte=van)
    if tot:
        qs = qs.filter(datum__lte=tot)
    return qs.order_by("-datum", "-id")


def outreach_locaties(programma, *, alleen_actief: bool = True) -> QuerySet:
    qs = OutreachLocatie.objects.filter(programma=programma)
    return qs.filter(actief=True) if alleen_actief else qs


def outreach_acties_voor_koppeling(programma, vandaag: datetime.date | None = None) -> QuerySet:
    """The actions an aanmelding via eigen outreach may point to."""
    vandaag = vandaag or datetime.date.today()
    return outreach_acties(programma, van=vandaag - datetime.timedelta(days=KOPPEL_DAGEN), tot=vandaag)
