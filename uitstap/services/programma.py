"""Writes of a programme and its yearly figures."""

from django.core.exceptions import ValidationError
from django.db import transaction

from uitstap.audit import Actie, audit_log
from uitstap.locking import save_checked
from uitstap.models import Gebruiker, Programma, ProgrammaJaar


@transaction.atomic
def programma_wijzigen(*, programma: Programma, data: dict, door: Gebruiker, gelezen_versie: int) -> Programma:
    data = dict(data)
    gemeenten = data.pop("gemeenten", None)
    for field, value in data.items():
        setattr(programma, field, value)
    programma.full_clean()
    save_checked(programma, gelezen_versie=gelezen_versie, fields=list(data))
    if gemeenten is not None:
        programma.gemeenten.set(gemeenten)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=programma)
    return programma


@transaction.atomic
def programmajaar_wijzigen(
    *, programma: Programma, jaar: int, data: dict, door: Gebruiker, gelezen_versie: int | None = None,
) -> ProgrammaJaar:
    """Enter or correct the figures of one year (a correction with the version the user saw)."""
    if programma.startdatum and jaar < programma.startdatum.year:
        raise ValidationError({"jaar": "Dit jaar ligt voor de start van het programma."})
    record = ProgrammaJaar.objects.filter(programma=programma, jaar=jaar).first()
    created = record is None
    if created:
        record = ProgrammaJaar(programma=programma, jaar=jaar)
    for field, value in data.items():
        setattr(record, field, value)
    record.full_clean()
    if created:
        record.save()
    else:
        save_checked(record, gelezen_versie=gelezen_versie, fields=list(data))
    audit_log(actie=Actie.CREATE if created else Actie.UPDATE, gebruiker=door, obj=record)
    return record
