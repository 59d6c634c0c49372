"""Reads of core data: programmes, users, the sociale kaart."""

from django.db.models import QuerySet

from uitstap.codes import Rol
from uitstap.models import Gebruiker, Programma


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
