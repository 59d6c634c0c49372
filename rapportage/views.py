"""Figures screens for the coordinator."""

from django.shortcuts import render

from uitstap.codes import Rol
from uitstap.permissions import rol_vereist


@rol_vereist(Rol.COORDINATOR)
def cijfers(request):
    return render(request, "rapportage/cijfers.html", {})
