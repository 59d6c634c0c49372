"""Writes of core data: programmes and their yearly figures."""

from django.core.exceptions import ValidationError
from django.db import transaction

from uitstap.audit import Actie, audit_log
from uitstap.models import Gebruiker, Programma, ProgrammaJaar


@transaction.atomic
def programma_bijwerken(*, programma: Programma, data: dict, door: Gebruiker) -> Programma:
    gemeenten = data.pop("gemeenten", None)
    for field, value in data.items():
        setattr(programma, field, value)
    programma.versie += 1
    programma.full_clean()
    programma.save()
    if gemeenten is not None:
        programma.gemeenten.set(gemeenten)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=programma)
    return programma


@transaction.atomic
def programmajaar_opslaan(*, programma: Programma, jaar: int, data: dict, door: Gebruiker) -> ProgrammaJaar:
    if programma.startdatum and jaar < programma.startdatum.year:
        raise ValidationError({"jaar": "Dit jaar ligt voor de start van het programma."})
    record, created = ProgrammaJaar.objects.get_or_create(programma=programma, jaar=jaar)
    for field, value in data.items():
        setattr(record, field, value)
    record.full_clean()
    record.save()
    audit_log(actie=Actie.CREATE if created else Actie.UPDATE, gebruiker=door, obj=record)
    return record
