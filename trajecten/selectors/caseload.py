"""Reads for the coach's day: the caseload and the coordinator's list, with their signals.

Every query starts from `deelnemers_visible_to`; list queries use a fixed number of SQL statements.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    DateField,
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
from clients.selectors import VERLOOPT_BINNEN_DAGEN, deelnemers_visible_to, zichtbaarheid_sleutel
from trajecten.models import Contactmoment, Traject
from trajecten.selectors.expressies import eenmalig_gebouwd
from trajecten.selectors.juridisch import annoteer_juridische_termijnen, juridische_signalen
from trajecten.selectors.leefsituatie import annoteer_nazorg, nazorg_signalen
from trajecten.selectors.lijst import met_lijstlengte, pagina
from trajecten.selectors.plan import annoteer_doelen_verlopen
from trajecten.selectors.verwijzing import annoteer_lang_wachtend, dagen_sinds
from uitstap.codes import ContactStatus, Fase
from uitstap.query_shapes import QueryShape

GEEN_CONTACT_DAGEN = 30
NO_SHOW_DAGEN = 60
NO_SHOW_AANTAL = 2
NAZORG_CONTACT_DAGEN = 42


def huidig_traject_join(qs: QuerySet[Deelnemer]) -> QuerySet[Deelnemer]:
    """Join each participant's current traject once, as `huidig` (at most one row: is_huidig is kept by the
    database); filters and annotations refer to its kept columns as `huidig__<column>`."""
    return qs.annotate(huidig=FilteredRelation("trajecten", condition=Q(trajecten__is_huidig=True)))


def met_huidig_traject(qs: QuerySet[Deelnemer], vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """Annotate participants with their current traject's state: the columns the database keeps (Traject.STAND_VELDEN,
    one join, no search through the histories) and the next planned contact from today, `volgend_contact`. Cheap
    enough to order and filter a whole list on; the counts the signal texts show come with met_traject_stand."""
    vandaag = vandaag or datetime.date.today()
    # The FilteredRelation is made per call (the query it joins into names it); the rest once per day.
    return huidig_traject_join(qs).annotate(
        huidig_traject_id=F("huidig__id"),
        traject_aanmelddatum=F("huidig__aanmelddatum"),
        traject_einddatum=F("huidig__einddatum"),
        fase=F("huidig__huidige_fase"),
        fase_sinds=F("huidig__fase_sinds"),
        laatste_contact=F("huidig__laatste_contact"),
        tweede_no_show_op=F("huidig__tweede_no_show_op"),
        volgend_gepland_op=F("huidig__volgend_gepland_op"),
        vroegste_streefdatum=F("huidig__vroegste_streefdatum"),
        oudste_open_verwijzing=F("huidig__oudste_open_verwijzing"),
    ).annotate(**_volgend_expressies(vandaag))


def met_traject_stand(qs: QuerySet[Deelnemer], vandaag: datetime.date | None = None) -> QuerySet[Deelnemer]:
    """met_huidig_traject and the number of recent no-shows (`recente_no_shows`, what the signal text says): for
    the rows a page shows or one participant, not for a whole list."""
    vandaag = vandaag or datetime.date.today()
    return met_huidig_traject(qs, vandaag).annotate(**_stand_expressies(vandaag))


def _contacten():
    return Contactmoment.objects.filter(traject=OuterRef("huidig_traject_id"), foutief_op__isnull=True)


@eenmalig_gebouwd
def _volgend_expressies(vandaag: datetime.date) -> dict:
    # The earliest planned contact is kept (volgend_gepland_op); when it lies today or later it is the next one.
    # Only an overdue one (still planned, its day past) makes the database look for the first from today.
    vanaf_vandaag = _contacten().filter(status=ContactStatus.GEPLAND, datum__gte=vandaag).order_by("datum").values("datum")[:1]
    return {
        "volgend_contact": Case(
            When(volgend_gepland_op__gte=vandaag, then=F("volgend_gepland_op")),
            When(volgend_gepland_op__lt=vandaag, then=Subquery(vanaf_vandaag)),
            default=None, output_field=DateField(),
        ),
    }


@eenmalig_gebouwd
def _stand_expressies(vandaag: datetime.date) -> dict:
    return {
        "recente_no_shows": Coalesce(
            Subquery(
                _contacten().filter(
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
    # Reversed only for a signal that shows it: a list page asks this of every row.
    contact_url = lambda: reverse("trajecten:contact_nieuw", args=[d.huidig_traject_id])  # noqa: E731
    if referentie and (vandaag - referentie).days > GEEN_CONTACT_DAGEN and d.fase != Fase.NAZORG:
        n = (vandaag - referentie).days
        uit.append(Signaal(ngettext("Geen contact sinds %(n)d dag", "Geen contact sinds %(n)d dagen", n) % {"n": n},
                           url=contact_url(), soort="geen_contact"))
    if d.recente_no_shows >= NO_SHOW_AANTAL:
        uit.append(Signaal(gettext("%(n)s× niet verschenen (60 dagen)") % {"n": d.recente_no_shows}, "danger",
                           url=reverse("trajecten:contacten", args=[d.pk]), soort="no_show"))
    # The programme's nazorg regime sets the contact frequency (annoteer_nazorg); 42 days without it.
    nazorg_dagen = getattr(d, "nazorg_contact_dagen", None) or NAZORG_CONTACT_DAGEN
    if d.fase == Fase.NAZORG and referentie and (vandaag - referentie).days > nazorg_dagen and not d.volgend_contact:
        uit.append(Signaal(gettext("Nazorgcontact nodig"), url=contact_url(), soort="nazorg"))
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
    if juridisch := juridische_signalen(d, vandaag):
        juridisch_url = reverse("trajecten:veiligheid", args=[d.pk])
        uit.extend(Signaal(tekst, ernst, url=juridisch_url, soort="juridisch") for tekst, ernst in juridisch)
    return uit


def annoteer_toestemming(qs: QuerySet[Deelnemer], vandaag: datetime.date) -> QuerySet[Deelnemer]:
    """A consent that ends within a month (the coach asks again or lets it lapse) and open signals of a gemeente."""
    return qs.annotate(**_toestemming_expressies(vandaag))


def _verloopt(vandaag: datetime.date) -> QuerySet[Toestemming]:
    return Toestemming.objects.filter(
        gemeente__isnull=False, ingetrokken_op__isnull=True, opvolger__isnull=True, gegeven_op__lte=vandaag,
        geldig_tot__gte=vandaag, geldig_tot__lte=vandaag + datetime.timedelta(days=VERLOOPT_BINNEN_DAGEN),
    )


def _open_signalen() -> QuerySet[GemeenteSignaal]:
    return GemeenteSignaal.objects.filter(afgesloten_op__isnull=True)


@eenmalig_gebouwd
def _toestemming_expressies(vandaag: datetime.date) -> dict:
    open_signalen = (_open_signalen().filter(deelnemer=OuterRef("pk"))
                     .values("deelnemer").annotate(n=Count("pk")).values("n")[:1])
    return {
        "toestemming_verloopt": Exists(_verloopt(vandaag).filter(deelnemer=OuterRef("pk"))),
        "open_gemeente_signalen": Coalesce(Subquery(open_signalen, output_field=IntegerField()), 0),
    }


# The per-feature annotations the signals read: goals past target date, referrals waiting long, the nazorg
# regime, consent.
CASELOAD_ANNOTATIES = (
    annoteer_doelen_verlopen, annoteer_lang_wachtend, annoteer_nazorg, annoteer_toestemming, annoteer_juridische_termijnen,
)


def annoteer_signalen(qs: QuerySet[Deelnemer], vandaag: datetime.date) -> QuerySet[Deelnemer]:
    """Everything signalen_voor reads beyond met_huidig_traject (which `qs` must carry): the counts the texts show,
    the nazorg regime, consent, the legal route. Correlated subqueries: for the rows of a page, not a whole list."""
    qs = qs.annotate(**_stand_expressies(vandaag))
    for annotate in CASELOAD_ANNOTATIES:
        qs = annotate(qs, vandaag)
    return qs


# --- urgency in SQL: the same conditions as signalen_voor, so ordering and filters stay in the database ----


@eenmalig_gebouwd
def _signaal_condities(vandaag: datetime.date) -> tuple[dict[str, Q], dict]:
    """One condition per signal of signalen_voor, on what met_huidig_traject annotates: the kept columns, and
    uncorrelated `pk IN (...)` subqueries that the database runs once for the whole list. Each says "count > 0" of
    the count the signal text shows (recente_no_shows, doelen_verlopen, lang_wachtend, open_gemeente_signalen),
    without counting per row. With them the annotations they read besides met_huidig_traject's."""
    referentie = Coalesce("laatste_contact", "traject_aanmelddatum")
    lopend = Q(huidig_traject_id__isnull=False, traject_einddatum__isnull=True)
    return {
        "geen_contact": lopend & Q(referentie_datum__lt=vandaag - datetime.timedelta(days=GEEN_CONTACT_DAGEN))
        & (~Q(fase=Fase.NAZORG) | Q(fase__isnull=True)),
        # NO_SHOW_AANTAL (2) no-shows since the day NO_SHOW_DAGEN ago ⟺ the second-latest one is on or after it.
        "no_show": lopend & Q(tweede_no_show_op__gte=vandaag - datetime.timedelta(days=NO_SHOW_DAGEN)),
        "nazorg": lopend & Q(fase=Fase.NAZORG, volgend_contact__isnull=True,
                             referentie_datum__lt=vandaag - datetime.timedelta(days=NAZORG_CONTACT_DAGEN)),
        "doelen": lopend & Q(vroegste_streefdatum__lt=vandaag),
        # The earliest open referral of all the participant's trajecten (kept) waits longer than the programme's
        # threshold ⟺ one of them does (what lang_wachtend counts).
        "verwijzingen": lopend & Q(verwijzing_wachtdagen__gt=F("programma__wachttijd_signaal_dagen")),
        "toestemming": lopend & Q(pk__in=_verloopt(vandaag).values("deelnemer_id")),
        "gemeente": lopend & Q(pk__in=_open_signalen().values("deelnemer_id")),
    }, {"referentie_datum": referentie, "verwijzing_wachtdagen": dagen_sinds(vandaag, "oudste_open_verwijzing")}


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
    """`aantal_signalen` and one flag per signal, computed in SQL (needs met_huidig_traject only)."""
    velden, vlaggen, rest = _urgentie_expressies(vandaag)
    return qs.annotate(**velden).annotate(**vlaggen).annotate(**rest)


