"""Writes of the warm handover (overdracht) to another programme: prepare, accept, decline, withdraw.

The only channel between programmes. A's coach prepares it under a consent for that transfer (a Toestemming
for programme B); B's coordinator accepts it, which registers a new participant in B through the ordinary
registration (B's clientcode, a traject with verwijzer `ketenpartner`), stores the summary on B's side, and
closes A's traject through the ordinary uitstroom rules (stopreden `verhuisd`). A's dossier stays A's.
Every step is audited on the side it concerns, with the overdracht as its basis.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clients import services as client_services
from clients.forms import TEKSTVERSIE
from clients.models import Deelnemer, Document
from clients.selectors import grondslag, overdracht_toestemming_geldig
from trajecten.models import Overdracht, Overdrachtssamenvatting, Traject, Uitstroom
from trajecten.selectors.overdracht import open_traject_van, overdracht_samenvatting
from trajecten.services.traject import aanmelding_registreren, traject_afsluiten, uitstroom_vastleggen
from uitstap.audit import Actie, audit_log
from uitstap.codes import Afsluitreden, Rol, Stopreden, UitstroomSoort, Verwijzer
from uitstap.locking import controleer_versie, huidige_versie, save_checked
from uitstap.models import Gebruiker, Programma
from uitstap.selectors import programmas_of


def _basis(overdracht: Overdracht) -> str:
    return f"overdracht:{overdracht.pk}"


def _vergrendelen(overdracht: Overdracht) -> Overdracht:
    return Overdracht.objects.select_for_update().get(pk=overdracht.pk)


@transaction.atomic
def overdracht_voorbereiden(
    *, deelnemer: Deelnemer, naar_programma: Programma, scopes: list[str], bericht: str, gegeven_op: datetime.date,
    wijze: str, document: Document | None = None, verklaring: str = "", tekstversie: str = TEKSTVERSIE,
    door: Gebruiker,
) -> Overdracht:
    """A's coach prepares the handover: the participant's consent for programme B (what goes along, how she
    gave it) is recorded like every consent, and the summary within it is stored for B."""
    if door.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise ValidationError(_("Alleen de trajectbegeleider of coördinator bereidt een overdracht voor."))
    if naar_programma.pk == deelnemer.programma_id:
        raise ValidationError({"naar_programma": _("Kies een ander programma dan het eigen programma.")})
    bericht = (bericht or "").strip()
    if not bericht:
        raise ValidationError({"bericht": _("Schrijf kort waarom de deelnemer overgaat en wat het andere programma moet weten.")})
    client_services.deelnemer_vergrendelen(deelnemer)
    # A pending overdracht whose consent ran out is no longer pending for anyone (B stopped seeing it then).
    for oud in Overdracht.objects.filter(deelnemer=deelnemer, status=Overdracht.Status.VOORBEREID).select_related("toestemming"):
        if not overdracht_toestemming_geldig(oud.toestemming):
            _afhandelen(oud, status=Overdracht.Status.TOESTEMMING_INGETROKKEN, door=door,
                        reden=_("De toestemming was verlopen of ingetrokken."), gelezen_versie=oud.versie)
    if Overdracht.objects.filter(deelnemer=deelnemer, status=Overdracht.Status.VOORBEREID).exists():
        raise ValidationError(_("Voor deze deelnemer staat al een overdracht open. Trek die eerst in."))
    traject = open_traject_van(deelnemer)
    if traject is None:
        raise ValidationError(_("Deze deelnemer heeft geen lopend traject om over te dragen."))
    toestemming = client_services.toestemming_vastleggen(
        deelnemer=deelnemer, programma=naar_programma, scopes=scopes, tekstversie=tekstversie, gegeven_op=gegeven_op,
        wijze=wijze, document=document, verklaring=verklaring, door=door,
    )
    overdracht = Overdracht(
        deelnemer=deelnemer, traject=traject, van_programma_id=deelnemer.programma_id, naar_programma=naar_programma,
        toestemming=toestemming, bericht=bericht,
        samenvatting=overdracht_samenvatting(deelnemer=deelnemer, traject=traject, scopes=toestemming.scopes),
        voorbereid_door=door,
    )
    overdracht.full_clean()
    overdracht.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=overdracht,
              grondslag=grondslag(door, deelnemer))
    return overdracht


def _check_ontvanger(overdracht: Overdracht, door: Gebruiker) -> None:
    if door.rol != Rol.COORDINATOR or not programmas_of(door).filter(pk=overdracht.naar_programma_id).exists():
        raise ValidationError(_("Alleen de coördinator van het ontvangende programma beslist over deze overdracht."))


def _check_open(overdracht: Overdracht) -> None:
    if overdracht.status != Overdracht.Status.VOORBEREID:
        raise ValidationError(_("Over deze overdracht is al beslist, of ze is ingetrokken."))
    if not overdracht_toestemming_geldig(overdracht.toestemming):
        raise ValidationError(_("De toestemming voor deze overdracht is ingetrokken of verlopen."))


def _afhandelen(overdracht: Overdracht, *, status: str, door: Gebruiker, reden: str = "", gelezen_versie: int,
                nieuwe_deelnemer: Deelnemer | None = None) -> None:
    overdracht.status = status
    overdracht.afgehandeld_door = door
    overdracht.afgehandeld_op = timezone.now()
    overdracht.reden = (reden or "").strip()[:500]
    overdracht.nieuwe_deelnemer = nieuwe_deelnemer
    overdracht.samenvatting = {}  # pending only: after a decision it is on B's side, or nowhere
    save_checked(overdracht, gelezen_versie=gelezen_versie,
                 fields=["status", "afgehandeld_door", "afgehandeld_op", "reden", "nieuwe_deelnemer", "samenvatting"])


def _traject_a_sluiten(traject: Traject, *, datum: datetime.date, overdracht: Overdracht, door: Gebruiker) -> None:
    """A's traject ends on the acceptance date through the ordinary rules: an Uitstroom `gestopt` with
    stopreden `verhuisd`; after an exit already recorded (nazorg) only the closing; a traject that never
    left contact has no Uitstroom (DEFINITIONS.md) and closes with afsluitreden `doorverwezen`."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    if traject.einddatum is not None:
        return
    versie = huidige_versie(traject)
    if Uitstroom.objects.filter(traject=traject).exists():
        traject_afsluiten(traject=traject, einddatum=datum, door=door, gelezen_versie=versie)
    elif traject.heeft_instroom:
        uitstroom_vastleggen(
            traject=traject, soort=UitstroomSoort.GESTOPT, reden=Stopreden.VERHUISD, datum=datum, door=door,
            toelichting=f"Warme overdracht naar {overdracht.naar_programma.naam}.", gelezen_versie=versie,
        )
    else:
        traject_afsluiten(traject=traject, einddatum=datum, door=door, gelezen_versie=versie,
                          afsluitreden=Afsluitreden.DOORVERWEZEN)


