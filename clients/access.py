"""The one read path to a participant for views: visibility check plus the audit event (fail closed)."""

from django.db import transaction
from django.http import Http404

from clients.models import Deelnemer
from clients.selectors import deelnemers_visible_to, grondslag
from uitstap.audit import Actie, Uitkomst, audit_log


def deelnemer_or_404(request, pk, *, actie: str = Actie.VIEW, object_type: str = "deelnemer", queryset=None, log: bool = True) -> Deelnemer:
    """The participant if `request.user` may see it, else 404 and a `denied` event.

    The denied event carries the requester and the requested id, never the clientcode behind it: that
    code lies outside the requester's scope, and whoever reads their events must not learn it.

    The read is logged before the page is rendered; if the event cannot be written this raises,
    so the page is not shown.
    """
    qs = queryset if queryset is not None else deelnemers_visible_to(request.user)
    try:
        deelnemer = qs.select_related("programma", "begeleider", "achtervang").get(pk=pk)
    except (Deelnemer.DoesNotExist, ValueError, TypeError):
        with transaction.atomic():
            audit_log(actie=Actie.DENIED, uitkomst=Uitkomst.GEWEIGERD, gebruiker=request.user,
                      object_type="deelnemer", object_id=str(pk)[:40])
        raise Http404("Deelnemer niet gevonden.")
    if log:
        with transaction.atomic():
            audit_log(actie=actie, gebruiker=request.user, clientcode=deelnemer.clientcode,
                      object_type=object_type, object_id=str(deelnemer.pk),
                      grondslag=grondslag(request.user, deelnemer))
    return deelnemer


def log_list(request, deelnemers, *, actie: str = Actie.LIST, object_type: str = "deelnemer") -> None:
    """One event per list page, with the clientcodes shown on it."""
    audit_log(actie=actie, gebruiker=request.user, object_type=object_type,
              clientcodes=[d.clientcode for d in deelnemers], grondslag=request.user.rol)
