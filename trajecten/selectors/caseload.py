"""Reads for the coach's day: the caseload and the coordinator's list, with their signals.

Every query starts from `deelnemers_visible_to`; list queries use a fixed number of SQL statements.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    Value,
    When,
    Window,
    Exists,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from uitstap.links import reverse
from django.utils.translation import gettext, gettext_lazy, ngettext

from clients.models import Deelnemer, Toestemming
from clients.models import Signaal as GemeenteSignaal
from clients.selectors import VERLOOPT_BINNEN_DAGEN, deelnemers_visible_to
from trajecten.models import Contactmoment
from trajecten.selectors.expressies import eenmalig_gebouwd
from trajecten.selectors.juridisch import annoteer_juridische_termijnen, juridische_signalen
from trajecten.selectors.leefsituatie import annoteer_nazorg, nazorg_signalen
from trajecten.selectors.plan import annoteer_doelen_verlopen
from trajecten.selectors.verwijzing import annoteer_lang_wachtend
from uitstap.codes import ContactStatus, Fase

GEEN_CONTACT_DAGEN = 30
NO_SHOW_DAGEN = 60
NO_SHOW_AANTAL = 2
NAZORG_CONTACT_DAGEN = 42


def met_traject_stand(qs: QuerySet[Deelnemer], vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """Annotate participants with their current traject, phase, days in phase, contacts and signals.

    The current traject and its state are columns the database keeps (Traject.STAND_VELDEN): one join, no search
    through the histories per participant."""
    vandaag = vandaag or datetime.date.today()
    # The FilteredRelation is made per call (the query it joins into names it); the rest once per day.
    return qs.annotate(
        huidig=FilteredRelation("trajecten", condition=Q(trajecten__is_huidig=True)),
        huidig_traject_id=F("huidig__id"),
        traject_aanmelddatum=F("huidig__aanmelddatum"),
        traject_einddatum=F("huidig__einddatum"),
        fase=F("huidig__huidige_fase"),
        fase_sinds=F("huidig__fase_sinds"),
        laatste_contact=F("huidig__laatste_contact"),
    ).annotate(**_stand_expressies(vandaag))


@eenmalig_gebouwd
def _stand_expressies(vandaag: datetime.date) -> dict:
    contacten = Contactmoment.objects.filter(traject=OuterRef("huidig_traject_id"), foutief_op__isnull=True)
    return {
        "volgend_contact": Subquery(
            contacten.filter(status=ContactStatus.GEPLAND, datum__gte=vandaag).order_by("datum", "tijd").values("datum")[:1]
        ),
        "recente_no_shows": Coalesce(
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
    }


@dataclass
class Signaal:
    tekst: str
    ernst: str = "warning"
    url: str = ""  # where the signal is resolved
    soort: str = ""


def signalen_voor(d: Deelnemer, vandaag: datetime.date | None = None) -> list[Signaal]:
    """The warnings of one annotated participant (see met_traject_stand)."""
    vandaag = vandaag or datetime.date.today()
    uit = []
    if d.huidig_traject_id is None or d.traject_einddatum is not None:
        return uit
    referentie = d.laatste_contact or d.traject_aanmelddatum
    contact_url = reverse("trajecten:contact_nieuw", args=[d.huidig_traject_id])
    if referentie and (vandaag - referentie).days > GEEN_CONTACT_DAGEN and d.fase != Fase.NAZORG:
        n = (vandaag - referentie).days
        uit.append(Signaal(ngettext("Geen contact sinds %(n)d dag", "Geen contact sinds %(n)d dagen", n) % {"n": n},
                           url=contact_url, soort="geen_contact"))
    if d.recente_no_shows >= NO_SHOW_AANTAL:
        uit.append(Signaal(gettext("%(n)s× niet verschenen (60 dagen)") % {"n": d.recente_no_shows}, "danger",
                           url=reverse("trajecten:contacten", args=[d.pk]), soort="no_show"))
    # The programme's nazorg regime sets the contact frequency (annoteer_nazorg); 42 days without it.
    nazorg_dagen = getattr(d, "nazorg_contact_dagen", None) or NAZORG_CONTACT_DAGEN
    if d.fase == Fase.NAZORG and referentie and (vandaag - referentie).days > nazorg_dagen and not d.volgend_contact:
        uit.append(Signaal(gettext("Nazorgcontact nodig"), url=contact_url, soort="nazorg"))
    for tekst, termijn in nazorg_signalen(d, vandaag):
        if termijn is None:
            url, soort = reverse("trajecten:beeindigen", args=[d.huidig_traject_id]), "nazorg_voorbij"
        else:
            url = reverse("trajecten:nacontrole_nieuw", args=[d.huidig_traject_id]) + f"?termijn={termijn}"
            soort = "nacontrole"
        uit.append(Signaal(tekst, "info", url=url, soort=soort))
    if n := getattr(d, "doelen_verlopen", 0):
        uit.append(Signaal(ngettext("%(n)d doel over streefdatum", "%(n)d doelen over streefdatum", n) % {"n": n},
                           url=reverse("trajecten:trajectplan", args=[d.pk]), soort="doelen"))
    if n := getattr(d, "lang_wachtend", 0):
        uit.append(Signaal(ngettext("%(n)d verwijzing wacht lang", "%(n)d verwijzingen wachten lang", n) % {"n": n},
                           url=reverse("trajecten:verwijzingen", args=[d.pk]), soort="verwijzingen"))
    if getattr(d, "toestemming_verloopt", False):
        uit.append(Signaal(gettext("Toestemming gemeente loopt binnen een maand af"),
                           url=reverse("trajecten:toestemmingen", args=[d.pk]), soort="toestemming"))
    if n := getattr(d, "open_gemeente_signalen", 0):
        uit.append(Signaal(ngettext("%(n)d signaal van de gemeente", "%(n)d signalen van de gemeente", n) % {"n": n},
                           url=reverse("trajecten:toestemmingen", args=[d.pk]), soort="gemeente"))
    juridisch_url = reverse("trajecten:veiligheid", args=[d.pk])
    uit.extend(Signaal(tekst, ernst, url=juridisch_url, soort="juridisch") for tekst, ernst in juridische_signalen(d, vandaag))
    return uit


def annoteer_toestemming(qs: QuerySet[Deelnemer], vandaag: datetime.date) -> QuerySet[Deelnemer]:
    """A consent that ends within a month (the coach asks again or lets it lapse) and open signals of a gemeente."""
    return qs.annotate(**_toestemming_expressies(vandaag))


@eenmalig_gebouwd
def _toestemming_expressies(vandaag: datetime.date) -> dict:
    verloopt = Toestemming.objects.filter(
        deelnemer=OuterRef("pk"), gemeente__isnull=False, ingetrokken_op__isnull=True, opvolger__isnull=True, gegeven_op__lte=vandaag,
        geldig_tot__gte=vandaag, geldig_tot__lte=vandaag + datetime.timedelta(days=VERLOOPT_BINNEN_DAGEN),
    )
    open_signalen = (GemeenteSignaal.objects.filter(deelnemer=OuterRef("pk"), afgesloten_op__isnull=True)
                     .values("deelnemer").annotate(n=Count("pk")).values("n")[:1])
    return {
        "toestemming_verloopt": Exists(verloopt),
        "open_gemeente_signalen": Coalesce(Subquery(open_signalen, output_field=IntegerField()), 0),
    }


# The per-feature annotations the signals read: goals past target date, referrals waiting long, the nazorg
# regime, consent.
CASELOAD_ANNOTATIES = (
    annoteer_doelen_verlopen, annoteer_lang_wachtend, annoteer_nazorg, annoteer_toestemming, annoteer_juridische_termijnen,
)


# --- urgency in SQL: the same conditions as signalen_voor, so ordering and filters stay in the database ----


def _signaal_condities(vandaag: datetime.date) -> dict[str, Q]:
    referentie = Coalesce("laatste_contact", "traject_aanmelddatum")
    lopend = Q(huidig_traject_id__isnull=False, traject_einddatum__isnull=True)
    return {
        "geen_contact": lopend & Q(referentie_datum__lt=vandaag - datetime.timedelta(days=GEEN_CONTACT_DAGEN))
        & (~Q(fase=Fase.NAZORG) | Q(fase__isnull=True)),
        "no_show": lopend & Q(recente_no_shows__gte=NO_SHOW_AANTAL),
        "nazorg": lopend & Q(fase=Fase.NAZORG, volgend_contact__isnull=True,
                             referentie_datum__lt=vandaag - datetime.timedelta(days=NAZORG_CONTACT_DAGEN)),
        "doelen": lopend & Q(doelen_verlopen__gt=0),
        "verwijzingen": lopend & Q(lang_wachtend__gt=0),
        "toestemming": lopend & Q(toestemming_verloopt=True),
        "gemeente": lopend & Q(open_gemeente_signalen__gt=0),
    }, referentie


SIGNAAL_FILTERS = [
    ("alle", gettext_lazy("Met een signaal")), ("geen_contact", gettext_lazy("Geen contact")), ("no_show", gettext_lazy("Niet verschenen")),
    ("nazorg", gettext_lazy("Nazorgcontact nodig")), ("doelen", gettext_lazy("Doelen over streefdatum")), ("verwijzingen", gettext_lazy("Verwijzingen wachten lang")),
    ("toestemming", gettext_lazy("Toestemming loopt af")), ("gemeente", gettext_lazy("Signaal van de gemeente")),
]

# Sortable columns: query-string key -> order_by fields (nulls last where it reads best).
SORTERINGEN = {
    "urgentie": None,
    "deelnemer": ["clientcode"],
    "fase": ["fase_volgorde", "clientcode"],
    "dagen": [F("fase_sinds").asc(nulls_last=True), "clientcode"],
    "volgend": [F("volgend_contact").asc(nulls_last=True), "clientcode"],
    "laatste": [F("laatste_contact").asc(nulls_first=True), "clientcode"],
}


def annoteer_urgentie(qs: QuerySet[Deelnemer], vandaag: datetime.date) -> QuerySet[Deelnemer]:
    """`aantal_signalen` and one flag per signal, computed in SQL (needs met_traject_stand and the annotations)."""
    referentie, vlaggen, rest = _urgentie_expressies(vandaag)
    return qs.annotate(referentie_datum=referentie).annotate(**vlaggen).annotate(**rest)


@eenmalig_gebouwd
def _urgentie_expressies(vandaag: datetime.date) -> tuple:
    condities, referentie = _signaal_condities(vandaag)
    vlaggen = {f"signaal_{k}": Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())
               for k, q in condities.items()}
    som = None
    for k in condities:
        som = F(f"signaal_{k}") if som is None else som + F(f"signaal_{k}")
    return referentie, vlaggen, {
        "aantal_signalen": som,
        "fase_volgorde": Case(*[When(fase=f, then=Value(i)) for i, f in enumerate(Fase.values)],
                              default=Value(len(Fase.values)), output_field=IntegerField()),
    }


def caseload_geordend(qs: QuerySet[Deelnemer], *, sorteer: str = "", fase: str = "", signaal: str = "") -> QuerySet[Deelnemer]:
    """Filter on phase and signal, then order: by urgency (signals first, then next planned contact) by default."""
    if fase in Fase.values:
        qs = qs.filter(fase=fase)
    if signaal == "alle":
        qs = qs.filter(aantal_signalen__gt=0)
    elif signaal in dict(SIGNAAL_FILTERS):
        qs = qs.filter(**{f"signaal_{signaal}": 1})
    sleutel, omgekeerd = sorteer.lstrip("-"), sorteer.startswith("-")
    velden = SORTERINGEN.get(sleutel)
    if velden is None:
        volgorde = [F("aantal_signalen").desc(), F("volgend_contact").asc(nulls_last=True), "clientcode"]
        if omgekeerd:
            volgorde = [F("aantal_signalen").asc(), F("volgend_contact").desc(nulls_first=True), "-clientcode"]
        return qs.order_by(*volgorde)
    if omgekeerd:
        velden = [v.copy() if hasattr(v, "copy") else v for v in velden]
        velden = [(F(v.expression.name).desc(nulls_last=True) if hasattr(v, "expression") else f"-{v}") for v in velden]
    return qs.order_by(*velden)


DEZE_WEEK_MAX = 25


def deze_week(deelnemer_ids, vandaag: datetime.date, maximum: int = DEZE_WEEK_MAX) -> tuple[list, int]:
    """Planned contacts from today up to six days ahead for the given participants: the first `maximum` in time
    order and how many there are in all (one query: the total rides along as a window count)."""
    tot = vandaag + datetime.timedelta(days=6)
    rijen = list(
        Contactmoment.objects.filter(
            traject__deelnemer_id__in=deelnemer_ids, status=ContactStatus.GEPLAND, foutief_op__isnull=True,
            datum__gte=vandaag, datum__lte=tot, traject__einddatum__isnull=True,
        )
        .select_related("traject__deelnemer")
        # What the list shows: when, what kind, and whose (the clientcode).
        .only("datum", "tijd", "soort", "traject__id", "traject__deelnemer__id", "traject__deelnemer__clientcode")
        .annotate(totaal=Window(Count("pk")))
        .order_by("datum", "tijd", "id")[:maximum]
    )
    return rijen, (rijen[0].totaal if rijen else 0)


def zoek_deelnemers(qs: QuerySet[Deelnemer], zoek: str) -> QuerySet[Deelnemer]:
    """Narrow a list by clientcode or roepnaam."""
    zoek = (zoek or "").strip()[:50]
    return qs.filter(Q(clientcode__icontains=zoek) | Q(roepnaam__icontains=zoek)) if zoek else qs


CASELOAD_VELDEN = ("id", "programma_id", "clientcode", "roepnaam", "begeleider_id", "achtervang_id")


def caseload(user, *, zoek: str = "", afgesloten: bool = False, vandaag: datetime.date | None = None,
             sorteer: str = "", fase: str = "", signaal: str = "") -> QuerySet[Deelnemer]:
    """The coach's own participants and those they are achtervang for, with their current state.

    Participants whose latest traject has ended are left out unless `afgesloten` is asked for. Default order:
    urgency (signals first, then the next planned contact); `sorteer`, `fase` and `signaal` as in the query string.
    """
    # The row shows the clientcode and roepnaam and marks achtervang; the rest is the annotated state.
    qs = zoek_deelnemers(deelnemers_visible_to(user).only(*CASELOAD_VELDEN), zoek)
    qs = met_traject_stand(qs, vandaag)
    if not afgesloten:
        qs = qs.filter(traject_einddatum__isnull=True)
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag or datetime.date.today())
    qs = annoteer_urgentie(qs, vandaag or datetime.date.today())
    return caseload_geordend(qs, sorteer=sorteer, fase=fase, signaal=signaal)


def caseload_open_pks(user) -> QuerySet:
    """The pks of the caseload's open participants (own and achtervang), without the list's annotations: for
    a subquery such as "this week's planned contacts", which needs the rows, not their state."""
    return (deelnemers_visible_to(user).filter(trajecten__is_huidig=True, trajecten__einddatum__isnull=True)
            .order_by().values("pk"))


PLAN_ONGETEKEND_DAGEN = 42
AANDACHT_MAX = 20


@dataclass
class Aandacht:
    """The coordinator's start page: what needs attention in the programme, each list capped for the page."""
    lang_wachtend: list
    geen_contact: list
    plan_ongetekend: list
    nazorg: list
    per_begeleider: list  # (naam, aantal lopende trajecten, begeleider id)


