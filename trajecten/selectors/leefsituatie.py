"""Reads of a participant's situation over time, the nazorg regime's planned checks and their caseload annotation."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, DateField, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext, gettext_lazy

from trajecten.models import FaseOvergang, Leefsituatie, Nacontrole, Traject, Uitstroom
from trajecten.selectors.expressies import eenmalig_gebouwd
from uitstap.codes import Fase, NacontroleTermijn, UitstroomSoort
from uitstap.models import Toelatingscriterium

# How many days before the due date a planned check shows on the caseload.
NACONTROLE_VOORUIT_DAGEN = 14
TERMIJN_MAANDEN = {NacontroleTermijn.ZES_MAANDEN: 6, NacontroleTermijn.TWAALF_MAANDEN: 12}


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` calendar months later (31 January + 1 month = 28/29 February)."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar, maand = datum.year + jaar, maand + 1
    return datum.replace(year=jaar, month=maand, day=min(datum.day, calendar.monthrange(jaar, maand)[1]))


def situatie_uit(rijen) -> dict:
    """Fold rows (in date, recording order) into the situation: per field the last value set, None if never."""
    situatie = dict.fromkeys(Leefsituatie.VELDEN)
    for rij in rijen:
        for veld in Leefsituatie.VELDEN:
            waarde = getattr(rij, veld)
            if waarde not in ("", None):
                situatie[veld] = waarde
    return situatie


def situatie_op(deelnemer_id: int, dag: datetime.date | None = None) -> dict:
    """The participant's situation on `dag` (or now): per field the latest value set on or before it."""
    qs = Leefsituatie.objects.filter(traject__deelnemer_id=deelnemer_id)
    if dag is not None:
        qs = qs.filter(datum__lte=dag)
    return situatie_uit(qs.order_by("datum", "id"))


def instroomdatum(traject: Traject) -> datetime.date | None:
    """DEFINITIONS.md: the date of the earliest transition to oriëntatie, uitvoering or nazorg."""
    eerste = (FaseOvergang.objects.filter(traject=traject).exclude(fase=Fase.CONTACT)
              .order_by("datum", "id").values_list("datum", flat=True).first())
    return eerste


@dataclass
class SituatieRegel:
    veld: str
    label: str
    instroom: str
    nu: str


# Short labels for the compact comparison and timeline (the form keeps the full ones).
KORT = {"kvk_ingeschreven": gettext_lazy("KvK / opting-in")}


def _label(veld: str) -> str:
    return str(KORT.get(veld) or Leefsituatie._meta.get_field(veld).verbose_name)


def _weergave(veld: str, waarde) -> str:
    if waarde is None:
        return "—"
    if veld == "kvk_ingeschreven":
        return gettext("ja") if waarde else gettext("nee")
    return str(dict(Leefsituatie._meta.get_field(veld).flatchoices).get(waarde, waarde))


def instroom_en_nu(traject: Traject) -> list[SituatieRegel]:
    """The situation at instroom (or at aanmelding when not yet ingestroomd) beside the situation now."""
    dag = instroomdatum(traject) or traject.aanmelddatum
    bij_instroom = situatie_op(traject.deelnemer_id, dag)
    nu = situatie_op(traject.deelnemer_id)
    return [
        SituatieRegel(veld, _label(veld),
                      _weergave(veld, bij_instroom[veld]), _weergave(veld, nu[veld]))
        for veld in Leefsituatie.VELDEN
    ]


@dataclass
class TijdlijnRegel:
    rij: Leefsituatie
    wijzigingen: list[tuple[str, str]]


def leefsituatie_tijdlijn(deelnemer_id: int) -> list[TijdlijnRegel]:
    """Every recorded change, newest first, each with its (label, new value) pairs."""
    regels = []
    qs = Leefsituatie.objects.filter(traject__deelnemer_id=deelnemer_id).select_related("door")
    for rij in qs.order_by("-datum", "-id"):
        wijzigingen = [
            (_label(veld), _weergave(veld, getattr(rij, veld)))
            for veld in Leefsituatie.VELDEN if getattr(rij, veld) not in ("", None)
        ]
        regels.append(TijdlijnRegel(rij, wijzigingen))
    return regels


@dataclass
class GeplandeNacontrole:
    termijn: str
    label: str
    datum: datetime.date
    gedaan: Nacontrole | None


