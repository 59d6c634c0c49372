"""Writes of what happens in a traject: start, phases, intake, contacts, outcome, relapse, re-entry.

Every function is atomic, validates dates, writes its audit event and returns what it made.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from clients.models import Deelnemer
from clients.services import deelnemer_aanmaken
from trajecten.selectors.leefsituatie import situatie_op
from trajecten.services import regels
from trajecten.services.afspraak import afspraak_afwijking_controleren, afwijking_vastleggen
from trajecten.services.leefsituatie import leefsituatie_vastleggen
from trajecten.models import (
    Contactmoment, FaseOvergang, Intake, IntakeCriterium, Intakegesprek, Terugval, Traject, Uitstroom,
)
from uitstap.audit import Actie
from uitstap.codes import Afsluitreden, ContactStatus, Fase, IntakeBesluit, Leefgebied, UitstroomResultaat, UitstroomSoort
from uitstap.locking import controleer_versie, save_checked
from uitstap.models import Gebruiker, Toelatingscriterium


def uitvoerende_organisatie(programma, gebruiker):
    """The registering user's organisation when it executes the programme, else the programme's first one."""
    organisaties = list(programma.organisaties.order_by("naam"))
    for organisatie in organisaties:
        if gebruiker is not None and organisatie.pk == gebruiker.organisatie_id:
            return organisatie
    return organisaties[0] if organisaties else None


@transaction.atomic
def traject_starten(
    *, deelnemer: Deelnemer, aanmelddatum: datetime.date, door: Gebruiker, verwijzer: str = "",
    verwijzer_ketenpartner=None, verwijzer_toelichting: str = "", outreach_actie=None,
) -> Traject:
    """Start a traject in the contact phase. A second traject after the first ended is a herinstroom."""
    regels.niet_in_toekomst(aanmelddatum, "aanmelddatum")
    vorige = deelnemer.trajecten.order_by("-aanmelddatum", "-id").first()
    if vorige is not None:
        if vorige.einddatum is None:
            raise ValidationError(gettext("Deze deelnemer heeft nog een lopend traject. Sluit dat eerst af."))
        if aanmelddatum < vorige.einddatum:
            raise ValidationError(
                {"aanmelddatum": gettext("Het vorige traject liep tot %(einddatum)s; kies een latere datum.") % {"einddatum": format(vorige.einddatum, "%d-%m-%Y")}}
            )
    if verwijzer_ketenpartner is not None and verwijzer_ketenpartner.programma_id != deelnemer.programma_id:
        raise ValidationError({"verwijzer_ketenpartner": gettext("Deze ketenpartner hoort niet bij dit programma.")})
    if outreach_actie is not None:
        regels.outreach_past_bij(deelnemer, aanmelddatum, verwijzer, outreach_actie)
    traject = Traject(
        deelnemer=deelnemer, aanmelddatum=aanmelddatum, verwijzer=verwijzer,
        verwijzer_ketenpartner=verwijzer_ketenpartner, verwijzer_toelichting=verwijzer_toelichting,
        organisatie=uitvoerende_organisatie(deelnemer.programma, door), outreach_actie=outreach_actie,
    )
    traject.full_clean()
    traject.save()
    FaseOvergang.objects.create(traject=traject, fase=Fase.CONTACT, datum=aanmelddatum, door=door,
                                reden="Aanmelding")
    regels.log_event(Actie.CREATE, door, deelnemer, traject)
    return traject


@transaction.atomic
def aanmelding_registreren(
    *, programma, door: Gebruiker, deelnemer_velden: dict, aanmelddatum: datetime.date, verwijzer: str = "",
    verwijzer_ketenpartner=None, verwijzer_toelichting: str = "", outreach_actie=None,
) -> Deelnemer:
    """A new participant with their first traject, in one transaction: both or neither."""
    deelnemer = deelnemer_aanmaken(programma=programma, door=door, **deelnemer_velden)
    traject_starten(deelnemer=deelnemer, aanmelddatum=aanmelddatum, door=door, verwijzer=verwijzer,
                    verwijzer_ketenpartner=verwijzer_ketenpartner, verwijzer_toelichting=verwijzer_toelichting,
                    outreach_actie=outreach_actie)
    return deelnemer


@transaction.atomic
def fase_wijzigen(*, traject: Traject, fase: str, datum: datetime.date, door: Gebruiker, reden: str = "") -> FaseOvergang:
    """Append a phase transition. Phases may go back; dates may not go back."""
    regels.moet_open_zijn(traject)
    if fase not in Fase.values:
        raise ValidationError({"fase": gettext("Onbekende fase.")})
    regels.niet_voor_aanmelding(traject, datum)
    regels.niet_in_toekomst(datum)
    regels.niet_voor_laatste_overgang(traject, datum)
    laatste = regels.laatste_overgang(traject)
    if laatste is not None:
        if laatste.fase == fase:
            raise ValidationError({"fase": gettext("Het traject is al in de fase %(label)s.") % {"label": Fase(fase).label}})
    if laatste is not None and Fase.values.index(fase) < Fase.values.index(laatste.fase) and not reden.strip():
        raise ValidationError({"reden": gettext("Geef een reden bij een terugstap naar een eerdere fase.")})
    overgang = FaseOvergang(traject=traject, fase=fase, datum=datum, reden=reden.strip(), door=door)
    overgang.full_clean()
    overgang.save()
    regels.log_event(Actie.CREATE, door, traject, overgang)
    return overgang


INTAKE_VELDEN = [
    "datum", "hulpvraag", "aanleiding", "verwachtingen_besproken", "spreekt_nederlands_of_engels", "verslaving",
    "psychiatrische_problematiek", "legaal_verblijf", "besluit", "besluit_reden",
    "levensverhaal", "wensen", "eerdere_pogingen", "hoe_gehoord", "vrijwillig_bevestigd",
]


def _criteria_vastleggen(traject: Traject, intake: Intake, criteria: dict, besluit: str, data: dict) -> None:
    """Answers on the programme's criteria. Admitting despite an unmet criterion or an applicable
    contra-indication (one the participant does not take action on) needs an explanation."""
    bekend = {c.pk: c for c in Toelatingscriterium.objects.filter(programma_id=traject.deelnemer.programma_id)}
    bezwaar = []
    for pk, voldaan in criteria.items():
        criterium = bekend.get(int(pk))
        if criterium is None:
            raise ValidationError(gettext("Dit criterium hoort niet bij het programma."))
        IntakeCriterium.objects.update_or_create(intake=intake, criterium=criterium, defaults={"voldaan": voldaan})
        if criterium.soort == Toelatingscriterium.Soort.CRITERIUM and voldaan is False:
            bezwaar.append(criterium.omschrijving)
        if criterium.soort == Toelatingscriterium.Soort.CONTRA_INDICATIE and voldaan and not criterium.neemt_zelf_actie:
            bezwaar.append(criterium.omschrijving)
    if bezwaar and besluit == IntakeBesluit.TOEGELATEN and not (data.get("besluit_reden") or "").strip():
        raise ValidationError({"besluit_reden": gettext("Licht toe waarom de deelnemer wordt toegelaten ondanks: %(bezwaren)s.")
                                                % {"bezwaren": "; ".join(bezwaar)}})


@transaction.atomic
def intakegesprek_vastleggen(*, intake: Intake, datum: datetime.date, notitie: str, door: Gebruiker) -> Intakegesprek:
    """A follow-up talk of the intake (oriëntatie): not before the intake, not in the future."""
    traject = intake.traject
    regels.moet_open_zijn(traject)
    if datum is None:
        raise ValidationError({"datum": gettext("Vul de datum van het gesprek in.")})
    if datum < intake.datum:
        raise ValidationError({"datum": gettext("Het gesprek ligt vóór de intake (%(waarde0)s).") % {"waarde0": regels.datum_nl(intake.datum)}})
    regels.niet_in_toekomst(datum)
    if not (notitie or "").strip():
        raise ValidationError({"notitie": gettext("Schrijf kort wat er besproken is.")})
    gesprek = Intakegesprek(intake=intake, datum=datum, notitie=notitie.strip(), door=door)
    gesprek.full_clean()
    gesprek.save()
    regels.log_event(Actie.CREATE, door, traject, gesprek)
    return gesprek


@transaction.atomic
def intake_vastleggen(
    *, traject: Traject, data: dict, door: Gebruiker, fase_naar_orientatie: bool = True, gelezen_versie: int | None = None,
    leefsituatie: dict | None = None, criteria: dict | None = None,
) -> Intake:
    """Record the intake, or correct it (then with the version the user saw); an admitted participant moves to
    oriëntatie on the intake date.

    `leefsituatie` (income, housing, debts, sex work at intake) is appended on the intake date where it differs.
    """
    regels.moet_open_zijn(traject)
    datum = data.get("datum")
    if datum is None:
        raise ValidationError({"datum": gettext("Vul de datum van het intakegesprek in.")})
    regels.niet_voor_aanmelding(traject, datum)
    regels.niet_in_toekomst(datum)
    besluit = data.get("besluit")
    if besluit in (IntakeBesluit.NOG_NIET, IntakeBesluit.NIET_TOEGELATEN) and not (data.get("besluit_reden") or "").strip():
        raise ValidationError({"besluit_reden": gettext("Licht toe waarom de deelnemer (nog) niet wordt toegelaten.")})
    intake = Intake.objects.filter(traject=traject).first()
    created = intake is None
    if created:
        intake = Intake(traject=traject, door=door)
    velden = [f for f in INTAKE_VELDEN if f in data]
    for field in velden:
        setattr(intake, field, data[field])
    intake.full_clean()
    if created:
        intake.save()
    else:
        # Someone else may have recorded or corrected it since this user opened the form.
        save_checked(intake, gelezen_versie=gelezen_versie, fields=velden)
    if criteria:
        _criteria_vastleggen(traject, intake, criteria, besluit, data)
    regels.log_event(Actie.CREATE if created else Actie.UPDATE, door, traject, intake)
    if leefsituatie:
        huidig = situatie_op(traject.deelnemer_id, datum)
        if any(v not in ("", None) and v != huidig[k] for k, v in leefsituatie.items()):
            leefsituatie_vastleggen(traject=traject, datum=datum, data=leefsituatie, door=door)
    if fase_naar_orientatie and besluit == IntakeBesluit.TOEGELATEN and regels.huidige_fase(traject) == Fase.CONTACT:
        fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=datum, door=door, reden="Intake: toegelaten")
    return intake


CONTACT_VELDEN = [
    "datum", "tijd", "soort", "status", "duur_minuten", "met_wie", "ketenpartner", "leefgebieden", "notitie",
    "vertrouwelijk",
]


def _check_contact(traject: Traject, contact: Contactmoment):
    regels.niet_voor_aanmelding(traject, contact.datum)
    if contact.status != ContactStatus.GEPLAND:
        regels.niet_in_toekomst(contact.datum)
    if contact.status == ContactStatus.GEHOUDEN and not contact.duur_minuten:
        raise ValidationError({"duur_minuten": gettext("Vul de duur van het gehouden contact in.")})
    onbekend = [lg for lg in contact.leefgebieden or [] if lg not in Leefgebied.values]
    if onbekend:
        raise ValidationError({"leefgebieden": gettext("Onbekend leefgebied: %(leefgebieden)s") % {"leefgebieden": ", ".join(onbekend)}})
    if contact.met_wie == Contactmoment.MetWie.KETENPARTNER and contact.ketenpartner is None:
        raise ValidationError({"ketenpartner": gettext("Kies met welke ketenpartner het contact was.")})
    if contact.ketenpartner is not None and contact.ketenpartner.programma_id != traject.deelnemer.programma_id:
        raise ValidationError({"ketenpartner": gettext("Deze ketenpartner hoort niet bij dit programma.")})


@transaction.atomic
def contactmoment_vastleggen(*, traject: Traject, data: dict, door: Gebruiker) -> Contactmoment:
    """Log a held contact or plan one (status gepland may lie in the future)."""
    if data.get("status") == ContactStatus.GEPLAND:
        regels.moet_open_zijn(traject)
    contact = Contactmoment(traject=traject, door=door)
    for field in CONTACT_VELDEN:
        if field in data:
            setattr(contact, field, data[field])
    contact.leefgebieden = list(contact.leefgebieden or [])
    _check_contact(traject, contact)
    contact.full_clean()
    afwijking = afspraak_afwijking_controleren(traject=traject, soort=contact.soort, data=data)
    contact.save()
    regels.log_event(Actie.CREATE, door, traject, contact)
    afwijking_vastleggen(contact=contact, reden=afwijking, door=door)
    return contact


@transaction.atomic
def contactmoment_wijzigen(*, contact: Contactmoment, data: dict, door: Gebruiker, gelezen_versie: int) -> Contactmoment:
    """Change a contact, typically a planned one that took place or was missed."""
    oude_soort = Contactmoment.objects.values_list("soort", flat=True).get(pk=contact.pk)
    velden = [f for f in CONTACT_VELDEN if f in data]
    for field in velden:
        setattr(contact, field, data[field])
    contact.leefgebieden = list(contact.leefgebieden or [])
    _check_contact(contact.traject, contact)
    contact.full_clean()
    afwijking = "" if contact.soort == oude_soort else afspraak_afwijking_controleren(
        traject=contact.traject, soort=contact.soort, data=data)
    save_checked(contact, gelezen_versie=gelezen_versie, fields=sorted(set(velden) | {"leefgebieden"}))
    regels.log_event(Actie.UPDATE, door, contact.traject, contact)
    afwijking_vastleggen(contact=contact, reden=afwijking, door=door)
    return contact


@transaction.atomic
def contactmoment_foutief_markeren(*, contact: Contactmoment, reden: str, door: Gebruiker) -> Contactmoment:
    """Mark a contact registered by mistake: it stays for the audit, struck through, and counts nowhere."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": gettext("Geef aan waarom dit contact foutief is geregistreerd.")})
    if contact.foutief_op is not None:
        raise ValidationError(gettext("Dit contact is al als foutief gemarkeerd."))
    contact.foutief_op = timezone.now()
    contact.foutief_reden = reden[:500]
    contact.foutief_door = door
    contact.save(update_fields=["foutief_op", "foutief_reden", "foutief_door"])
    regels.log_event(Actie.UPDATE, door, contact.traject, contact)
    return contact


