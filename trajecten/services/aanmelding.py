"""Writes of a registration: the participant, her first traject, and the coach's answer to a duplicate warning."""

from django.db import transaction

from clients.models import Deelnemer
from clients.selectors import Duplicaten, grondslag
from trajecten.services.traject import aanmelding_registreren
from uitstap.audit import Actie, audit_log
from uitstap.models import Gebruiker, Programma

TRAJECT_VELDEN = ("aanmelddatum", "verwijzer", "verwijzer_ketenpartner", "verwijzer_toelichting", "outreach_actie")


@transaction.atomic
def aanmelding_vastleggen(
    *, programma: Programma, data: dict, door: Gebruiker, duplicaten: Duplicaten | None = None,
) -> Deelnemer:
    """Register a participant and start her first traject.

    When the duplicate check found possible matches, the coach has said "een ander persoon": that choice is
    audited (with only the clientcodes she may see; never a merge). The event holds codes, no content.
    """
    data = dict(data)
    traject_velden = {k: data.pop(k) for k in TRAJECT_VELDEN if k in data}
    deelnemer = aanmelding_registreren(programma=programma, door=door, deelnemer_velden=data, **traject_velden)
    if duplicaten:
        audit_log(
            actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode,
            clientcodes=[d.clientcode for d in duplicaten.zichtbaar], object_type="duplicaat_ander_persoon",
            object_id=str(deelnemer.pk), grondslag=grondslag(door, deelnemer),
        )
    return deelnemer