def geplande_nacontroles(traject: Traject) -> list[GeplandeNacontrole]:
    """The checks the programme's regime plans after the exit, each with the latest one recorded for it."""
    uitstroom = Uitstroom.objects.filter(traject=traject, soort=UitstroomSoort.UITGESTAPT).first()
    if uitstroom is None:
        return []
    programma = traject.deelnemer.programma
    termijnen = [t for t, aan in ((NacontroleTermijn.ZES_MAANDEN, programma.nacontrole_6m),
                                  (NacontroleTermijn.TWAALF_MAANDEN, programma.nacontrole_12m)) if aan]
    gedaan = {}
    for n in Nacontrole.objects.filter(traject=traject).order_by("datum", "id"):
        gedaan[n.termijn] = n
    return [
        GeplandeNacontrole(t, NacontroleTermijn(t).label, plus_maanden(uitstroom.datum, TERMIJN_MAANDEN[t]), gedaan.get(t))
        for t in termijnen
    ]


def nacontroles_van(traject: Traject) -> list[Nacontrole]:
    return list(Nacontrole.objects.filter(traject=traject).select_related("aangemaakt_door").order_by("-datum", "-id"))


def nazorg_einde(uitstap_datum: datetime.date, duur_maanden: int) -> datetime.date:
    return plus_maanden(uitstap_datum, duur_maanden)


def annoteer_nazorg(qs: QuerySet, vandaag: datetime.date) -> QuerySet:
    """Caseload annotation: the exit date, the programme's regime and whether each check was recorded."""
    return qs.annotate(**_nazorg_expressies())


@eenmalig_gebouwd
def _nazorg_expressies() -> dict:
    uitstap = Uitstroom.objects.filter(traject=OuterRef("huidig_traject_id"), soort=UitstroomSoort.UITGESTAPT)
    controles = Nacontrole.objects.filter(traject=OuterRef("huidig_traject_id"))
    return {
        "uitstap_datum": Subquery(uitstap.values("datum")[:1], output_field=DateField()),
        "nazorg_contact_dagen": F("programma__nazorg_contact_dagen"),
        "nazorg_duur_maanden": F("programma__nazorg_duur_maanden"),
        "regime_6m": F("programma__nacontrole_6m"),
        "regime_12m": F("programma__nacontrole_12m"),
        "gedaan_6m": Exists(controles.filter(termijn=NacontroleTermijn.ZES_MAANDEN), output_field=BooleanField()),
        "gedaan_12m": Exists(controles.filter(termijn=NacontroleTermijn.TWAALF_MAANDEN), output_field=BooleanField()),
    }


def nazorg_signalen(d, vandaag: datetime.date) -> list[tuple[str, str | None]]:
    """(text, termijn or None) for one participant annotated by annoteer_nazorg: checks due, nazorg ended."""
    if getattr(d, "uitstap_datum", None) is None:
        return []
    uit = []
    for termijn, aan, gedaan in ((NacontroleTermijn.ZES_MAANDEN, d.regime_6m, d.gedaan_6m),
                                 (NacontroleTermijn.TWAALF_MAANDEN, d.regime_12m, d.gedaan_12m)):
        if not aan or gedaan:
            continue
        op = plus_maanden(d.uitstap_datum, TERMIJN_MAANDEN[termijn])
        if vandaag >= op - datetime.timedelta(days=NACONTROLE_VOORUIT_DAGEN):
            uit.append((gettext("Nacontrole %(termijn)s gepland (%(datum)s)") % {
                "termijn": NacontroleTermijn(termijn).label, "datum": f"{op:%d-%m-%Y}"}, termijn))
    if vandaag >= nazorg_einde(d.uitstap_datum, d.nazorg_duur_maanden):
        uit.append((gettext("Nazorg voorbij: sluit het traject af"), None))
    return uit


def criteria_voor_intake(traject: Traject) -> list:
    """The programme's active criteria, plus any inactive one this traject's intake already answered."""


    beantwoord = set()
    intake = getattr(traject, "intake", None)
    if intake is not None:
        beantwoord = set(intake.criteria.values_list("criterium_id", flat=True))

    return list(Toelatingscriterium.objects.filter(programma_id=traject.deelnemer.programma_id)
                .filter(Q(actief=True) | Q(pk__in=beantwoord)).order_by("soort", "volgorde", "id"))
