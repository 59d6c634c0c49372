"""Routes of the trajectplan feature (included in the `trajecten` namespace)."""

from django.urls import path

from trajecten import views_plan

urlpatterns = [
    path("deelnemers/<int:pk>/trajectplan/", views_plan.trajectplan, name="trajectplan"),
    path("deelnemers/<int:pk>/trajectplan/<int:plan_pk>/pdf/", views_plan.plan_pdf, name="plan_pdf"),
    path("deelnemers/<int:pk>/trajectplan/<int:plan_pk>/voorbeeld/", views_plan.plan_pdf_voorbeeld,
         name="plan_pdf_voorbeeld"),
    path("trajecten/<int:traject_pk>/meting/", views_plan.meting_nieuw, name="meting_nieuw"),
    path("trajecten/<int:traject_pk>/trajectplan/nieuw/", views_plan.plan_nieuw, name="plan_nieuw"),
    path("trajectplannen/<int:plan_pk>/afspraken/", views_plan.plan_bewerken, name="plan_bewerken"),
    path("trajectplannen/<int:plan_pk>/ondertekenen/", views_plan.ondertekenen, name="plan_ondertekenen"),
    path("trajectplannen/<int:plan_pk>/nieuwe-versie/", views_plan.nieuwe_versie, name="plan_nieuwe_versie"),
    path("trajectplannen/<int:plan_pk>/doel/", views_plan.doel_nieuw, name="doel_nieuw"),
    path("doelen/<int:doel_pk>/", views_plan.doel_bewerken, name="doel_bewerken"),
    path("doelen/<int:doel_pk>/verwijderen/", views_plan.doel_verwijderen, name="doel_verwijderen"),
    path("doelen/<int:doel_pk>/subdoel/", views_plan.subdoel_nieuw, name="subdoel_nieuw"),
    path("doelen/<int:doel_pk>/voortgang/", views_plan.voortgang_nieuw, name="voortgang_nieuw"),
    path("doelen/<int:doel_pk>/status/", views_plan.doel_status, name="doel_status"),
]
