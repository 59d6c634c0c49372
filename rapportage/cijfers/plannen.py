"""Figures on trajectplannen, goals and the leefgebied scores (trajectplannen_opgesteld .. leefgebied_voortgang)."""

from fractions import Fraction

from django.db import connection
from django.db.models import Count, DateField, Exists, F, OuterRef, Q, Window
from django.db.models.functions import Coalesce, RowNumber

from rapportage.cijfers.basis import actief_qs, afronden, getal, groep, trajecten_van
from trajecten.models import Doel, MetingScore
from uitstap.codes import Leefgebied


@groep
def _plannen(programma, van, tot) -> dict:
    """Trajecten whose first plan was drawn up, and first signed, in P: one pass."""
    # The first version's date and the first day a version was signed by both are columns the database keeps
    # (Traject.eerste_plan_op, Traject.eerste_ondertekening_op).
    return trajecten_van(programma).aggregate(
        opgesteld=Count("pk", filter=Q(eerste_plan_op__gte=van, eerste_plan_op__lte=tot)),
        ondertekend=Count("pk", filter=Q(eerste_ondertekening_op__gte=van, eerste_ondertekening_op__lte=tot)),
    )


def trajectplannen_opgesteld(programma, van, tot) -> int:
    return _plannen(programma, van, tot)["opgesteld"]


def trajectplannen_ondertekend(programma, van, tot) -> int:
    return _plannen(programma, van, tot)["ondertekend"]


def doelen_per_leefgebied(programma, van, tot) -> dict:
    """Main goals: set in P (own date, else first plan date), achieved in P; each goal counted once.

    A new plan version copies the goals still open (the copy points to its `oorsprong`), so a goal
    is *set* once, at the start of its chain (no oorsprong), and *achieved* at its end (no later copy).
    """
    gekopieerd = Doel.objects.filter(oorsprong=OuterRef("pk"))
    rijen = (
        Doel.objects.filter(plan__traject__deelnemer__programma=programma, ouder__isnull=True)
        .annotate(
            gesteld_datum=Coalesce(
                "gesteld_op", "plan__traject__eerste_plan_op", output_field=DateField()
            ),
            heeft_kopie=Exists(gekopieerd),
        )
        .values("leefgebied")
        .annotate(
            gesteld=Count("pk", filter=Q(oorsprong__isnull=True, gesteld_datum__gte=van, gesteld_datum__lte=tot)),
            behaald=Count("pk", filter=Q(heeft_kopie=False, behaald_op__gte=van, behaald_op__lte=tot)),
        )
        .order_by()
    )
    uit = {lg: {"gesteld": 0, "behaald": 0} for lg in Leefgebied.values}
    for rij in rijen:
        if rij["leefgebied"] in uit:
            uit[rij["leefgebied"]] = {"gesteld": rij["gesteld"], "behaald": rij["behaald"]}
    return uit


def leefgebied_voortgang(programma, van, tot) -> dict:
    """Per leefgebied: active trajecten with two or more scores by the end of P, mean of latest minus earliest.

    Scores are ordered by (meting date, meting id): of two metingen on one day the one recorded last
    is the later. The database numbers each traject's scores per leefgebied (window functions) and
    sums the first and the last ones per leefgebied; Python only divides and rounds.
    """
    deel = [F("meting__traject"), F("leefgebied")]
    genummerd = (
        MetingScore.objects.filter(
            meting__traject__in=actief_qs(programma, van, tot).values("pk"), meting__datum__lte=tot
        )
        .annotate(
            rang=Window(RowNumber(), partition_by=deel, order_by=[F("meting__datum").asc(), F("meting_id").asc()]),
            aantal=Window(Count("pk"), partition_by=deel),
        )
        .values("leefgebied", "score", "rang", "aantal")
        .order_by()
    )
    binnen, params = genummerd.query.sql_with_params()
    # Django cannot aggregate over window functions, so the outer GROUP BY is written out.
    sql = (
        "SELECT s.leefgebied, SUM(CASE WHEN s.rang = s.aantal THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN s.rang = s.aantal THEN s.score ELSE 0 END) - SUM(CASE WHEN s.rang = 1 THEN s.score ELSE 0 END) "
        f"FROM ({binnen}) s WHERE s.aantal >= 2 GROUP BY s.leefgebied"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rijen = cursor.fetchall()
    uit = {lg: {"trajecten": 0, "gemiddelde_verandering": None} for lg in Leefgebied.values}
    for leefgebied, n, verschil in rijen:
        if leefgebied in uit and n:
            uit[leefgebied] = {"trajecten": n, "gemiddelde_verandering": getal(afronden(Fraction(verschil, n), 2))}
    return uit
