"""Routes for the beheerder (accounts) and the coordinator's audit search."""

from django.urls import path

from uitstap import views_audit, views_beheer

urlpatterns = [
    path("beheer/gebruikers/", views_beheer.gebruikers, name="gebruikers"),
    path("beheer/gebruikers/nieuw/", views_beheer.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("beheer/gebruikers/<int:pk>/", views_beheer.gebruiker_detail, name="gebruiker_detail"),
    path("beheer/gebruikers/<int:pk>/wijzigen/", views_beheer.gebruiker_bewerken, name="gebruiker_bewerken"),
    path("beheer/gebruikers/<int:pk>/deactiveren/", views_beheer.gebruiker_deactiveren, name="gebruiker_deactiveren"),
    path("beheer/gebruikers/<int:pk>/activeren/", views_beheer.gebruiker_activeren, name="gebruiker_activeren"),
    path("beheer/gebruikers/<int:pk>/tweede-factor/", views_beheer.gebruiker_tweede_factor_resetten,
         name="gebruiker_tweede_factor_resetten"),
    path("beheer/gebruikers/<int:pk>/deblokkeren/", views_beheer.gebruiker_deblokkeren, name="gebruiker_deblokkeren"),
    path("beheer/gebruikers/<int:pk>/wachtwoordlink/", views_beheer.gebruiker_wachtwoordlink,
         name="gebruiker_wachtwoordlink"),
    path("beheer/verzoeken/", views_beheer.accountverzoeken, name="accountverzoeken"),
    path("beheer/verzoeken/<int:pk>/goedkeuren/", views_beheer.accountverzoek_goedkeuren,
         name="accountverzoek_goedkeuren"),
    path("beheer/verzoeken/<int:pk>/afwijzen/", views_beheer.accountverzoek_afwijzen, name="accountverzoek_afwijzen"),
    path("audit/", views_audit.audit_zoeken, name="audit_zoeken"),
]
