"""Reads of participants. `deelnemers_visible_to` is the one place that decides who sees whom."""

import datetime
import functools
import unicodedata
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import BooleanField, Count, Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext, gettext_lazy

from clients.models import Contactafspraak, Deelnemer, GeenDuplicaat, JuridischeRoute, Scope, Signaal, Toegestaan, Toestemming
from uitstap.codes import ContactSoort, Rol
from uitstap.models import Gebruiker, Programma
from uitstap.selectors import programmas_of


class _In(Func):
    """`field IN (subquery)`, which PostgreSQL reads as `field = ANY(ARRAY(subquery))`: the subquery runs once
    per query (an InitPlan) and each row is compared with its few values. Several `IN (subquery)` joined by OR
    are planned as hashed subplans probed for every row instead, which made counting a coordinator's 20 000
    participants two and a half times slower than reading the index they are counted from (docs/benchmarks.md).
    The same rows either way, NULL included (no match)."""

    arity = 2
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        (veld, veld_params), (sub, sub_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"{veld} IN {sub}", (*veld_params, *sub_params)

    def as_postgresql(self, compiler, connection, **extra_context):
        (veld, veld_params), (sub, sub_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return f"{veld} = ANY(ARRAY{sub})", (*veld_params, *sub_params)


def _in(veld, queryset: QuerySet) -> _In:
    return _In(veld, Subquery(queryset))


def deelnemers_visible_to(user) -> QuerySet[Deelnemer]:
    """Every participant `user` may see. Everything else is a 404.

    Nobody sees a dossier that was merged into another (`samengevoegd_op`).
    coach: own caseload and the caseload they are achtervang for;
    coordinator: every participant of the programmes of their organisation when it runs the programme alone or
    the programme records a joint-controller arrangement (`gezamenlijke_verwerking`); else those whose coach
    belongs to their organisation;
    klantmanager: exactly the participants with a currently valid consent for their own gemeente
    (see `toestemmingen_geldig`); beheerder: none.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Deelnemer.objects.none()
    # A dossier merged into another (clients/samenvoegen.py) is nobody's any more: its records live in the other.
    deelnemers = Deelnemer.objects.filter(samengevoegd_op__isnull=True)
    if user.rol == Rol.TRAJECTBEGELEIDER:
        return deelnemers.filter(Q(begeleider=user) | Q(achtervang=user), gewist_op__isnull=True)
    if user.rol == Rol.COORDINATOR and user.organisatie_id:
        programmas = programmas_of(user)
        # All participants where the organisations are joint controllers (AVG art. 26) or the user's organisation
        # runs the programme alone; otherwise those whose coach (the traject's organisation, until the
        # Jaarverslag issue gives Traject its own) belongs to the user's organisation.
        alleen = (Programma.objects.filter(pk__in=programmas.values("pk"))  # counted over all its organisations
                  .annotate(n_org=Count("organisaties", distinct=True)).filter(n_org=1).values("pk"))
        # The coach's organisation as a subquery, not a join: the list's count and page then read this table alone.
        # The same meaning: a participant without a coach never matches.
        medewerkers = Gebruiker.objects.filter(organisatie=user.organisatie_id).values("pk")
        return deelnemers.filter(
            _in(F("programma"), programmas.filter(gezamenlijke_verwerking=True).values("pk"))
            | _in(F("programma"), alleen)
            | (_in(F("programma"), programmas.values("pk")) & _in(F("begeleider"), medewerkers))
        )
    if user.rol == Rol.KLANTMANAGER and user.gemeente_id:
        geldig = toestemmingen_geldig(gemeente=user.gemeente_id).filter(deelnemer=OuterRef("pk"))
        return deelnemers.filter(Exists(geldig), gewist_op__isnull=True)
    return Deelnemer.objects.none()


def zichtbaarheid_sleutel(user) -> tuple:
    """Everything `deelnemers_visible_to` reads of `user`. Its SQL and parameters are a function of this tuple and
    of today (a klantmanager's consents) only: what else it depends on (programmes, organisations, consents) is in
    subqueries that the database reads when the query runs, and building it runs no query. SQL kept between
    requests (uitstap.query_shapes) is keyed on it, so a change of role, organisation or gemeente builds anew."""
    return (getattr(user, "is_authenticated", False), getattr(user, "is_active", False), getattr(user, "pk", None),
            getattr(user, "rol", None), getattr(user, "organisatie_id", None), getattr(user, "gemeente_id", None))


def grondslag(user, deelnemer: Deelnemer) -> str:
    """The basis on which `user` sees `deelnemer`, for the audit log."""
    if user.rol == Rol.COORDINATOR:
        return "coordinator"
    if deelnemer.begeleider_id == user.pk:
        return "eigen_caseload"
    if deelnemer.achtervang_id == user.pk:
        return "achtervang"
    if user.rol == Rol.KLANTMANAGER:
        toestemming = geldige_toestemming(user, deelnemer)
        return f"toestemming:{toestemming.pk}" if toestemming else ""
    return ""


# --- consent (toestemming) ------------------------------------------------------------------------

ALLE_SCOPES = frozenset(Scope.values)
VERLOOPT_BINNEN_DAGEN = 31


def samengevoegd_in(deelnemer: Deelnemer) -> QuerySet[Deelnemer]:
    """The dossiers merged into this one (clients/samenvoegen.py). They are visible to nobody; they are only
    reached from the kept dossier, which the caller has already reached through deelnemers_visible_to."""
    return Deelnemer.objects.filter(samengevoegd_met=deelnemer).select_related("programma")


def toestemmingen_geldig(*, gemeente, vandaag: datetime.date | None = None) -> QuerySet[Toestemming]:
    """Consents for `gemeente` that count today: given, not withdrawn, not expired, not replaced by a newer row."""
    vandaag = vandaag or datetime.date.today()
    if gemeente is None:  # filter(gemeente=None) would match every overdracht consent
        return Toestemming.objects.none()
    return Toestemming.objects.filter(
        gemeente=gemeente, gemeente__isnull=False, gegeven_op__lte=vandaag, geldig_tot__gte=vandaag,
        ingetrokken_op__isnull=True, opvolger__isnull=True,
    )


def geldige_toestemming(user, deelnemer: Deelnemer, vandaag: datetime.date | None = None) -> Toestemming | None:
    """The klantmanager's currently valid consent for `deelnemer`, or None."""
    if getattr(user, "rol", None) != Rol.KLANTMANAGER or not user.gemeente_id:
        return None
    return toestemmingen_geldig(gemeente=user.gemeente_id, vandaag=vandaag).filter(deelnemer=deelnemer).order_by("-id").first()


def scopes_voor(user, deelnemer: Deelnemer, vandaag: datetime.date | None = None) -> frozenset[str]:
    """Which scopes `user` has for `deelnemer`: everything for whoever sees the dossier, the consented
    scopes for a klantmanager, nothing otherwise."""
    if not deelnemers_visible_to(user).filter(pk=deelnemer.pk).exists():
        return frozenset()
    if user.rol == Rol.KLANTMANAGER:
        toestemming = geldige_toestemming(user, deelnemer, vandaag)
        return frozenset(toestemming.scopes) & ALLE_SCOPES if toestemming else frozenset()
    return ALLE_SCOPES


def toestemmingen_van(deelnemer: Deelnemer) -> QuerySet[Toestemming]:
    """Every gemeente consent row of a participant, newest first (the history), for the dossier. The consents
    for an overdracht are shown with the overdracht (trajecten.selectors.overdracht)."""
    return (
        Toestemming.objects.filter(deelnemer=deelnemer, gemeente__isnull=False)
        .select_related("gemeente", "vastgelegd_door", "ingetrokken_door", "document", "opvolger")
        .order_by("gemeente__naam", "-id")
    )


def toestemmingen_actueel(deelnemer: Deelnemer) -> list[Toestemming]:
    """Per gemeente the current row (not replaced), withdrawn or expired ones included, for the dossier."""
    return list(toestemmingen_van(deelnemer).filter(opvolger__isnull=True))


def toestemmingen_verlopen_binnenkort(deelnemers: QuerySet[Deelnemer], vandaag: datetime.date | None = None):
    """Valid gemeente consents of `deelnemers` that end within a month (the coach's caseload signal)."""
    vandaag = vandaag or datetime.date.today()
    return Toestemming.objects.filter(
        deelnemer__in=deelnemers, gemeente__isnull=False, ingetrokken_op__isnull=True, opvolger__isnull=True, gegeven_op__lte=vandaag,
        geldig_tot__gte=vandaag, geldig_tot__lte=vandaag + datetime.timedelta(days=VERLOOPT_BINNEN_DAGEN),
    )


def overdracht_toestemming_geldig(toestemming: Toestemming, vandaag: datetime.date | None = None) -> bool:
    """Whether a consent for an overdracht still counts today: given, not withdrawn, not expired."""
    vandaag = vandaag or datetime.date.today()
    return (toestemming.programma_id is not None and toestemming.ingetrokken_op is None
            and toestemming.gegeven_op <= vandaag <= toestemming.geldig_tot)


def signalen_open(deelnemer: Deelnemer) -> QuerySet[Signaal]:
    """The klantmanagers' signals for a participant that the coach has not closed yet."""
    return Signaal.objects.filter(deelnemer=deelnemer, afgesloten_op__isnull=True).select_related("gemeente", "door")




def deelnemers_van_programma(programma) -> QuerySet[Deelnemer]:
    """Every participant of a programme, for system tasks that run without a user (the export and
    import commands). Screens never use this: they start from deelnemers_visible_to."""
    return Deelnemer.objects.filter(programma=programma)


def deelnemers_voor_bewaartermijn() -> QuerySet[Deelnemer]:
    """Participants not yet erased whose trajecten have all ended (candidates for the retention purge)."""
    return (
        Deelnemer.objects.filter(gewist_op__isnull=True, trajecten__isnull=False)
        .exclude(trajecten__einddatum__isnull=True)
        .select_related("programma").distinct().order_by("programma_id", "clientcode")
    )


# --- likely duplicates at registration (issue 19) ---------------------------------------------


@functools.lru_cache(maxsize=65536)
def naam_sleutel(naam: str) -> str:
    """A roepnaam compared case- and accent-insensitively: 'Ána ' and 'ana' are the same name."""
    ontleed = unicodedata.normalize("NFKD", (naam or "").strip().casefold())
    return "".join(c for c in ontleed if not unicodedata.combining(c))


def een_bewerking_verschil(a: str, b: str) -> bool:
    """True when b is a with exactly one letter inserted, removed or replaced (Levenshtein distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


class Reden:
    """Why two participants may be one person (the three rules of the duplicate check, in this order)."""

    BSN = "bsn"
    NAAM = "naam"
    LIJKT = "lijkt"
    LABELS = {
        BSN: gettext_lazy("zelfde BSN"),
        NAAM: gettext_lazy("zelfde roepnaam, geboortejaar en herkomstland"),
        LIJKT: gettext_lazy("roepnaam één letter anders, zelfde geboortejaar"),
    }


def duplicaat_redenen(d: Deelnemer, *, bsn: str, naam: str, geboortejaar, herkomstland: str) -> tuple[str, ...]:
    """The rules by which `d` matches a person with these details (`naam` as naam_sleutel gives it); () for none.

    The one home of the rules: the registration check and the coordinator's list both use it.
    """
    redenen = []
    if bsn and d.bsn == bsn:
        redenen.append(Reden.BSN)
    andere = naam_sleutel(d.roepnaam)
    if naam and andere and geboortejaar and d.geboortejaar == geboortejaar:
        if andere == naam and herkomstland and d.herkomstland == herkomstland:
            redenen.append(Reden.NAAM)
        elif een_bewerking_verschil(naam, andere):
            redenen.append(Reden.LIJKT)
    return tuple(redenen)


def _is_duplicaat(d: Deelnemer, *, bsn: str, naam: str, geboortejaar, herkomstland: str) -> bool:
    return bool(duplicaat_redenen(d, bsn=bsn, naam=naam, geboortejaar=geboortejaar, herkomstland=herkomstland))


@dataclass(frozen=True)
class Duplicaten:
    """What the registration screen may show: the matches the user may see, and only a yes/no for the rest."""

    zichtbaar: tuple[Deelnemer, ...]
    buiten_beeld: bool

    def __bool__(self):
        return bool(self.zichtbaar) or self.buiten_beeld


def mogelijke_duplicaten(
    user, *, programma, roepnaam: str = "", geboortejaar: int | None = None, herkomstland: str = "", bsn: str = "",
) -> Duplicaten:
    """Participants of `programma` who may be the person being registered.

    A match is: the same BSN; or the same roepnaam (case- and accent-insensitive) with the same birth year
    and country of origin; or a roepnaam one edit apart with the same birth year. Matches the user may see
    (deelnemers_visible_to) come back as participants; of the others only that there is one.
    """
    bsn = (bsn or "").strip()
    naam = naam_sleutel(roepnaam)
    herkomstland = (herkomstland or "").strip().upper()
    voorwaarde = Q()
    if bsn:
        voorwaarde |= Q(bsn=bsn)
    if naam and geboortejaar:
        voorwaarde |= Q(geboortejaar=geboortejaar)
    if not voorwaarde:
        return Duplicaten(zichtbaar=(), buiten_beeld=False)
    kandidaten = (
        Deelnemer.objects.filter(voorwaarde, programma=programma, gewist_op__isnull=True, samengevoegd_op__isnull=True)
        .only("pk", "bsn", "roepnaam", "geboortejaar", "herkomstland")
    )
    ids = [d.pk for d in kandidaten
           if _is_duplicaat(d, bsn=bsn, naam=naam, geboortejaar=geboortejaar, herkomstland=herkomstland)]
    if not ids:
        return Duplicaten(zichtbaar=(), buiten_beeld=False)
    zichtbaar = tuple(deelnemers_visible_to(user).filter(pk__in=ids).order_by("clientcode"))
    return Duplicaten(zichtbaar=zichtbaar, buiten_beeld=len(zichtbaar) < len(ids))



# --- the coordinator's list of likely duplicates (issue 19) ---------------------------------


@dataclass(frozen=True)
class DuplicaatPaar:
    """Two participants of one programme who may be one person; `a` has the lower id."""

    a: Deelnemer
    b: Deelnemer
    redenen: tuple[str, ...]

    @property
    def deelnemers(self) -> tuple[Deelnemer, Deelnemer]:
        return self.a, self.b

    @property
    def reden_labels(self) -> list[str]:
        return [str(Reden.LABELS[r]) for r in self.redenen]


def _weglatingen(naam: str) -> set[str]:
    """The name with one letter left out, each way: two names one edit apart share one of these or are one."""
    return {naam[:i] + naam[i + 1:] for i in range(len(naam))}


def _kandidaat_paren(rijen: list[dict]) -> set[tuple[int, int]]:
    """Pairs (low id, high id) that may match, without comparing every participant with every other.

    BSN: rows with the same BSN. Names: within one (programme, birth year) the rows are grouped by name key; the
    names (each once, however many share it) go into an index on the key and on the key with one letter left out
    (a deletion index), where names one edit apart always share an entry. Candidates are the pairs within a name
    and the pairs across two names that share an entry. Only the pairs found this way are checked against the
    rules (duplicaat_redenen).
    """
    paren: set[tuple[int, int]] = set()

    def binnen(ids):
        ids = sorted(ids)
        paren.update((x, y) for i, x in enumerate(ids) for y in ids[i + 1:])

    per_bsn: dict[tuple, list[int]] = {}
    per_naam: dict[tuple, list[int]] = {}
    for r in rijen:
        if r["bsn"]:
            per_bsn.setdefault((r["programma_id"], r["bsn"]), []).append(r["id"])
        naam = naam_sleutel(r["roepnaam"])
        if naam and r["geboortejaar"]:
            per_naam.setdefault((r["programma_id"], r["geboortejaar"], naam), []).append(r["id"])
    for ids in (*per_bsn.values(), *per_naam.values()):
        if len(ids) > 1:
            binnen(ids)
    index: dict[tuple, list[str]] = {}
    for programma_id, jaar, naam in per_naam:
        for sleutel in {naam} | _weglatingen(naam):
            index.setdefault((programma_id, jaar, sleutel), []).append(naam)
    for (programma_id, jaar, _), namen in index.items():
        for i, a in enumerate(namen):
            ids_a = per_naam[(programma_id, jaar, a)]
            for b in namen[i + 1:]:
                paren.update((min(x, y), max(x, y)) for x in ids_a for y in per_naam[(programma_id, jaar, b)])
    return paren


def duplicaat_kandidaten(user, *, programma=None) -> list[tuple[int, int, tuple[str, ...]]]:
    """Likely duplicate pairs among the participants `user` may see, as (id a, id b, redenen), a < b, each pair
    within one programme, ordered by programme and clientcodes. Cheap enough to count on a start page.

    The rules are those of the registration check (duplicaat_redenen). Both participants must be visible to
    `user`; erased and merged dossiers are left out, and so are pairs the coordinator marked "geen duplicaat".
    The database narrows the rows to shared BSNs and shared (programme, birth year) groups; names are then
    compared within a birth year through a deletion index, so the work grows with the matches, not with n².
    """
    zichtbaar = deelnemers_visible_to(user).filter(gewist_op__isnull=True)
    if programma is not None:
        zichtbaar = zichtbaar.filter(programma=programma)
    dubbele_bsn = (zichtbaar.exclude(bsn="").values("programma_id", "bsn").annotate(n=Count("pk"))
                   .filter(n__gt=1).values("bsn"))
    gedeelde_jaren = (zichtbaar.exclude(roepnaam="").filter(geboortejaar__isnull=False)
                      .values("programma_id", "geboortejaar").annotate(n=Count("pk")).filter(n__gt=1)
                      .values("geboortejaar"))
    rijen = list(
        zichtbaar.filter(Q(bsn__in=dubbele_bsn) | (Q(geboortejaar__in=gedeelde_jaren) & ~Q(roepnaam="")))
        .values("id", "programma_id", "programma__naam", "clientcode", "bsn", "roepnaam", "geboortejaar",
                "herkomstland")
    )
    # Always two queries, whatever the rows (the start page's query count does not depend on the data).
    besloten = set(GeenDuplicaat.objects.filter(deelnemer__in=zichtbaar.values("pk"))
                   .values_list("deelnemer_id", "ander_id"))
    kandidaten = _kandidaat_paren(rijen) - besloten
    per_id = {r["id"]: SimpleNamespace(**r) for r in rijen}
    # What the rules compare of the first of a pair, worked out once per participant instead of once per pair.
    als_eerste = {r["id"]: ((r["bsn"] or "").strip(), naam_sleutel(r["roepnaam"]), (r["herkomstland"] or "").strip().upper())
                  for r in rijen}
    uit = []
    for x, y in kandidaten:
        a, b = per_id[x], per_id[y]
        bsn, naam, herkomstland = als_eerste[x]
        redenen = duplicaat_redenen(b, bsn=bsn, naam=naam, geboortejaar=a.geboortejaar, herkomstland=herkomstland)
        if redenen:
            uit.append((a.programma__naam, a.clientcode, b.clientcode, x, y, redenen))
    return [(x, y, redenen) for *_, x, y, redenen in sorted(uit)]


def duplicaat_paren(user, *, programma=None, kandidaten=None) -> list[DuplicaatPaar]:
    """The pairs of `duplicaat_kandidaten` (or the given ones, e.g. one page of them) with their participants
    loaded for the screen: programme, coach, and the number of trajecten (open ones apart)."""
    if kandidaten is None:
        kandidaten = duplicaat_kandidaten(user, programma=programma)
    ids = {i for x, y, _ in kandidaten for i in (x, y)}
    deelnemers = {
        d.pk: d for d in deelnemers_visible_to(user).filter(pk__in=ids).select_related("programma", "begeleider")
        .annotate(aantal_trajecten=Count("trajecten", distinct=True),
                  lopende_trajecten=Count("trajecten", filter=Q(trajecten__einddatum__isnull=True), distinct=True))
    }
    return [DuplicaatPaar(a=deelnemers[x], b=deelnemers[y], redenen=redenen) for x, y, redenen in kandidaten
            if x in deelnemers and y in deelnemers]


def is_geen_duplicaat(a: Deelnemer, b: Deelnemer) -> bool:
    laag, hoog = sorted((a.pk, b.pk))
    return GeenDuplicaat.objects.filter(deelnemer_id=laag, ander_id=hoog).exists()


# --- safe contact and the legal route (issue 19) ----------------------------------------------


def contactafspraak_van(deelnemer: Deelnemer) -> Contactafspraak | None:
    """The arrangement in force: the newest version, or None when nothing was agreed yet."""
    return Contactafspraak.objects.filter(deelnemer=deelnemer).select_related("alleen_via").order_by("-versie").first()


def contactafspraken_historie(deelnemer: Deelnemer):
    return Contactafspraak.objects.filter(deelnemer=deelnemer).select_related("door", "alleen_via").order_by("-versie")


# Which "nee" in the arrangement forbids which kind of contact. Digital contact is forbidden only when
# neither e-mail nor text messages are safe.
VERBODEN_DOOR = {
    ContactSoort.TELEFONISCH: (("bellen",), gettext_lazy("bellen is niet veilig")),
    ContactSoort.HUISBEZOEK: (("huisbezoek",), gettext_lazy("een huisbezoek is niet veilig")),
    ContactSoort.DIGITAAL: (("email", "sms"), gettext_lazy("e-mail en berichtjes zijn niet veilig")),
}


def verboden_contactsoorten(afspraak: Contactafspraak | None) -> dict[str, str]:
    """{soort: why} for the kinds of contact the arrangement forbids."""
    if afspraak is None:
        return {}
    return {
        soort: str(reden) for soort, (velden, reden) in VERBODEN_DOOR.items()
        if all(getattr(afspraak, v) == Toegestaan.NEE for v in velden)
    }


def afspraak_waarschuwingen(afspraak: Contactafspraak | None) -> list[str]:
    """The lines of the warning strip: what is not safe, when not to call, through whom. No addresses or code words."""
    if afspraak is None:
        return []
    uit = []
    niet = [str(afspraak._meta.get_field(v).verbose_name) for v in ("bellen", "sms", "voicemail", "post", "huisbezoek", "email")
            if getattr(afspraak, v) == Toegestaan.NEE]
    if niet:
        uit.append(gettext("Niet veilig: %(wat)s.") % {"wat": ", ".join(niet)})
    if afspraak.alleen_via_id or afspraak.alleen_via_toelichting:
        via = afspraak.alleen_via.naam if afspraak.alleen_via_id else afspraak.alleen_via_toelichting
        if afspraak.alleen_via_id and afspraak.alleen_via_toelichting:
            via = f"{via} ({afspraak.alleen_via_toelichting})"
        uit.append(gettext("Contact alleen via %(via)s.") % {"via": via})
    if afspraak.vermijden:
        uit.append(gettext("Vermijd: %(vermijden)s.") % {"vermijden": afspraak.vermijden})
    if afspraak.codewoorden:
        uit.append(gettext("Er is een codewoord afgesproken: zie de contactafspraken."))
    if afspraak.veilig_adres or afspraak.veilig_telefoon:
        uit.append(gettext("Gebruik alleen het veilige adres of nummer uit de contactafspraken."))
    return uit


def juridische_route_van(deelnemer: Deelnemer) -> JuridischeRoute | None:
    return JuridischeRoute.objects.filter(deelnemer=deelnemer).order_by("-versie").first()


def juridische_routes_historie(deelnemer: Deelnemer):
    return JuridischeRoute.objects.filter(deelnemer=deelnemer).select_related("door").order_by("-versie")


# The end dates the dossier and the caseload count down to, and when they signal (days before).
TERMIJNEN = (
    ("bedenktijd_eind", gettext_lazy("Bedenktijd eindigt")),
    ("vergunning_eind", gettext_lazy("Tijdelijke verblijfsvergunning eindigt")),
    ("beslissing_uiterlijk", gettext_lazy("Beslissing uiterlijk")),
)
SIGNAAL_DAGEN = 28
DRINGEND_DAGEN = 7


@dataclass(frozen=True)
class Termijn:
    label: str
    datum: datetime.date
    dagen: int  # days left from today; negative when past

    @property
    def signaal(self) -> str:
        """'' (far), 'warning' (within 4 weeks) or 'danger' (within 1 week or past)."""
        if self.dagen <= DRINGEND_DAGEN:
            return "danger"
        return "warning" if self.dagen <= SIGNAAL_DAGEN else ""


def juridische_termijnen(route: JuridischeRoute | None, vandaag: datetime.date | None = None) -> list[Termijn]:
    """Every end date of the route in force, with the days left, soonest first."""
    if route is None:
        return []
    vandaag = vandaag or datetime.date.today()
    uit = [Termijn(str(label), getattr(route, veld), (getattr(route, veld) - vandaag).days)
           for veld, label in TERMIJNEN if getattr(route, veld)]
    return sorted(uit, key=lambda t: t.datum)
