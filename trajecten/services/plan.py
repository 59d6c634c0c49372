"""Writes for the plan feature: metingen, trajectplan versions, SMART goals, sub-goals, progress.

Rules (decided here, see also the module's tests):
- The latest version of a traject's plan is the current one. A concept can be edited; signing by
  both parties (two dates) makes it `actief` and freezes its text (goals, sub-goals, afspraken).
- Changing a signed plan = `trajectplan_nieuwe_versie`: version n+1 as concept with copies of the
  goals still open or bezig (and their sub-goals); each copy points to its `oorsprong`, keeps
  `gesteld_op`. Finished goals (behaald, niet behaald, vervallen) stay in the version where they
  were closed, so a goal's `behaald_op` is never counted twice. Report rule: a goal is *gesteld*
  once, by the copy without `oorsprong`. The previous version becomes `vervangen` only when the
  new one is signed; until then it stays the agreement in force.
- Goals of the current version may always get progress (DoelVoortgang) and a status change,
  also when the plan is signed: that is the follow-up of the agreement, not a change of it.
  Goals of older versions are history and stay untouched.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from trajecten.services import regels
from trajecten.models import Doel, DoelVoortgang, Meting, MetingScore, Traject, Trajectplan
from uitstap.audit import Actie
from uitstap.codes import DoelStatus, Leefgebied
from uitstap.locking import controleer_versie, huidige_versie, save_checked
from uitstap.models import Gebruiker

OPEN_STATUSSEN = (DoelStatus.OPEN, DoelStatus.BEZIG)


# --- metingen ---------------------------------------------------------------------------------


def _score_of_fout(leefgebied: str, waarde) -> int:
    label = Leefgebied(leefgebied).label
    if isinstance(waarde, str) and waarde.strip().isdigit():
        waarde = int(waarde)
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        raise ValidationError({"scores": gettext("De score voor %(label)s is geen heel getal van 1 tot en met 10.") % {"label": label}})
    if not 1 <= waarde <= 10:
        raise ValidationError({"scores": gettext("De score voor %(label)s moet tussen 1 en 10 liggen (nu %(waarde)s).") % {"label": label, "waarde": waarde}})
    return waarde


@transaction.atomic
def meting_vastleggen(
    *, traject: Traject, datum: datetime.date, scores: dict, door: Gebruiker, notitie: str = ""
) -> Meting:
    """Record a self-assessment: scores 1-10 on one or more leefgebieden (empty ones are skipped)."""
    regels.moet_open_zijn(traject)
    if datum is None:
        raise ValidationError({"datum": gettext("Vul de datum van de meting in.")})
    regels.niet_voor_aanmelding(traject, datum)
    regels.niet_in_toekomst(datum)
    schoon = {}
    for leefgebied, waarde in (scores or {}).items():
        if leefgebied not in Leefgebied.values:
            raise ValidationError({"scores": gettext("Onbekend leefgebied: %(leefgebied)s.") % {"leefgebied": leefgebied}})
        if waarde is None or waarde == "":
            continue
        schoon[leefgebied] = _score_of_fout(leefgebied, waarde)
    if not schoon:
        raise ValidationError({"scores": gettext("Vul voor minstens één leefgebied een score in.")})
    meting = Meting(traject=traject, datum=datum, notitie=(notitie or "").strip(), door=door)
    meting.full_clean()
    meting.save()
    for leefgebied, score in schoon.items():
        regel = MetingScore(meting=meting, leefgebied=leefgebied, score=score)
        regel.full_clean()
        regel.save()
    regels.log_event(Actie.CREATE, door, traject, meting)
    return meting


# --- plan versions ----------------------------------------------------------------------------


def laatste_plan(traject: Traject) -> Trajectplan | None:
    return traject.plannen.order_by("-volgnummer").first()


def _moet_huidig_zijn(plan: Trajectplan):
    laatste = laatste_plan(plan.traject)
    if laatste is None or laatste.pk != plan.pk:
        raise ValidationError(
            gettext("Versie %(volgnummer)s is vervangen door versie %(volgnummer1)s. Werk in de nieuwste versie.") % {"volgnummer": plan.volgnummer, "volgnummer1": laatste.volgnummer}
        )


def _moet_concept_zijn(plan: Trajectplan):
    if plan.is_bevroren:
        raise ValidationError(
            gettext("Versie %(volgnummer)s van het trajectplan is ondertekend en kan niet meer worden gewijzigd. Maak een nieuwe versie om iets te veranderen.") % {"volgnummer": plan.volgnummer}
        )


def _check_opgesteld_op(traject: Traject, opgesteld_op, vorige: Trajectplan | None = None):
    if opgesteld_op is None:
        raise ValidationError({"opgesteld_op": gettext("Vul de datum in waarop het plan is opgesteld.")})
    regels.niet_voor_aanmelding(traject, opgesteld_op, "opgesteld_op")
    regels.niet_in_toekomst(opgesteld_op, "opgesteld_op")
    if vorige is not None and opgesteld_op < vorige.opgesteld_op:
        raise ValidationError(
            {"opgesteld_op": gettext("Versie %(volgnummer)s is opgesteld op %(opgesteld_op)s; kies die dag of later.") % {"volgnummer": vorige.volgnummer, "opgesteld_op": format(vorige.opgesteld_op, "%d-%m-%Y")}}
        )


@transaction.atomic
def trajectplan_opstellen(
    *, traject: Traject, opgesteld_op: datetime.date, door: Gebruiker, afspraken: str = ""
) -> Trajectplan:
    """Draw up the first version of the plan (a concept)."""
    regels.moet_open_zijn(traject)
    Traject.objects.select_for_update().filter(pk=traject.pk).first()
    if traject.plannen.exists():
        raise ValidationError(gettext("Dit traject heeft al een trajectplan. Maak een nieuwe versie om het te wijzigen."))
    _check_opgesteld_op(traject, opgesteld_op)
    plan = Trajectplan(traject=traject, volgnummer=1, opgesteld_op=opgesteld_op, afspraken=(afspraken or "").strip(),
                       aangemaakt_door=door)
    plan.full_clean()
    plan.save()
    regels.log_event(Actie.CREATE, door, traject, plan)
    return plan


@transaction.atomic
def trajectplan_wijzigen(
    *, plan: Trajectplan, opgesteld_op: datetime.date, afspraken: str, door: Gebruiker,
    gelezen_versie: int,
) -> Trajectplan:
    """Change the date or the agreements of a concept version."""
    regels.moet_open_zijn(plan.traject)
    _moet_concept_zijn(plan)
    _moet_huidig_zijn(plan)
    vorige = plan.traject.plannen.filter(volgnummer__lt=plan.volgnummer).order_by("-volgnummer").first()
    _check_opgesteld_op(plan.traject, opgesteld_op, vorige)
    oude_datum = plan.opgesteld_op
    # Goals that took the plan's date (new in this version) move along with it.
    meeschuiven = plan.doelen.filter(oorsprong__isnull=True, gesteld_op=oude_datum)
    if opgesteld_op != oude_datum:
        te_vroeg = meeschuiven.filter(streefdatum__lte=opgesteld_op).first()
        if te_vroeg is not None:
            raise ValidationError({"opgesteld_op": gettext("Het doel '%(te_vroeg)s' heeft streefdatum %(streefdatum)s; het plan moet eerder zijn opgesteld.") % {"te_vroeg": te_vroeg, "streefdatum": format(te_vroeg.streefdatum, "%d-%m-%Y")}})
    plan.opgesteld_op = opgesteld_op
    plan.afspraken = (afspraken or "").strip()
    plan.full_clean()
    save_checked(plan, gelezen_versie=gelezen_versie, fields=["opgesteld_op", "afspraken"])
    if opgesteld_op != oude_datum:
        meeschuiven.update(gesteld_op=opgesteld_op)
    regels.log_event(Actie.UPDATE, door, plan.traject, plan)
    return plan


@transaction.atomic
def trajectplan_ondertekenen(
    *, plan: Trajectplan, ondertekend_deelnemer_op: datetime.date, ondertekend_begeleider_op: datetime.date,
    door: Gebruiker, gelezen_versie: int,
) -> Trajectplan:
    """Both parties signed: the version becomes actief and frozen; the one before it becomes vervangen."""
    controleer_versie(plan, gelezen_versie)
    regels.moet_open_zijn(plan.traject)
    _moet_concept_zijn(plan)
    _moet_huidig_zijn(plan)
    fouten = {}
    for veld, datum in (("ondertekend_deelnemer_op", ondertekend_deelnemer_op),
                        ("ondertekend_begeleider_op", ondertekend_begeleider_op)):
        if datum is None:
            fouten[veld] = gettext("Vul de datum van ondertekening in.")
        elif datum > datetime.date.today():
            fouten[veld] = gettext("Deze datum ligt in de toekomst.")
        elif datum < plan.opgesteld_op:
            fouten[veld] = f"Het plan is opgesteld op {plan.opgesteld_op:%d-%m-%Y}; ondertekenen kan pas daarna."
    if fouten:
        raise ValidationError(fouten)
    hoofddoelen = list(plan.doelen.filter(ouder__isnull=True))
    if not hoofddoelen:
        raise ValidationError(gettext("Voeg eerst minstens één doel toe; een trajectplan zonder doelen kan niet worden ondertekend."))
    niet_eens = [d for d in hoofddoelen if d.acceptabel is not True]
    if niet_eens:
        raise ValidationError(
            gettext("De deelnemer heeft nog niet ingestemd met het doel '%(waarde0)s' (A – acceptabel). Pas het doel aan of haal het uit het plan voordat het wordt ondertekend.") % {"waarde0": niet_eens[0]}
        )
    plan.ondertekend_deelnemer_op = ondertekend_deelnemer_op
    plan.ondertekend_begeleider_op = ondertekend_begeleider_op
    plan.status = Trajectplan.Status.ACTIEF
    plan.full_clean()
    save_checked(plan, gelezen_versie=gelezen_versie,
                 fields=["ondertekend_deelnemer_op", "ondertekend_begeleider_op", "status"])
    regels.log_event(Actie.UPDATE, door, plan.traject, plan)
    for oud in plan.traject.plannen.filter(volgnummer__lt=plan.volgnummer, status=Trajectplan.Status.ACTIEF):
        oud.status = Trajectplan.Status.VERVANGEN
        save_checked(oud, gelezen_versie=huidige_versie(oud), fields=["status"])
        regels.log_event(Actie.UPDATE, door, plan.traject, oud)
    return plan


def _kopie(doel: Doel, plan: Trajectplan, ouder: Doel | None) -> Doel:
    nieuw = Doel(
        plan=plan, ouder=ouder, oorsprong=doel, leefgebied=doel.leefgebied, omschrijving=doel.omschrijving,
        indicator=doel.indicator, acceptabel=doel.acceptabel, acceptabel_toelichting=doel.acceptabel_toelichting,
        realistisch=doel.realistisch, streefdatum=doel.streefdatum, startscore=doel.startscore,
        doelscore=doel.doelscore, status=doel.status, gesteld_op=doel.gesteld_op or doel.plan.opgesteld_op,
        behaald_op=doel.behaald_op, volgorde=doel.volgorde,
    )
    nieuw.full_clean()
    nieuw.save()
    return nieuw


@transaction.atomic
def trajectplan_nieuwe_versie(*, plan: Trajectplan, opgesteld_op: datetime.date, door: Gebruiker) -> Trajectplan:
    """Start version n+1 (concept) from a signed version, copying its unfinished goals and their sub-goals."""
    regels.moet_open_zijn(plan.traject)
    Traject.objects.select_for_update().filter(pk=plan.traject_id).first()
    _moet_huidig_zijn(plan)
    if not plan.is_bevroren:
        raise ValidationError(
            gettext("Versie %(volgnummer)s is nog een concept; die kun je zelf aanpassen. Een nieuwe versie maak je van een ondertekend plan.") % {"volgnummer": plan.volgnummer}
        )
    _check_opgesteld_op(plan.traject, opgesteld_op, plan)
    nieuw = Trajectplan(traject=plan.traject, volgnummer=plan.volgnummer + 1, opgesteld_op=opgesteld_op,
                        afspraken=plan.afspraken, aangemaakt_door=door)
    nieuw.full_clean()
    nieuw.save()
    for hoofd in plan.doelen.filter(ouder__isnull=True, status__in=OPEN_STATUSSEN).order_by("leefgebied", "volgorde", "id"):
        kopie = _kopie(hoofd, nieuw, None)
        for sub in hoofd.subdoelen.order_by("volgorde", "id"):
            _kopie(sub, nieuw, kopie)
    regels.log_event(Actie.CREATE, door, plan.traject, nieuw)
    return nieuw


# --- goals ------------------------------------------------------------------------------------

DOEL_VELDEN = [
    "leefgebied", "omschrijving", "indicator", "acceptabel", "acceptabel_toelichting", "realistisch",
    "streefdatum", "startscore", "doelscore", "gesteld_op",
]
SUBDOEL_VELDEN = ["omschrijving", "indicator", "streefdatum", "gesteld_op"]


def _check_smart(doel: Doel):
    """The SMART rules, in the words of the form. Collects every problem at once."""
    fouten = {}
    doel.omschrijving = (doel.omschrijving or "").strip()
    doel.indicator = (doel.indicator or "").strip()
    if doel.leefgebied not in Leefgebied.values:
        fouten["leefgebied"] = gettext("Kies het leefgebied waar dit doel bij hoort.")
    if not doel.omschrijving:
        fouten["omschrijving"] = gettext("Beschrijf wat de deelnemer precies wil bereiken (S – specifiek).")
    if not doel.indicator:
        fouten["indicator"] = (gettext("Vul in waaraan jullie zien dat het doel bereikt is (M – meetbaar). "
                               "Zonder meetbare aanwijzing kan het doel niet worden opgeslagen."))
    if doel.streefdatum is None:
        fouten["streefdatum"] = gettext("Kies een streefdatum: wanneer wil de deelnemer dit bereikt hebben (T – tijdgebonden)?")
    gesteld = doel.gesteld_op or doel.plan.opgesteld_op
    if doel.gesteld_op is not None:
        if doel.gesteld_op > datetime.date.today():
            fouten["gesteld_op"] = gettext("Deze datum ligt in de toekomst.")
        elif doel.gesteld_op < doel.plan.traject.aanmelddatum:
            fouten["gesteld_op"] = f"Deze datum ligt vóór de aanmelddatum ({doel.plan.traject.aanmelddatum:%d-%m-%Y})."
    if doel.streefdatum is not None and "streefdatum" not in fouten and doel.streefdatum <= gesteld:
        fouten["streefdatum"] = f"De streefdatum moet na de datum liggen waarop het doel is gesteld ({gesteld:%d-%m-%Y})."
    if doel.ouder_id is not None and doel.streefdatum and doel.ouder.streefdatum and doel.streefdatum > doel.ouder.streefdatum:
        fouten["streefdatum"] = (f"Een subdoel is een stap op weg naar het hoofddoel; kies een streefdatum op of vóór "
                                 f"{doel.ouder.streefdatum:%d-%m-%Y}.")
    for veld in ("startscore", "doelscore"):
        waarde = getattr(doel, veld)
        if waarde is not None and not 1 <= waarde <= 10:
            fouten[veld] = gettext("Een score ligt tussen 1 en 10.")
    if (doel.startscore and doel.doelscore and "startscore" not in fouten and "doelscore" not in fouten
            and doel.doelscore < doel.startscore):
        fouten["doelscore"] = gettext("De doelscore is lager dan de startscore; een doel is een verbetering of behoud.")
    if doel.ouder_id is None and doel.acceptabel is False and not (doel.acceptabel_toelichting or "").strip():
        fouten["acceptabel_toelichting"] = gettext("De deelnemer is het (nog) niet eens met dit doel; noteer in eigen woorden waarom.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def doel_aanmaken(*, plan: Trajectplan, data: dict, door: Gebruiker) -> Doel:
    """Add a SMART goal to a concept version. Without a date of its own it is set on the plan's date."""
    regels.moet_open_zijn(plan.traject)
    _moet_concept_zijn(plan)
    _moet_huidig_zijn(plan)
    doel = Doel(plan=plan)
    for veld in DOEL_VELDEN:
        if veld in data:
            setattr(doel, veld, data[veld])
    _check_smart(doel)
    if doel.gesteld_op is None:
        doel.gesteld_op = plan.opgesteld_op
    doel.volgorde = plan.doelen.filter(ouder__isnull=True, leefgebied=doel.leefgebied).count() + 1
    doel.full_clean()
    doel.save()
    regels.log_event(Actie.CREATE, door, plan.traject, doel)
    return doel


