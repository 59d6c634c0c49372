from django.urls import path

from trajecten import urls_documenten, urls_plan, urls_verwijzingen, views

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
    path("trajecten/<int:traject_pk>/fase/", views.fase, name="fase"),
    path("trajecten/<int:traject_pk>/intake/", views.intake, name="intake"),
    path("trajecten/<int:traject_pk>/contact/", views.contact_nieuw, name="contact_nieuw"),
    path("trajecten/<int:traject_pk>/uitstroom/", views.uitstroom, name="uitstroom"),
    path("trajecten/<int:traject_pk>/afsluiten/", views.beeindigen, name="beeindigen"),
    path("trajecten/<int:traject_pk>/terugval/", views.terugval, name="terugval"),
    path("contacten/<int:contact_pk>/", views.contact_bewerken, name="contact_bewerken"),
]

# Each feature keeps its own routes (same namespace).
urlpatterns += urls_plan.urlpatterns + urls_verwijzingen.urlpatterns + urls_documenten.urlpatterns
