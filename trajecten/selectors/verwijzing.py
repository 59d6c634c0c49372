"""Reads for the verwijzingen feature: waiting times, the sociale kaart, referrals per partner.

Referrals are participant data: every query for them starts from `deelnemers_visible_to(user)`.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from clients.models import Deelnemer
from clients.selectors import deelnemers_visible_to
from trajecten.models import Terugkoppeling, Verwijzing
from trajecten.selectors.expressies import eenmalig_gebouwd
from uitstap.models import Ketenpartner


def wachtdagen(v: Verwijzing, vandaag: datetime.date | None = None) -> int | None:
    """gestart − verwezen in days; while not started and not ended, the days waited so far.

    A referral that ended without a start (refused, broken off while waiting) has no waiting time.
    """
    if v.gestart:
        return (v.gestart - v.verwezen).days
    if v.beeindigd:
        return None
    return ((vandaag or datetime.date.today()) - v.verwezen).days


def wacht_nog(v: Verwijzing) -> bool:
    return v.gestart is None and v.beeindigd is None


def mediaan(waarden) -> int | float | None:
    """The median; of an even count the mean of the two middle values (not rounded); None when empty."""
    rij = sorted(waarden)
    n = len(rij)
    if n == 0:
        return None
    if n % 2:
        return rij[n // 2]
    m = (rij[n // 2 - 1] + rij[n // 2]) / 2
    return int(m) if m == int(m) else m


def twaalf_maanden_terug(vandaag: datetime.date) -> datetime.date:
    """The same day a year earlier (29 February becomes 28 February)."""
    try:
        return vandaag.replace(year=vandaag.year - 1)
    except ValueError:
        return vandaag.replace(year=vandaag.year - 1, day=28)


def mediane_wachttijd(verwijzingen, vandaag: datetime.date | None = None) -> int | float | None:
    """Median of (gestart − verwezen) over the referrals that started in the last 12 months (to today)."""
    vandaag = vandaag or datetime.date.today()
    vanaf = twaalf_maanden_terug(vandaag)
    return mediaan([(v.gestart - v.verwezen).days for v in verwijzingen
                    if v.gestart and vanaf < v.gestart <= vandaag])


# --- the participant's referrals ------------------------------------------------------------------


def verwijzingen_zichtbaar(user) -> QuerySet[Verwijzing]:
    """Every referral of every participant `user` may see."""
    return Verwijzing.objects.filter(traject__deelnemer__in=deelnemers_visible_to(user))


def verwijzingen_van(deelnemer: Deelnemer) -> QuerySet[Verwijzing]:
    """The participant's referrals over all trajecten (the caller already checked access), newest first."""
    return (
        Verwijzing.objects.filter(traject__deelnemer=deelnemer)
        .select_related("ketenpartner", "contactpersoon", "doel", "door", "traject")
        .prefetch_related(Prefetch("terugkoppelingen", queryset=Terugkoppeling.objects.select_related("door")))
        .order_by("-verwezen", "-id")
    )


@dataclass
class PartnerCijfers:
    """Counts for one partner: referrals waiting now, open (not ended), referred and started in 12 months."""

    wachtend: int = 0
    lang_wachtend: int = 0
    open: int = 0
    verwezen_12m: int = 0
    gestart_12m: int = 0
    wachttijden_12m: list = field(default_factory=list)

    @property
    def mediane_wachttijd(self):
        return mediaan(self.wachttijden_12m)


def partner_cijfers(user, partners, vandaag: datetime.date | None = None) -> dict[int, PartnerCijfers]:
    """Counts and median waiting time (last 12 months) per partner, over the user's visible referrals.

    One query for any number of partners.
    """
    vandaag = vandaag or datetime.date.today()
    vanaf = twaalf_maanden_terug(vandaag)
    ids = [p.pk for p in partners]
    uit = {pk: PartnerCijfers() for pk in ids}
    rijen = (
        verwijzingen_zichtbaar(user)
        .filter(ketenpartner_id__in=ids)
        .filter(Q(beeindigd__isnull=True) | Q(verwezen__gt=vanaf) | Q(gestart__gt=vanaf))
        .values_list("ketenpartner_id", "verwezen", "gestart", "beeindigd", "ketenpartner__programma__wachttijd_signaal_dagen")
    )
    for pk, verwezen, gestart, beeindigd, signaal in rijen:
        c = uit[pk]
        if beeindigd is None:
            c.open += 1
            if gestart is None:
                c.wachtend += 1
                if (vandaag - verwezen).days > signaal:
                    c.lang_wachtend += 1
        if vanaf < verwezen <= vandaag:
            c.verwezen_12m += 1
        if gestart and vanaf < gestart <= vandaag:
            c.gestart_12m += 1
            c.wachttijden_12m.append((gestart - verwezen).days)
    return uit


def open_verwijzingen_bij(user, ketenpartner: Ketenpartner) -> QuerySet[Verwijzing]:
    """The partner's referrals that have not ended, of participants `user` may see, longest waiting first."""
    return (
        verwijzingen_zichtbaar(user)
        .filter(ketenpartner=ketenpartner, beeindigd__isnull=True)
        .select_related("traject__deelnemer", "contactpersoon")
        .order_by("gestart", "verwezen", "id")
    )


# --- the caseload signal ---------------------------------------------------------------------------


class _DagenSinds(Func):
    """Whole days from the date column `expression` to the fixed day `vandaag`, on both backends."""

    output_field = IntegerField()

    def __init__(self, vandaag: datetime.date, expression):
        self.vandaag = vandaag
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(CAST(%s AS date) - {sql})", [self.vandaag.isoformat(), *params]

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(ROUND(julianday(%s) - julianday({sql})) AS INTEGER)", [self.vandaag.isoformat(), *params]


def dagen_sinds(vandaag: datetime.date, veld: str) -> Func:
    """Whole days from the date column `veld` to `vandaag` (NULL when the column is), on both backends."""
    return _DagenSinds(vandaag, F(veld))


def annoteer_lang_wachtend(qs: QuerySet[Deelnemer], vandaag: datetime.date) -> QuerySet[Deelnemer]:
    """`lang_wachtend`: the participant's referrals not started, not ended and waiting longer than the
    programme's wachttijd_signaal_dagen (one subquery; the threshold is read from the programme in SQL)."""
    return qs.annotate(lang_wachtend=_lang_wachtend(vandaag))


def _wachten_lang(vandaag: datetime.date) -> QuerySet[Verwijzing]:
    return (Verwijzing.objects.filter(gestart__isnull=True, beeindigd__isnull=True)
            .annotate(gewacht=_DagenSinds(vandaag, F("verwezen")))
            .filter(gewacht__gt=F("traject__deelnemer__programma__wachttijd_signaal_dagen")))


@eenmalig_gebouwd
def _lang_wachtend(vandaag: datetime.date):
    wachtend = (
        _wachten_lang(vandaag).filter(traject__deelnemer=OuterRef("pk"))
        .values("traject__deelnemer")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(wachtend, output_field=IntegerField()), 0)
