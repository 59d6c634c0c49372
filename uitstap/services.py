"""Writes of core data: programmes and their yearly figures, the sociale kaart."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from uitstap.audit import Actie, audit_log
from uitstap.locking import save_checked
from uitstap.models import Contactpersoon, Gebruiker, Gemeente, Ketenpartner, Programma, ProgrammaJaar


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


# --- the sociale kaart ----------------------------------------------------------------------------

KETENPARTNER_VELDEN = ["naam", "soort", "adres", "telefoon", "email", "notities"]
CONTACTPERSOON_VELDEN = ["naam", "functie", "telefoon", "email"]


def _naam_vrij(*, programma: Programma, naam: str, behalve: int | None = None) -> None:
    """Names are unique per programme regardless of case, with a message that says what to do."""
    if not naam:
        raise ValidationError({"naam": "Vul de naam van de organisatie in."})
    dubbel = Ketenpartner.objects.filter(programma=programma, naam__iexact=naam).exclude(pk=behalve)
    if dubbel.exists():
        raise ValidationError({"naam": "Er staat al een ketenpartner met deze naam op de sociale kaart "
                                       "(mogelijk als voorstel of inactief)."})


def _gemeenten_van_programma(programma: Programma, gemeenten) -> list[Gemeente]:
    gemeenten = list(gemeenten or [])
    toegestaan = set(programma.gemeenten.values_list("pk", flat=True))
    if any(g.pk not in toegestaan for g in gemeenten):
        raise ValidationError({"gemeenten": "Kies alleen gemeenten uit de regio van het programma."})
    return gemeenten


def _nieuwe_ketenpartner(*, programma: Programma, data: dict, voorgesteld: bool, door: Gebruiker) -> Ketenpartner:
    data = dict(data)
    gemeenten = _gemeenten_van_programma(programma, data.pop("gemeenten", None))
    velden = {k: (data.get(k) or "").strip() for k in KETENPARTNER_VELDEN}
    _naam_vrij(programma=programma, naam=velden["naam"])
    partner = Ketenpartner(
        programma=programma, **velden, actief=not voorgesteld, voorgesteld=voorgesteld,
        voorgesteld_door=door if voorgesteld else None,
    )
    partner.full_clean()
    partner.save()
    partner.gemeenten.set(gemeenten)
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=partner)
    return partner


@transaction.atomic
def ketenpartner_aanmaken(*, programma: Programma, data: dict, door: Gebruiker) -> Ketenpartner:
    """The coordinator puts a partner on the sociale kaart (active at once)."""
    return _nieuwe_ketenpartner(programma=programma, data=data, voorgesteld=False, door=door)


@transaction.atomic
def ketenpartner_voorstellen(*, programma: Programma, data: dict, door: Gebruiker) -> Ketenpartner:
    """A coach proposes a partner; it stays inactive (not choosable) until the coordinator approves it."""
    return _nieuwe_ketenpartner(programma=programma, data=data, voorgesteld=True, door=door)


@transaction.atomic
def ketenpartner_wijzigen(*, ketenpartner: Ketenpartner, data: dict, door: Gebruiker, gelezen_versie: int) -> Ketenpartner:
    """Change a partner's details; `actief` in data (de)activates it. A proposal is approved separately."""
    data = dict(data)
    gemeenten = data.pop("gemeenten", None)
    if gemeenten is not None:
        gemeenten = _gemeenten_van_programma(ketenpartner.programma, gemeenten)
    velden = [veld for veld in KETENPARTNER_VELDEN if veld in data]
    for veld in velden:
        setattr(ketenpartner, veld, (data[veld] or "").strip())
    if "actief" in data:
        velden.append("actief")
        if data["actief"] and ketenpartner.voorgesteld:
            raise ValidationError({"actief": "Keur het voorstel goed om deze ketenpartner actief te maken."})
        ketenpartner.actief = bool(data["actief"])
    _naam_vrij(programma=ketenpartner.programma, naam=ketenpartner.naam, behalve=ketenpartner.pk)
    ketenpartner.full_clean()
    save_checked(ketenpartner, gelezen_versie=gelezen_versie, fields=velden)
    if gemeenten is not None:
        ketenpartner.gemeenten.set(gemeenten)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=ketenpartner)
    return ketenpartner


@transaction.atomic
def ketenpartner_goedkeuren(*, ketenpartner: Ketenpartner, door: Gebruiker) -> Ketenpartner:
    """The coordinator approves a coach's proposal: the partner becomes active on the sociale kaart."""
    if not ketenpartner.voorgesteld:
        raise ValidationError("Deze ketenpartner is geen voorstel (meer).")
    ketenpartner.voorgesteld = False
    ketenpartner.actief = True
    ketenpartner.full_clean()
    ketenpartner.save(update_fields=["voorgesteld", "actief"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=ketenpartner, object_type="ketenpartner_goedgekeurd")
    return ketenpartner


@transaction.atomic
def ketenpartner_voorstel_afwijzen(*, ketenpartner: Ketenpartner, door: Gebruiker) -> None:
    """The coordinator turns down a proposal: it is removed (nothing can refer to an inactive proposal)."""
    if not ketenpartner.voorgesteld:
        raise ValidationError("Alleen een voorstel kan worden afgewezen; zet een bestaande ketenpartner op inactief.")
    pk = ketenpartner.pk
    try:
        with transaction.atomic():
            ketenpartner.delete()
    except ProtectedError:
        raise ValidationError("Er is al naar dit voorstel verwezen; zet het op inactief in plaats van het af te wijzen.")
    audit_log(actie=Actie.DELETE, gebruiker=door, object_type="ketenpartner", object_id=str(pk))


@transaction.atomic
def contactpersoon_aanmaken(*, ketenpartner: Ketenpartner, data: dict, door: Gebruiker) -> Contactpersoon:
    """Add a vaste aanspreekpunt at a partner."""
    velden = {k: (data.get(k) or "").strip() for k in CONTACTPERSOON_VELDEN}
    if not velden["naam"]:
        raise ValidationError({"naam": "Vul de naam van de contactpersoon in."})
    persoon = Contactpersoon(ketenpartner=ketenpartner, **velden)
    persoon.full_clean()
    persoon.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=persoon)
    return persoon


@transaction.atomic
def contactpersoon_wijzigen(
    *, contactpersoon: Contactpersoon, data: dict, door: Gebruiker, gelezen_versie: int,
) -> Contactpersoon:
    """Change a contact person; `actief` False keeps them on old referrals but not in the choice list."""
    velden = [veld for veld in CONTACTPERSOON_VELDEN if veld in data]
    for veld in velden:
        setattr(contactpersoon, veld, (data[veld] or "").strip())
    if "actief" in data:
        contactpersoon.actief = bool(data["actief"])
        velden.append("actief")
    if not contactpersoon.naam:
        raise ValidationError({"naam": "Vul de naam van de contactpersoon in."})
    contactpersoon.full_clean()
    save_checked(contactpersoon, gelezen_versie=gelezen_versie, fields=velden)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=contactpersoon)
    return contactpersoon
