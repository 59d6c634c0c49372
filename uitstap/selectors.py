"""Reads of core data: programmes, users, the sociale kaart."""

from django.db.models import CharField, Prefetch, Q, QuerySet
from django.db.models.functions import Cast

from uitstap.codes import Rol
from uitstap.models import AuditEvent, Contactpersoon, Gebruiker, Gemeente, Ketenpartner, Programma


def programmas_of(user) -> QuerySet[Programma]:
    """Programmes the user works in, through their organisation."""
    if not getattr(user, "is_authenticated", False) or not user.organisatie_id:
        return Programma.objects.none()
    return Programma.objects.filter(organisaties=user.organisatie_id)


def begeleiders_for(programma: Programma | QuerySet[Programma]) -> QuerySet[Gebruiker]:
    """Active coaches of the organisations that run `programma` (or the one programme a queryset of one pk gives;
    none when it gives none)."""
    return Gebruiker.objects.filter(
        rol=Rol.TRAJECTBEGELEIDER, is_active=True, organisatie__programmas=programma
    ).order_by("first_name", "last_name", "username")


# --- the sociale kaart ---------------------------------------------------------------------------


def ketenpartners_van(user) -> QuerySet[Ketenpartner]:
    """Every partner (also proposals and inactive ones) on the sociale kaart of the user's programmes."""
    return Ketenpartner.objects.filter(programma__in=programmas_of(user))


def sociale_kaart(
    user, *, zoek: str = "", soort: str = "", gemeente: Gemeente | None = None, ook_inactief: bool = False,
) -> QuerySet[Ketenpartner]:
    """The partners of the user's programmes, filtered; proposals and inactive ones only when asked."""
    qs = ketenpartners_van(user)
    if not ook_inactief:
        qs = qs.filter(actief=True)
    zoek = (zoek or "").strip()[:100]
    if zoek:
        qs = qs.filter(
            Q(naam__icontains=zoek) | Q(notities__icontains=zoek) | Q(contactpersonen__naam__icontains=zoek)
        ).distinct()
    if soort:
        qs = qs.filter(soort=soort)
    if gemeente is not None:
        qs = qs.filter(gemeenten=gemeente)
    return (
        qs.prefetch_related(
            "gemeenten",
            Prefetch("contactpersonen", queryset=Contactpersoon.objects.filter(actief=True), to_attr="actieve_contacten"),
        )
        .select_related("voorgesteld_door")
        .order_by("naam")
    )


def voorstellen(user) -> QuerySet[Ketenpartner]:
    """Proposals by coaches awaiting the coordinator."""
    return ketenpartners_van(user).filter(voorgesteld=True).select_related("voorgesteld_door").order_by("naam")


def _deelnemers_in_programmas(programmas) -> QuerySet:
    # uitstap does not import clients: reach the participants through the reverse relation.
    return Programma.objects.filter(pk__in=programmas.values("pk")).exclude(deelnemers__isnull=True)


def audit_events_in_scope(user) -> QuerySet[AuditEvent]:
    """The audit events a coordinator may read, per programme: events about the participants of their
    programmes (by clientcode, or by the requested id of a denied access), and the events of the users
    of those programmes' organisations that name no participant. An event by a shared organisation's
    user about another programme's participant stays out."""
    programmas = programmas_of(user)
    if not programmas.exists():
        return AuditEvent.objects.none()
    deelnemers = _deelnemers_in_programmas(programmas)
    codes = deelnemers.values("deelnemers__clientcode")
    ids = deelnemers.values(d=Cast("deelnemers__pk", CharField()))
    gebruikers = Gebruiker.objects.filter(organisatie__programmas__in=programmas).values("pk")
    return AuditEvent.objects.filter(
        Q(clientcode__in=codes)
        | Q(actie=AuditEvent.Actie.DENIED, object_type="deelnemer", object_id__in=ids)
        | Q(gebruiker__in=gebruikers, clientcode="")
    )


def audit_zoeken(user, *, gebruiker: str = "", clientcode: str = "", actie: str = "", van=None, tot=None
                 ) -> QuerySet[AuditEvent]:
    """The coordinator's audit search: the events in scope (audit_events_in_scope) that match every filter given,
    newest first. User and clientcode match as typed, without regard to case; `van` and `tot` are moments (the
    start of the first day, the start of the day after the last). Each filter and the order have an index
    (AuditEvent.Meta.indexes, `tijdstip`), so a page costs the same in a log of a thousand events or of millions."""
    qs = audit_events_in_scope(user)
    if gebruiker:
        qs = qs.filter(gebruikersnaam__iexact=gebruiker)
    if clientcode:
        qs = qs.filter(clientcode__iexact=clientcode)
    if actie:
        qs = qs.filter(actie=actie)
    if van:
        qs = qs.filter(tijdstip__gte=van)
    if tot:
        qs = qs.filter(tijdstip__lt=tot)
    return qs.order_by("-tijdstip", "-id")


def audit_rijen(user, events) -> list[AuditEvent]:
    """The rows of one page of the audit search, with what the coordinator may know about each:
    `in_lijst` counts only the listed clientcodes of their own programmes, and `gevraagd` is the
    clientcode behind a denied id only when that participant is theirs."""
    events = list(events)
    programmas = programmas_of(user)
    alle_codes = {c for e in events for c in (e.clientcodes or [])}
    eigen_codes = set(
        _deelnemers_in_programmas(programmas).filter(deelnemers__clientcode__in=alle_codes)
        .values_list("deelnemers__clientcode", flat=True)
    ) if alle_codes else set()
    gevraagde_ids = {int(e.object_id) for e in events
                     if e.actie == AuditEvent.Actie.DENIED and e.object_type == "deelnemer" and e.object_id.isdigit()}
    eigen_ids = dict(
        _deelnemers_in_programmas(programmas).filter(deelnemers__pk__in=gevraagde_ids)
        .values_list("deelnemers__pk", "deelnemers__clientcode")
    ) if gevraagde_ids else {}
    for e in events:
        e.in_lijst = len(set(e.clientcodes or []) & eigen_codes)
        denied = e.actie == AuditEvent.Actie.DENIED and e.object_type == "deelnemer" and e.object_id.isdigit()
        e.gevraagd = eigen_ids.get(int(e.object_id)) if denied else None
    return events


def audit_events_over(deelnemer) -> QuerySet[AuditEvent]:
    """Every audit event about one participant: by clientcode (scoped to the organisations of its
    programme: clientcodes are unique per programme) and the denied attempts on its id."""
    organisaties = list(deelnemer.programma.organisaties.values_list("naam", flat=True))
    return AuditEvent.objects.filter(
        (Q(clientcode=deelnemer.clientcode) & (Q(organisatie__in=organisaties) | Q(organisatie="")))
        | Q(actie=AuditEvent.Actie.DENIED, object_type="deelnemer", object_id=str(deelnemer.pk))
    ).order_by("-id")
