"""Dossier tabs and pages that later issues fill in (trajectplan, verwijzingen, documenten, sociale kaart)."""

from django.shortcuts import render

from clients.access import deelnemer_or_404
from trajecten.views import dossier_context


def trajectplan(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="trajectplan")
    return render(request, "trajecten/dossier_leeg.html", dossier_context(request, deelnemer, tab="trajectplan"))


def verwijzingen(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="verwijzingen")
    return render(request, "trajecten/dossier_leeg.html", dossier_context(request, deelnemer, tab="verwijzingen"))


def documenten(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="documenten")
    return render(request, "trajecten/dossier_leeg.html", dossier_context(request, deelnemer, tab="documenten"))


def sociale_kaart(request):
    return render(request, "trajecten/sociale_kaart_leeg.html", {})
