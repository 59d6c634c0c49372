"""Reads for the coach's day: the caseload and the coordinator's list, with their signals.

Every query starts from `deelnemers_visible_to`; list queries use a fixed number of SQL statements.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    DateField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from clients.models import Deelnemer
from clients.selectors import deelnemers_visible_to
from trajecten.models import Contactmoment, FaseOvergang, Traject
from trajecten.selectors.plan import annoteer_doelen_verlopen
from trajecten.selectors.verwijzing import annoteer_lang_wachtend
from uitstap.codes import ContactStatus, Fase

GEEN_CONTACT_DAGEN = 30
NO_SHOW_DAGEN = 60
NO_SHOW_AANTAL = 2
NAZORG_CONTACT_DAGEN = 42


def _huidig_traject():
    return Traject.objects.filter(deelnemer=OuterRef("pk")).order_by("-aanmelddatum", "-id")


def _laatste_overgang():
    return FaseOvergang.objects.filter(traject=OuterRef("huidig_traject_id")).order_by("-datum", "-id")


def met_traject_stand(qs: QuerySet[Deelnemer], vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """Annotate participants with their current traject, phase, days in phase, contacts and signals."""
    vandaag = vandaag or datetime.date.today()
    contacten = Contactmoment.objects.filter(traject=OuterRef("huidig_traject_id"))
    return qs.annotate(
        huidig_traject_id=Subquery(_huidig_traject().values("pk")[:1]),
        traject_aanmelddatum=Subquery(_huidig_traject().values("aanmelddatum")[:1]),
        traject_einddatum=Subquery(_huidig_traject().values("einddatum")[:1]),
        aantal_trajecten=Subquery(
            Traject.objects.filter(deelnemer=OuterRef("pk")).values("deelnemer").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        fase=Subquery(_laatste_overgang().values("fase")[:1]),
        fase_sinds=Subquery(_laatste_overgang().values("datum")[:1]),
        volgend_contact=Subquery(
            contacten.filter(status=ContactStatus.GEPLAND, datum__gte=vandaag).order_by("datum", "tijd").values("datum")[:1]
        ),
        laatste_contact=Subquery(
            contacten.filter(status=ContactStatus.GEHOUDEN).order_by("-datum").values("datum")[:1],
            output_field=DateField(),
        ),
        recente_no_shows=Coalesce(
            Subquery(
                contacten.filter(
                    status=ContactStatus.NIET_VERSCHENEN,
                    datum__gte=vandaag - datetime.timedelta(days=NO_SHOW_DAGEN),
                )
                .values("traject")
                .annotate(n=Count("pk"))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
            0,
        ),
    )


@dataclass
class Signaal:
    tekst: str
    ernst: str = "warning"


def signalen_voor(d: Deelnemer, vandaag: datetime.date | None = None) -> list[Signaal]:
    """The warnings of one annotated participant (see met_traject_stand)."""
    vandaag = vandaag or datetime.date.today()
    uit = []
    if d.huidig_traject_id is None or d.traject_einddatum is not None:
        return uit
    referentie = d.laatste_contact or d.traject_aanmelddatum
    if referentie and (vandaag - referentie).days > GEEN_CONTACT_DAGEN and d.fase != Fase.NAZORG:
        uit.append(Signaal(f"Geen contact sinds {(vandaag - referentie).days} dagen"))
    if d.recente_no_shows >= NO_SHOW_AANTAL:
        uit.append(Signaal(f"{d.recente_no_shows}× niet verschenen (60 dagen)", "danger"))
    if d.fase == Fase.NAZORG and referentie and (vandaag - referentie).days > NAZORG_CONTACT_DAGEN and not d.volgend_contact:
        uit.append(Signaal("Nazorgcontact nodig"))
    if getattr(d, "doelen_verlopen", 0):
        uit.append(Signaal(f"{d.doelen_verlopen} doel(en) over streefdatum"))
    if getattr(d, "lang_wachtend", 0):
        uit.append(Signaal(f"{d.lang_wachtend} verwijzing(en) wachten lang"))
    return uit


# The per-feature annotations the signals read: goals past target date, referrals waiting long.
CASELOAD_ANNOTATIES = (annoteer_doelen_verlopen, annoteer_lang_wachtend)


def zoek_deelnemers(qs: QuerySet[Deelnemer], zoek: str) -> QuerySet[Deelnemer]:
    """Narrow a list by clientcode or roepnaam."""
    zoek = (zoek or "").strip()[:50]
    return qs.filter(Q(clientcode__icontains=zoek) | Q(roepnaam__icontains=zoek)) if zoek else qs


def caseload(user, *, zoek: str = "", afgesloten: bool = False, vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """The coach's own participants and those they are achtervang for, with their current state.

    Participants whose latest traject has ended are left out unless `afgesloten` is asked for.
    """
    qs = zoek_deelnemers(deelnemers_visible_to(user).select_related("begeleider", "achtervang"), zoek)
    qs = met_traject_stand(qs, vandaag)
    if not afgesloten:
        qs = qs.filter(traject_einddatum__isnull=True)
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag or datetime.date.today())
    return qs.order_by("clientcode")


def deelnemers_overzicht(user, vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """All participants the user may see, annotated for the coordinator's filtered list."""
    qs = deelnemers_visible_to(user).select_related("begeleider", "achtervang", "woongemeente")
    qs = met_traject_stand(qs, vandaag)
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag or datetime.date.today())
    return qs.order_by("clientcode")
