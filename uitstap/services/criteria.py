"""Writes of a programme's admission criteria and contra-indications (the coordinator maintains the list)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from uitstap.audit import Actie, audit_log
from uitstap.models import Gebruiker, Programma, Toelatingscriterium

VELDEN = ("soort", "omschrijving", "neemt_zelf_actie", "volgorde")


@transaction.atomic
def toelatingscriterium_aanmaken(*, programma: Programma, data: dict, door: Gebruiker) -> Toelatingscriterium:
    omschrijving = (data.get("omschrijving") or "").strip()
    if Toelatingscriterium.objects.filter(programma=programma, omschrijving__iexact=omschrijving).exists():
        raise ValidationError({"omschrijving": "Dit criterium staat al in de lijst."})
    criterium = Toelatingscriterium(programma=programma, **{k: data[k] for k in VELDEN if k in data})
    criterium.omschrijving = omschrijving
    criterium.full_clean()
    criterium.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=criterium)
    return criterium


@transaction.atomic
def toelatingscriterium_actief_wijzigen(*, criterium: Toelatingscriterium, actief: bool, door: Gebruiker) -> Toelatingscriterium:
    """Switch a criterion off (kept for the intakes that answered it) or on again."""
    criterium.actief = actief
    criterium.full_clean()
    criterium.save(update_fields=["actief"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=criterium)
    return criterium