@transaction.atomic
def overdracht_accepteren(
    *, overdracht: Overdracht, gelezen_versie: int, door: Gebruiker, begeleider: Gebruiker | None = None,
    achtervang: Gebruiker | None = None,
) -> Deelnemer:
    """B's coordinator accepts: a new participant in B (B's clientcode, aanmelding today, verwijzer
    `ketenpartner`), the summary stored on B's side, A's traject closed. Returns B's new participant."""
    _check_ontvanger(overdracht, door)
    controleer_versie(overdracht, gelezen_versie)
    overdracht = _vergrendelen(overdracht)
    _check_open(overdracht)
    vandaag = datetime.date.today()
    inhoud = dict(overdracht.samenvatting)
    basis = inhoud.get("basis", {})
    nieuw = aanmelding_registreren(
        programma=overdracht.naar_programma, door=door,
        deelnemer_velden={"roepnaam": basis.get("roepnaam", ""), "begeleider": begeleider, "achtervang": achtervang},
        aanmelddatum=vandaag, verwijzer=Verwijzer.KETENPARTNER,
        verwijzer_toelichting=f"Warme overdracht van {overdracht.van_programma.naam}"[:200],
    )
    samenvatting = Overdrachtssamenvatting(
        deelnemer=nieuw, overdracht=overdracht, van_programma=overdracht.van_programma,
        scopes=list(overdracht.toestemming.scopes), inhoud=inhoud, ontvangen_op=vandaag,
    )
    samenvatting.full_clean()
    samenvatting.save()
    _traject_a_sluiten(overdracht.traject, datum=vandaag, overdracht=overdracht, door=door)
    _afhandelen(overdracht, status=Overdracht.Status.GEACCEPTEERD, door=door, gelezen_versie=gelezen_versie,
                nieuwe_deelnemer=nieuw)
    # Both sides: A's participant left through this overdracht; B's arrived through it.
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=overdracht.deelnemer.clientcode, obj=overdracht,
              object_type="overdracht_geaccepteerd", grondslag=_basis(overdracht))
    audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=nieuw.clientcode, obj=samenvatting,
              grondslag=_basis(overdracht))
    return nieuw


@transaction.atomic
def overdracht_afwijzen(*, overdracht: Overdracht, reden: str, gelezen_versie: int, door: Gebruiker) -> Overdracht:
    """B's coordinator declines, with a reason for A's coach; nothing moves, A's traject runs on."""
    _check_ontvanger(overdracht, door)
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef een reden, zodat de trajectbegeleider weet wat nu.")})
    controleer_versie(overdracht, gelezen_versie)
    overdracht = _vergrendelen(overdracht)
    _check_open(overdracht)
    _afhandelen(overdracht, status=Overdracht.Status.AFGEWEZEN, door=door, reden=reden, gelezen_versie=gelezen_versie)
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=overdracht.deelnemer.clientcode, obj=overdracht,
              object_type="overdracht_afgewezen", grondslag=_basis(overdracht))
    return overdracht


@transaction.atomic
def overdracht_intrekken(
    *, overdracht: Overdracht, reden: str = "", toestemming_ingetrokken: bool = False, gelezen_versie: int,
    door: Gebruiker,
) -> Overdracht:
    """A's side withdraws a pending overdracht; with `toestemming_ingetrokken` the participant withdraws her
    consent for the transfer (AVG art. 7(3)), which cancels it too. B sees nothing of it from the next request."""
    if door.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise ValidationError(_("Alleen de trajectbegeleider of coördinator trekt een overdracht in."))
    controleer_versie(overdracht, gelezen_versie)
    overdracht = _vergrendelen(overdracht)
    if overdracht.status != Overdracht.Status.VOORBEREID:
        raise ValidationError(_("Over deze overdracht is al beslist, of ze is ingetrokken."))
    if toestemming_ingetrokken:
        toestemming = overdracht.toestemming
        if toestemming.ingetrokken_op is None:
            client_services.toestemming_intrekken(toestemming=toestemming, reden=reden,
                                                  gelezen_versie=toestemming.versie, door=door)
        status = Overdracht.Status.TOESTEMMING_INGETROKKEN
    else:
        status = Overdracht.Status.INGETROKKEN
    _afhandelen(overdracht, status=status, door=door, reden=reden, gelezen_versie=gelezen_versie)
    audit_log(actie=Actie.UPDATE, gebruiker=door, clientcode=overdracht.deelnemer.clientcode, obj=overdracht,
              object_type="overdracht_ingetrokken", grondslag=grondslag(door, overdracht.deelnemer))
    return overdracht
