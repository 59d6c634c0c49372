"""Documenten tab: upload and permission-checked download."""

from django.shortcuts import render

from clients.access import deelnemer_or_404
from trajecten.views import dossier_context


def documenten(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="documenten")
    return render(request, "trajecten/dossier_leeg.html", dossier_context(request, deelnemer, tab="documenten"))
