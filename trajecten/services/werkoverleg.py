"""Writes for the werkoverleg: plan and change a meeting, record afspraken per participant, mark them done.

Rules: a coordinator plans for one of her programmes with a gemeente that programme serves, a klantmanager
for her own gemeente with a programme that serves it; the date lies at most a year from today. An afspraak
is about a participant on that meeting's agenda, is recorded on or after the meeting date, has a deadline
from the meeting date up to a year after it; done is a date from the meeting up to today.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from clients.models import Deelnemer
from trajecten.models import Werkoverleg, WerkoverlegAfspraak
from trajecten.selectors import werkoverleg as selectors
from trajecten.services import regels
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.locking import controleer_versie, save_checked
from uitstap.models import Gebruiker

MAX_DAGEN_VOORUIT = 366
MAX_DAGEN_TERUG = 366
MAX_DEADLINE_DAGEN = 366


def _grondslag(door, toestemming_id) -> str:
    return f"toestemming:{toestemming_id}" if door.rol == Rol.KLANTMANAGER else door.rol


def _controleer_werkoverleg(*, programma, gemeente, datum, aanwezigen, door) -> None:
    fouten = {}
    if door.rol not in (Rol.COORDINATOR, Rol.KLANTMANAGER):
        raise ValidationError(gettext("Alleen een coördinator of een klantmanager plant een werkoverleg."))
    if programma is None or not selectors.programmas_voor_werkoverleg(door).filter(pk=programma.pk).exists():
        fouten["programma"] = gettext("Kies een programma waarvoor je een werkoverleg mag plannen.")
    if gemeente is None or not selectors.gemeenten_voor_werkoverleg(door).filter(pk=gemeente.pk).exists():
        fouten["gemeente"] = gettext("Kies een gemeente waarmee je een werkoverleg mag plannen.")
    elif programma is not None and "programma" not in fouten and not programma.gemeenten.filter(pk=gemeente.pk).exists():
        fouten["gemeente"] = f"{programma} werkt niet voor gemeente {gemeente}."
    vandaag = regels.vandaag()
    if datum is None:
        fouten["datum"] = gettext("Vul de datum van het werkoverleg in.")
    elif datum > vandaag + datetime.timedelta(days=MAX_DAGEN_VOORUIT):
        fouten["datum"] = gettext("Plan een werkoverleg hoogstens een jaar vooruit.")
    elif datum < vandaag - datetime.timedelta(days=MAX_DAGEN_TERUG):
        fouten["datum"] = gettext("Een werkoverleg van meer dan een jaar geleden leg je niet meer vast.")
    if not (aanwezigen or "").strip():
        fouten["aanwezigen"] = gettext("Vul in wie er bij het werkoverleg zijn: naam en rol, één per regel.")
    if fouten:
        raise ValidationError(fouten)


def _uniek_op_datum(programma, gemeente, datum, *, behalve=None):
    qs = Werkoverleg.objects.filter(programma=programma, gemeente=gemeente, datum=datum)
    if behalve is not None:
        qs = qs.exclude(pk=behalve.pk)
    if qs.exists():
        raise ValidationError({"datum": gettext("Op deze datum staat al een werkoverleg met deze gemeente gepland.")})


@transaction.atomic
def werkoverleg_plannen(*, programma, gemeente, datum: datetime.date, aanwezigen: str, door: Gebruiker) -> Werkoverleg:
    """Plan a meeting of `programma` with `gemeente` on `datum` (who attends: one per line)."""
    _controleer_werkoverleg(programma=programma, gemeente=gemeente, datum=datum, aanwezigen=aanwezigen, door=door)
    _uniek_op_datum(programma, gemeente, datum)
    wo = Werkoverleg(programma=programma, gemeente=gemeente, datum=datum, aanwezigen=aanwezigen.strip(),
                     gepland_door=door)
    wo.full_clean()
    try:
        with transaction.atomic():
            wo.save()
    except IntegrityError:
        raise ValidationError({"datum": gettext("Op deze datum staat al een werkoverleg met deze gemeente gepland.")})
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=wo, grondslag=door.rol)
    return wo


@transaction.atomic
def werkoverleg_wijzigen(*, werkoverleg: Werkoverleg, datum: datetime.date, aanwezigen: str, gelezen_versie: int,
                         door: Gebruiker) -> Werkoverleg:
    """Move the meeting or correct who attended (optimistic lock on the version the user saw)."""
    controleer_versie(werkoverleg, gelezen_versie)
    _controleer_werkoverleg(programma=werkoverleg.programma, gemeente=werkoverleg.gemeente, datum=datum,
                            aanwezigen=aanwezigen, door=door)
    _uniek_op_datum(werkoverleg.programma, werkoverleg.gemeente, datum, behalve=werkoverleg)
    if datum is not None and werkoverleg.afspraken.filter(deadline__lt=datum).exists():
        raise ValidationError({"datum": gettext("Er zijn afspraken met een deadline vóór deze datum: het werkoverleg kan niet "
                                        "later worden gezet dan die deadlines.")})
    werkoverleg.datum, werkoverleg.aanwezigen = datum, aanwezigen.strip()
    save_checked(werkoverleg, gelezen_versie=gelezen_versie, fields=["datum", "aanwezigen"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=werkoverleg, grondslag=door.rol)
    return werkoverleg


def _controleer_afspraak(*, werkoverleg: Werkoverleg, wat: str, eigenaar: str, deadline, fouten: dict) -> None:
    if not (wat or "").strip():
        fouten["wat"] = gettext("Vul in wat er is afgesproken.")
    if not (eigenaar or "").strip():
        fouten["eigenaar"] = gettext("Vul in wie de afspraak oppakt, bijvoorbeeld klantmanager of trajectbegeleider.")
    if deadline is None:
        fouten["deadline"] = gettext("Vul in wanneer de afspraak uiterlijk klaar is.")
    elif deadline < werkoverleg.datum:
        fouten["deadline"] = f"De deadline ligt vóór het werkoverleg ({regels.datum_nl(werkoverleg.datum)})."
    elif deadline > werkoverleg.datum + datetime.timedelta(days=MAX_DEADLINE_DAGEN):
        fouten["deadline"] = gettext("Kies een deadline binnen een jaar na het werkoverleg.")


@transaction.atomic
def werkoverleg_afspraak_vastleggen(*, werkoverleg: Werkoverleg, deelnemer: Deelnemer | int, wat: str, eigenaar: str,
                                    deadline: datetime.date, door: Gebruiker) -> WerkoverlegAfspraak:
    """Record what was agreed about one participant on this meeting's agenda."""
    fouten: dict[str, str] = {}
    deelnemer_pk = deelnemer.pk if isinstance(deelnemer, Deelnemer) else deelnemer
    if not selectors.werkoverleggen_voor(door).filter(pk=werkoverleg.pk).exists():
        raise ValidationError(gettext("Je kunt bij dit werkoverleg geen afspraken vastleggen."))
    if werkoverleg.datum > regels.vandaag():
        raise ValidationError(gettext("Afspraken leg je vast tijdens of na het werkoverleg, niet ervoor."))
    toestemmingen = selectors.agenda_toestemmingen(werkoverleg, door)
    if deelnemer_pk not in toestemmingen:
        fouten["deelnemer"] = gettext("Kies een deelnemer die op de agenda van dit werkoverleg staat.")
    _controleer_afspraak(werkoverleg=werkoverleg, wat=wat, eigenaar=eigenaar, deadline=deadline, fouten=fouten)
    if fouten:
        raise ValidationError(fouten)
    afspraak = WerkoverlegAfspraak(werkoverleg=werkoverleg, deelnemer_id=deelnemer_pk, wat=wat.strip(),
                                   eigenaar=eigenaar.strip(), deadline=deadline, door=door)
    afspraak.full_clean()
    afspraak.save()
    clientcode = Deelnemer.objects.filter(pk=deelnemer_pk).values_list("clientcode", flat=True).get()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=afspraak, clientcode=clientcode,
              grondslag=_grondslag(door, toestemmingen[deelnemer_pk]["id"]))
    return afspraak


