"""Routes of the verwijzingen feature and the sociale kaart (namespace trajecten)."""

from django.urls import path

from trajecten import views_verwijzingen as views

urlpatterns = [
    path("deelnemers/<int:pk>/verwijzingen/", views.verwijzingen, name="verwijzingen"),
    path("trajecten/<int:traject_pk>/verwijzen/", views.verwijzing_nieuw, name="verwijzing_nieuw"),
    path("verwijzingen/<int:pk>/", views.verwijzing_bewerken, name="verwijzing_bewerken"),
    path("verwijzingen/<int:pk>/status/", views.verwijzing_status, name="verwijzing_status"),
    path("verwijzingen/<int:pk>/intake/", views.verwijzing_intake, name="verwijzing_intake"),
    path("verwijzingen/<int:pk>/terugkoppeling/", views.terugkoppeling_nieuw, name="terugkoppeling_nieuw"),
    path("sociale-kaart/", views.sociale_kaart, name="sociale_kaart"),
    path("sociale-kaart/nieuw/", views.ketenpartner_nieuw, name="ketenpartner_nieuw"),
    path("sociale-kaart/<int:pk>/", views.ketenpartner_detail, name="ketenpartner_detail"),
    path("sociale-kaart/<int:pk>/bewerken/", views.ketenpartner_bewerken, name="ketenpartner_bewerken"),
    path("sociale-kaart/<int:pk>/goedkeuren/", views.ketenpartner_goedkeuren, name="ketenpartner_goedkeuren"),
    path("sociale-kaart/<int:pk>/afwijzen/", views.ketenpartner_afwijzen, name="ketenpartner_afwijzen"),
    path("sociale-kaart/<int:pk>/actief/", views.ketenpartner_actief, name="ketenpartner_actief"),
    path("sociale-kaart/<int:pk>/contactpersonen/nieuw/", views.contactpersoon_nieuw, name="contactpersoon_nieuw"),
    path("contactpersonen/<int:pk>/", views.contactpersoon_bewerken, name="contactpersoon_bewerken"),
]
