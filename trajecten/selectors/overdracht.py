"""Reads for the warm handover (overdracht): the summary within the consent, and who may see which overdracht.

The summary is built once, when A's coach prepares the overdracht, from the consented columns only (as the
klantmanager's pages are): never a contact note, intake story or metingnotitie; `gevoelig` never implied.
Programme B's coordinator reaches a pending overdracht only through `overdrachten_te_beoordelen`, which
checks she coordinates B; she sees the stored summary, never A's dossier (A's participant stays outside
`deelnemers_visible_to` for her).
"""

import datetime

from django.db.models import QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext

from clients.models import Deelnemer, Scope
from trajecten.models import (
    Doel, FaseOvergang, Intake, MetingScore, Overdracht, Overdrachtssamenvatting, Traject, Trajectplan, Verwijzing,
)
from trajecten.selectors.gemeente import leefgebieden_in, verwijzing_in_scope
from uitstap.codes import DoelStatus, Fase, KetenpartnerSoort, Leefgebied, Rol, Verblijfsstatus, VerwijzingStatus
from uitstap.models import Programma
from uitstap.selectors import programmas_of


def _d(datum: datetime.date | None) -> str:
    return f"{datum:%d-%m-%Y}" if datum else ""


def _ja_nee(waarde) -> str:
    return {True: "ja", False: "nee"}.get(waarde, "onbekend")


def overdracht_samenvatting(*, deelnemer: Deelnemer, traject: Traject, scopes) -> dict:
    """What goes along with an overdracht under `scopes`, as display-ready values (stored as JSON).

    basis: clientcode, roepnaam, the phase history, the coach and how to reach her; werk_inkomen /
    trajectplan: the goals and referrals those scopes cover (scores only with trajectplan); gevoelig:
    residence status, trafficking signals, the intake's contra-indications, and the sensitive goals and
    referrals (only together with werk_inkomen or trajectplan, as for the gemeente).
    """
    scopes = frozenset(scopes)
    uit: dict = {"scopes": [s for s in Scope.values if s in scopes]}
    if Scope.BASIS in scopes:
        coach = (Deelnemer.objects.filter(pk=deelnemer.pk)
                 .values("clientcode", "roepnaam", "begeleider__first_name", "begeleider__last_name",
                         "begeleider__username", "begeleider__email", "begeleider__organisatie__naam",
                         "programma__naam").get())
        naam = " ".join(x for x in (coach["begeleider__first_name"], coach["begeleider__last_name"]) if x)
        uit["basis"] = {
            "programma": coach["programma__naam"], "clientcode": coach["clientcode"], "roepnaam": coach["roepnaam"],
            "begeleider": naam or (coach["begeleider__username"] or ""), "begeleider_email": coach["begeleider__email"] or "",
            "organisatie": coach["begeleider__organisatie__naam"] or "",
            "aanmelddatum": _d(traject.aanmelddatum),
        }
        uit["fasen"] = [
            {"fase": Fase(f["fase"]).label, "datum": _d(f["datum"])}
            for f in FaseOvergang.objects.filter(traject=traject).order_by("datum", "id").values("fase", "datum")
        ]
    leefgebieden = leefgebieden_in(scopes)
    laatste_plan = Trajectplan.objects.filter(traject=traject).order_by("-volgnummer").values("pk")[:1]
    uit["doelen"] = []
    for r in (Doel.objects.filter(plan__traject=traject, ouder__isnull=True, plan_id=Subquery(laatste_plan))
              .order_by("volgorde", "id")
              .values("leefgebied", "omschrijving", "status", "streefdatum", "startscore", "doelscore")):
        if r["leefgebied"] not in leefgebieden:
            continue
        doel = {"leefgebied": Leefgebied(r["leefgebied"]).label, "omschrijving": r["omschrijving"],
                "status": DoelStatus(r["status"]).label, "streefdatum": _d(r["streefdatum"])}
        if Scope.TRAJECTPLAN in scopes:
            doel |= {"startscore": r["startscore"], "doelscore": r["doelscore"]}
        uit["doelen"].append(doel)
    uit["verwijzingen"] = [
        {"ketenpartner": r["ketenpartner__naam"], "soort": KetenpartnerSoort(r["ketenpartner__soort"]).label,
         "hulpvraag": r["hulpvraag"], "status": VerwijzingStatus(r["status"]).label,
         "verwezen": _d(r["verwezen"]), "gestart": _d(r["gestart"])}
        for r in Verwijzing.objects.filter(traject=traject).order_by("verwezen", "id")
        .values("ketenpartner__naam", "ketenpartner__soort", "doel__leefgebied", "hulpvraag", "status", "verwezen",
                "gestart")
        if verwijzing_in_scope(scopes, r["ketenpartner__soort"], r["doel__leefgebied"])
    ]
    uit["scores"] = []
    if Scope.TRAJECTPLAN in scopes:
        laatste = {}
        for r in (MetingScore.objects.filter(meting__traject=traject).order_by("meting__datum", "meting_id")
                  .values("meting__datum", "leefgebied", "score")):
            if r["leefgebied"] in leefgebieden:
                laatste[r["leefgebied"]] = (r["meting__datum"], r["score"])
        uit["scores"] = [{"leefgebied": Leefgebied(lg).label, "datum": _d(datum), "score": score}
                         for lg, (datum, score) in sorted(laatste.items())]
    if Scope.GEVOELIG in scopes:
        r = Deelnemer.objects.filter(pk=deelnemer.pk).values(
            "verblijfsstatus", "vergunning_eind", "signalen_mensenhandel").get()
        gevoelig = {"verblijfsstatus": Verblijfsstatus(r["verblijfsstatus"]).label,
                    "vergunning_eind": _d(r["vergunning_eind"]),
                    "signalen_mensenhandel": _ja_nee(r["signalen_mensenhandel"])}
        intake = Intake.objects.filter(traject=traject).values("verslaving", "psychiatrische_problematiek").first()
        if intake:
            gevoelig |= {"verslaving": _ja_nee(intake["verslaving"]),
                         "psychiatrische_problematiek": _ja_nee(intake["psychiatrische_problematiek"])}
        uit["gevoelig"] = gevoelig
    return uit