@eenmalig_gebouwd
def _urgentie_expressies(vandaag: datetime.date) -> tuple:
    condities, velden = _signaal_condities(vandaag)
    vlaggen = {f"signaal_{k}": Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField())
               for k, q in condities.items()}
    som = None
    for k in condities:
        som = F(f"signaal_{k}") if som is None else som + F(f"signaal_{k}")
    return velden, vlaggen, {
        "aantal_signalen": som,
        "fase_volgorde": Case(*[When(fase=f, then=Value(i)) for i, f in enumerate(Fase.values)],
                              default=Value(len(Fase.values)), output_field=IntegerField()),
    }


def caseload_telling_mee(sorteer: str) -> bool:
    """Whether the caseload's order makes the database compute every row before it can cut a page (every order
    but by clientcode, which walks an index): then the count rides along with the page (selectors.pagina)."""
    return sorteer.lstrip("-") != "deelnemer"


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


def deze_week(user, vandaag: datetime.date, maximum: int = DEZE_WEEK_MAX) -> tuple[list, int]:
    """Planned contacts from today up to six days ahead in the open current trajecten of the participants `user`
    sees (a coach: own caseload and achtervang): the first `maximum` in time order, each with its traject and
    participant (clientcode), and how many there are in all.

    Two queries. The first finds the week's contacts from the index of planned contacts alone (contact_gepland:
    date, time, kind, traject) among the trajecten of the visible participants whose earliest planned contact
    (kept: volgend_gepland_op) lies on or before the last day, and counts them as a window count while it cuts
    the first `maximum`. The second reads the traject and participant of those few, again through
    deelnemers_visible_to: a contact whose participant is no longer visible in between is left out."""
    sleutel = zichtbaarheid_sleutel(user)
    rijen = _DEZE_WEEK.fetch((vandaag, maximum, sleutel), [], user, vandaag, maximum)
    if not rijen:
        return [], 0
    trajecten = {t.pk: t for t in _DEZE_WEEK_TRAJECTEN.fetch((sleutel,), sorted({c.traject_id for c in rijen}), user)}
    totaal = rijen[0].totaal
    gepland = []
    for c in rijen:
        if c.traject_id in trajecten:
            c.traject = trajecten[c.traject_id]
            gepland.append(c)
    return gepland, totaal - (len(rijen) - len(gepland))