def _check_uitstroom(traject: Traject, uitstroom: Uitstroom):
    regels.niet_voor_aanmelding(traject, uitstroom.datum)
    regels.niet_in_toekomst(uitstroom.datum)
    if uitstroom.soort == UitstroomSoort.UITGESTAPT:
        if not uitstroom.resultaat:
            raise ValidationError({"resultaat": gettext("Kies waarnaar de deelnemer is uitgestroomd.")})
        if uitstroom.reden:
            raise ValidationError({"reden": gettext("Een stopreden hoort alleen bij tussentijds gestopt.")})
        if uitstroom.branche and uitstroom.resultaat != UitstroomResultaat.BETAALD_WERK:
            raise ValidationError({"branche": gettext("Een branche hoort alleen bij betaald werk.")})
    elif uitstroom.soort == UitstroomSoort.GESTOPT:
        if not uitstroom.reden:
            raise ValidationError({"reden": gettext("Kies de reden waarom het traject is gestopt.")})
        if uitstroom.resultaat or uitstroom.branche:
            raise ValidationError({"resultaat": gettext("Een resultaat hoort alleen bij uitgestapt.")})
    else:
        raise ValidationError({"soort": gettext("Kies uitgestapt of tussentijds gestopt.")})


@transaction.atomic
def uitstroom_vastleggen(
    *, traject: Traject, soort: str, datum: datetime.date, door: Gebruiker, resultaat: str = "", branche: str = "",
    reden: str = "", toelichting: str = "", afsluiten: bool = True, gelezen_versie: int,
) -> Uitstroom:
    """Record how the traject ended. Uitgestapt may stay open for nazorg (afsluiten=False); gestopt closes it."""
    controleer_versie(traject, gelezen_versie)
    regels.moet_open_zijn(traject)
    if Uitstroom.objects.filter(traject=traject).exists():
        raise ValidationError(gettext("De uitstroom van dit traject is al vastgelegd."))
    if not traject.heeft_instroom:
        # Someone who never started is no dropout (DEFINITIONS.md: afgesloten_zonder_instroom).
        raise ValidationError(
            gettext("Dit traject is nooit verder gekomen dan de contactfase. Sluit het af zonder uitstroom, met een afsluitreden.")
        )
    uitstroom = Uitstroom(
        traject=traject, soort=soort, datum=datum, resultaat=resultaat or "", branche=branche or "",
        reden=reden or "", toelichting=toelichting or "", door=door,
    )
    _check_uitstroom(traject, uitstroom)
    regels.niet_voor_laatste_overgang(traject, datum)
    uitstroom.full_clean()
    uitstroom.save()
    regels.log_event(Actie.CREATE, door, traject, uitstroom)
    if soort == UitstroomSoort.GESTOPT or afsluiten:
        traject.einddatum = datum
        traject.full_clean()
        save_checked(traject, gelezen_versie=gelezen_versie, fields=["einddatum"])
        regels.log_event(Actie.UPDATE, door, traject, traject)
    elif regels.huidige_fase(traject) != Fase.NAZORG:
        fase_wijzigen(traject=traject, fase=Fase.NAZORG, datum=datum, door=door, reden="Uitgestapt: nazorg")
    return uitstroom