def open_traject_van(deelnemer: Deelnemer) -> Traject | None:
    """The participant's running traject (the one an overdracht closes), or None."""
    return deelnemer.trajecten.filter(einddatum__isnull=True).order_by("-aanmelddatum", "-id").first()


def overdracht_programmas(deelnemer: Deelnemer) -> QuerySet[Programma]:
    """The programmes an overdracht can go to: every other programme of this installation still running."""
    vandaag = datetime.date.today()
    return (Programma.objects.exclude(pk=deelnemer.programma_id)
            .exclude(einddatum__lt=vandaag).order_by("naam"))


def overdrachten_van(deelnemer: Deelnemer) -> QuerySet[Overdracht]:
    """A participant's overdrachten (on A's dossier), newest first."""
    return (Overdracht.objects.filter(deelnemer=deelnemer)
            .select_related("naar_programma", "toestemming", "voorbereid_door", "afgehandeld_door")
            .order_by("-voorbereid_op", "-id"))


def overdracht_melding(deelnemer: Deelnemer, vandaag: datetime.date | None = None) -> Overdracht | None:
    """For A's dossier card: the pending overdracht, or one declined in the last 60 days (so the coach
    hears the reason); None otherwise."""
    vandaag = vandaag or datetime.date.today()
    # The card names the receiving programme only: no users or consent joined in (this runs on every tab).
    laatste = overdrachten_van(deelnemer).select_related(None).select_related("naar_programma").first()
    if laatste is None:
        return None
    if laatste.status == Overdracht.Status.VOORBEREID:
        return laatste
    if (laatste.status == Overdracht.Status.AFGEWEZEN and laatste.afgehandeld_op
            and (vandaag - laatste.afgehandeld_op.date()).days <= 60):
        return laatste
    return None


def _open_voor_ontvanger(user) -> QuerySet[Overdracht]:
    if getattr(user, "rol", None) != Rol.COORDINATOR or not user.is_active or not user.organisatie_id:
        return Overdracht.objects.none()
    vandaag = datetime.date.today()
    # The consent must still count: a withdrawn or expired consent ends what B may see at once.
    return Overdracht.objects.filter(
        naar_programma__in=programmas_of(user), status=Overdracht.Status.VOORBEREID,
        toestemming__ingetrokken_op__isnull=True, toestemming__gegeven_op__lte=vandaag,
        toestemming__geldig_tot__gte=vandaag,
    )


# What programme B's screens may load of an overdracht: never its participant (A's dossier) or traject.
ONTVANGER_VELDEN = (
    "pk", "versie", "status", "bericht", "samenvatting", "voorbereid_op", "van_programma__naam",
    "naar_programma__naam", "voorbereid_door__first_name", "voorbereid_door__last_name",
    "toestemming__scopes", "toestemming__gegeven_op", "toestemming__wijze",
)


def overdrachten_te_beoordelen(user) -> QuerySet[Overdracht]:
    """The pending overdrachten to the programmes `user` coordinates (for the list and her start page)."""
    return (_open_voor_ontvanger(user).select_related("van_programma", "naar_programma", "voorbereid_door", "toestemming")
            .only(*(v for v in ONTVANGER_VELDEN if v != "pk")).order_by("voorbereid_op", "id"))


def overdracht_te_beoordelen_of_404(user, pk) -> Overdracht:
    """One pending overdracht to a programme `user` coordinates, else 404 (a coach, the sending programme's
    coordinator and any other programme's coordinator included)."""
    try:
        return overdrachten_te_beoordelen(user).get(pk=pk)
    except (Overdracht.DoesNotExist, ValueError, TypeError):
        raise Http404(gettext("Overdracht niet gevonden."))


def overdrachten_afgehandeld_voor(user, *, aantal: int = 20) -> QuerySet[Overdracht]:
    """The latest decided overdrachten to her programmes: status and B's new participant, no summary."""
    if getattr(user, "rol", None) != Rol.COORDINATOR or not user.organisatie_id:
        return Overdracht.objects.none()
    return (Overdracht.objects.filter(naar_programma__in=programmas_of(user),
                                      status__in=(Overdracht.Status.GEACCEPTEERD, Overdracht.Status.AFGEWEZEN))
            .select_related("van_programma", "naar_programma", "nieuwe_deelnemer")
            .only("pk", "status", "afgehandeld_op", "van_programma__naam", "naar_programma__naam",
                  "nieuwe_deelnemer__clientcode", "nieuwe_deelnemer__roepnaam")
            .order_by("-afgehandeld_op", "-id")[:aantal])


def samenvattingen_van(deelnemer: Deelnemer) -> QuerySet[Overdrachtssamenvatting]:
    """What B's participant brought along from an earlier programme (stored on B's side)."""
    return Overdrachtssamenvatting.objects.filter(deelnemer=deelnemer).select_related("van_programma")


def deelnemer_heeft_samenvatting(deelnemer: Deelnemer) -> bool:
    return Overdrachtssamenvatting.objects.filter(deelnemer=deelnemer).exists()
