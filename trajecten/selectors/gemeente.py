"""Reads for the klantmanager: the shared participants, loaded field by field within the consent's scopes.

Nothing here loads a whole Deelnemer, Intake or Contactmoment row: every query names the columns a scope
allows (`.values(...)`), so a field outside the consent never reaches a template. Free-text notes
(contacts, metingen, progress, feedback, intake) are in no scope at all. `gevoelig` is never implied.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext

from clients.models import Deelnemer, Scope, Signaal
from clients.selectors import VERLOOPT_BINNEN_DAGEN, deelnemers_visible_to, toestemmingen_geldig
from trajecten.models import Doel, FaseOvergang, Intake, MetingScore, Traject, Trajectplan, Verwijzing
from uitstap.codes import DoelStatus, Fase, KetenpartnerSoort, Leefgebied, Verblijfsstatus, VerwijzingStatus
from uitstap.models import AuditEvent

WERK_INKOMEN_LEEFGEBIEDEN = frozenset({Leefgebied.WERK_DAGBESTEDING, Leefgebied.FINANCIEN})
# Health, addiction, trafficking and residence: only under `gevoelig`.
GEVOELIGE_LEEFGEBIEDEN = frozenset({
    Leefgebied.PSYCHISCH_FUNCTIONEREN, Leefgebied.LICHAMELIJK_FUNCTIONEREN, Leefgebied.MIDDELENGEBRUIK,
    Leefgebied.JURIDISCH, Leefgebied.VEILIGHEID,
})
WERK_INKOMEN_PARTNERS = frozenset({
    KetenpartnerSoort.UITKERINGSINSTANTIE, KetenpartnerSoort.SCHULDHULPVERLENING,
    KetenpartnerSoort.WERK_REINTEGRATIE, KetenpartnerSoort.ONDERWIJS_TAAL,
})
GEVOELIGE_PARTNERS = frozenset({
    KetenpartnerSoort.VERSLAVINGSZORG, KetenpartnerSoort.GGZ, KetenpartnerSoort.GGD, KetenpartnerSoort.POLITIE,
    KetenpartnerSoort.JURIDISCH, KetenpartnerSoort.ZORGCOORDINATIE_MENSENHANDEL,
})
LIJST_OBJECT = "gedeelde_deelnemers"


def leefgebieden_in(scopes) -> frozenset[str]:
    """The leefgebieden whose goals a consent covers."""
    uit = set()
    if Scope.WERK_INKOMEN in scopes:
        uit |= WERK_INKOMEN_LEEFGEBIEDEN
    if Scope.TRAJECTPLAN in scopes:
        uit |= set(Leefgebied.values) - GEVOELIGE_LEEFGEBIEDEN
    if Scope.GEVOELIG in scopes and (Scope.TRAJECTPLAN in scopes or Scope.WERK_INKOMEN in scopes):
        uit |= GEVOELIGE_LEEFGEBIEDEN
    return frozenset(uit)


def _verwijzing_in_scope(scopes, soort: str, doel_leefgebied: str | None) -> bool:
    gevoelig = soort in GEVOELIGE_PARTNERS or doel_leefgebied in GEVOELIGE_LEEFGEBIEDEN
    if gevoelig:
        return Scope.GEVOELIG in scopes and (Scope.WERK_INKOMEN in scopes or Scope.TRAJECTPLAN in scopes)
    if Scope.TRAJECTPLAN in scopes and Scope.WERK_INKOMEN in scopes:
        return True
    return Scope.WERK_INKOMEN in scopes and (soort in WERK_INKOMEN_PARTNERS or doel_leefgebied in WERK_INKOMEN_LEEFGEBIEDEN)


def verwijzing_in_scope(scopes, soort: str, doel_leefgebied: str | None) -> bool:
    """Whether a referral (by the partner's kind and its goal's leefgebied) falls within the scopes; the
    overdracht summary follows the same rule as the klantmanager's pages."""
    return _verwijzing_in_scope(scopes, soort, doel_leefgebied)


