"""Reads of core data: programmes, users, the sociale kaart."""

from django.db.models import Prefetch, Q, QuerySet

from uitstap.codes import Rol
from uitstap.models import Contactpersoon, Gebruiker, Gemeente, Ketenpartner, Programma


def programmas_of(user) -> QuerySet[Programma]:
    """Programmes the user works in, through their organisation."""
    if not getattr(user, "is_authenticated", False) or not user.organisatie_id:
        return Programma.objects.none()
    return Programma.objects.filter(organisaties=user.organisatie_id)


def begeleiders_for(programma: Programma) -> QuerySet[Gebruiker]:
    """Active coaches of the organisations that run `programma`."""
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
