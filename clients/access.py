"""The one read path to a participant's dossier for views: visibility check plus the audit event (fail closed).

`deelnemer_or_404` for the participant itself, `dossier_object_or_404` for everything that belongs to
one (traject, plan, doel, contact, verwijzing, document): each model names its path to the participant
in `deelnemer_pad`, and visibility always comes from `deelnemers_visible_to`.
"""

from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import Http404

from clients.models import Deelnemer
from clients.selectors import clientcode_of, deelnemers_visible_to, grondslag
from uitstap.audit import Actie, Uitkomst, audit_log

DEELNEMER_RELATIES = ("programma", "begeleider", "achtervang")


def _log_denied(request, deelnemer_pk, *, object_type: str, object_id) -> None:
    bestaand = clientcode_of(deelnemer_pk) if deelnemer_pk is not None else None
    if bestaand:
        with transaction.atomic():
            audit_log(actie=Actie.DENIED, uitkomst=Uitkomst.GEWEIGERD, gebruiker=request.user,
                      clientcode=bestaand, object_type=object_type, object_id=str(object_id))


def _log_read(request, deelnemer: Deelnemer, *, actie: str, object_type: str, object_id) -> None:
    # Written before the page is rendered; if the event cannot be written this raises, so nothing is shown.
    with transaction.atomic():
        audit_log(actie=actie, gebruiker=request.user, clientcode=deelnemer.clientcode,
                  object_type=object_type, object_id=str(object_id), grondslag=grondslag(request.user, deelnemer))


def deelnemer_or_404(request, pk, *, actie: str = Actie.VIEW, object_type: str = "deelnemer", log: bool = True) -> Deelnemer:
    """The participant if `request.user` may see it, else 404 (and a `denied` event when it exists)."""
    try:
        deelnemer = deelnemers_visible_to(request.user).select_related(*DEELNEMER_RELATIES).get(pk=pk)
    except (Deelnemer.DoesNotExist, ValueError, TypeError):
        _log_denied(request, pk, object_type=object_type, object_id=pk)
        raise Http404("Deelnemer niet gevonden.")
    if log:
        _log_read(request, deelnemer, actie=actie, object_type=object_type, object_id=deelnemer.pk)
    return deelnemer


def deelnemer_van(obj: Model) -> Deelnemer:
    """The participant a dossier object belongs to, along the model's `deelnemer_pad`."""
    for stap in type(obj).deelnemer_pad.split("__"):
        obj = getattr(obj, stap)
    return obj


def dossier_object_or_404(request, queryset: QuerySet, pk, *, actie: str = Actie.VIEW, object_type: str | None = None):
    """One object of a participant's dossier if `request.user` may see that participant, else 404.

    Logged like `deelnemer_or_404` (the read, or a `denied` event when the object exists).
    """
    model = queryset.model
    pad = model.deelnemer_pad
    object_type = object_type or model._meta.model_name
    try:
        obj = (
            queryset.filter(**{f"{pad}__in": deelnemers_visible_to(request.user)})
            .select_related(*(f"{pad}__{r}" for r in DEELNEMER_RELATIES))
            .get(pk=pk)
        )
    except (model.DoesNotExist, ValueError, TypeError):
        deelnemer_pk = model.objects.filter(pk=pk).values_list(pad, flat=True).first() if str(pk).isdigit() else None
        _log_denied(request, deelnemer_pk, object_type=object_type, object_id=pk)
        raise Http404("Niet gevonden.")
    deelnemer = deelnemer_van(obj)
    _log_read(request, deelnemer, actie=actie, object_type=object_type, object_id=deelnemer.pk)
    return obj


def log_list(request, deelnemers, *, actie: str = Actie.LIST, object_type: str = "deelnemer") -> None:
    """One event per list page, with the clientcodes shown on it."""
    audit_log(actie=actie, gebruiker=request.user, object_type=object_type,
              clientcodes=[d.clientcode for d in deelnemers], grondslag=request.user.rol)
