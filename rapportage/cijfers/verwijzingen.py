"""Referrals per kind of ketenpartner: referred, started and the median waiting time."""

from fractions import Fraction

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from rapportage.cijfers.basis import DagenTussen, getal
from trajecten.models import Verwijzing
from uitstap.codes import KetenpartnerSoort


def _mediane_wachttijden(programma, van, tot) -> dict:
    """{soort: median of (gestart - verwezen) in days} over referrals started in P.

    The database numbers the waits per soort and keeps only the middle one or two rows;
    Python averages those (at most two per soort). The median is not rounded.
    """
    wacht = DagenTussen("gestart", "verwezen")
    midden = (
        Verwijzing.objects.filter(traject__deelnemer__programma=programma, gestart__gte=van, gestart__lte=tot)
        .annotate(
            soort=F("ketenpartner__soort"),
            wacht=wacht,
            rang=Window(RowNumber(), partition_by=F("ketenpartner__soort"), order_by=wacht.asc()),
            aantal=Window(Count("pk"), partition_by=F("ketenpartner__soort")),
        )
        .filter(Q(rang=(F("aantal") + 1) / 2) | Q(rang=(F("aantal") + 2) / 2))
        .values_list("soort", "wacht")
    )
    waarden: dict[str, list[int]] = {}
    for soort, dagen in midden:
        waarden.setdefault(soort, []).append(dagen)
    return {soort: getal(Fraction(sum(d), len(d))) for soort, d in waarden.items()}


def verwijzingen_per_soort(programma, van, tot) -> dict:
    rijen = (
        Verwijzing.objects.filter(traject__deelnemer__programma=programma)
        .filter(Q(verwezen__gte=van, verwezen__lte=tot) | Q(gestart__gte=van, gestart__lte=tot))
        .values("ketenpartner__soort")
        .annotate(
            verwezen_n=Count("pk", filter=Q(verwezen__gte=van, verwezen__lte=tot)),
            gestart_n=Count("pk", filter=Q(gestart__gte=van, gestart__lte=tot)),
        )
        .order_by()
    )
    mediaan = _mediane_wachttijden(programma, van, tot)
    uit = {s: {"verwezen": 0, "gestart": 0, "mediane_wachttijd_dagen": None} for s in KetenpartnerSoort.values}
    for rij in rijen:
        soort = rij["ketenpartner__soort"]
        if soort in uit:
            uit[soort] = {
                "verwezen": rij["verwezen_n"],
                "gestart": rij["gestart_n"],
                "mediane_wachttijd_dagen": mediaan.get(soort),
            }
    return uit
