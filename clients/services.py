"""Writes of participants: registration, personal data, coach and backup."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from clients.models import (
    Contactafspraak, Deelnemer, Document, JuridischeCategorieWijziging, JuridischeRoute, Scope, Signaal, Toestemming,
)
from clients.selectors import geldige_toestemming, grondslag
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.locking import Conflict, save_checked
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
            errors[field] = _("Kies een actieve trajectbegeleider.")
        elif not programma.organisaties.filter(pk=user.organisatie_id).exists():
            errors[field] = _("Deze trajectbegeleider werkt niet voor dit programma.")
    if begeleider and achtervang and begeleider.pk == achtervang.pk:
        errors["achtervang"] = _("De achtervang moet iemand anders zijn dan de trajectbegeleider.")
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
    "heeft_kinderen", "gestopt_met_sekswerk_op", "documenttaal",
]


@transaction.atomic
def deelnemer_wijzigen(*, deelnemer: Deelnemer, data: dict, gelezen_versie: int, door: Gebruiker) -> Deelnemer:
    """Change personal data; only the listed fields can change, and only if nobody saved in between."""
    velden = [f for f in data if f in PERSOONSVELDEN]
    oude_categorie = deelnemer.juridische_categorie
    for field in velden:
        setattr(deelnemer, field, data[field])
    deelnemer.full_clean(validate_unique=False)
    save_checked(deelnemer, gelezen_versie=gelezen_versie, fields=velden)
    categorie_wijziging_vastleggen(deelnemer, oude_categorie, deelnemer.juridische_categorie, door)
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
        raise ValidationError(_("Alleen de coördinator wijst trajectbegeleiders toe."))
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


# --- consent (toestemming) and the klantmanager's signals ---------------------------------------


def _jaar_later(datum: datetime.date, jaren: int) -> datetime.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def toestemming_standaard_einde(gegeven_op: datetime.date) -> datetime.date:
    """A consent is valid for one year unless another end date is chosen (at most two years)."""
    return _jaar_later(gegeven_op, 1)


def _check_toestemming(*, deelnemer: Deelnemer, scopes, gegeven_op, geldig_tot, wijze, document, verklaring, door):
    errors = {}
    if door.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise ValidationError(_("Alleen de trajectbegeleider of coördinator legt een toestemming vast."))
    onbekend = set(scopes) - set(Scope.values)
    if not scopes or onbekend:
        errors["scopes"] = _("Kies wat er gedeeld wordt.")
    elif Scope.BASIS not in scopes:
        errors["scopes"] = _("Basis hoort bij elke toestemming: zonder clientcode en trajectbegeleider is niets te delen.")
    if gegeven_op > datetime.date.today():
        errors["gegeven_op"] = _("Een toestemming kan niet in de toekomst gegeven zijn.")
    if geldig_tot < gegeven_op:
        errors["geldig_tot"] = _("De einddatum ligt voor de datum waarop de toestemming is gegeven.")
    elif geldig_tot > _jaar_later(gegeven_op, 2):
        errors["geldig_tot"] = _("Een toestemming geldt hoogstens twee jaar.")
    if wijze == Toestemming.Wijze.FORMULIER:
        if document is None:
            errors["document"] = _("Kies het ondertekende formulier (upload het eerst bij Documenten).")
        elif document.deelnemer_id != deelnemer.pk or document.soort != Document.Soort.TOESTEMMING:
            errors["document"] = _("Kies een toestemmingsformulier uit het dossier van deze deelnemer.")
    elif wijze == Toestemming.Wijze.MONDELING:
        if not (verklaring or "").strip():
            errors["verklaring"] = _("Schrijf op hoe en wanneer de deelnemer mondeling toestemming gaf.")
    else:
        errors["wijze"] = _("Kies hoe de toestemming is gegeven.")
    if errors:
        raise ValidationError(errors)


def _huidige_rij(deelnemer: Deelnemer, gemeente=None, programma=None) -> Toestemming | None:
    # The caller holds the participant's row lock, so two recordings for one participant cannot interleave
    # (and the one-to-one `vorige` refuses a second successor anyway).
    ontvanger = {"gemeente": gemeente} if gemeente is not None else {"programma": programma}
    return Toestemming.objects.filter(deelnemer=deelnemer, opvolger__isnull=True, **ontvanger).order_by("-id").first()


@transaction.atomic
def toestemming_vastleggen(
    *, deelnemer: Deelnemer, gemeente=None, programma: Programma | None = None, scopes: list[str], tekstversie: str,
    gegeven_op: datetime.date, geldig_tot: datetime.date | None = None, wijze: str, document: Document | None = None,
    verklaring: str = "", door: Gebruiker,
) -> Toestemming:
    """Record a consent for one gemeente, or for one other programme (an overdracht: `programma`). An earlier
    row for that recipient stays as history (`vorige`)."""
    if (gemeente is None) == (programma is None):
        raise ValidationError(_("Een toestemming geldt voor één gemeente of, bij een overdracht, voor één ander programma."))
    if programma is not None and programma.pk == deelnemer.programma_id:
        raise ValidationError({"programma": _("Kies een ander programma dan het eigen programma.")})
    deelnemer_vergrendelen(deelnemer)
    geldig_tot = geldig_tot or toestemming_standaard_einde(gegeven_op)
    scopes = [s for s in Scope.values if s in set(scopes)]
    _check_toestemming(deelnemer=deelnemer, scopes=scopes, gegeven_op=gegeven_op, geldig_tot=geldig_tot,
                       wijze=wijze, document=document, verklaring=verklaring, door=door)
    toestemming = Toestemming(
        deelnemer=deelnemer, gemeente=gemeente, programma=programma, scopes=scopes, tekstversie=tekstversie, gegeven_op=gegeven_op,
        geldig_tot=geldig_tot, wijze=wijze, document=document if wijze == Toestemming.Wijze.FORMULIER else None,
        verklaring=verklaring if wijze == Toestemming.Wijze.MONDELING else "",
        vorige=_huidige_rij(deelnemer, gemeente, programma),
        vastgelegd_door=door,
    )
    toestemming.full_clean()
    toestemming.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=toestemming,
              grondslag=grondslag(door, deelnemer))
    return toestemming


@transaction.atomic
def toestemming_verlengen(
    *, toestemming: Toestemming, geldig_tot: datetime.date, gegeven_op: datetime.date, wijze: str,
    document: Document | None = None, verklaring: str = "", gelezen_versie: int, door: Gebruiker,
) -> Toestemming:
    """The participant renews the same consent: a new row with the same scopes replaces the current one."""
    if toestemming.ingetrokken_op is not None or Toestemming.objects.filter(vorige=toestemming).exists():
        raise ValidationError(_("Deze toestemming is ingetrokken of al vervangen; leg een nieuwe vast."))
    save_checked(toestemming, gelezen_versie=gelezen_versie, fields=[])
    if toestemming.gemeente_id is None:
        raise ValidationError(_("Een toestemming voor een overdracht wordt niet verlengd."))
    return toestemming_vastleggen(
        deelnemer=toestemming.deelnemer, gemeente=toestemming.gemeente, scopes=list(toestemming.scopes),
        tekstversie=toestemming.tekstversie, gegeven_op=gegeven_op, geldig_tot=geldig_tot, wijze=wijze,
        document=document, verklaring=verklaring, door=door,
    )


@transaction.atomic
def toestemming_intrekken(*, toestemming: Toestemming, reden: str, gelezen_versie: int, door: Gebruiker) -> Toestemming:
    """Withdraw at once (AVG art. 7(3)): from the next request the gemeente sees nothing of her."""
    if door.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise ValidationError(_("Alleen de trajectbegeleider of coördinator trekt een toestemming in."))
    if toestemming.ingetrokken_op is not None:
        raise ValidationError(_("Deze toestemming is al ingetrokken."))
    toestemming.ingetrokken_op = timezone.now()
    toestemming.ingetrokken_door = door
    toestemming.intrekkingsreden = (reden or "").strip()[:300]
    save_checked(toestemming, gelezen_versie=gelezen_versie,
                 fields=["ingetrokken_op", "ingetrokken_door", "intrekkingsreden"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=toestemming.deelnemer.clientcode, obj=toestemming,
              object_type="toestemming_intrekking", grondslag=grondslag(door, toestemming.deelnemer))
    return toestemming


@transaction.atomic
def signaal_aanmaken(*, deelnemer: Deelnemer, tekst: str, door: Gebruiker) -> Signaal:
    """A klantmanager leaves a dated note for the coach; only under a valid consent."""
    toestemming = geldige_toestemming(door, deelnemer)
    if toestemming is None:
        raise ValidationError(_("Er is geen geldige toestemming om met deze deelnemer te werken."))
    signaal = Signaal(deelnemer=deelnemer, gemeente_id=door.gemeente_id, toestemming=toestemming,
                      datum=datetime.date.today(), tekst=(tekst or "").strip(), door=door)
    signaal.full_clean()
    signaal.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=signaal,
              grondslag=f"toestemming:{toestemming.pk}")
    return signaal


@transaction.atomic
def signaal_afsluiten(*, signaal: Signaal, gelezen_versie: int, door: Gebruiker) -> Signaal:
    """The coach has dealt with the signal."""
    if door.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise ValidationError(_("Alleen de trajectbegeleider of coördinator sluit een signaal af."))
    if signaal.afgesloten_op is not None:
        raise ValidationError(_("Dit signaal is al afgesloten."))
    signaal.afgesloten_op = timezone.now()
    signaal.afgesloten_door = door
    save_checked(signaal, gelezen_versie=gelezen_versie, fields=["afgesloten_op", "afgesloten_door"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=signaal.deelnemer.clientcode, obj=signaal,
              grondslag=grondslag(door, signaal.deelnemer))
    return signaal


# --- safe contact and the legal route: each change appends a version (issue 19) ----------------


def categorie_wijziging_vastleggen(deelnemer: Deelnemer, van: str, naar: str, door: Gebruiker) -> None:
    """Append the change of juridische categorie to its history (nothing when it did not change)."""
    if van != naar:
        JuridischeCategorieWijziging.objects.create(deelnemer=deelnemer, van=van, naar=naar, door=door)


def _nieuwe_versie(model, deelnemer: Deelnemer, gelezen_versie: int | None):
    """The number of the next version, or Conflict when someone saved one after `gelezen_versie` (0: none yet)."""
    deelnemer_vergrendelen(deelnemer)
    huidig = model.objects.filter(deelnemer=deelnemer).order_by("-versie").first()
    huidige_versie = huidig.versie if huidig else 0
    if gelezen_versie is None or gelezen_versie != huidige_versie:
        raise Conflict(huidig or deelnemer)
    return huidige_versie + 1


CONTACTAFSPRAAK_VELDEN = [
    "bellen", "sms", "voicemail", "post", "huisbezoek", "email", "veilig_adres", "veilig_telefoon", "codewoorden",
    "vermijden", "alleen_via", "alleen_via_toelichting", "toelichting",
]


@transaction.atomic
def contactafspraak_vastleggen(
    *, deelnemer: Deelnemer, data: dict, gelezen_versie: int | None, door: Gebruiker,
) -> Contactafspraak:
    """Record the safe-contact arrangement as a new version (the old ones stay as history)."""
    versie = _nieuwe_versie(Contactafspraak, deelnemer, gelezen_versie)
    velden = {f: data[f] for f in CONTACTAFSPRAAK_VELDEN if f in data}
    partner = velden.get("alleen_via")
    if partner is not None and partner.programma_id != deelnemer.programma_id:
        raise ValidationError({"alleen_via": _("Deze ketenpartner hoort niet bij dit programma.")})
    afspraak = Contactafspraak(deelnemer=deelnemer, versie=versie, door=door, **velden)
    afspraak.full_clean()
    afspraak.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=afspraak,
              grondslag=grondslag(door, deelnemer))
    return afspraak


JURIDISCHE_VELDEN = [
    "juridische_categorie", "bedenktijd_start", "bedenktijd_eind", "aangifte_op", "geen_aangifte_op", "melding_op",
    "vergunning_start", "vergunning_eind", "verlenging_aangevraagd_op", "beslissing_uiterlijk", "toelichting",
]


@transaction.atomic
def juridische_route_vastleggen(
    *, deelnemer: Deelnemer, data: dict, gelezen_versie: int | None, door: Gebruiker,
) -> JuridischeRoute:
    """Record the legal route as a new version; the participant's category and dates follow the newest version
    (so the figures that read them stay right), and a changed category is appended to its history."""
    versie = _nieuwe_versie(JuridischeRoute, deelnemer, gelezen_versie)
    velden = {f: data[f] for f in JURIDISCHE_VELDEN if f in data}
    route = JuridischeRoute(deelnemer=deelnemer, versie=versie, door=door, **velden)
    fouten = {}
    if route.aangifte_op and route.geen_aangifte_op:
        fouten["geen_aangifte_op"] = _("Vul een aangiftedatum of een datum voor geen aangifte in, niet allebei.")
    for start, eind in (("bedenktijd_start", "bedenktijd_eind"), ("vergunning_start", "vergunning_eind")):
        if getattr(route, start) and getattr(route, eind) and getattr(route, eind) < getattr(route, start):
            fouten[eind] = _("De einddatum ligt voor de begindatum.")
    if fouten:
        raise ValidationError(fouten)
    route.full_clean()
    route.save()
    oude_categorie = Deelnemer.objects.values_list("juridische_categorie", flat=True).get(pk=deelnemer.pk)
    gevolgd = {f: getattr(route, f) for f in (
        "juridische_categorie", "bedenktijd_start", "bedenktijd_eind", "vergunning_start", "vergunning_eind")}
    Deelnemer.objects.filter(pk=deelnemer.pk).update(**gevolgd, versie=F("versie") + 1)
    for f, v in gevolgd.items():
        setattr(deelnemer, f, v)
    deelnemer.refresh_from_db(fields=["versie"])
    categorie_wijziging_vastleggen(deelnemer, oude_categorie, route.juridische_categorie, door)
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=route,
              grondslag=grondslag(door, deelnemer))
    return route
