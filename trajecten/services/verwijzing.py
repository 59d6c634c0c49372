"""Writes for the verwijzingen feature: referrals to ketenpartners, their dates and status, partner feedback.

One rule set (`_controleer`) guards every write, so a referral can never hold dates or a status
that contradict each other: no intake, start or end before the referral, no start or end in the
future, a started referral has a start date, a refused or broken-off one has a reason.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from trajecten.services import regels
from trajecten.models import Doel, Terugkoppeling, Traject, Verwijzing
from uitstap.audit import Actie
from uitstap.codes import VerwijzingStatus
from uitstap.locking import save_checked
from uitstap.models import Contactpersoon, Gebruiker, Ketenpartner

S = VerwijzingStatus

# Fields a full edit may change (the lock version and the author are the service's business).
VERWIJZING_VELDEN = [
    "ketenpartner", "contactpersoon", "hulpvraag", "doel", "verwezen", "intake_partner", "gestart",
    "beeindigd", "status", "reden",
]

# Statuses that end a referral (the end date is required) and those that need a reason.
EINDSTATUS = {S.AFGEROND, S.AFGEWEZEN, S.AFGEBROKEN}
MET_REDEN = {S.AFGEWEZEN, S.AFGEBROKEN}


def _controleer(v: Verwijzing, traject: Traject) -> None:
    """Raise one ValidationError with a Dutch message per field for everything that does not fit."""
    fouten: dict[str, str] = {}
    vandaag = regels.vandaag()
    partner: Ketenpartner | None = v.ketenpartner if v.ketenpartner_id else None
    if partner is None:
        fouten["ketenpartner"] = gettext("Kies de ketenpartner waarnaar je verwijst.")
    elif partner.programma_id != traject.deelnemer.programma_id:
        fouten["ketenpartner"] = gettext("Deze ketenpartner staat niet op de sociale kaart van dit programma.")
    if v.contactpersoon_id and partner is not None and v.contactpersoon.ketenpartner_id != partner.pk:
        fouten["contactpersoon"] = f"Deze contactpersoon werkt niet bij {partner}."
    if v.doel_id and v.doel.plan.traject_id != traject.pk:
        fouten["doel"] = gettext("Dit doel hoort niet bij het trajectplan van dit traject.")
    if v.status not in S.values:
        fouten["status"] = gettext("Kies een geldige status.")

    if v.verwezen is None:
        fouten["verwezen"] = gettext("Vul de datum van de verwijzing in.")
    else:
        if v.verwezen > vandaag:
            fouten["verwezen"] = gettext("De verwijsdatum ligt in de toekomst.")
        elif v.verwezen < traject.aanmelddatum:
            fouten["verwezen"] = f"De verwijsdatum ligt vóór de aanmelddatum ({regels.datum_nl(traject.aanmelddatum)})."
        if v.intake_partner and v.intake_partner < v.verwezen:
            fouten["intake_partner"] = (f"De intake bij de partner kan niet vóór de verwijzing "
                                        f"({regels.datum_nl(v.verwezen)}) liggen.")
        if v.gestart and v.gestart < v.verwezen:
            fouten["gestart"] = f"De hulp kan niet eerder starten dan de verwijzing ({regels.datum_nl(v.verwezen)})."
        if v.beeindigd and v.beeindigd < v.verwezen:
            fouten["beeindigd"] = f"De einddatum kan niet vóór de verwijzing ({regels.datum_nl(v.verwezen)}) liggen."
    if v.gestart and "gestart" not in fouten:
        if v.gestart > vandaag:
            fouten["gestart"] = gettext("De startdatum ligt in de toekomst; vul die in als de hulp echt is begonnen.")
        elif v.intake_partner and v.gestart < v.intake_partner and "intake_partner" not in fouten:
            fouten["gestart"] = f"De hulp kan niet starten vóór de intake bij de partner ({regels.datum_nl(v.intake_partner)})."
    if v.beeindigd and "beeindigd" not in fouten:
        if v.beeindigd > vandaag:
            fouten["beeindigd"] = gettext("De einddatum ligt in de toekomst.")
        elif v.gestart and v.beeindigd < v.gestart:
            fouten["beeindigd"] = f"De einddatum kan niet vóór de start van de hulp ({regels.datum_nl(v.gestart)}) liggen."

    # The status has to agree with the dates.
    if "status" not in fouten:
        if v.status in (S.AANGEVRAAGD, S.WACHTLIJST):
            if v.gestart:
                fouten.setdefault("status", gettext("De hulp is al gestart: kies de status Gestart (of later)."))
            elif v.beeindigd:
                fouten.setdefault("status", gettext("Er is een einddatum: kies Afgerond, Afgewezen of Afgebroken."))
        elif v.status == S.GESTART:
            if not v.gestart:
                fouten.setdefault("gestart", gettext("Vul in wanneer de hulp is gestart."))
            if v.beeindigd:
                fouten.setdefault("status", gettext("Er is een einddatum: kies Afgerond of Afgebroken."))
        else:
            if not v.beeindigd:
                fouten.setdefault("beeindigd", f"Vul de datum in waarop de verwijzing {S(v.status).label.lower()} is.")
            if v.status == S.AFGEROND and not v.gestart:
                fouten.setdefault("gestart", gettext("Een afgeronde verwijzing is eerst gestart: vul de startdatum in."))
            if v.status == S.AFGEWEZEN and v.gestart:
                fouten.setdefault("status", gettext("De hulp is gestart, dus niet afgewezen: kies Afgerond of Afgebroken."))
        if v.status in MET_REDEN and not (v.reden or "").strip():
            fouten["reden"] = (gettext("Geef een reden: waarom is de verwijzing afgewezen?") if v.status == S.AFGEWEZEN
                               else gettext("Geef een reden: waarom is de hulp afgebroken?"))
    if fouten:
        raise ValidationError(fouten)


def _schoon(v: Verwijzing) -> None:
    v.hulpvraag = (v.hulpvraag or "").strip()
    v.reden = (v.reden or "").strip() if v.status in MET_REDEN else ""


@transaction.atomic
def verwijzing_aanmaken(
    *, traject: Traject, ketenpartner: Ketenpartner, verwezen: datetime.date, door: Gebruiker,
    contactpersoon: Contactpersoon | None = None, hulpvraag: str = "", doel: Doel | None = None,
    intake_partner: datetime.date | None = None, gestart: datetime.date | None = None,
    beeindigd: datetime.date | None = None, status: str = S.AANGEVRAAGD, reden: str = "",
) -> Verwijzing:
    """Refer the participant of an open traject to an active partner on the programme's sociale kaart."""
    if traject.einddatum is not None:
        raise ValidationError(gettext("Dit traject is afgesloten; een nieuwe verwijzing kan alleen in een lopend traject."))
    if ketenpartner is not None and not ketenpartner.actief:
        raise ValidationError({"ketenpartner": gettext("Deze ketenpartner is niet (meer) actief op de sociale kaart.")})
    if contactpersoon is not None and not contactpersoon.actief:
        raise ValidationError({"contactpersoon": gettext("Deze contactpersoon is niet meer actief.")})
    v = Verwijzing(
        traject=traject, ketenpartner=ketenpartner, contactpersoon=contactpersoon, hulpvraag=hulpvraag, doel=doel,
        verwezen=verwezen, intake_partner=intake_partner, gestart=gestart, beeindigd=beeindigd, status=status,
        reden=reden, door=door,
    )
    _schoon(v)
    _controleer(v, traject)
    v.full_clean()
    v.save()
    regels.log_event(Actie.CREATE, door, traject, v)
    return v


