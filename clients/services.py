"""Writes of participants: registration, personal data, coach and backup."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Deelnemer
from clients.selectors import grondslag
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.locking import save_checked
from uitstap.models import Gebruiker, Programma


def clientcode_volgende(*, programma: Programma, jaar: int) -> str:
    """The next free clientcode for a programme and year, e.g. FLV-2026-0042 (call inside a transaction)."""
    Programma.objects.select_for_update().filter(pk=programma.pk).first()
    prefix = f"{programma.code}-{jaar}-"
    codes = Deelnemer.objects.filter(programma=programma, clientcode__startswith=prefix).values_list(
        "clientcode", flat=True
    )
    nummers = [int(c[len(prefix):]) for c in codes if c[len(prefix):].isdigit()]
    return f"{prefix}{max(nummers, default=0) + 1:04d}"


def _check_team(*, programma: Programma, begeleider: Gebruiker | None, achtervang: Gebruiker | None) -> None:
    errors = {}
    for field, user in (("begeleider", begeleider), ("achtervang", achtervang)):
        if user is None:
            continue
        if user.rol != Rol.TRAJECTBEGELEIDER or not user.is_active:
            errors[field] = "Kies een actieve trajectbegeleider."
        elif not programma.organisaties.filter(pk=user.organisatie_id).exists():
            errors[field] = "Deze trajectbegeleider werkt niet voor dit programma."
    if begeleider and achtervang and begeleider.pk == achtervang.pk:
        errors["achtervang"] = "De achtervang moet iemand anders zijn dan de trajectbegeleider."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def deelnemer_aanmaken(
    *, programma: Programma, door: Gebruiker, begeleider: Gebruiker | None = None,
    achtervang: Gebruiker | None = None, clientcode: str | None = None, **velden,
) -> Deelnemer:
    """Register a participant; a coach who registers becomes the coach unless someone else is chosen."""
    if begeleider is None and door.rol == Rol.TRAJECTBEGELEIDER:
        begeleider = door
    _check_team(programma=programma, begeleider=begeleider, achtervang=achtervang)
    if clientcode is None:
        clientcode = clientcode_volgende(programma=programma, jaar=datetime.date.today().year)
    deelnemer = Deelnemer(programma=programma, clientcode=clientcode, begeleider=begeleider, achtervang=achtervang, **velden)
    deelnemer.full_clean()
    deelnemer.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=deelnemer,
              grondslag=grondslag(door, deelnemer))
    return deelnemer


PERSOONSVELDEN = [
    "roepnaam", "voornamen", "achternaam", "geboortedatum", "bsn", "geboortejaar", "gender", "herkomstland",
    "taal", "taalniveau_nl", "juridische_categorie", "verblijfsstatus", "bedenktijd_start", "bedenktijd_eind",
    "vergunning_start", "vergunning_eind", "woongemeente", "werkgemeente", "sector", "signalen_mensenhandel",
    "heeft_kinderen", "gestopt_met_sekswerk_op",
]


@transaction.atomic
def deelnemer_wijzigen(*, deelnemer: Deelnemer, data: dict, gelezen_versie: int, door: Gebruiker) -> Deelnemer:
    """Change personal data; only the listed fields can change, and only if nobody saved in between."""
    velden = [f for f in data if f in PERSOONSVELDEN]
    for field in velden:
        setattr(deelnemer, field, data[field])
    deelnemer.full_clean(validate_unique=False)
    save_checked(deelnemer, gelezen_versie=gelezen_versie, fields=velden)
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=deelnemer,
              grondslag=grondslag(door, deelnemer))
    return deelnemer


@transaction.atomic
def begeleiding_toewijzen(
    *, deelnemer: Deelnemer, begeleider: Gebruiker | None, achtervang: Gebruiker | None,
    gelezen_versie: int, door: Gebruiker,
) -> Deelnemer:
    """The coordinator (re)assigns coach and backup."""
    if door.rol != Rol.COORDINATOR:
        raise ValidationError("Alleen de coördinator wijst trajectbegeleiders toe.")
    _check_team(programma=deelnemer.programma, begeleider=begeleider, achtervang=achtervang)
    deelnemer.begeleider = begeleider
    deelnemer.achtervang = achtervang
    save_checked(deelnemer, gelezen_versie=gelezen_versie, fields=["begeleider", "achtervang"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=deelnemer,
              object_type="begeleiding", grondslag="coordinator")
    return deelnemer


def deelnemer_vergrendelen(deelnemer: Deelnemer) -> Deelnemer:
    """The participant's row, locked until the surrounding transaction ends (erasure)."""
    return Deelnemer.objects.select_for_update().select_related("programma").get(pk=deelnemer.pk)


def deelnemer_velden_wissen(*, deelnemer: Deelnemer, velden: dict) -> None:
    """Overwrite personal fields and mark the participant erased (called by the AVG erasure service,
    which checks the retention term and writes the audit event)."""
    from django.db.models import F
    from django.utils import timezone

    Deelnemer.objects.filter(pk=deelnemer.pk).update(**velden, gewist_op=timezone.now(), versie=F("versie") + 1)
