"""The outreach figures for the verslag's work per phase: actions and people reached per location type,
and the aanmeldingen that came from an outreach action."""

from django.db.models import Count, Sum

from rapportage.cijfers.doorgang import trajecten_doorgang
from trajecten.models import LocatieSoort, OutreachActie


def outreach_per_locatiesoort(programma, van, tot) -> dict:
    """{locatiesoort: {"acties", "bereikt", "gesprekken"}} over the programme's outreach actions dated in P."""
    rijen = (
        OutreachActie.objects.filter(programma=programma, datum__gte=van, datum__lte=tot)
        .values("locatiesoort")
        .annotate(acties=Count("pk"), bereikt=Sum("bereikt"), gesprekken=Sum("gesprekken"))
        .order_by()
    )
    uit = {s: {"acties": 0, "bereikt": 0, "gesprekken": 0} for s in LocatieSoort.values}
    for rij in rijen:
        uit[rij["locatiesoort"]] = {"acties": rij["acties"], "bereikt": rij["bereikt"] or 0,
                                    "gesprekken": rij["gesprekken"] or 0}
    return uit


def aanmeldingen_via_outreach(programma, van, tot) -> int:
    """Trajecten with aanmelddatum in P that are linked to an outreach action (of whatever date)."""
    return trajecten_doorgang(programma, van, tot).totaal("aanmeldingen_via_outreach")