def _deze_week_bouwen(user, vandaag: datetime.date, maximum: int) -> QuerySet[Contactmoment]:
    tot = vandaag + datetime.timedelta(days=6)
    trajecten = Traject.objects.filter(
        deelnemer__in=deelnemers_visible_to(user).values("pk"), is_huidig=True, einddatum__isnull=True,
        volgend_gepland_op__lte=tot,
    )
    return (
        Contactmoment.objects.filter(
            traject__in=trajecten.values("pk"), status=ContactStatus.GEPLAND, foutief_op__isnull=True,
            datum__gte=vandaag, datum__lte=tot,
        )
        # What the list shows (when, what kind) and whose: all of it in the index contact_gepland.
        .only("datum", "tijd", "soort", "traject_id")
        .annotate(totaal=Window(Count("pk")))
        .order_by("datum", "tijd", "id")[:maximum]
    )


def _deze_week_trajecten_bouwen(user, *ids) -> QuerySet[Traject]:
    return (Traject.objects.filter(pk__in=ids, deelnemer__in=deelnemers_visible_to(user).values("pk"))
            .select_related("deelnemer").only("id", "deelnemer__id", "deelnemer__clientcode"))


# The same queries on every caseload request of a user on a day: compiled once (uitstap.query_shapes).
_DEZE_WEEK = QueryShape(_deze_week_bouwen, maxsize=64)
_DEZE_WEEK_TRAJECTEN = QueryShape(_deze_week_trajecten_bouwen, maxsize=256)