@transaction.atomic
def subdoel_aanmaken(*, ouder: Doel, data: dict, door: Gebruiker) -> Doel:
    """A smaller step on the way to a goal (one level deep; same leefgebied)."""
    plan = ouder.plan
    regels.moet_open_zijn(plan.traject)
    _moet_concept_zijn(plan)
    _moet_huidig_zijn(plan)
    if ouder.ouder_id is not None:
        raise ValidationError(gettext("Een subdoel kan zelf geen subdoelen hebben. Voeg het toe aan het hoofddoel."))
    doel = Doel(plan=plan, ouder=ouder, leefgebied=ouder.leefgebied, acceptabel=ouder.acceptabel)
    for veld in SUBDOEL_VELDEN:
        if veld in data:
            setattr(doel, veld, data[veld])
    _check_smart(doel)
    if doel.gesteld_op is None:
        doel.gesteld_op = plan.opgesteld_op
    doel.volgorde = ouder.subdoelen.count() + 1
    doel.full_clean()
    doel.save()
    regels.log_event(Actie.CREATE, door, plan.traject, doel)
    return doel


@transaction.atomic
def doel_wijzigen(*, doel: Doel, data: dict, door: Gebruiker, gelezen_versie: int) -> Doel:
    """Change a goal (or sub-goal) of a concept version; a sub-goal keeps its parent's leefgebied."""
    plan = doel.plan
    regels.moet_open_zijn(plan.traject)
    _moet_concept_zijn(plan)
    _moet_huidig_zijn(plan)
    velden = SUBDOEL_VELDEN if doel.ouder_id else DOEL_VELDEN
    gewijzigd = [v for v in velden if v in data]
    for veld in gewijzigd:
        setattr(doel, veld, data[veld])
    _check_smart(doel)
    if doel.gesteld_op is None:
        doel.gesteld_op = plan.opgesteld_op
        gewijzigd.append("gesteld_op")
    doel.full_clean()
    save_checked(doel, gelezen_versie=gelezen_versie, fields=sorted(set(gewijzigd)))
    if doel.ouder_id is None and "leefgebied" in gewijzigd:
        doel.subdoelen.update(leefgebied=doel.leefgebied)
    regels.log_event(Actie.UPDATE, door, plan.traject, doel)
    return doel


