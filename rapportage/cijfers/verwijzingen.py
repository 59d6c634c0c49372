"""Referrals per kind of ketenpartner: referred, started and the median waiting time, from one grouped query."""

from django.db.models import Case, Count, F, Q, When

from rapportage.cijfers.basis import DagenTussen, mediaan_van_telling
from trajecten.models import Verwijzing
from uitstap.codes import KetenpartnerSoort


def verwijzingen_per_soort(programma, van, tot) -> dict:
    """Per soort: referred in P, started in P, and the median of (started - referred) in days over those started
    in P (not rounded; None when none started).

    One pass over the referrals dated in P either way, grouped per soort and waiting time (the time only for those
    started in P, else NULL): how many were referred in P and how many started after each wait. The groups are few
    (a dozen kinds times the distinct waits); Python sums them and takes the median from the counts.
    """
    gestart_in_p = Q(gestart__gte=van, gestart__lte=tot)
    verwezen_in_p = Q(verwezen__gte=van, verwezen__lte=tot)
    rijen = (
        Verwijzing.objects.filter(traject__deelnemer__programma=programma)
        .filter(verwezen_in_p | gestart_in_p)
        .annotate(soort=F("ketenpartner__soort"), wacht=Case(When(gestart_in_p, then=DagenTussen("gestart", "verwezen"))))
        .values("soort", "wacht")
        .annotate(n=Count("pk"), verwezen_n=Count("pk", filter=verwezen_in_p))
        .values_list("soort", "wacht", "n", "verwezen_n")
        .order_by()
    )
    verwezen, wachttijden = {}, {}
    for soort, wacht, n, verwezen_n in rijen:
        verwezen[soort] = verwezen.get(soort, 0) + verwezen_n
        if wacht is not None:
            wachttijden.setdefault(soort, {})[wacht] = n
    return {
        soort: {
            "verwezen": verwezen.get(soort, 0),
            "gestart": sum(wachttijden.get(soort, {}).values()),
            "mediane_wachttijd_dagen": mediaan_van_telling(wachttijden.get(soort, {})),
        }
        for soort in KetenpartnerSoort.values
    }
