"""Writes of a participant's situation over time and of the follow-up checks after an exit.

A Leefsituatie row holds only what changed; a Nacontrole may only follow an exit (uitgestapt).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from trajecten.models import Leefsituatie, Nacontrole, Traject, Uitstroom
from trajecten.selectors.leefsituatie import situatie_op
from trajecten.services import regels
from uitstap.audit import Actie
from uitstap.codes import NacontroleTermijn, NacontroleUitkomst, UitstroomSoort
from uitstap.models import Gebruiker


@transaction.atomic
def leefsituatie_vastleggen(
    *, traject: Traject, datum: datetime.date, data: dict, door: Gebruiker, notitie: str = ""
) -> Leefsituatie:
    """Append what changed in the situation on `datum`; a field equal to the situation on that day is left out."""
    if datum is None:
        raise ValidationError({"datum": gettext("Vul de datum in.")})
    regels.niet_in_toekomst(datum)
    regels.niet_voor_aanmelding(traject, datum)
    huidig = situatie_op(traject.deelnemer_id, datum)
    rij = Leefsituatie(traject=traject, datum=datum, notitie=(notitie or "").strip(), door=door)
    gewijzigd = False
    for veld in Leefsituatie.VELDEN:
        waarde = data.get(veld)
        if waarde in ("", None) or waarde == huidig[veld]:
            continue
        setattr(rij, veld, waarde)
        gewijzigd = True
    if not gewijzigd:
        raise ValidationError(gettext("Er is niets gewijzigd ten opzichte van de situatie op deze datum."))
    rij.full_clean()
    rij.save()
    regels.log_event(Actie.CREATE, door, traject, rij)
    return rij


def uitstap_van(traject: Traject) -> Uitstroom | None:
    return Uitstroom.objects.filter(traject=traject, soort=UitstroomSoort.UITGESTAPT).first()


@transaction.atomic
def nacontrole_vastleggen(
    *, traject: Traject, datum: datetime.date, termijn: str, uitkomst: str, door: Gebruiker, notitie: str = ""
) -> Nacontrole:
    """Record a follow-up check. Only after an exit; a participant who could not be reached is `onbekend`."""
    uitstroom = uitstap_van(traject)
    if uitstroom is None:
        raise ValidationError(gettext("Een nacontrole kan alleen na een uitstroom als uitgestapt."))
    if datum is None:
        raise ValidationError({"datum": gettext("Vul de datum van de nacontrole in.")})
    if datum < uitstroom.datum:
        raise ValidationError({"datum": gettext("De nacontrole ligt vóór de uitstroom (%(waarde0)s).") % {"waarde0": regels.datum_nl(uitstroom.datum)}})
    regels.niet_in_toekomst(datum)
    if termijn not in NacontroleTermijn.values:
        raise ValidationError({"termijn": gettext("Kies de termijn: 6 of 12 maanden.")})
    if uitkomst not in NacontroleUitkomst.values:
        raise ValidationError({"uitkomst": gettext("Kies wat de nacontrole opleverde.")})
    nacontrole = Nacontrole(traject=traject, datum=datum, termijn=termijn, uitkomst=uitkomst,
                            notitie=(notitie or "").strip(), aangemaakt_door=door)
    nacontrole.full_clean()
    nacontrole.save()
    regels.log_event(Actie.CREATE, door, traject, nacontrole)
    return nacontrole
