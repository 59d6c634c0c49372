"""The one read path to a participant's dossier for views: visibility check plus the audit event (fail closed).

`deelnemer_or_404` for the participant itself, `dossier_object_or_404` for everything that belongs to
one (traject, plan, doel, contact, verwijzing, document): each model names its path to the participant
in `deelnemer_pad`, and visibility always comes from `deelnemers_visible_to`.

The dossier is the coach's and coordinator's: a klantmanager never reaches it, not even for a participant
she may see. Her pages go through `gedeelde_deelnemer_or_404`, which returns the consent it rests on.
"""

import datetime
from collections.abc import Callable

from django.db.models import Model, QuerySet
from django.http import Http404

from clients.models import Deelnemer, Toestemming
from clients.selectors import deelnemers_visible_to, geldige_toestemming, grondslag, zichtbaarheid_sleutel
from uitstap.audit import Actie, Uitkomst, audit_log
from uitstap.codes import Rol
from uitstap.query_shapes import QueryShape

DEELNEMER_RELATIES = ("programma", "begeleider", "achtervang", "woongemeente")


def _log_denied(request, deelnemer_pk, *, object_type: str, object_id) -> None:
    """A `denied` event with the requester and the requested id, never the clientcode behind it: that code
    lies outside the requester's scope, and whoever reads the requester's events must not learn it.

    When the participant behind the request is known the event names her id (object_type "deelnemer"),
    so her own coordinator sees the attempt; otherwise the kind and id that were asked for.
    """
    if deelnemer_pk is not None:
        object_type, object_id = "deelnemer", deelnemer_pk
    audit_log(actie=Actie.DENIED, uitkomst=Uitkomst.GEWEIGERD, gebruiker=request.user,
              object_type=object_type, object_id=str(object_id)[:40])


def _log_read(request, deelnemer: Deelnemer, *, actie: str, object_type: str, object_id) -> None:
    # Written before the page is rendered; if the event cannot be written this raises, so nothing is shown.
    # audit_log commits the event on its own (one INSERT on PostgreSQL): no savepoint around it.
    audit_log(actie=actie, gebruiker=request.user, clientcode=deelnemer.clientcode,
              object_type=object_type, object_id=str(object_id), grondslag=grondslag(request.user, deelnemer))


def _dossier_visible_to(user):
    """Participants whose dossier (the coach's pages) `user` may open: never a klantmanager's."""
    qs = deelnemers_visible_to(user)
    return qs.none() if getattr(user, "rol", None) == Rol.KLANTMANAGER else qs


def _geannoteerd_bouwen(user, annoteren, vandaag: datetime.date, pk) -> QuerySet[Deelnemer]:
    return annoteren(_dossier_visible_to(user).select_related(*DEELNEMER_RELATIES), vandaag).filter(pk=pk)


# The annotated participant query of every dossier tab, compiled once per day, annotation and visibility key.
# An entry holds the built queryset (about 0.3 MB); a worker keeps the 64 users it served last (a miss costs
# what every request cost before: building and compiling, about 6 ms).
_GEANNOTEERD = QueryShape(_geannoteerd_bouwen, maxsize=64)


def deelnemer_or_404(request, pk, *, actie: str = Actie.VIEW, object_type: str = "deelnemer", log: bool = True,
                     annoteren: Callable[[QuerySet, datetime.date], QuerySet] | None = None) -> Deelnemer:
    """The participant if `request.user` may see it, else 404 and a `denied` event (see _log_denied).

    `annoteren(qs, vandaag)` adds annotations and joins to that one query (the dossier's summary card), so the page
    need not load the participant a second time: it gets the participants `request.user` may see and only
    annotates. It must build the same SQL for the same day (a module-level function): that query's SQL is
    kept per day and per `zichtbaarheid_sleutel` of the user, and run again with the next participant's id.
    """
    user = request.user
    try:
        if annoteren is None:
            deelnemer = _dossier_visible_to(user).select_related(*DEELNEMER_RELATIES).get(pk=pk)
        else:
            vandaag = datetime.date.today()
            rijen = _GEANNOTEERD.fetch((annoteren, vandaag, zichtbaarheid_sleutel(user)), [int(pk)],
                                       user, annoteren, vandaag)
            if not rijen:
                raise Deelnemer.DoesNotExist
            deelnemer = rijen[0]
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

    Logged like `deelnemer_or_404` (the read, or a `denied` event).
    """
    model = queryset.model
    pad = model.deelnemer_pad
    object_type = object_type or model._meta.model_name
    try:
        obj = (
            queryset.filter(**{f"{pad}__in": _dossier_visible_to(request.user)})
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


def gedeelde_deelnemer_or_404(request, pk, *, actie: str = Actie.VIEW, object_type: str = "gedeelde_deelnemer",
                              ) -> tuple[Deelnemer, Toestemming]:
    """For the klantmanager's pages: the participant and the valid consent it is shared under, else 404.

    Only the id is loaded here; what is shown comes from selectors that read the consented fields only.
    The read is logged with the consent as its basis (grondslag `toestemming:<id>`).
    """
    user = request.user
    try:
        if getattr(user, "rol", None) != Rol.KLANTMANAGER:
            raise Deelnemer.DoesNotExist
        deelnemer = deelnemers_visible_to(user).only("pk", "clientcode").get(pk=pk)
        toestemming = geldige_toestemming(user, deelnemer)
        if toestemming is None:
            raise Deelnemer.DoesNotExist
    except (Deelnemer.DoesNotExist, ValueError, TypeError):
        _log_denied(request, pk, object_type=object_type, object_id=pk)
        raise Http404("Deelnemer niet gevonden.")
    audit_log(actie=actie, gebruiker=user, clientcode=deelnemer.clientcode, object_type=object_type,
              object_id=str(deelnemer.pk), grondslag=f"toestemming:{toestemming.pk}")
    return deelnemer, toestemming
