"""Reads for the werkoverleg: which meetings a user sees, the generated agenda and the afspraken.

The agenda is the shared meeting of programme and gemeente, so coordinator and klantmanager both see only
what the gemeente may see: the participants of the programme with a consent for that gemeente that is
valid on the meeting date and still today (a withdrawn or expired consent takes the participant off every
agenda at once), loaded through trajecten.selectors.gemeente within those scopes. Never contact notes.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet

from clients.models import Deelnemer, Toestemming
from clients.selectors import deelnemers_visible_to, toestemmingen_geldig
from trajecten.models import Werkoverleg, WerkoverlegAfspraak
from trajecten.selectors.gemeente import GedeeldeDeelnemer, gedeeld_onder
from uitstap.codes import Rol
from uitstap.models import Gemeente, Programma
from uitstap.selectors import programmas_of

EERSTE_OVERLEG_DAGEN = 90
AFSPRAAK_VELDEN = ("pk", "werkoverleg_id", "werkoverleg__datum", "deelnemer_id", "wat", "eigenaar", "deadline",
                   "afgerond_op", "versie")


def werkoverleggen_voor(user) -> QuerySet[Werkoverleg]:
    """The meetings `user` may see: a coordinator those of her programmes with a gemeente the programme serves,
    a klantmanager those with her own gemeente. Nobody else any."""
    rol = getattr(user, "rol", None)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Werkoverleg.objects.none()
    if rol == Rol.COORDINATOR and user.organisatie_id:
        qs = Werkoverleg.objects.filter(programma__in=programmas_of(user))
        return qs.filter(programma__gemeenten=F("gemeente")).distinct()
    if rol == Rol.KLANTMANAGER and user.gemeente_id:
        return Werkoverleg.objects.filter(gemeente_id=user.gemeente_id)
    return Werkoverleg.objects.none()


def programmas_voor_werkoverleg(user) -> QuerySet[Programma]:
    """The programmes `user` may plan a werkoverleg for: her own (coordinator) or those serving her gemeente."""
    if getattr(user, "rol", None) == Rol.COORDINATOR:
        return programmas_of(user).order_by("naam")
    if getattr(user, "rol", None) == Rol.KLANTMANAGER and user.gemeente_id:
        return Programma.objects.filter(gemeenten=user.gemeente_id).order_by("naam")
    return Programma.objects.none()


def gemeenten_voor_werkoverleg(user) -> QuerySet[Gemeente]:
    """The gemeenten `user` may plan with: those of her programmes (coordinator) or her own (klantmanager)."""
    if getattr(user, "rol", None) == Rol.COORDINATOR:
        return Gemeente.objects.filter(programmas__in=programmas_of(user)).distinct().order_by("naam")
    if getattr(user, "rol", None) == Rol.KLANTMANAGER and user.gemeente_id:
        return Gemeente.objects.filter(pk=user.gemeente_id)
    return Gemeente.objects.none()


def vorig_werkoverleg(werkoverleg: Werkoverleg) -> Werkoverleg | None:
    """The meeting of the same programme and gemeente just before this one."""
    return (Werkoverleg.objects.filter(programma_id=werkoverleg.programma_id, gemeente_id=werkoverleg.gemeente_id,
                                       datum__lt=werkoverleg.datum).order_by("-datum", "-id").first())


def agenda_toestemmingen(werkoverleg: Werkoverleg, user, vandaag: datetime.date | None = None) -> dict[int, dict]:
    """{deelnemer_id: consent} for the participants on the agenda that `user` may see.

    A participant is on it when she belongs to the programme, a consent for the gemeente covered the meeting date
    (an earlier row of a renewed consent counts) and her consent for the gemeente is valid today. The returned
    consent is today's (its id is the basis in the audit log); its scopes are narrowed to those of the row
    that covered the meeting date, so a later extension of scope does not reach back into an old meeting.
    """
    vandaag = vandaag or datetime.date.today()
    zichtbaar = deelnemers_visible_to(user).filter(programma_id=werkoverleg.programma_id)
    op_datum: dict[int, set] = {}
    for t in (Toestemming.objects.filter(gemeente_id=werkoverleg.gemeente_id, deelnemer__in=zichtbaar,
                                         gegeven_op__lte=werkoverleg.datum, geldig_tot__gte=werkoverleg.datum,
                                         ingetrokken_op__isnull=True)
              .order_by("id").values("deelnemer_id", "scopes")):
        op_datum[t["deelnemer_id"]] = set(t["scopes"])  # the newest row that covered the date wins
    uit = {}
    for t in (toestemmingen_geldig(gemeente=werkoverleg.gemeente_id, vandaag=vandaag)
              .filter(deelnemer_id__in=list(op_datum)).order_by("id")
              .values("id", "deelnemer_id", "scopes", "gegeven_op", "geldig_tot")):
        scopes = [s for s in t["scopes"] if s in op_datum[t["deelnemer_id"]]]
        if scopes:
            uit[t["deelnemer_id"]] = t | {"scopes": scopes}
    return uit


def agenda_deelnemer_ids(werkoverleg: Werkoverleg, user) -> set[int]:
    return set(agenda_toestemmingen(werkoverleg, user))


@dataclass
class Agendapunt:
    """One participant on the agenda: what the gemeente may know, what changed, the afspraken."""

    d: GedeeldeDeelnemer
    open_afspraken: list = field(default_factory=list)  # from earlier meetings, not done by this meeting
    afspraken: list = field(default_factory=list)  # made in this meeting


@dataclass
class Agenda:
    werkoverleg: Werkoverleg
    vorige: Werkoverleg | None
    punten: list

    @property
    def aantal_open(self):
        return sum(len(p.open_afspraken) for p in self.punten)


def agenda(werkoverleg: Werkoverleg, user, vandaag: datetime.date | None = None) -> Agenda:
    """The generated agenda: per shared participant what changed since the previous werkoverleg (up to this
    meeting's date), the open afspraken carried over, and those made in this meeting."""
    vandaag = vandaag or datetime.date.today()
    vorige = vorig_werkoverleg(werkoverleg)
    toestemmingen = agenda_toestemmingen(werkoverleg, user, vandaag)
    # Without an earlier meeting: what changed in the EERSTE_OVERLEG_DAGEN before this one.
    begin = vorige.datum + datetime.timedelta(days=1) if vorige else werkoverleg.datum - datetime.timedelta(
        days=EERSTE_OVERLEG_DAGEN)
    sinds = datetime.datetime.combine(begin, datetime.time())
    qs = Deelnemer.objects.filter(pk__in=list(toestemmingen))
    gedeeld = gedeeld_onder(qs, toestemmingen, sinds=sinds)
    tot = werkoverleg.datum if werkoverleg.datum < vandaag else vandaag
    punten = {}
    for d in gedeeld:
        d.wijzigingen = [w for w in d.wijzigingen if w.datum <= tot]
        punten[d.pk] = Agendapunt(d=d)
    if punten:
        eerder = (WerkoverlegAfspraak.objects
                  .filter(werkoverleg__programma_id=werkoverleg.programma_id,
                          werkoverleg__gemeente_id=werkoverleg.gemeente_id,
                          werkoverleg__datum__lt=werkoverleg.datum, deelnemer_id__in=list(punten))
                  .filter(Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=werkoverleg.datum))
                  .order_by("deadline", "id").values(*AFSPRAAK_VELDEN))
        for a in eerder:
            punten[a["deelnemer_id"]].open_afspraken.append(a)
        for a in (werkoverleg.afspraken.filter(deelnemer_id__in=list(punten)).order_by("deadline", "id")
                  .values(*AFSPRAAK_VELDEN)):
            punten[a["deelnemer_id"]].afspraken.append(a)
    return Agenda(werkoverleg=werkoverleg, vorige=vorige, punten=list(punten.values()))