def _toestemming_of_fout(afspraak, door) -> dict:
    toestemming = selectors.afspraak_zichtbaar(afspraak, door)
    if toestemming is None:
        raise ValidationError(gettext("Deze deelnemer wordt niet (meer) gedeeld met deze gemeente."))
    return toestemming


@transaction.atomic
def werkoverleg_afspraak_wijzigen(*, afspraak: WerkoverlegAfspraak, wat: str, eigenaar: str, deadline: datetime.date,
                                  gelezen_versie: int, door: Gebruiker) -> WerkoverlegAfspraak:
    """Correct what, who or when (optimistic lock)."""
    controleer_versie(afspraak, gelezen_versie)
    toestemming = _toestemming_of_fout(afspraak, door)
    fouten: dict[str, str] = {}
    _controleer_afspraak(werkoverleg=afspraak.werkoverleg, wat=wat, eigenaar=eigenaar, deadline=deadline, fouten=fouten)
    if fouten:
        raise ValidationError(fouten)
    afspraak.wat, afspraak.eigenaar, afspraak.deadline = wat.strip(), eigenaar.strip(), deadline
    save_checked(afspraak, gelezen_versie=gelezen_versie, fields=["wat", "eigenaar", "deadline"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=afspraak, clientcode=afspraak.deelnemer.clientcode,
              grondslag=_grondslag(door, toestemming["id"]))
    return afspraak


@transaction.atomic
def werkoverleg_afspraak_afronden(*, afspraak: WerkoverlegAfspraak, afgerond_op: datetime.date, gelezen_versie: int,
                                  door: Gebruiker) -> WerkoverlegAfspraak:
    """Mark an afspraak done on `afgerond_op` (optimistic lock): it no longer returns on the next agenda."""
    controleer_versie(afspraak, gelezen_versie)
    toestemming = _toestemming_of_fout(afspraak, door)
    if afspraak.afgerond_op is not None:
        raise ValidationError(gettext("Deze afspraak is al afgerond op %(waarde0)s.") % {"waarde0": regels.datum_nl(afspraak.afgerond_op)})
    if afgerond_op is None:
        raise ValidationError({"afgerond_op": gettext("Vul in wanneer de afspraak is afgerond.")})
    if afgerond_op > regels.vandaag():
        raise ValidationError({"afgerond_op": gettext("De datum van afronden ligt in de toekomst.")})
    if afgerond_op < afspraak.werkoverleg.datum:
        raise ValidationError({"afgerond_op": gettext("Een afspraak kan niet zijn afgerond vóór het werkoverleg waarin ze gemaakt is (%(waarde0)s).") % {"waarde0": regels.datum_nl(afspraak.werkoverleg.datum)}})
    afspraak.afgerond_op, afspraak.afgerond_door = afgerond_op, door
    save_checked(afspraak, gelezen_versie=gelezen_versie, fields=["afgerond_op", "afgerond_door"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=afspraak, clientcode=afspraak.deelnemer.clientcode,
              grondslag=_grondslag(door, toestemming["id"]))
    return afspraak