@transaction.atomic
def doel_verwijderen(*, doel: Doel, door: Gebruiker) -> None:
    """Remove a goal (and its sub-goals) from a concept version; signed versions keep every goal."""
    plan = doel.plan
    regels.moet_open_zijn(plan.traject)
    _moet_concept_zijn(plan)
    _moet_huidig_zijn(plan)
    for sub in doel.subdoelen.all():
        regels.log_event(Actie.DELETE, door, plan.traject, sub)
    regels.log_event(Actie.DELETE, door, plan.traject, doel)
    doel.delete()


@transaction.atomic
def doel_status_wijzigen(
    *, doel: Doel, status: str, door: Gebruiker, behaald_op: datetime.date | None = None,
    gelezen_versie: int,
) -> Doel:
    """Follow-up of the current version (also when signed): open, bezig, behaald (with a date), ..."""
    plan = doel.plan
    regels.moet_open_zijn(plan.traject)
    _moet_huidig_zijn(plan)
    if status not in DoelStatus.values:
        raise ValidationError({"status": gettext("Kies een geldige status.")})
    if status == DoelStatus.BEHAALD:
        if behaald_op is None:
            raise ValidationError({"behaald_op": gettext("Vul in op welke datum het doel is behaald.")})
        regels.niet_in_toekomst(behaald_op, "behaald_op")
        gesteld = doel.gesteld_op or plan.opgesteld_op
        if behaald_op < gesteld:
            raise ValidationError({"behaald_op": gettext("Het doel is gesteld op %(gesteld)s; het kan niet eerder behaald zijn.") % {"gesteld": format(gesteld, "%d-%m-%Y")}})
    else:
        behaald_op = None
    doel.status = status
    doel.behaald_op = behaald_op
    doel.full_clean()
    save_checked(doel, gelezen_versie=gelezen_versie, fields=["status", "behaald_op"])
    regels.log_event(Actie.UPDATE, door, plan.traject, doel)
    return doel