@transaction.atomic
def traject_afsluiten(
    *, traject: Traject, einddatum: datetime.date, door: Gebruiker, gelezen_versie: int, afsluitreden: str = "",
) -> Traject:
    """Close a traject: after its Uitstroom (typically at the end of nazorg), or, when it never left contact,
    without an Uitstroom and with an afsluitreden."""
    controleer_versie(traject, gelezen_versie)
    regels.moet_open_zijn(traject)
    uitstroom = Uitstroom.objects.filter(traject=traject).first()
    velden = ["einddatum"]
    if uitstroom is None:
        if traject.heeft_instroom:
            raise ValidationError(gettext("Leg eerst de uitstroom vast (uitgestapt of tussentijds gestopt)."))
        if afsluitreden not in Afsluitreden.values:
            raise ValidationError({"afsluitreden": gettext("Kies waarom het traject zonder instroom wordt afgesloten.")})
        regels.niet_voor_aanmelding(traject, einddatum, "einddatum")
        traject.afsluitreden = afsluitreden
        velden.append("afsluitreden")
    elif afsluitreden:
        raise ValidationError({"afsluitreden": gettext("Een afsluitreden hoort alleen bij een traject zonder instroom.")})
    elif einddatum < uitstroom.datum:
        raise ValidationError({"einddatum": gettext("De einddatum ligt vóór de uitstroom (%(datum)s).") % {"datum": format(uitstroom.datum, "%d-%m-%Y")}})
    regels.niet_in_toekomst(einddatum, "einddatum")
    traject.einddatum = einddatum
    traject.full_clean()
    save_checked(traject, gelezen_versie=gelezen_versie, fields=velden)
    regels.log_event(Actie.UPDATE, door, traject, traject)
    return traject