@dataclass
class Wijziging:
    datum: datetime.date
    tekst: str


@dataclass
class GedeeldeDeelnemer:
    """What a klantmanager may know of one participant: built only from consented columns."""

    pk: int
    clientcode: str
    roepnaam: str
    toestemming_id: int
    scopes: frozenset
    gegeven_op: datetime.date
    geldig_tot: datetime.date
    fase: str | None = None
    fase_sinds: datetime.date | None = None
    traject_open: bool = False
    begeleider: str = ""
    begeleider_email: str = ""
    begeleider_organisatie: str = ""
    achtervang: str = ""
    doelen: list = field(default_factory=list)
    verwijzingen: list = field(default_factory=list)
    scores: list = field(default_factory=list)
    gevoelig: dict = field(default_factory=dict)
    wijzigingen: list = field(default_factory=list)
    signalen: list = field(default_factory=list)

    @property
    def fase_label(self):
        return Fase(self.fase).label if self.fase in Fase.values else ""

    @property
    def scope_labels(self):
        return [Scope(s).label.split(":")[0] for s in Scope.values if s in self.scopes]

    def heeft(self, scope):
        return scope in self.scopes

    @property
    def werk_inkomen(self):
        return Scope.WERK_INKOMEN in self.scopes

    @property
    def trajectplan(self):
        return Scope.TRAJECTPLAN in self.scopes

    @property
    def is_gevoelig(self):
        return Scope.GEVOELIG in self.scopes


def vorig_bezoek(user) -> datetime.datetime | None:
    """When the klantmanager last opened her start page (before this request)."""
    return (AuditEvent.objects.filter(gebruiker=user, object_type=LIJST_OBJECT, actie=AuditEvent.Actie.LIST)
            .order_by("-id").values_list("tijdstip", flat=True).first())


def _huidige_trajecten(deelnemer_ids) -> dict[int, dict]:
    huidig = Traject.objects.filter(deelnemer=OuterRef("deelnemer")).order_by("-aanmelddatum", "-id").values("pk")[:1]
    rijen = (Traject.objects.filter(deelnemer_id__in=deelnemer_ids, pk=Subquery(huidig))
             .values("pk", "deelnemer_id", "einddatum"))
    return {r["deelnemer_id"]: r for r in rijen}


def gedeelde_deelnemers(user, *, pks=None, sinds: datetime.datetime | None = None,
                        vandaag: datetime.date | None = None) -> list[GedeeldeDeelnemer]:
    """The klantmanager's shared participants (or only `pks`), each with exactly what her consent covers."""
    vandaag = vandaag or datetime.date.today()
    qs = deelnemers_visible_to(user)
    if pks is not None:
        qs = qs.filter(pk__in=pks)
    toestemmingen = {
        t["deelnemer_id"]: t for t in toestemmingen_geldig(gemeente=user.gemeente_id, vandaag=vandaag)
        .filter(deelnemer__in=qs).order_by("id")
        .values("id", "deelnemer_id", "scopes", "gegeven_op", "geldig_tot")
    }
    return gedeeld_onder(qs, toestemmingen, sinds=sinds)


