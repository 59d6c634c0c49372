"""Screens for the beheerder: user accounts."""

from django.shortcuts import render

from uitstap.codes import Rol
from uitstap.models import Gebruiker
from uitstap.permissions import rol_vereist


@rol_vereist(Rol.BEHEERDER)
def gebruikers(request):
    qs = Gebruiker.objects.select_related("organisatie", "gemeente").order_by("-is_active", "username")
    return render(request, "uitstap/gebruikers.html", {"gebruikers": qs})