@transaction.atomic
def terugval_vastleggen(*, traject: Traject, datum: datetime.date, door: Gebruiker, toelichting: str = "") -> Terugval:
    """A return to sex work after an exit (uitgestapt)."""
    uitstroom = Uitstroom.objects.filter(traject=traject, soort=UitstroomSoort.UITGESTAPT).first()
    if uitstroom is None:
        raise ValidationError(gettext("Een terugval kan alleen na een uitstroom als uitgestapt."))
    if datum < uitstroom.datum:
        raise ValidationError({"datum": gettext("De terugval ligt vóór de uitstroom (%(datum)s).") % {"datum": format(uitstroom.datum, "%d-%m-%Y")}})
    regels.niet_in_toekomst(datum)
    terugval = Terugval(traject=traject, datum=datum, toelichting=toelichting, door=door)
    terugval.full_clean()
    terugval.save()
    regels.log_event(Actie.CREATE, door, traject, terugval)
    return terugval


@transaction.atomic
def traject_wijzigen(*, traject: Traject, data: dict, gelezen_versie: int, door: Gebruiker) -> Traject:
    """Correct the referral source of a traject."""
    velden = [f for f in ("verwijzer", "verwijzer_ketenpartner", "verwijzer_toelichting") if f in data]
    for field in velden:
        setattr(traject, field, data[field])
    traject.full_clean()
    save_checked(traject, gelezen_versie=gelezen_versie, fields=velden)
    regels.log_event(Actie.UPDATE, door, traject, traject)
    return traject