def afspraak_zichtbaar(afspraak: WerkoverlegAfspraak, user) -> dict | None:
    """The consent an afspraak is shown under, or None: the user sees its meeting, and the participant is
    shared with that meeting's gemeente today (for a klantmanager: under her own valid consent)."""
    wo = werkoverleggen_voor(user).filter(pk=afspraak.werkoverleg_id).first()
    if wo is None or not deelnemers_visible_to(user).filter(pk=afspraak.deelnemer_id,
                                                           programma_id=wo.programma_id).exists():
        return None
    return (toestemmingen_geldig(gemeente=wo.gemeente_id).filter(deelnemer_id=afspraak.deelnemer_id)
            .order_by("-id").values("id", "scopes").first())


def afspraken_voor_gemeente(user, deelnemer_pk) -> list[dict]:
    """For the klantmanager's participant page: the afspraken of her gemeente's werkoverleggen about one
    participant she may see (the caller has checked the consent), open ones first."""
    if getattr(user, "rol", None) != Rol.KLANTMANAGER or not user.gemeente_id:
        return []
    if not deelnemers_visible_to(user).filter(pk=deelnemer_pk).exists():
        return []
    return list(WerkoverlegAfspraak.objects.filter(deelnemer_id=deelnemer_pk, werkoverleg__gemeente_id=user.gemeente_id)
                .order_by(F("afgerond_op").desc(nulls_first=True), "deadline", "id").values(*AFSPRAAK_VELDEN))


def afspraken_van(deelnemer: Deelnemer) -> list[dict]:
    """For the coach's dossier (the caller checked access): every afspraak about her, with the gemeente."""
    return list(WerkoverlegAfspraak.objects.filter(deelnemer=deelnemer)
                .order_by(F("afgerond_op").desc(nulls_first=True), "deadline", "id")
                .values(*AFSPRAAK_VELDEN, "werkoverleg__gemeente__naam"))