def aandacht_coordinator(user, vandaag: datetime.date | None = None) -> Aandacht:
    """Five short lists, each computed in SQL (a fixed number of queries)."""
    from trajecten.models import Trajectplan

    vandaag = vandaag or datetime.date.today()
    qs = met_traject_stand(deelnemers_visible_to(user).select_related("begeleider"), vandaag)
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag)
    qs = annoteer_urgentie(qs, vandaag).filter(huidig_traject_id__isnull=False, traject_einddatum__isnull=True)
    grens = vandaag - datetime.timedelta(days=PLAN_ONGETEKEND_DAGEN)
    laatste_versie = Trajectplan.objects.filter(traject_id=OuterRef("huidig_traject_id")).order_by("-volgnummer")
    ongetekend = qs.annotate(
        plan_status=Subquery(laatste_versie.values("status")[:1]),
        plan_opgesteld=Subquery(laatste_versie.values("opgesteld_op")[:1]),
    ).filter(plan_status=Trajectplan.Status.CONCEPT, plan_opgesteld__lt=grens)
    per_begeleider = (
        qs.order_by().values("begeleider_id", "begeleider__first_name", "begeleider__last_name", "begeleider__username")
        .annotate(n=Count("pk")).order_by("-n", "begeleider__username")
    )
    return Aandacht(
        lang_wachtend=list(qs.filter(signaal_verwijzingen=1).order_by("-lang_wachtend", "clientcode")[:AANDACHT_MAX]),
        geen_contact=list(qs.filter(signaal_geen_contact=1).order_by("referentie_datum", "clientcode")[:AANDACHT_MAX]),
        plan_ongetekend=list(ongetekend.order_by("plan_opgesteld", "clientcode")[:AANDACHT_MAX]),
        nazorg=list(qs.filter(signaal_nazorg=1).order_by("referentie_datum", "clientcode")[:AANDACHT_MAX]),
        per_begeleider=[(" ".join(p for p in (r["begeleider__first_name"], r["begeleider__last_name"]) if p)
                         or r["begeleider__username"] or gettext("Geen begeleider"), r["n"], r["begeleider_id"])
                        for r in per_begeleider],
    )


def deelnemers_overzicht(user, vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """All participants the user may see, annotated for the coordinator's filtered list."""
    qs = deelnemers_visible_to(user).select_related("begeleider", "achtervang", "woongemeente")
    qs = met_traject_stand(qs, vandaag)
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag or datetime.date.today())
    return qs.order_by("clientcode")
