"""The date and phase rules of a traject, in one place: the services and the import validation use them."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from clients.models import Deelnemer
from clients.selectors import grondslag
from trajecten.models import Traject
from uitstap.audit import audit_log
from uitstap.codes import Fase, Verwijzer
from uitstap.models import Gebruiker


def vandaag() -> datetime.date:
    return datetime.date.today()


def datum_nl(datum: datetime.date) -> str:
    return f"{datum:%d-%m-%Y}"


def log_event(actie: str, door: Gebruiker, traject_or_deelnemer: Traject | Deelnemer, obj) -> None:
    """The audit event of a write on a participant's record, with the writer's basis for access."""
    deelnemer = traject_or_deelnemer.deelnemer if isinstance(traject_or_deelnemer, Traject) else traject_or_deelnemer
    audit_log(actie=actie, gebruiker=door, clientcode=deelnemer.clientcode, obj=obj, grondslag=grondslag(door, deelnemer))


# --- dates ------------------------------------------------------------------------------------


def fout_in_toekomst(datum: datetime.date, *, tot: datetime.date | None = None) -> str | None:
    """The Dutch message when a date lies after today (or after `tot`), else None."""
    if datum > (tot or vandaag()):
        return gettext("Deze datum ligt in de toekomst.")
    return None


def fout_voor_aanmelding(aanmelddatum: datetime.date, datum: datetime.date) -> str | None:
    """The Dutch message when a date lies before the traject's aanmelddatum, else None."""
    if datum < aanmelddatum:
        return f"Deze datum ligt vóór de aanmelddatum ({datum_nl(aanmelddatum)})."
    return None


def niet_in_toekomst(datum: datetime.date, veld: str = "datum") -> None:
    if (fout := fout_in_toekomst(datum)) is not None:
        raise ValidationError({veld: fout})


def niet_voor_aanmelding(traject: Traject, datum: datetime.date, veld: str = "datum") -> None:
    if (fout := fout_voor_aanmelding(traject.aanmelddatum, datum)) is not None:
        raise ValidationError({veld: fout})


def moet_open_zijn(traject: Traject) -> None:
    if traject.einddatum is not None:
        raise ValidationError(gettext("Dit traject is afgesloten. Start een nieuw traject om verder te gaan."))


# --- phases -----------------------------------------------------------------------------------

# DEFINITIONS.md: the phase on day d is that of the latest transition dated on or before d;
# of transitions on the same day, the one recorded last. None on or before d: contact.
OVERGANG_VOLGORDE = ("-datum", "-id")


def fase_op(traject: Traject, dag: datetime.date) -> str:
    """The phase of a traject on a day."""
    overgang = traject.fase_overgangen.filter(datum__lte=dag).order_by(*OVERGANG_VOLGORDE).first()
    return overgang.fase if overgang else Fase.CONTACT


def huidige_fase(traject: Traject) -> str:
    """The phase of a traject now: its latest transition (dates never go back, so this is today's)."""
    laatste = traject.fase_overgangen.order_by(*OVERGANG_VOLGORDE).first()
    return laatste.fase if laatste else Fase.CONTACT


def laatste_overgang(traject: Traject):
    return traject.fase_overgangen.order_by(*OVERGANG_VOLGORDE).first()


def niet_voor_laatste_overgang(traject: Traject, datum: datetime.date, veld: str = "datum") -> None:
    """A phase change or outcome may not be dated before the latest phase transition."""
    laatste = laatste_overgang(traject)
    if laatste is not None and datum < laatste.datum:
        raise ValidationError(
            {veld: gettext("De laatste faseovergang was op %(waarde0)s; kies die dag of later.") % {"waarde0": datum_nl(laatste.datum)}}
        )


def outreach_past_bij(deelnemer: Deelnemer, aanmelddatum: datetime.date, verwijzer: str, outreach_actie) -> None:
    """An aanmelding may point to the outreach action that reached her: same programme, via eigen outreach,
    and the action took place on or before the aanmelddatum."""
    if verwijzer != Verwijzer.EIGEN_OUTREACH:
        raise ValidationError({"outreach_actie": gettext("Koppel alleen een outreachactie als de verwijzer eigen outreach is.")})
    if outreach_actie.programma_id != deelnemer.programma_id:
        raise ValidationError({"outreach_actie": gettext("Deze outreachactie hoort niet bij dit programma.")})
    if outreach_actie.datum > aanmelddatum:
        raise ValidationError({"outreach_actie": gettext("Deze outreachactie was na de aanmelddatum.")})
