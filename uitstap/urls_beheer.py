"""Routes for the beheerder (accounts) and the coordinator's audit search."""

from django.urls import path

from uitstap import views_audit, views_beheer

urlpatterns = [
    path("beheer/gebruikers/", views_beheer.gebruikers, name="gebruikers"),
    path("audit/", views_audit.audit_zoeken, name="audit_zoeken"),
]