def gedeeld_onder(qs, toestemmingen: dict[int, dict], *, sinds: datetime.datetime | None = None,
                  ) -> list[GedeeldeDeelnemer]:
    """The participants of `qs` that have an entry in `toestemmingen` ({deelnemer_id: {id, scopes, gegeven_op,
    geldig_tot}}), each loaded within those scopes, with what changed since `sinds`. Also the werkoverleg's
    agenda uses this, so the meeting shows exactly what the gemeente may see."""
    basis = qs.values(
        "pk", "clientcode", "roepnaam", "begeleider__first_name", "begeleider__last_name", "begeleider__username",
        "begeleider__email", "begeleider__organisatie__naam", "achtervang__first_name", "achtervang__last_name",
    ).order_by("clientcode")
    uit = {}
    for r in basis:
        t = toestemmingen.get(r["pk"])
        if t is None:
            continue
        naam = " ".join(x for x in (r["begeleider__first_name"], r["begeleider__last_name"]) if x)
        uit[r["pk"]] = GedeeldeDeelnemer(
            pk=r["pk"], clientcode=r["clientcode"], roepnaam=r["roepnaam"], toestemming_id=t["id"],
            scopes=frozenset(t["scopes"]), gegeven_op=t["gegeven_op"], geldig_tot=t["geldig_tot"],
            begeleider=naam or (r["begeleider__username"] or ""), begeleider_email=r["begeleider__email"] or "",
            begeleider_organisatie=r["begeleider__organisatie__naam"] or "",
            achtervang=" ".join(x for x in (r["achtervang__first_name"], r["achtervang__last_name"]) if x),
        )
    if not uit:
        return []
    trajecten = _huidige_trajecten(uit.keys())
    traject_van = {t["pk"]: dnr for dnr, t in trajecten.items()}
    for dnr, t in trajecten.items():
        uit[dnr].traject_open = t["einddatum"] is None
    for f in (FaseOvergang.objects.filter(traject_id__in=traject_van).order_by("traject_id", "datum", "id")
              .values("traject_id", "fase", "datum")):
        d = uit[traject_van[f["traject_id"]]]
        d.fase, d.fase_sinds = f["fase"], f["datum"]
        if sinds and f["datum"] >= sinds.date():
            d.wijzigingen.append(Wijziging(f["datum"], gettext("Fase: %(fase)s") % {"fase": Fase(f['fase']).label}))
    _doelen(uit, traject_van, sinds)
    _verwijzingen(uit, traject_van, sinds)
    _scores(uit, traject_van)
    _gevoelig(uit, traject_van)
    for d in uit.values():
        if sinds and d.gegeven_op >= sinds.date():
            d.wijzigingen.append(Wijziging(d.gegeven_op, gettext("Toestemming gegeven of verlengd")))
        d.wijzigingen.sort(key=lambda w: w.datum, reverse=True)
    return list(uit.values())


def _doelen(uit, traject_van, sinds):
    laatste_plan = Trajectplan.objects.filter(traject=OuterRef("plan__traject")).order_by("-volgnummer").values("pk")[:1]
    rijen = (Doel.objects.filter(plan__traject_id__in=traject_van, ouder__isnull=True, plan_id=Subquery(laatste_plan))
             .order_by("volgorde", "id")
             .values("plan__traject_id", "leefgebied", "omschrijving", "status", "streefdatum", "startscore",
                     "doelscore", "gesteld_op", "behaald_op"))
    for r in rijen:
        d = uit[traject_van[r["plan__traject_id"]]]
        if r["leefgebied"] not in leefgebieden_in(d.scopes):
            continue
        doel = {
            "leefgebied": Leefgebied(r["leefgebied"]).label, "omschrijving": r["omschrijving"],
            "status": DoelStatus(r["status"]).label, "streefdatum": r["streefdatum"],
        }
        if d.trajectplan:
            doel |= {"startscore": r["startscore"], "doelscore": r["doelscore"]}
        d.doelen.append(doel)
        if sinds and r["behaald_op"] and r["behaald_op"] >= sinds.date():
            d.wijzigingen.append(Wijziging(r["behaald_op"], gettext("Doel behaald (%(leefgebied)s)") % {"leefgebied": doel['leefgebied']}))
        elif sinds and r["gesteld_op"] and r["gesteld_op"] >= sinds.date():
            d.wijzigingen.append(Wijziging(r["gesteld_op"], gettext("Nieuw doel (%(leefgebied)s)") % {"leefgebied": doel['leefgebied']}))


