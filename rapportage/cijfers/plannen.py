"""Figures on trajectplannen, goals and the leefgebied scores (trajectplannen_opgesteld .. leefgebied_voortgang)."""

from fractions import Fraction

from django.db import connection
from django.db.models import BigIntegerField, Count, DateField, F, Func, Max, Min, Q
from django.db.models.functions import Coalesce

from rapportage.cijfers.basis import actief_qs, afronden, getal
from rapportage.cijfers.doorgang import trajecten_doorgang
from trajecten.models import Doel, Meting, MetingScore
from uitstap.codes import Leefgebied


def trajectplannen_opgesteld(programma, van, tot) -> int:
    """Trajecten whose first plan was drawn up in P (the date the database keeps: Traject.eerste_plan_op)."""
    return trajecten_doorgang(programma, van, tot).totaal("trajectplannen_opgesteld")


def trajectplannen_ondertekend(programma, van, tot) -> int:
    """Trajecten first signed by both in P (Traject.eerste_ondertekening_op)."""
    return trajecten_doorgang(programma, van, tot).totaal("trajectplannen_ondertekend")


def doelen_per_leefgebied(programma, van, tot) -> dict:
    """Main goals: set in P (own date, else first plan date), achieved in P; each goal counted once.

    A new plan version copies the goals still open (the copy points to its `oorsprong`), so a goal
    is *set* once, at the start of its chain (no oorsprong), and *achieved* at its end (no later copy).
    """
    # The copied goals as one set (NOT IN a non-correlated subquery: PostgreSQL hashes it once) rather than a
    # lookup per goal.
    gekopieerd = Doel.objects.filter(oorsprong__isnull=False).values("oorsprong")
    rijen = (
        Doel.objects.filter(plan__traject__deelnemer__programma=programma, ouder__isnull=True)
        # Only goals that can count (a goal without its own date takes its plan's): fewer rows to join.
        .filter(Q(gesteld_op__gte=van, gesteld_op__lte=tot) | Q(gesteld_op__isnull=True)
                | Q(behaald_op__gte=van, behaald_op__lte=tot))
        .annotate(gesteld_datum=Coalesce("gesteld_op", "plan__traject__eerste_plan_op", output_field=DateField()))
        .values("leefgebied")
        .annotate(
            gesteld=Count("pk", filter=Q(oorsprong__isnull=True, gesteld_datum__gte=van, gesteld_datum__lte=tot)),
            behaald=Count("pk", filter=Q(behaald_op__gte=van, behaald_op__lte=tot) & ~Q(pk__in=gekopieerd)),
        )
        .order_by()
    )
    uit = {lg: {"gesteld": 0, "behaald": 0} for lg in Leefgebied.values}
    for rij in rijen:
        if rij["leefgebied"] in uit:
            uit[rij["leefgebied"]] = {"gesteld": rij["gesteld"], "behaald": rij["behaald"]}
    return uit


class _ScoreVolgorde(Func):
    """One integer per score that sorts as (meting date, meting id) and carries the score in its last four bits:
    ((days since 1900-01-01) * 2^40 + meting id) * 16 + score. The first and the latest score of a traject are then
    its MIN and MAX, so a plain GROUP BY finds them, without sorting every score (window functions spilled
    180 000 scores to disk at 20 000 participants). Exact on both backends: 16 + 40 + 4 bits fit a 64-bit integer."""

    output_field = BigIntegerField()

    def as_sql(self, compiler, connection, **extra):
        (datum, p1), (meting, p2), (score, p3) = (compiler.compile(e) for e in self.source_expressions)
        return (f"((({datum} - DATE '1900-01-01')::bigint * 1099511627776 + {meting}) * 16 + {score})",
                [*p1, *p2, *p3])

    def as_sqlite(self, compiler, connection, **extra):
        (datum, p1), (meting, p2), (score, p3) = (compiler.compile(e) for e in self.source_expressions)
        return (f"(((CAST(ROUND(julianday({datum}) - julianday('1900-01-01')) AS INTEGER) * 1099511627776 + {meting}) * 16) "
                f"+ {score})", [*p1, *p2, *p3])


def leefgebied_voortgang(programma, van, tot) -> dict:
    """Per leefgebied: active trajecten with two or more scores by the end of P, mean of latest minus earliest.

    Scores are ordered by (meting date, meting id): of two metingen on one day the one recorded last
    is the later. Per traject and leefgebied the database takes the count and the first and latest score in one
    GROUP BY (_ScoreVolgorde), then sums per leefgebied; Python only divides and rounds.
    """
    # Two scores on one leefgebied need two metingen (one score per leefgebied per meting): only the trajecten with
    # two or more metingen by the end of P are read, a small share of the scores.
    twee_metingen = (
        Meting.objects.filter(datum__lte=tot).values("traject").annotate(n=Count("pk")).filter(n__gte=2).values("traject")
    )
    per_traject = (
        MetingScore.objects.filter(
            meting__traject__in=actief_qs(programma, van, tot).values("pk"), meting__datum__lte=tot,
        )
        .filter(meting__traject__in=twee_metingen)
        .annotate(volgorde=_ScoreVolgorde(F("meting__datum"), F("meting_id"), F("score")))
        .values("meting__traject", "leefgebied")
        .annotate(aantal=Count("pk"), eerste=Min("volgorde"), laatste=Max("volgorde"))
        .filter(aantal__gte=2)
        .values("leefgebied", "eerste", "laatste")
        .order_by()
    )
    binnen, params = per_traject.query.sql_with_params()
    # Django cannot aggregate over aggregates, so the outer GROUP BY is written out.
    sql = (f"SELECT s.leefgebied, COUNT(*), SUM(s.laatste %% 16) - SUM(s.eerste %% 16) FROM ({binnen}) s "
           "GROUP BY s.leefgebied")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rijen = cursor.fetchall()
    uit = {lg: {"trajecten": 0, "gemiddelde_verandering": None} for lg in Leefgebied.values}
    for leefgebied, n, verschil in rijen:
        if leefgebied in uit and n:
            # PostgreSQL sums bigints as numeric (a Decimal here): a whole number either way.
            uit[leefgebied] = {"trajecten": n, "gemiddelde_verandering": getal(afronden(Fraction(int(verschil), n), 2))}
    return uit