def zoek_deelnemers(qs: QuerySet[Deelnemer], zoek: str) -> QuerySet[Deelnemer]:
    """Narrow a list by clientcode or roepnaam."""
    zoek = (zoek or "").strip()[:50]
    return qs.filter(Q(clientcode__icontains=zoek) | Q(roepnaam__icontains=zoek)) if zoek else qs


CASELOAD_VELDEN = ("id", "programma_id", "clientcode", "roepnaam", "begeleider_id", "achtervang_id")


def caseload_volgorde(user, *, zoek: str = "", afgesloten: bool = False, vandaag: datetime.date | None = None,
                      sorteer: str = "", fase: str = "", signaal: str = "") -> QuerySet[Deelnemer]:
    """The coach's own participants and those they are achtervang for, filtered and in the caseload's order, with
    only what that needs (met_huidig_traject and the signal flags): for counting and the ids of a page. The rows a
    page shows come from caseload_rijen.

    Participants whose latest traject has ended are left out unless `afgesloten` is asked for. Default order:
    urgency (signals first, then the next planned contact); `sorteer`, `fase` and `signaal` as in the query string.
    """
    vandaag = vandaag or datetime.date.today()
    qs = met_huidig_traject(zoek_deelnemers(deelnemers_visible_to(user).only(*CASELOAD_VELDEN), zoek), vandaag)
    if not afgesloten:
        qs = qs.filter(traject_einddatum__isnull=True)
    return caseload_geordend(annoteer_urgentie(qs, vandaag), sorteer=sorteer, fase=fase, signaal=signaal)


def _caseload_rijen_bouwen(user, vandaag: datetime.date, *ids) -> QuerySet[Deelnemer]:
    qs = met_huidig_traject(deelnemers_visible_to(user).only(*CASELOAD_VELDEN).filter(pk__in=ids), vandaag)
    return annoteer_signalen(qs, vandaag)


# What a row of the coordinator's list shows of the participant, her coach and her gemeente: no more of the dossier
# (no BSN or names) and of the coach's account (no password hash) than that.
OVERZICHT_VELDEN = (*CASELOAD_VELDEN, "woongemeente_id", "begeleider__first_name", "begeleider__last_name",
                    "begeleider__username", "woongemeente__naam")


