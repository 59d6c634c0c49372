"""Writes of the outreach register: named locations and outreach actions (anonymous counts, no personal data)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from trajecten.models import OutreachActie, OutreachLocatie
from trajecten.services import regels
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.locking import save_checked
from uitstap.models import Gebruiker, Programma

OUTREACH_VELDEN = [
    "datum", "locatiesoort", "locatie", "medewerkers", "voorlichters", "tolken", "bereikt", "gesprekken",
    "materialen", "talen",
]


@transaction.atomic
def outreach_locatie_aanmaken(*, programma: Programma, naam: str, soort: str, door: Gebruiker) -> OutreachLocatie:
    """Add a named place to the programme's outreach list (the coordinator keeps the list)."""
    if door.rol != Rol.COORDINATOR:
        raise ValidationError(gettext("Alleen de coördinator beheert de lijst met outreachlocaties."))
    locatie = OutreachLocatie(programma=programma, naam=naam.strip(), soort=soort)
    locatie.full_clean()
    locatie.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=locatie)
    return locatie


def _check_actie(actie: OutreachActie) -> None:
    regels.niet_in_toekomst(actie.datum, "datum")
    if actie.locatie_id is not None:
        if actie.locatie.programma_id != actie.programma_id:
            raise ValidationError({"locatie": gettext("Deze locatie hoort niet bij dit programma.")})
        if actie.locatie.soort != actie.locatiesoort:
            raise ValidationError({"locatie": gettext("Deze locatie is van de soort %(waarde0)s.") % {"waarde0": actie.locatie.get_soort_display()}})
    actie.talen = ", ".join(t.strip() for t in (actie.talen or "").split(",") if t.strip())


@transaction.atomic
def outreach_actie_vastleggen(*, programma: Programma, data: dict, door: Gebruiker) -> OutreachActie:
    actie = OutreachActie(programma=programma, door=door, **{f: data[f] for f in OUTREACH_VELDEN if f in data})
    _check_actie(actie)
    actie.full_clean()
    actie.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=actie)
    return actie


@transaction.atomic
def outreach_actie_wijzigen(*, actie: OutreachActie, data: dict, gelezen_versie: int | None,
                            door: Gebruiker) -> OutreachActie:
    velden = [f for f in OUTREACH_VELDEN if f in data]
    for f in velden:
        setattr(actie, f, data[f])
    _check_actie(actie)
    actie.full_clean()
    save_checked(actie, gelezen_versie=gelezen_versie, fields=velden)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=actie)
    return actie
