"""Routes of the figures screens."""

from django.urls import path

from rapportage import views

app_name = "rapportage"

urlpatterns = [
    path("", views.cijfers, name="cijfers"),
    path("export/<slug:slug>/", views.export, name="export"),
]
