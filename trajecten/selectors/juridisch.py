"""The legal route's end dates on the caseload: annotated from the version in force, signalled at 4 and 1 week."""

import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext, ngettext

from clients.models import JuridischeRoute
from clients.selectors import DRINGEND_DAGEN, SIGNAAL_DAGEN, TERMIJNEN
from trajecten.selectors.expressies import eenmalig_gebouwd


def annoteer_juridische_termijnen(qs: QuerySet, vandaag: datetime.date) -> QuerySet:
    """Each participant's bedenktijd end, permit end and decision date from her newest legal-route version."""
    return qs.annotate(**_termijn_expressies())


@eenmalig_gebouwd
def _termijn_expressies() -> dict:
    huidig = JuridischeRoute.objects.filter(deelnemer=OuterRef("pk")).order_by("-versie")
    return {f"jr_{veld}": Subquery(huidig.values(veld)[:1]) for veld, _ in TERMIJNEN}


def juridische_signalen(d, vandaag: datetime.date) -> list[tuple[str, str]]:
    """(text, severity) for the end dates within 4 weeks (danger within 1 week) of an annotated participant."""
    uit = []
    for veld, label in TERMIJNEN:
        datum = getattr(d, f"jr_{veld}", None)
        if datum is None:
            continue
        dagen = (datum - vandaag).days
        if 0 <= dagen <= SIGNAAL_DAGEN:
            wanneer = gettext("vandaag") if dagen == 0 else ngettext("over %(n)d dag", "over %(n)d dagen", dagen) % {"n": dagen}
            uit.append((f"{label} {wanneer} ({datum:%d-%m-%Y})", "danger" if dagen <= DRINGEND_DAGEN else "warning"))
    return uit