def _opslaan(v: Verwijzing, *, gelezen_versie: int, door: Gebruiker) -> Verwijzing:
    traject = v.traject
    _schoon(v)
    _controleer(v, traject)
    v.full_clean()
    save_checked(v, gelezen_versie=gelezen_versie, fields=VERWIJZING_VELDEN)
    regels.log_event(Actie.UPDATE, door, traject, v)
    return v


@transaction.atomic
def verwijzing_wijzigen(
    *, verwijzing: Verwijzing, data: dict, door: Gebruiker, gelezen_versie: int,
) -> Verwijzing:
    """Correct any field of a referral. Raises Conflict when someone saved it after `gelezen_versie`."""
    onbekend = set(data) - set(VERWIJZING_VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {sorted(onbekend)}")
    # Compare with the stored partner: a bound ModelForm has already put the new one on the instance.
    opgeslagen = Verwijzing.objects.filter(pk=verwijzing.pk).values_list("ketenpartner_id", flat=True).first()
    nieuw = data.get("ketenpartner")
    if nieuw is not None and nieuw.pk != opgeslagen and not nieuw.actief:
        raise ValidationError({"ketenpartner": gettext("Deze ketenpartner is niet (meer) actief op de sociale kaart.")})
    for veld, waarde in data.items():
        setattr(verwijzing, veld, waarde)
    return _opslaan(verwijzing, gelezen_versie=gelezen_versie, door=door)


@transaction.atomic
def verwijzing_intake_vastleggen(
    *, verwijzing: Verwijzing, datum: datetime.date, door: Gebruiker, gelezen_versie: int,
) -> Verwijzing:
    """The partner's intake date (may lie ahead: an intake is often planned)."""
    verwijzing.intake_partner = datum
    return _opslaan(verwijzing, gelezen_versie=gelezen_versie, door=door)


@transaction.atomic
def verwijzing_status_wijzigen(
    *, verwijzing: Verwijzing, status: str, door: Gebruiker, datum: datetime.date | None = None, reden: str = "",
    gelezen_versie: int,
) -> Verwijzing:
    """Move a referral on: wachtlijst, gestart (datum = start), afgerond/afgewezen/afgebroken (datum = end)."""
    if status not in S.values:
        raise ValidationError({"status": gettext("Kies een geldige status.")})
    if status in (S.GESTART, *EINDSTATUS) and datum is None:
        raise ValidationError({"datum": gettext("Vul de datum in.")})
    if status == S.GESTART:
        verwijzing.gestart = datum
        verwijzing.beeindigd = None
    elif status in EINDSTATUS:
        verwijzing.beeindigd = datum
    else:
        verwijzing.gestart = None
        verwijzing.beeindigd = None
    verwijzing.status = status
    if status in MET_REDEN:
        verwijzing.reden = reden
    try:
        return _opslaan(verwijzing, gelezen_versie=gelezen_versie, door=door)
    except ValidationError as e:
        # On this short form the one date field is `datum`: move date errors there.
        if hasattr(e, "error_dict"):
            veld = "gestart" if status == S.GESTART else "beeindigd"
            fouten = {("datum" if k == veld else k): v for k, v in e.error_dict.items()}
            raise ValidationError(fouten) from e
        raise


def verwijzing_starten(*, verwijzing: Verwijzing, gestart: datetime.date, door: Gebruiker,
                       gelezen_versie: int) -> Verwijzing:
    """The partner's help has begun: the waiting time ends on `gestart`."""
    return verwijzing_status_wijzigen(verwijzing=verwijzing, status=S.GESTART, datum=gestart, door=door,
                                      gelezen_versie=gelezen_versie)


@transaction.atomic
def terugkoppeling_aanmaken(
    *, verwijzing: Verwijzing, datum: datetime.date, notitie: str, door: Gebruiker,
) -> Terugkoppeling:
    """Append a dated note of what the partner reported. Notes are added, never edited."""
    notitie = (notitie or "").strip()
    fouten = {}
    if not notitie:
        fouten["notitie"] = gettext("Schrijf op wat de partner heeft teruggekoppeld.")
    if datum is None:
        fouten["datum"] = gettext("Vul de datum in.")
    elif datum > regels.vandaag():
        fouten["datum"] = gettext("Deze datum ligt in de toekomst.")
    elif datum < verwijzing.verwezen:
        fouten["datum"] = f"Deze datum ligt vóór de verwijzing ({regels.datum_nl(verwijzing.verwezen)})."
    if fouten:
        raise ValidationError(fouten)
    t = Terugkoppeling(verwijzing=verwijzing, datum=datum, notitie=notitie, door=door)
    t.full_clean()
    t.save()
    regels.log_event(Actie.CREATE, door, verwijzing.traject, t)
    return t
