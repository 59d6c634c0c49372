"""Trajectplan tab and its actions (metingen, plan versions, goals, PDF)."""

from django.shortcuts import render

from clients.access import deelnemer_or_404
from trajecten.views import dossier_context


def trajectplan(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="trajectplan")
    return render(request, "trajecten/dossier_leeg.html", dossier_context(request, deelnemer, tab="trajectplan"))