def _verwijzingen(uit, traject_van, sinds):
    rijen = (Verwijzing.objects.filter(traject_id__in=traject_van).order_by("-verwezen", "-id")
             .values("traject_id", "ketenpartner__naam", "ketenpartner__soort", "doel__leefgebied", "hulpvraag",
                     "status", "verwezen", "gestart"))
    for r in rijen:
        d = uit[traject_van[r["traject_id"]]]
        if not _verwijzing_in_scope(d.scopes, r["ketenpartner__soort"], r["doel__leefgebied"]):
            continue
        d.verwijzingen.append({
            "ketenpartner": r["ketenpartner__naam"], "hulpvraag": r["hulpvraag"],
            "status": VerwijzingStatus(r["status"]).label, "verwezen": r["verwezen"], "gestart": r["gestart"],
        })
        if sinds and r["verwezen"] >= sinds.date():
            d.wijzigingen.append(Wijziging(r["verwezen"], gettext("Verwezen naar %(ketenpartner)s") % {"ketenpartner": r['ketenpartner__naam']}))
        if sinds and r["gestart"] and r["gestart"] >= sinds.date():
            d.wijzigingen.append(Wijziging(r["gestart"], gettext("Hulp gestart bij %(ketenpartner)s") % {"ketenpartner": r['ketenpartner__naam']}))


def _scores(uit, traject_van):
    """Latest self-assessment per leefgebied in scope: only under `trajectplan`."""
    rijen = (MetingScore.objects.filter(meting__traject_id__in=traject_van)
             .order_by("meting__traject_id", "meting__datum", "meting_id")
             .values("meting__traject_id", "meting__datum", "leefgebied", "score"))
    laatste = {}
    for r in rijen:
        d = uit[traject_van[r["meting__traject_id"]]]
        if d.trajectplan and r["leefgebied"] in leefgebieden_in(d.scopes):
            laatste.setdefault(d.pk, {})[r["leefgebied"]] = (r["meting__datum"], r["score"])
    for pk, per in laatste.items():
        uit[pk].scores = [{"leefgebied": Leefgebied(lg).label, "datum": datum, "score": score}
                          for lg, (datum, score) in sorted(per.items())]


def _gevoelig(uit, traject_van):
    """Residence status, trafficking signals and the intake's contra-indications: only under `gevoelig`."""
    pks = [pk for pk, d in uit.items() if d.is_gevoelig]
    if not pks:
        return
    for r in Deelnemer.objects.filter(pk__in=pks).values("pk", "verblijfsstatus", "vergunning_eind",
                                                         "signalen_mensenhandel"):
        uit[r["pk"]].gevoelig = {
            "verblijfsstatus": Verblijfsstatus(r["verblijfsstatus"]).label, "vergunning_eind": r["vergunning_eind"],
            "signalen_mensenhandel": r["signalen_mensenhandel"],
        }
    for r in Intake.objects.filter(traject_id__in=traject_van, traject__deelnemer_id__in=pks).values(
            "traject_id", "verslaving", "psychiatrische_problematiek"):
        uit[traject_van[r["traject_id"]]].gevoelig |= {
            "verslaving": r["verslaving"], "psychiatrische_problematiek": r["psychiatrische_problematiek"],
        }


def verloopt_binnenkort(gedeeld: list[GedeeldeDeelnemer], vandaag: datetime.date | None = None):
    vandaag = vandaag or datetime.date.today()
    grens = vandaag + datetime.timedelta(days=VERLOOPT_BINNEN_DAGEN)
    return [d for d in gedeeld if d.geldig_tot <= grens]


def signalen_van_gemeente(user, deelnemer_pk) -> list[dict]:
    """The signals this klantmanager's gemeente left for one shared participant (text, date, open/closed)."""
    return list(Signaal.objects.filter(deelnemer_id=deelnemer_pk, gemeente_id=user.gemeente_id)
                .order_by("-datum", "-id").values("datum", "tekst", "afgesloten_op"))