def _overzicht_rijen_bouwen(user, vandaag: datetime.date, *ids) -> QuerySet[Deelnemer]:
    qs = (deelnemers_visible_to(user).filter(pk__in=ids).select_related("begeleider", "woongemeente")
          .only(*OVERZICHT_VELDEN))
    return annoteer_signalen(met_huidig_traject(qs, vandaag), vandaag)


# A page's rows are one large annotated query, the same every time but for the ids: its SQL is kept per day,
# user (zichtbaarheid_sleutel) and number of rows (uitstap.query_shapes), as the dossier's participant query is.
_CASELOAD_RIJEN = QueryShape(_caseload_rijen_bouwen, maxsize=64)
_OVERZICHT_RIJEN = QueryShape(_overzicht_rijen_bouwen, maxsize=64)


def caseload_rijen(user, ids, vandaag: datetime.date | None = None) -> list[Deelnemer]:
    """The caseload's rows for the participants `ids` (a page of caseload_volgorde), with everything the row and
    signalen_voor read; unordered."""
    vandaag = vandaag or datetime.date.today()
    return _CASELOAD_RIJEN.fetch((vandaag, zichtbaarheid_sleutel(user)), ids, user, vandaag)


def _caseload_eerste_pagina_bouwen(user, vandaag: datetime.date, afgesloten: bool, sorteer: str, fase: str, signaal: str,
                                   per_pagina: int) -> QuerySet:
    qs = caseload_volgorde(user, afgesloten=afgesloten, vandaag=vandaag, sorteer=sorteer, fase=fase, signaal=signaal)
    return met_lijstlengte(qs)[:per_pagina]


# The first page's ids and the list's length: the same query on every visit of a user's caseload on a day, for each
# filter and order chosen; compiled once (uitstap.query_shapes). Other pages and searches are built each time.
_CASELOAD_EERSTE_PAGINA = QueryShape(_caseload_eerste_pagina_bouwen, maxsize=128)


def caseload_pagina(user, nummer, per_pagina: int, *, zoek: str = "", afgesloten: bool = False,
                    vandaag: datetime.date | None = None, sorteer: str = "", fase: str = "", signaal: str = ""):
    """The page `nummer` of the caseload (caseload_volgorde, as trajecten.selectors.pagina), its rows from
    caseload_rijen. Unknown values of `sorteer`, `fase` and `signaal` are ignored, as caseload_geordend does."""
    vandaag = vandaag or datetime.date.today()
    sorteer = sorteer if sorteer.lstrip("-") in SORTERINGEN else ""
    fase = fase if fase in Fase.values else ""
    signaal = signaal if signaal in dict(SIGNAAL_FILTERS) else ""

    def bouw():
        return caseload_volgorde(user, zoek=zoek, afgesloten=afgesloten, vandaag=vandaag, sorteer=sorteer, fase=fase,
                                 signaal=signaal)

    def eerste_pagina():
        sleutel = (vandaag, zichtbaarheid_sleutel(user), afgesloten, sorteer, fase, signaal, per_pagina)
        return _CASELOAD_EERSTE_PAGINA.fetch(sleutel, [], user, vandaag, afgesloten, sorteer, fase, signaal, per_pagina)

    # By clientcode the database walks an index for a page and counts apart (caseload_telling_mee): built each time.
    telling_mee = caseload_telling_mee(sorteer)
    return pagina(bouw, nummer, per_pagina, rijen=lambda ids: caseload_rijen(user, ids, vandaag),
                  telling_mee=telling_mee, eerste_pagina=eerste_pagina if telling_mee and not zoek else None)


