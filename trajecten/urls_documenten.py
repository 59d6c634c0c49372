"""Routes of the Documenten tab and the coordinator's AVG screens for one participant."""

from django.urls import path

from trajecten import views_avg, views_documenten

urlpatterns = [
    path("deelnemers/<int:pk>/documenten/", views_documenten.documenten, name="documenten"),
    path("deelnemers/<int:pk>/documenten/<int:document_pk>/download/", views_documenten.document_download,
         name="document_download"),
    path("deelnemers/<int:pk>/ingezien/", views_avg.ingezien, name="ingezien"),
    path("deelnemers/<int:pk>/inzage/", views_avg.inzage, name="avg_inzage"),
    path("deelnemers/<int:pk>/wissen/", views_avg.wissen, name="avg_wissen"),
]
