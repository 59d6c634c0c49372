"""Reads for the dossier: the summary card above every tab, the timeline of one traject."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import (
    Count, DateField, Exists, FilteredRelation, IntegerField, OuterRef, Q, QuerySet, Subquery, Value,
)
from django.utils.translation import gettext, gettext_lazy

from clients.models import Contactafspraak
from clients.selectors import TERMIJNEN, Termijn, juridische_termijnen
from trajecten.models import (
    Contactmoment, FaseOvergang, Intakegesprek, Overdracht, Overdrachtssamenvatting, Terugval, Traject, Trajectplan,
    Verwijzing,
)
from trajecten.selectors.caseload import CASELOAD_ANNOTATIES, met_traject_stand
from trajecten.selectors.expressies import eenmalig_gebouwd
from uitstap.codes import ContactStatus, DoelStatus, Fase, Leeftijdsgroep, leeftijdsgroep_van
from uitstap.query_shapes import QueryShape


@dataclass
class TijdlijnItem:
    datum: datetime.date
    soort: str
    titel: str
    tekst: str = ""
    sortering: tuple = (0, 0)
    obj: object = None
    foutief: bool = False


# The kinds a coach can filter the timeline on, with their Dutch label.
TIJDLIJN_SOORTEN = [
    ("contact", gettext_lazy("Contacten")), ("fase", gettext_lazy("Fasen")), ("intake", gettext_lazy("Intake")), ("verwijzing", gettext_lazy("Verwijzingen")),
    ("uitstroom", gettext_lazy("Uitstroom en einde")),
]


# Within one day the timeline reads in the order things happen: registration, intake, phase
# changes, contacts, outcome, relapse, closing; ties within a kind go by order of recording.
_RANG = {"aanmelding": 0, "intake": 1, "fase": 2, "verwijzing": 3, "contact": 4, "uitstroom": 5, "terugval": 6, "einde": 7}


def dossier_stand(qs: QuerySet, vandaag: datetime.date) -> QuerySet:
    """The caseload state of the participants in `qs` (met_traject_stand and the caseload annotations, which
    include the legal route's end dates), whether one came with an overdracht summary, and the safe-contact
    arrangement in force (`afspraak_van`): what the summary card reads, in the one query of the participant.
    `stand_op` is the day the state was computed for (and says that a participant carries it). The current
    traject's newest plan version (`plan_volgnummer`, `plan_status`, `plan_open_doelen`: see `samenvatting`) and
    whether an overdracht was ever prepared (`heeft_overdracht_uit`: only then `overdracht_melding` looks) ride
    along, so the card costs no query of its own."""
    qs = met_traject_stand(qs, vandaag)
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag)
    # The newest version is the one in force (clients.selectors.contactafspraak_van), joined in.
    nieuwste = Contactafspraak.objects.filter(deelnemer=OuterRef("pk")).order_by("-versie").values("versie")[:1]
    return qs.annotate(
        stand_op=Value(vandaag, output_field=DateField()),
        heeft_overdrachtssamenvatting=Exists(Overdrachtssamenvatting.objects.filter(deelnemer=OuterRef("pk"))),
        heeft_overdracht_uit=Exists(Overdracht.objects.filter(deelnemer=OuterRef("pk"))),
        contactafspraak_nu=FilteredRelation(
            "contactafspraken", condition=Q(contactafspraken__versie=Subquery(nieuwste))),
        **_plan_expressies(),
    ).select_related("contactafspraak_nu__alleen_via")


@eenmalig_gebouwd
def _plan_expressies() -> dict:
    plannen = Trajectplan.objects.filter(traject_id=OuterRef("huidig_traject_id")).order_by("-volgnummer")
    open_doelen = Count("doelen", filter=Q(doelen__ouder__isnull=True, doelen__status__in=(DoelStatus.OPEN, DoelStatus.BEZIG)))
    return {
        "plan_volgnummer": Subquery(plannen.values("volgnummer")[:1]),
        "plan_status": Subquery(plannen.values("status")[:1]),
        "plan_open_doelen": Subquery(plannen.annotate(n=open_doelen).values("n")[:1], output_field=IntegerField()),
    }


def _trajecten_bouwen(deelnemer_id) -> QuerySet[Traject]:
    return (Traject.objects.filter(deelnemer_id=deelnemer_id)
            .select_related("intake", "uitstroom", "verwijzer_ketenpartner").order_by("-aanmelddatum", "-id"))


# Every tab of every dossier reads the participant's trajecten: one shape, compiled once (uitstap.query_shapes).
_TRAJECTEN = QueryShape(_trajecten_bouwen, maxsize=1)


def trajecten_van(deelnemer) -> list[Traject]:
    """The participant's trajecten, newest first, with intake, outcome and referring partner; for a participant
    the caller reached through clients.access (the dossier's tab shell)."""
    trajecten = _TRAJECTEN.fetch("trajecten", [deelnemer.pk])
    for traject in trajecten:
        traject.deelnemer = deelnemer
    return trajecten


def afspraak_van(stand) -> Contactafspraak | None:
    """The safe-contact arrangement in force of a participant annotated by `dossier_stand`, or None (the join
    sets no attribute when nothing was agreed yet)."""
    return getattr(stand, "contactafspraak_nu", None)


def juridische_termijnen_van(stand, vandaag: datetime.date) -> list[Termijn]:
    """The end dates of the legal route in force, from a participant annotated by `dossier_stand` (its
    jr_* annotations are that version's dates), without loading the route again."""
    route = SimpleNamespace(**{veld: getattr(stand, f"jr_{veld}") for veld, _ in TERMIJNEN})
    return juridische_termijnen(route, vandaag)


def _intakegesprekken_bouwen(traject_id) -> QuerySet[Intakegesprek]:
    return Intakegesprek.objects.filter(intake__traject_id=traject_id)


# The timeline tab reads them for every dossier it shows: one shape, compiled once (uitstap.query_shapes).
_INTAKEGESPREKKEN = QueryShape(_intakegesprekken_bouwen, maxsize=1)


def intakegesprekken(traject: Traject | None) -> list:
    """The follow-up talks of the traject's intake, oldest first. One query whenever there is a traject, with
    or without an intake, so the dossier costs the same for every participant."""
    return _INTAKEGESPREKKEN.fetch("intakegesprekken", [traject.pk]) if traject is not None else []


@dataclass
class Samenvatting:
    leeftijdsgroep: str
    plan_status: str
    open_doelen: int


def samenvatting(stand, vandaag: datetime.date) -> Samenvatting:
    """What the summary card adds to the caseload state: age group, the status of the current traject's newest
    plan version and its open goals (not sub-goals), from a participant annotated by `dossier_stand`."""
    groep = leeftijdsgroep_van(vandaag.year, stand.geboortejaar)
    if stand.plan_volgnummer is None:
        status, open_doelen = gettext("Nog geen trajectplan"), 0
    else:
        status = (gettext("Versie %(volgnummer)s: concept, nog niet ondertekend") if stand.plan_status == Trajectplan.Status.CONCEPT
                  else gettext("Versie %(volgnummer)s: ondertekend")) % {"volgnummer": stand.plan_volgnummer}
        open_doelen = stand.plan_open_doelen
    return Samenvatting(Leeftijdsgroep(groep).label if groep in Leeftijdsgroep.values else groep, status, open_doelen)


def tijdlijn(traject: Traject, *, toon_vertrouwelijk: bool = True, geladen: dict | None = None) -> list[TijdlijnItem]:
    """Phases, intake, contacts and outcome of one traject, newest first. `geladen` holds the traject's
    fase_overgangen, contactmomenten, verwijzingen and terugvallen when the caller loaded them (tijdlijnen);
    without it each is read from the traject."""
    def rijen(naam):
        return geladen[naam] if geladen is not None else getattr(traject, naam).all()

    items: list[TijdlijnItem] = []
    vorige = None
    for o in sorted(rijen("fase_overgangen"), key=lambda o: (o.datum, o.pk)):
        soort = "aanmelding" if o.fase == Fase.CONTACT and o.datum == traject.aanmelddatum else "fase"
        # A step back to an earlier phase is a terugstap; terugval is only a return to sex work.
        terug = vorige is not None and Fase.values.index(o.fase) < Fase.values.index(vorige)
        titel = gettext("Terugstap naar fase %(fase)s") % {"fase": o.get_fase_display()} if terug else gettext("Fase: %(fase)s") % {"fase": o.get_fase_display()}
        items.append(TijdlijnItem(o.datum, "fase", titel, o.reden, (_RANG[soort], o.pk), o))
        vorige = o.fase
    intake = getattr(traject, "intake", None)
    if intake is not None:
        items.append(TijdlijnItem(intake.datum, "intake", gettext("Intake – %(besluit)s") % {"besluit": intake.get_besluit_display()}, intake.besluit_reden, (_RANG["intake"], 0), intake))
    for c in rijen("contactmomenten"):
        titel = f"{c.get_soort_display()} – {c.get_status_display().lower()}"
        if c.duur_minuten and c.status == ContactStatus.GEHOUDEN:
            titel += gettext(" (%(duur_minuten)s min)") % {"duur_minuten": c.duur_minuten}
        if c.ketenpartner_id:
            titel += gettext(" met %(ketenpartner)s") % {"ketenpartner": c.ketenpartner}
        tekst = c.notitie if (toon_vertrouwelijk or not c.vertrouwelijk) else gettext("(vertrouwelijke notitie)")
        if c.foutief_op is not None:
            tekst = gettext("Foutief geregistreerd: %(foutief_reden)s") % {"foutief_reden": c.foutief_reden}
        items.append(TijdlijnItem(c.datum, "contact", titel, tekst, (_RANG["contact"], c.pk), c,
                                  foutief=c.foutief_op is not None))
    for v in rijen("verwijzingen"):
        rang = (_RANG["verwijzing"], v.pk)
        items.append(TijdlijnItem(v.verwezen, "verwijzing", gettext("Verwezen naar %(ketenpartner)s") % {"ketenpartner": v.ketenpartner}, v.hulpvraag, rang, v))
        if v.gestart:
            items.append(TijdlijnItem(v.gestart, "verwijzing", gettext("Hulp gestart bij %(ketenpartner)s") % {"ketenpartner": v.ketenpartner}, "", rang, v))
        if v.beeindigd:
            items.append(TijdlijnItem(v.beeindigd, "verwijzing", gettext("Verwijzing %(status)s: %(ketenpartner)s") % {"status": v.get_status_display().lower(), "ketenpartner": v.ketenpartner}, "", rang, v))
    uitstroom = getattr(traject, "uitstroom", None)
    if uitstroom is not None:
        detail = uitstroom.get_resultaat_display() if uitstroom.soort == "uitgestapt" else uitstroom.get_reden_display()
        items.append(TijdlijnItem(uitstroom.datum, "uitstroom", f"{uitstroom.get_soort_display()}: {detail}", uitstroom.toelichting, (_RANG["uitstroom"], 0), uitstroom))
    for t in rijen("terugvallen"):
        items.append(TijdlijnItem(t.datum, "terugval", gettext("Terugval"), t.toelichting, (_RANG["terugval"], t.pk), t))
    if traject.einddatum:
        items.append(TijdlijnItem(traject.einddatum, "einde", gettext("Traject afgesloten"), "", (_RANG["einde"], 0), traject))
    items.sort(key=lambda i: (i.datum, i.sortering), reverse=True)
    return items


def tijdlijn_gefilterd(items: list[TijdlijnItem], soort: str) -> list[TijdlijnItem]:
    """Only one kind of event; 'uitstroom' includes relapse and closing."""
    if soort not in dict(TIJDLIJN_SOORTEN):
        return items
    soorten = {"uitstroom", "terugval", "einde"} if soort == "uitstroom" else {soort}
    return [i for i in items if i.soort in soorten]


def _per_traject_bouwen(model):
    def bouwen(*traject_ids):
        qs = model.objects.filter(traject_id__in=traject_ids).order_by()
        return qs.select_related("ketenpartner") if model in (Contactmoment, Verwijzing) else qs
    return bouwen


# What a timeline shows of its trajecten, one query per kind for any number of trajecten; compiled once per
# number of trajecten (uitstap.query_shapes).
_TIJDLIJN_RIJEN = {
    naam: QueryShape(_per_traject_bouwen(model), maxsize=16)
    for naam, model in (("fase_overgangen", FaseOvergang), ("contactmomenten", Contactmoment),
                        ("verwijzingen", Verwijzing), ("terugvallen", Terugval))
}


def tijdlijnen(trajecten: list[Traject], *, toon_vertrouwelijk: bool = True) -> list[tuple[Traject, list[TijdlijnItem]]]:
    """The timeline of each traject, in four queries for any number of trajecten (their intake and
    uitstroom come with the trajecten: select_related in the dossier's traject query)."""
    if not trajecten:
        return []
    ids = [t.pk for t in trajecten]
    geladen = {t.pk: {naam: [] for naam in _TIJDLIJN_RIJEN} for t in trajecten}
    for naam, vorm in _TIJDLIJN_RIJEN.items():
        for rij in vorm.fetch(naam, ids):
            geladen[rij.traject_id][naam].append(rij)
    return [(t, tijdlijn(t, toon_vertrouwelijk=toon_vertrouwelijk, geladen=geladen[t.pk])) for t in trajecten]
