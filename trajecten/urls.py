from django.urls import path

from trajecten import views, views_tabs

app_name = "trajecten"

urlpatterns = [
    path("caseload/", views.caseload, name="caseload"),
    path("deelnemers/", views.deelnemers, name="deelnemers"),
    path("deelnemers/nieuw/", views.deelnemer_nieuw, name="deelnemer_nieuw"),
    path("deelnemers/<int:pk>/", views.dossier, name="dossier"),
    path("deelnemers/<int:pk>/contacten/", views.contacten, name="contacten"),
    path("deelnemers/<int:pk>/gegevens/", views.persoonsgegevens, name="persoonsgegevens"),
    path("deelnemers/<int:pk>/begeleiding/", views.begeleiding, name="begeleiding"),
    path("deelnemers/<int:pk>/traject/nieuw/", views.traject_nieuw, name="traject_nieuw"),
    path("deelnemers/<int:pk>/trajectplan/", views_tabs.trajectplan, name="trajectplan"),
    path("deelnemers/<int:pk>/verwijzingen/", views_tabs.verwijzingen, name="verwijzingen"),
    path("deelnemers/<int:pk>/documenten/", views_tabs.documenten, name="documenten"),
    path("trajecten/<int:traject_pk>/fase/", views.fase, name="fase"),
    path("trajecten/<int:traject_pk>/intake/", views.intake, name="intake"),
    path("trajecten/<int:traject_pk>/contact/", views.contact_nieuw, name="contact_nieuw"),
    path("trajecten/<int:traject_pk>/uitstroom/", views.uitstroom, name="uitstroom"),
    path("trajecten/<int:traject_pk>/afsluiten/", views.beeindigen, name="beeindigen"),
    path("trajecten/<int:traject_pk>/terugval/", views.terugval, name="terugval"),
    path("contacten/<int:contact_pk>/", views.contact_bewerken, name="contact_bewerken"),
    path("sociale-kaart/", views_tabs.sociale_kaart, name="sociale_kaart"),
]