@transaction.atomic
def voortgang_vastleggen(
    *, doel: Doel, datum: datetime.date, door: Gebruiker, score: int | None = None, notitie: str = ""
) -> DoelVoortgang:
    """A progress note on a goal of the current version; an open goal becomes bezig."""
    plan = doel.plan
    regels.moet_open_zijn(plan.traject)
    _moet_huidig_zijn(plan)
    if datum is None:
        raise ValidationError({"datum": gettext("Vul de datum in.")})
    regels.niet_in_toekomst(datum)
    gesteld = doel.gesteld_op or plan.opgesteld_op
    if datum < gesteld:
        raise ValidationError({"datum": gettext("Het doel is gesteld op %(gesteld)s; kies die dag of later.") % {"gesteld": format(gesteld, "%d-%m-%Y")}})
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 10:
            raise ValidationError({"score": gettext("Een score ligt tussen 1 en 10.")})
    notitie = (notitie or "").strip()
    if score is None and not notitie:
        raise ValidationError(gettext("Vul een score of een notitie in."))
    voortgang = DoelVoortgang(doel=doel, datum=datum, score=score, notitie=notitie, door=door)
    voortgang.full_clean()
    voortgang.save()
    regels.log_event(Actie.CREATE, door, plan.traject, voortgang)
    if doel.status == DoelStatus.OPEN:
        doel.status = DoelStatus.BEZIG
        save_checked(doel, gelezen_versie=huidige_versie(doel), fields=["status"])
    return voortgang
