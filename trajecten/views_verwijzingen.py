"""Verwijzingen tab, referral actions and the sociale kaart."""

from django.shortcuts import render

from clients.access import deelnemer_or_404
from trajecten.views import dossier_context


def verwijzingen(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="verwijzingen")
    return render(request, "trajecten/dossier_leeg.html", dossier_context(request, deelnemer, tab="verwijzingen"))


def sociale_kaart(request):
    return render(request, "trajecten/sociale_kaart_leeg.html", {})
