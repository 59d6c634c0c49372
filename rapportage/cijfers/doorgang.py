"""The one pass over a programme's trajecten that most figures read: every traject with its participant, intake and
Uitstroom, counted per condition of DEFINITIONS.md and per code, in one grouped query.

Each traject row carries the codes it counts under in a breakdown (NULL where it does not count there: the verwijzer
only when it was registered in P, the phase on the end of P only when it is open then, ...); the database groups on
those codes and counts every condition per group (COUNT ... FILTER on PostgreSQL, COUNT(CASE ...) on SQLite). The
groups are few (a few thousand trajecten fall into a few hundred combinations), and Python adds them up per figure.
Each figure stays its own selector in its module and reads its numbers from `trajecten_doorgang`.
"""

from collections import Counter

from django.db import connection
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, Value, When

from rapportage.cijfers.basis import VOOR_DE_DOORGANG, fase_op, groep, open_op, planner, trajecten_van
from trajecten.models import Traject
from uitstap.codes import Fase, UitstroomSoort

# The five counts of per_woongemeente and per_organisatie (DEFINITIONS.md), each the top-level figure of that name.
VIJF = ("aanmeldingen", "ingestroomd", "uitgestapt", "tussentijds_gestopt", "in_traject_op_einddatum")
UITSTROOM_CODES = ("soort", "resultaat", "branche", "reden")


def fase_van_traject_op(dag) -> Case:
    """The queried traject's phase on `dag` (a date, or F() of a date of the row): the phase the database keeps
    (Traject.huidige_fase) when its latest transition (fase_sinds) is on or before `dag`, contact when it has
    none, and only otherwise the history (fase_op). The kept phase is the latest transition by date, then id:
    exactly fase_op's order, so the three give the same answer, and most trajecten need no subquery."""
    return Case(
        When(fase_sinds__isnull=True, then=Value(Fase.CONTACT)),
        When(fase_sinds__lte=dag, then=F("huidige_fase")),
        default=fase_op(OuterRef(dag.name) if isinstance(dag, F) else dag),
        output_field=CharField(),
    )


def _in(veld: str, van, tot) -> Q:
    return Q(**{f"{veld}__gte": van, f"{veld}__lte": tot})


def _voorwaarden(van, tot) -> dict[str, Q]:
    """Every count of the pass and its condition on a traject row (DEFINITIONS.md)."""
    uitstroom_in_p = _in("uitstroom__datum", van, tot)
    ingestroomd_tot = Q(instroom_op__lte=tot)
    eerder_ingestroomd = Traject.objects.filter(
        deelnemer=OuterRef("deelnemer"), aanmelddatum__lt=OuterRef("aanmelddatum"), instroom_op__isnull=False,
    )
    return {
        "aanmeldingen": _in("aanmelddatum", van, tot),
        "aanmeldingen_via_outreach": _in("aanmelddatum", van, tot) & Q(outreach_actie__isnull=False),
        "intakes_gehouden": _in("intake__datum", van, tot),
        "ingestroomd": _in("instroom_op", van, tot),
        # The subquery last, after a test that is false (not NULL) without an instroomdatum: it only runs for the
        # trajecten ingestroomd in P.
        "herinstroom": Q(instroom_op__isnull=False) & _in("instroom_op", van, tot) & Q(Exists(eerder_ingestroomd)),
        "actief_in_periode": ingestroomd_tot & (Q(einddatum__isnull=True) | Q(einddatum__gte=van)),
        "in_traject_op_einddatum": ingestroomd_tot & open_op(tot),
        "uitgestapt": uitstroom_in_p & Q(uitstroom__soort=UitstroomSoort.UITGESTAPT),
        "tussentijds_gestopt": uitstroom_in_p & Q(uitstroom__soort=UitstroomSoort.GESTOPT),
        "trajectplannen_opgesteld": _in("eerste_plan_op", van, tot),
        "trajectplannen_ondertekend": _in("eerste_ondertekening_op", van, tot),
        "afgesloten_zonder_instroom": _in("einddatum", van, tot) & Q(instroom_op__isnull=True),
        "cumulatief_ingestroomd": ingestroomd_tot,
        "cumulatief_uitgestapt": ingestroomd_tot & Q(uitstroom__datum__lte=tot, uitstroom__soort=UitstroomSoort.UITGESTAPT),
        "cumulatief_gestopt": ingestroomd_tot & Q(uitstroom__datum__lte=tot, uitstroom__soort=UitstroomSoort.GESTOPT),
    }


def _codes(van, tot) -> dict:
    """The codes a traject row counts under: NULL where it does not count in that breakdown."""
    uitstroom_in_p = _in("uitstroom__datum", van, tot)
    return {
        "gemeente": F("deelnemer__woongemeente__naam"),
        "organisatie": F("organisatie__naam"),
        "verwijzer": Case(When(_in("aanmelddatum", van, tot), then="verwijzer")),
        "fase_op_einddatum": Case(When(open_op(tot), then=fase_van_traject_op(tot))),
        "intake_besluit": Case(When(_in("intake__datum", van, tot), then="intake__besluit")),
        **{f"uitstroom_{veld}": Case(When(uitstroom_in_p, then=f"uitstroom__{veld}")) for veld in UITSTROOM_CODES},
        "fase_bij_stoppen": Case(When(uitstroom_in_p & Q(uitstroom__soort=UitstroomSoort.GESTOPT),
                                      then=fase_van_traject_op(F("uitstroom__datum")))),
    }


class Doorgang:
    """The rows of the pass, one per combination of codes with `n` (its trajecten) and every count; each figure reads
    what it needs from them."""

    def __init__(self, namen: list[str], rijen: list[tuple]):
        self.kolom = {naam: i for i, naam in enumerate(namen)}
        self.rijen = rijen
        self._per: dict[tuple, Counter] = {}

    def totaal(self, telling: str) -> int:
        i = self.kolom[telling]
        return sum(rij[i] for rij in self.rijen)

    def per(self, *codes: str, telling: str = "n") -> Counter:
        """{code (a tuple for several codes): the count} summed over the rows. A breakdown's code is set exactly when
        the traject counts in that breakdown (else None), so the rows' `n` gives the breakdown."""
        sleutel = (codes, telling)
        if sleutel not in self._per:  # three figures read the Uitstroom codes
            kolommen, i = [self.kolom[code] for code in codes], self.kolom[telling]
            uit = self._per[sleutel] = Counter()
            for rij in self.rijen:
                uit[tuple(rij[k] for k in kolommen) if len(kolommen) > 1 else rij[kolommen[0]]] += rij[i]
        return self._per[sleutel]


@groep
def trajecten_doorgang(programma, van, tot) -> Doorgang:
    """The one pass (module docstring), read through Doorgang.totaal and Doorgang.per."""
    voorwaarden, codes = _voorwaarden(van, tot), _codes(van, tot)
    kolommen = [f"c_{naam}" for naam in codes]  # annotation names must not be those of model fields
    query = (
        trajecten_van(programma).annotate(**dict(zip(kolommen, codes.values()))).values(*kolommen)
        .annotate(n=Count("pk"), **{naam: Count("pk", filter=voorwaarde) for naam, voorwaarde in voorwaarden.items()})
        .values_list(*kolommen, "n", *voorwaarden)
    ).query
    # The rows as the database returns them (codes, whole counts): no per-value conversion needed.
    with planner(**VOOR_DE_DOORGANG), connection.cursor() as cursor:
        cursor.execute(*query.sql_with_params())
        return Doorgang([*codes, "n", *voorwaarden], cursor.fetchall())