def caseload(user, *, zoek: str = "", afgesloten: bool = False, vandaag: datetime.date | None = None,
             sorteer: str = "", fase: str = "", signaal: str = "") -> QuerySet[Deelnemer]:
    """caseload_volgorde with every row fully annotated, in one query (for a single participant or a small list;
    the caseload page counts and orders with caseload_volgorde and annotates only its page, trajecten.selectors.pagina)."""
    vandaag = vandaag or datetime.date.today()
    return annoteer_signalen(caseload_volgorde(user, zoek=zoek, afgesloten=afgesloten, vandaag=vandaag, sorteer=sorteer,
                                               fase=fase, signaal=signaal), vandaag)


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
    """Five short lists, each computed in SQL (a fixed number of queries). Each list's signal condition (as in
    annoteer_urgentie) picks its rows; only those get the count they show (lang_wachtend)."""
    from trajecten.models import Trajectplan

    vandaag = vandaag or datetime.date.today()
    condities, velden = _signaal_condities(vandaag)
    qs = (met_huidig_traject(deelnemers_visible_to(user).select_related("begeleider"), vandaag)
          .annotate(**velden).filter(huidig_traject_id__isnull=False, traject_einddatum__isnull=True))
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
    lang_wachtend = annoteer_lang_wachtend(qs.filter(condities["verwijzingen"]), vandaag)
    return Aandacht(
        lang_wachtend=list(lang_wachtend.order_by("-lang_wachtend", "clientcode")[:AANDACHT_MAX]),
        geen_contact=list(qs.filter(condities["geen_contact"]).order_by("referentie_datum", "clientcode")[:AANDACHT_MAX]),
        plan_ongetekend=list(ongetekend.order_by("plan_opgesteld", "clientcode")[:AANDACHT_MAX]),
        nazorg=list(qs.filter(condities["nazorg"]).order_by("referentie_datum", "clientcode")[:AANDACHT_MAX]),
        per_begeleider=[(" ".join(p for p in (r["begeleider__first_name"], r["begeleider__last_name"]) if p)
                         or r["begeleider__username"] or gettext("Geen begeleider"), r["n"], r["begeleider_id"])
                        for r in per_begeleider],
    )


def deelnemers_overzicht(user) -> QuerySet[Deelnemer]:
    """All participants the user may see, by clientcode, for the coordinator's filtered list: no join and no
    annotation, so that counting and cutting a page is cheap (trajecten.forms.DeelnemerFilter joins the current
    traject only for its phase and status filters). The rows come from overzicht_rijen."""
    return deelnemers_visible_to(user).order_by("clientcode")


def _overzicht_telling_bouwen(user) -> QuerySet:
    # One row with the list's length, as a queryset (Django leaves out a GROUP BY on a constant: SELECT COUNT(*)).
    # COUNT(*), not COUNT(id): PostgreSQL can then count from the index deelnemer_zichtbaar alone.
    return (deelnemers_overzicht(user).order_by().annotate(een=Value(1, output_field=IntegerField())).values("een")
            .annotate(n=Count("*")).values_list("n", flat=True))


def _overzicht_eerste_bouwen(user, per_pagina: int) -> QuerySet:
    return deelnemers_overzicht(user).values_list("pk", flat=True)[:per_pagina]


# The unfiltered list's length and first page: the same two statements on every visit of a user; compiled once.
_OVERZICHT_TELLING = QueryShape(_overzicht_telling_bouwen, maxsize=64)
_OVERZICHT_EERSTE = QueryShape(_overzicht_eerste_bouwen, maxsize=64)


def overzicht_eerste_pagina(user, per_pagina: int) -> list[tuple[int, int]]:
    """The first page of deelnemers_overzicht (no filter, no search) as `(pk, lijst_lengte)` rows, for
    trajecten.selectors.pagina's `eerste_pagina`: the count and the ids by two statements kept compiled per user."""
    sleutel = zichtbaarheid_sleutel(user)
    lengte = next(iter(_OVERZICHT_TELLING.fetch(sleutel, [], user)), 0)
    ids = _OVERZICHT_EERSTE.fetch((sleutel, per_pagina), [], user, per_pagina)
    return [(pk, lengte) for pk in ids]


def overzicht_rijen(user, ids, vandaag: datetime.date | None = None) -> list[Deelnemer]:
    """The coordinator's list's rows for the participants `ids` (a page of deelnemers_overzicht), annotated with
    their current state and everything signalen_voor reads; unordered."""
    vandaag = vandaag or datetime.date.today()
    return _OVERZICHT_RIJEN.fetch((vandaag, zichtbaarheid_sleutel(user)), ids, user, vandaag)
