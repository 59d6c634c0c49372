"""Routes of the figures, grant and verslag screens."""

from django.urls import path

from rapportage.views import beschikking, cijfers, verslag

app_name = "rapportage"

urlpatterns = [
    path("", cijfers.cijfers, name="cijfers"),
    path("export/<slug:slug>/", cijfers.export, name="export"),
    path("dataset/<slug:slug>/", cijfers.dataset, name="dataset"),
    path("beschikkingen/", beschikking.beschikkingen, name="beschikkingen"),
    path("beschikking/<int:pk>/", beschikking.beschikking, name="beschikking"),
    path("beschikking/<int:pk>/begroting/", beschikking.begroting_wijzigen, name="begroting"),
    path("beschikking/<int:pk>/cofinancier/", beschikking.cofinancier_toevoegen, name="cofinancier"),
    path("beschikking/<int:pk>/voorschot/", beschikking.voorschot_toevoegen, name="voorschot"),
    path("beschikking/<int:pk>/verslag/", verslag.verslag_nieuw, name="verslag_nieuw"),
    path("periode/<int:pk>/plan/", beschikking.plan_wijzigen, name="plan"),
    path("periode/<int:pk>/besteding/", beschikking.besteding_wijzigen, name="besteding"),
    path("verslag/<int:pk>/", verslag.verslag, name="verslag"),
    path("verslag/<int:pk>/vaststellen/", verslag.verslag_vaststellen, name="vaststellen"),
    path("verslag/<int:pk>/pdf/", verslag.verslag_download, name="verslag_pdf"),
    path("verslag/<int:pk>/voorbeeld/", verslag.verslag_voorbeeld, name="verslag_voorbeeld"),
]
